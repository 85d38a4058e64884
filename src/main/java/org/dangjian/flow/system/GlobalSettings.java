package org.dangjian.flow.system;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The settings every node shares (table {@code global_setting}): a value, who changed it when, and a version that
 * grows with every change, so that a node sees with one primary-key read whether what it cached is still current.
 */
@Repository
public class GlobalSettings {

  /** Who seeds a setting at the first start. */
  public static final String SYSTEM = "system";

  public record Setting(String name, String value, long version, String changedBy, LocalDateTime changedAt) {
  }

  private final JdbcTemplate jdbc;

  GlobalSettings(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Setting> read(String name) {
    return jdbc.query("select * from global_setting where name = ?", (rs, n) -> new Setting(rs.getString("name"),
        rs.getString("setting_value"), rs.getLong("version"), rs.getString("changed_by"),
        rs.getTimestamp("changed_at").toLocalDateTime()), name).stream().findFirst();
  }

  public Setting require(String name) {
    return read(name).orElseThrow(() -> new IllegalStateException("global setting " + name + " was never seeded"));
  }

  /**
   * Locks the setting's row until the transaction ends: two administrators saving at once change it one after the
   * other, each reading what the other saved (a year's days are deleted and inserted again, which two concurrent
   * writers would otherwise both do on the same dates).
   */
  public Setting lock(String name) {
    List<Long> found = jdbc.queryForList("select version from global_setting where name = ? for update", Long.class,
        name);
    if (found.isEmpty()) {
      throw new IllegalStateException("global setting " + name + " was never seeded");
    }
    return require(name);
  }

  /**
   * The first value of a setting; false if it already has one (seeded earlier, or by another node just now, in which
   * case the caller's transaction must roll back: PostgreSQL has aborted it).
   */
  boolean seed(String name, String value) {
    if (read(name).isPresent()) {
      return false;
    }
    try {
      jdbc.update("insert into global_setting (name, setting_value, version, changed_by, changed_at)"
          + " values (?, ?, 1, ?, ?)", name, value, SYSTEM, Timestamp.valueOf(LocalDateTime.now()));
      return true;
    } catch (DuplicateKeyException anotherNodeSeededIt) {
      return false;
    }
  }

  /** Seeds a setting that is one row and nothing else, outside any transaction (the insert commits by itself). */
  public void seedIfMissing(String name, String value) {
    if (read(name).isEmpty()) {
      seed(name, value);
    }
  }

  /** A new value (the same for the calendar, whose days changed); every node's cache of it is stale from here. */
  public void change(String name, String value, String userId) {
    int rows = jdbc.update("update global_setting set setting_value = ?, version = version + 1, changed_by = ?,"
        + " changed_at = ? where name = ?", value, userId, Timestamp.valueOf(LocalDateTime.now()), name);
    if (rows != 1) {
      throw new IllegalStateException("global setting " + name + " was never seeded");
    }
  }
}
