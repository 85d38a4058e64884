package org.dangjian.flow.grading;

import org.dangjian.flow.system.SecretBallot;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Declares 分类定级's ballot to the secret-ballot mechanism ({@link org.dangjian.flow.system.SecretBallots}). */
@Configuration(proxyBeanMethods = false)
class GradingBallot {

  @Bean
  SecretBallot gradingSecretBallot() {
    return Grading.BALLOT;
  }
}
