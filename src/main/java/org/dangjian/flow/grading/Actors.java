package org.dangjian.flow.grading;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.dangjian.flow.system.StepRefusedException;

/** Every step has an actor on record: the logged-in user, else the task's assignee. */
final class Actors {

  private Actors() {
  }

  static String actor(IdentityService identity, String assignee) {
    Authentication auth = identity.getCurrentAuthentication();
    String actor = auth != null && auth.getUserId() != null ? auth.getUserId() : assignee;
    if (actor == null) {
      throw new StepRefusedException("无法确定办理人：请登录后认领任务再办理");
    }
    return actor;
  }
}
