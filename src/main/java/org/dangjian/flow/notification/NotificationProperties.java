package org.dangjian.flow.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dangjian.notifications.*}. Notifications are on when a channel exists: e-mail once {@code spring.mail.host}
 * is set (README, "Notifications (通知)").
 *
 * @param baseUrl where users open the application; the links in the messages start with it
 * @param from the sender's address of the e-mails
 * @param digestCron when the daily digest (每日待办) is queued, in Asia/Shanghai; "-" for never
 * @param dispatchIntervalMs how often the outbox is sent (milliseconds between two runs)
 * @param dueSoonDays a task due within this many days is 即将到期 in the digest (as Tasklist's filter)
 * @param firstRetry the wait after a failed send, doubled at each further failure up to maxRetry
 * @param maxAttempts after this many failed attempts a message is marked failed (kept in the outbox)
 * @param lease a message claimed by a node that has not finished it after this long is taken by another
 */
@ConfigurationProperties("dangjian.notifications")
record NotificationProperties(@DefaultValue("http://localhost:8080") String baseUrl,
    @DefaultValue("dangjian-flow@localhost") String from, @DefaultValue("0 0 7 * * *") String digestCron,
    @DefaultValue("30000") long dispatchIntervalMs, @DefaultValue("3") int dueSoonDays,
    @DefaultValue("PT1M") Duration firstRetry, @DefaultValue("PT6H") Duration maxRetry,
    @DefaultValue("10") int maxAttempts, @DefaultValue("PT10M") Duration lease) {

  NotificationProperties {
    baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** The task opened in Tasklist. */
  String taskLink(String taskId) {
    return baseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
  }

  String tasklistLink() {
    return baseUrl + "/camunda/app/tasklist/default/";
  }

  /** The wait before attempt {@code attempts + 1}, after {@code attempts} failed ones. */
  Duration backoff(int attempts) {
    Duration wait = firstRetry;
    for (int i = 1; i < attempts && wait.compareTo(maxRetry) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
  }
}
