package org.dangjian.flow.notification;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The outbox (V11 {@code notification_outbox}): a message per event and recipient, queued in the transaction of the
 * event (a task opened, a reminder recorded), so that it exists exactly when the event does; sent later by
 * {@link OutboxSender}, which claims a row with one conditional update (no two nodes send the same row) and marks
 * it sent, or back to new with a later attempt time.
 */
@Repository
class Outbox {

  enum Kind { NEW_TASK, REMINDER, ESCALATION, DIGEST }

  enum State { NEW, SENDING, SENT, SKIPPED, FAILED }

  record Row(long id, String eventKey, Kind kind, String recipient, String subject, String body, String link,
      State state, int attempts, String channel, String lastError) {
  }

  private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getLong("id"), rs.getString("event_key"),
      Kind.valueOf(rs.getString("kind")), rs.getString("recipient"), rs.getString("subject"), rs.getString("body"),
      rs.getString("link"), State.valueOf(rs.getString("state").toUpperCase()), rs.getInt("attempts"),
      rs.getString("channel"), rs.getString("last_error"));

  /** A row is due when new and its time has come, or claimed by a node that has not finished it within the lease. */
  private static final String DUE = "(state = 'new' and next_attempt_at <= ?) or (state = 'sending' and claimed_at < ?)";

  private final JdbcTemplate jdbc;

  Outbox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Queues the message unless this event already has one for this person. Inside the engine's transaction the key is
   * the event's own (a task id, a case event id), written once; the digest's, written outside any transaction by
   * each node, may meet another node's row: the unique key refuses the second, which is then no error.
   */
  boolean enqueue(String eventKey, Kind kind, String recipient, String subject, String body, String link,
      Instant now) {
    Integer existing = jdbc.queryForObject("select count(*) from notification_outbox where event_key = ?"
        + " and recipient = ?", Integer.class, eventKey, recipient);
    if (existing != null && existing > 0) {
      return false;
    }
    try {
      jdbc.update("insert into notification_outbox (event_key, kind, recipient, subject, body, link, state, attempts,"
          + " next_attempt_at, created_at) values (?, ?, ?, ?, ?, ?, 'new', 0, ?, ?)", eventKey, kind.name(), recipient,
          cut(subject, 500), cut(body, 8000), cut(link, 1000), Timestamp.from(now), Timestamp.from(now));
      return true;
    } catch (DuplicateKeyException alreadyQueued) {
      return false;
    }
  }

  /** The ids of rows due now, oldest first. */
  List<Long> due(Instant now, Duration lease, int max) {
    return jdbc.queryForList("select id from notification_outbox where " + DUE + " order by id fetch first " + max
        + " rows only", Long.class, Timestamp.from(now), Timestamp.from(now.minus(lease)));
  }

  /** Takes the row for this node if it is still due: true for exactly one of the nodes that try. */
  boolean claim(long id, String node, Instant now, Duration lease) {
    return jdbc.update("update notification_outbox set state = 'sending', claimed_by = ?, claimed_at = ?,"
        + " attempts = attempts + 1 where id = ? and (" + DUE + ")", node, Timestamp.from(now), id,
        Timestamp.from(now), Timestamp.from(now.minus(lease))) == 1;
  }

  Optional<Row> row(long id) {
    return jdbc.query("select * from notification_outbox where id = ?", ROW, id).stream().findFirst();
  }

  List<Row> forEvent(String eventKey) {
    return jdbc.query("select * from notification_outbox where event_key = ? order by id", ROW, eventKey);
  }

  List<Row> forEventPrefix(String prefix) {
    return jdbc.query("select * from notification_outbox where event_key like ? order by id", ROW, prefix + "%");
  }

  void sent(long id, String node, String channel, Instant now) {
    finish(id, node, "update notification_outbox set state = 'sent', sent_at = ?, channel = ?, last_error = null",
        Timestamp.from(now), channel);
  }

  void skipped(long id, String node, String reason) {
    finish(id, node, "update notification_outbox set state = 'skipped', last_error = ?", cut(reason, 1000));
  }

  void failed(long id, String node, String channel, String error) {
    finish(id, node, "update notification_outbox set state = 'failed', channel = ?, last_error = ?", channel,
        cut(error, 1000));
  }

  void retryAt(long id, String node, String channel, Instant next, String error) {
    finish(id, node, "update notification_outbox set state = 'new', next_attempt_at = ?, channel = ?,"
        + " last_error = ?", Timestamp.from(next), channel, cut(error, 1000));
  }

  /** Only the node holding the claim finishes a row (a node past its lease lost it to another). */
  private void finish(long id, String node, String update, Object... values) {
    Object[] args = new Object[values.length + 2];
    System.arraycopy(values, 0, args, 0, values.length);
    args[values.length] = id;
    args[values.length + 1] = node;
    jdbc.update(update + " where id = ? and state = 'sending' and claimed_by = ?", args);
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
