package org.dangjian.flow.grading;

import org.dangjian.flow.organization.EngineIdentity;
import org.dangjian.flow.organization.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo people for grading 高新区机关党委 itself under 高新区工委 (the organization demo data has secretaries and
 * evaluators for the branches and the village only). Runs once the application is ready, so after the organization
 * startup has created the groups; idempotent.
 */
@Component
class GradingDemoData {

  private static final String[] EVALUATOR_NAMES = {"冯一", "陈二", "褚三", "卫四", "蒋五", "沈六"};

  private final EngineIdentity identity;
  private final boolean enabled;
  private final String password;

  GradingDemoData(EngineIdentity identity, @Value("${dangjian.demo.enabled}") boolean enabled,
      @Value("${dangjian.demo.password}") String password) {
    this.identity = identity;
    this.enabled = enabled;
    this.password = password;
  }

  @EventListener(ApplicationReadyEvent.class)
  void load() {
    if (!enabled) {
      return;
    }
    identity.ensureUser("jg.secretary", "韩", "冰", password, Role.SECRETARY.groupOf("gxq-jg"));
    for (int i = 0; i < EVALUATOR_NAMES.length; i++) {
      identity.ensureUser("jg.eval" + (i + 1), EVALUATOR_NAMES[i].substring(0, 1), EVALUATOR_NAMES[i].substring(1),
          password, Role.EVALUATOR.groupOf("gxq-jg"));
    }
  }
}
