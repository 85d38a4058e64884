package org.dangjian.flow.villagehelp;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.dangjian.flow.organization.EngineIdentity;
import org.dangjian.flow.system.Actor;
import org.dangjian.flow.system.StepInput;
import org.springframework.stereotype.Component;

/**
 * Who acts, and whether they may: tasks are offered to the right people in Tasklist, and a completion
 * through REST by anyone else is refused here (a village clerk confirms only their village's cases).
 */
@Component
class Actors {

  private final IdentityService identity;

  Actors(IdentityService identity) {
    this.identity = identity;
  }

  /** The logged-in user, else the task's assignee, who must be one the task is offered to. */
  String of(DelegateTask task) {
    return Actor.of(task);
  }

  /** The logged-in user who starts a process, if any. */
  String current() {
    return Actor.current(identity);
  }

  boolean exists(String userId) {
    return userId != null && identity.createUserQuery().userId(userId).count() > 0;
  }

  boolean isMember(String userId, String groupId) {
    return EngineIdentity.isMemberOfAny(identity, userId, List.of(groupId));
  }

  void requireMember(StepInput in, String actor, String groupId, String who) {
    if (!isMember(actor, groupId)) {
      in.problem("用户 " + actor + " 不是" + who + "（" + groupId + "），不能办理此任务");
    }
  }

  void requireUser(StepInput in, String actor, String userId, String who) {
    if (!actor.equals(userId)) {
      in.problem("此任务只能由" + who + "（" + userId + "）本人办理，当前用户为 " + actor);
    }
  }
}
