package org.dangjian.flow.notification;

import org.dangjian.flow.system.BusinessCalendar;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The outbox sent every few seconds and the digest queued once a day, on every node (the outbox's claims and the
 * digest's key keep the nodes from sending anything twice). Only with mail on; tests trigger both directly.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
class NotificationScheduling {

  private final OutboxSender sender;
  private final DailyDigest digest;

  NotificationScheduling(OutboxSender sender, DailyDigest digest) {
    this.sender = sender;
    this.digest = digest;
  }

  @Scheduled(fixedDelayString = "${dangjian.notifications.dispatch-interval-ms:30000}", initialDelay = 10_000)
  void sendDue() {
    sender.sendDue();
  }

  @Scheduled(cron = "${dangjian.notifications.digest-cron:0 0 7 * * *}", zone = "Asia/Shanghai")
  void queueDigest() {
    digest.queue(BusinessCalendar.today());
    sender.sendDue();
  }
}
