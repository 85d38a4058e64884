package org.dangjian.flow.audit;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Reminders, escalations, rule violations, send-backs and transfers, appended in the same transaction as
 * the step that caused them. Nothing here updates or deletes a row: the record never vanishes.
 */
@Repository
public class CaseEventLog {

  private static final RowMapper<CaseEvent> ROW = (rs, n) -> new CaseEvent(rs.getLong("id"),
      rs.getString("process_instance_id"), rs.getString("case_number"),
      CaseEventType.valueOf(rs.getString("event_type")), rs.getString("rule_code"), rs.getString("activity_id"),
      rs.getString("description"), localDate(rs.getDate("due_date")), localDate(rs.getDate("actual_date")),
      rs.getString("user_id"), rs.getTimestamp("occurred_at").toLocalDateTime());

  private final JdbcTemplate jdbc;
  private final ApplicationEventPublisher publisher;

  CaseEventLog(JdbcTemplate jdbc, ApplicationEventPublisher publisher) {
    this.jdbc = jdbc;
    this.publisher = publisher;
  }

  /**
   * Published (synchronously, in the same transaction) after an entry is appended: the notifications of a reminder
   * or an escalation are queued with it, or not at all.
   */
  public record Appended(long id, Entry entry) {
  }

  /** What happened, to which case, at which element, under which rule, by whom. */
  public record Entry(String processInstanceId, String caseNumber, CaseEventType type, String ruleCode,
      String activityId, String description, LocalDate dueDate, LocalDate actualDate, String userId) {
  }

  public void append(Entry e) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var insert = connection.prepareStatement("insert into case_event (process_instance_id, case_number, event_type,"
          + " rule_code, activity_id, description, due_date, actual_date, user_id, occurred_at)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
      insert.setString(1, e.processInstanceId());
      insert.setString(2, e.caseNumber());
      insert.setString(3, e.type().name());
      insert.setString(4, e.ruleCode());
      insert.setString(5, e.activityId());
      insert.setString(6, e.description());
      insert.setDate(7, sqlDate(e.dueDate()));
      insert.setDate(8, sqlDate(e.actualDate()));
      insert.setString(9, e.userId());
      insert.setTimestamp(10, new Timestamp(ClockUtil.getCurrentTime().getTime()));
      return insert;
    }, key);
    publisher.publishEvent(new Appended(key.getKey().longValue(), e));
  }

  public List<CaseEvent> forProcessInstance(String processInstanceId) {
    return jdbc.query("select * from case_event where process_instance_id = ? order by occurred_at, id", ROW,
        processInstanceId);
  }

  public List<CaseEvent> ofType(CaseEventType type) {
    return jdbc.query("select * from case_event where event_type = ? order by occurred_at, id", ROW, type.name());
  }

  private static Date sqlDate(LocalDate d) {
    return d == null ? null : Date.valueOf(d);
  }

  private static LocalDate localDate(Date d) {
    return d == null ? null : d.toLocalDate();
  }
}
