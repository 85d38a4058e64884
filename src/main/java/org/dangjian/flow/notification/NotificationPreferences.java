package org.dangjian.flow.notification;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** What each user chose to receive (V11 {@code notification_preference}); no row: everything. */
@Repository
class NotificationPreferences {

  /** @param taskMail new tasks, reminders and escalations; @param dailyDigest the daily digest (每日待办) */
  record Preference(boolean taskMail, boolean dailyDigest) {
    static final Preference ALL = new Preference(true, true);

    boolean wants(Outbox.Kind kind) {
      return kind == Outbox.Kind.DIGEST ? dailyDigest : taskMail;
    }
  }

  private final JdbcTemplate jdbc;

  NotificationPreferences(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Preference of(String userId) {
    return jdbc.query("select task_mail, daily_digest from notification_preference where user_id = ?",
        (rs, n) -> new Preference(rs.getBoolean(1), rs.getBoolean(2)), userId).stream().findFirst()
        .orElse(Preference.ALL);
  }

  void save(String userId, Preference preference) {
    Timestamp now = Timestamp.from(Instant.now());
    int updated = jdbc.update("update notification_preference set task_mail = ?, daily_digest = ?, updated_at = ?"
        + " where user_id = ?", preference.taskMail(), preference.dailyDigest(), now, userId);
    if (updated == 0) {
      jdbc.update("insert into notification_preference (user_id, task_mail, daily_digest, updated_at)"
          + " values (?, ?, ?, ?)", userId, preference.taskMail(), preference.dailyDigest(), now);
    }
  }
}
