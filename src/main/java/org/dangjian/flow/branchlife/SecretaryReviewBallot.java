package org.dangjian.flow.branchlife;

import org.dangjian.flow.system.SecretBallot;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Declares 述职评议's ballot to the secret-ballot mechanism ({@link org.dangjian.flow.system.SecretBallots}). */
@Configuration(proxyBeanMethods = false)
class SecretaryReviewBallot {

  @Bean
  SecretBallot secretaryReviewSecretBallot() {
    return SecretaryReview.BALLOT;
  }
}
