package org.dangjian.flow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.dangjian.flow.development.DevelopmentTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Wrong passwords slow the next login down, growing to a minute, and never lock the user out for good: after
 * the wait the right password gets in again, however many wrong ones came before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoginThrottlingTest extends DevelopmentTestSupport {

  private static final String USER = "keji.clerk";
  private static final long MAX_DELAY_MS = 60_000;

  @Autowired TestRestTemplate rest;

  @AfterEach
  void unlock() {
    identityService.unlockUser(USER);
  }

  private int basicLogin(String password) {
    return rest.withBasicAuth(USER, password).getForEntity("/engine-rest/task?maxResults=1", String.class)
        .getStatusCode().value();
  }

  private UserEntity user() {
    return (UserEntity) identityService.createUserQuery().userId(USER).singleResult();
  }

  @Test
  void wrongPasswordsDelayTheNextLoginUpToAMinuteAndNeverLockTheUserForGood() {
    assertThat(basicLogin("demo")).isEqualTo(200);
    long expectedDelay = 3_000;
    // beyond Camunda's default of 10 failures, after which it locked the user until an administrator unlocked them
    for (int failure = 1; failure <= 12; failure++) {
      long before = ClockUtil.getCurrentTime().getTime();
      assertThat(basicLogin("wrong")).as("failure %d", failure).isEqualTo(401);
      UserEntity user = user();
      assertThat(user.getAttempts()).as("failures counted").isEqualTo(failure);
      long delay = user.getLockExpirationTime().getTime() - before;
      assertThat(delay).as("delay after failure %d", failure).isBetween(expectedDelay, expectedDelay + 5_000);

      // while the delay runs the right password does not get in either, and nothing more is counted
      assertThat(basicLogin("demo")).isEqualTo(401);
      assertThat(basicLogin("wrong")).isEqualTo(401);
      assertThat(user().getAttempts()).isEqualTo(failure);

      ClockUtil.setCurrentTime(new Date(user.getLockExpirationTime().getTime() + 1_000));
      expectedDelay = Math.min(2 * expectedDelay, MAX_DELAY_MS);
    }
    assertThat(expectedDelay).isEqualTo(MAX_DELAY_MS);

    assertThat(basicLogin("demo")).as("the right password after the last delay").isEqualTo(200);
    assertThat(user().getAttempts()).isZero();
    assertThat(user().getLockExpirationTime()).isNull();
  }
}
