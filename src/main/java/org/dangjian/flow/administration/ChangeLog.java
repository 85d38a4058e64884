package org.dangjian.flow.administration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The append-only log of every administration change (who, when, what, before, after as JSON). The application
 * inserts rows and reads them; there is no update or delete of a row anywhere.
 */
@Repository
class ChangeLog {

  record Entry(long id, String changedBy, LocalDateTime changedAt, String entity, String entityId, String action,
      String organizationId, String before, String after) {
  }

  record Page(long total, List<Entry> items) {
  }

  static final int MAX_PAGE = 200;

  private static final RowMapper<Entry> ROW = (rs, n) -> new Entry(rs.getLong("id"), rs.getString("changed_by"),
      rs.getTimestamp("changed_at").toLocalDateTime(), rs.getString("entity"), rs.getString("entity_id"),
      rs.getString("action"), rs.getString("organization_id"), rs.getString("before_json"),
      rs.getString("after_json"));

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  ChangeLog(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  void append(String userId, String entity, String entityId, String action, String organizationId, Object before,
      Object after) {
    jdbc.update("insert into admin_change_log (changed_by, changed_at, entity, entity_id, action, organization_id,"
        + " before_json, after_json) values (?, ?, ?, ?, ?, ?, ?, ?)", userId, Timestamp.valueOf(LocalDateTime.now()),
        entity, entityId, action, organizationId, toJson(before), toJson(after));
  }

  /** Newest first; an organization department sees the changes of its own organizations only. */
  Page page(AdminAccess.Scope scope, int firstResult, int maxResults) {
    if (firstResult < 0) {
      throw new AdminRefusal.InvalidInput("firstResult", "参数“firstResult”不能为负数");
    }
    if (maxResults < 1 || maxResults > MAX_PAGE) {
      throw new AdminRefusal.InvalidInput("maxResults", "参数“maxResults”应在 1 到 " + MAX_PAGE + " 之间");
    }
    if (scope.administrator()) {
      long total = jdbc.queryForObject("select count(*) from admin_change_log", Long.class);
      return new Page(total, jdbc.query("select * from admin_change_log order by id desc limit ? offset ?", ROW,
          maxResults, firstResult));
    }
    // an organization department's subtree is decided by the tree as it is now, so it is filtered here
    List<Entry> visible = jdbc.query("select * from admin_change_log where organization_id is not null"
        + " order by id desc", ROW).stream().filter(e -> scope.covers(e.organizationId())).toList();
    int to = Math.min(visible.size(), firstResult + maxResults);
    return new Page(visible.size(), firstResult >= visible.size() ? List.of() : visible.subList(firstResult, to));
  }

  private String toJson(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("change log entry not serializable", e);
    }
  }
}
