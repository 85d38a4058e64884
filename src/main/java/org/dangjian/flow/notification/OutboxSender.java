package org.dangjian.flow.notification;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.dangjian.flow.notification.NotificationChannel.Message;
import org.dangjian.flow.notification.NotificationChannel.Recipient;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Sends what is due in the outbox. Each row is claimed with one conditional update before it is sent, so two nodes
 * (or two runs) never both send it; a sent row is marked sent and never due again, so a restart sends nothing twice.
 * A failed send goes back to new with a later attempt time (doubling, see {@link NotificationProperties#backoff}),
 * and after the last attempt stays as failed. The recipient's choice (opt-out) and address are read at sending time.
 *
 * <p>Only one window repeats a message: a node that dies after its channel accepted the message and before it marked
 * the row sent leaves the row claimed; another node takes it after the lease and sends it again.
 */
@Component
class OutboxSender {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
  private static final int BATCH = 50;

  private final Outbox outbox;
  private final Notifications notifications;
  private final NotificationPreferences preferences;
  private final Holders holders;
  private final NotificationProperties properties;
  private final Clock clock;
  private final String node;

  @Autowired
  OutboxSender(Outbox outbox, Notifications notifications, NotificationPreferences preferences, Holders holders,
      NotificationProperties properties) {
    this(outbox, notifications, preferences, holders, properties, Clock.systemUTC(),
        ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8));
  }

  /** Another node, or this one after a restart, over the same outbox; with its own clock. */
  OutboxSender(Outbox outbox, Notifications notifications, NotificationPreferences preferences, Holders holders,
      NotificationProperties properties, Clock clock, String node) {
    this.outbox = outbox;
    this.notifications = notifications;
    this.preferences = preferences;
    this.holders = holders;
    this.properties = properties;
    this.clock = clock;
    this.node = node;
  }

  /** Sends every row due now; returns how many were sent. */
  int sendDue() {
    List<NotificationChannel> channels = notifications.channels();
    if (channels.isEmpty()) {
      return 0;
    }
    int sent = 0;
    for (int round = 0; round < 1000; round++) {
      Instant now = clock.instant();
      List<Long> due = outbox.due(now, properties.lease(), BATCH);
      int claimed = 0;
      for (long id : due) {
        if (outbox.claim(id, node, now, properties.lease())) {
          claimed++;
          sent += deliver(outbox.row(id).orElseThrow(), channels) ? 1 : 0;
        }
      }
      if (claimed == 0) {
        break;
      }
    }
    return sent;
  }

  private boolean deliver(Outbox.Row row, List<NotificationChannel> channels) {
    if (!preferences.of(row.recipient()).wants(row.kind())) {
      outbox.skipped(row.id(), node, "opted out");
      return false;
    }
    User user = holders.user(row.recipient());
    if (user == null) {
      outbox.skipped(row.id(), node, "no such user");
      return false;
    }
    Recipient recipient = new Recipient(user.getId(), Holders.name(user), user.getEmail());
    NotificationChannel channel = channels.stream().filter(c -> c.reaches(recipient)).findFirst().orElse(null);
    if (channel == null) {
      outbox.skipped(row.id(), node, "no address");
      return false;
    }
    try {
      channel.send(recipient, new Message(row.kind().name(), row.subject(), row.body(), row.link()));
      outbox.sent(row.id(), node, channel.name(), clock.instant());
      return true;
    } catch (Exception e) {
      String error = e.getClass().getSimpleName() + ": " + e.getMessage();
      if (row.attempts() >= properties.maxAttempts()) {
        LOG.warn("Notification {} to {} failed {} times, given up: {}", row.id(), row.recipient(), row.attempts(),
            error);
        outbox.failed(row.id(), node, channel.name(), error);
      } else {
        outbox.retryAt(row.id(), node, channel.name(), clock.instant().plus(properties.backoff(row.attempts())),
            error);
      }
      return false;
    }
  }
}
