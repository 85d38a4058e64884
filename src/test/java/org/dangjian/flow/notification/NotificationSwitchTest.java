package org.dangjian.flow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Mail is on exactly when spring.mail.host is set; the retries' waits double up to the limit. */
class NotificationSwitchTest {

  @Configuration
  @EnableConfigurationProperties(NotificationProperties.class)
  @Import(EmailChannel.class)
  static class Channels {
  }

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
      .withUserConfiguration(Channels.class);

  @Test
  void withoutAMailHostThereIsNoChannelAndNothingScheduled() {
    context.withUserConfiguration(NotificationScheduling.class).run(c -> {
      assertThat(c).doesNotHaveBean(EmailChannel.class);
      assertThat(c).doesNotHaveBean(NotificationScheduling.class);
    });
  }

  @Test
  void aMailHostSwitchesTheEmailChannelOn() {
    context.withPropertyValues("spring.mail.host=smtp.example.cn").run(c -> assertThat(c).hasSingleBean(EmailChannel.class));
  }

  @Test
  void retriesWaitTwiceAsLongEachTimeUpToTheLimit() {
    NotificationProperties p = new NotificationProperties("http://dj.example.cn/", "a@b.c", "-", 30000, 3,
        Duration.ofMinutes(1), Duration.ofMinutes(10), 10, Duration.ofMinutes(10));
    assertThat(p.backoff(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(p.backoff(2)).isEqualTo(Duration.ofMinutes(2));
    assertThat(p.backoff(4)).isEqualTo(Duration.ofMinutes(8));
    assertThat(p.backoff(5)).isEqualTo(Duration.ofMinutes(10));
    assertThat(p.backoff(30)).isEqualTo(Duration.ofMinutes(10));
    assertThat(p.taskLink("t-1")).isEqualTo("http://dj.example.cn/camunda/app/tasklist/default/#/?task=t-1");
  }
}
