package org.dangjian.flow.notification;

/**
 * One way of reaching a person: e-mail ({@link EmailChannel}), or an SMS or WeCom (企业微信) gateway added as another
 * bean implementing this. The outbox sender gives each message to the first channel (in {@code @Order}) that reaches
 * its recipient; a channel that throws has the message retried later, with backoff.
 */
public interface NotificationChannel {

  /** Its name in the outbox ({@code channel} column): email, sms, wecom. */
  String name();

  /** Whether it can reach this person (an e-mail address, a mobile number, a WeCom account). */
  boolean reaches(Recipient recipient);

  /** Sends, or throws: the message then stays in the outbox for the next attempt. */
  void send(Recipient recipient, Message message) throws Exception;

  /** Who, as the engine's identity (or the directory) knows them now. */
  record Recipient(String userId, String name, String email) {
  }

  /** What: a subject, a plain-text body, and the link to the task (Tasklist) it is about. */
  record Message(String kind, String subject, String body, String link) {
  }
}
