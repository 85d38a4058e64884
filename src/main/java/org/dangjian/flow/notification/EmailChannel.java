package org.dangjian.flow.notification;

import jakarta.mail.internet.MimeMessage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** E-mail over SMTP (Spring's mail support, {@code spring.mail.*}); there only when {@code spring.mail.host} is set. */
@Component
@Order(0)
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
class EmailChannel implements NotificationChannel {

  private final JavaMailSender mail;
  private final NotificationProperties properties;

  EmailChannel(JavaMailSender mail, NotificationProperties properties) {
    this.mail = mail;
    this.properties = properties;
  }

  @Override
  public String name() {
    return "email";
  }

  @Override
  public boolean reaches(Recipient recipient) {
    return recipient.email() != null && !recipient.email().isBlank();
  }

  @Override
  public void send(Recipient recipient, Message message) throws Exception {
    MimeMessage mime = mail.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(mime, "UTF-8");
    helper.setFrom(properties.from());
    helper.setTo(recipient.email());
    helper.setSubject(message.subject());
    helper.setText(message.body());
    mail.send(mime);
  }
}
