package org.dangjian.flow.system;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.dangjian.flow.organization.EngineIdentity;

/**
 * Who is acting on a step, for every process alike (一步一审: every step has an actor on record): the logged-in
 * user, else the task's assignee. Only someone the task is offered to may complete it, whatever the client: a
 * member of its candidate groups, a candidate user, or — for a task given to one person — that person.
 */
public final class Actor {

  private Actor() {
  }

  public static String of(DelegateTask task) {
    IdentityService identity = task.getProcessEngineServices().getIdentityService();
    String actor = current(identity);
    if (actor == null) {
      actor = task.getAssignee();
    }
    if (actor == null) {
      throw new StepRefusedException("无法确定办理人：请登录后认领任务再办理");
    }
    List<String> groups = task.getCandidates().stream().map(IdentityLink::getGroupId).filter(g -> g != null).toList();
    List<String> users = task.getCandidates().stream().map(IdentityLink::getUserId).filter(u -> u != null).toList();
    if (groups.isEmpty() && users.isEmpty()) {
      if (task.getAssignee() != null && !task.getAssignee().equals(actor)) {
        throw new StepRefusedException("此任务只能由" + task.getAssignee() + "本人办理，当前用户为 " + actor);
      }
      return actor;
    }
    if (!actor.equals(task.getAssignee()) && !users.contains(actor)
        && !EngineIdentity.isMemberOfAny(identity, actor, groups)) {
      throw new StepRefusedException("用户 " + actor + " 不属于本任务的办理组织（" + String.join("、", groups) + "），不能办理");
    }
    return actor;
  }

  /** The logged-in user, or null when the engine acts on its own (a timer, a test without login). */
  public static String current(IdentityService identity) {
    Authentication auth = identity.getCurrentAuthentication();
    return auth == null ? null : auth.getUserId();
  }

  /** The logged-in user, who must be there: a start or a launch is always somebody's. */
  public static String required(IdentityService identity) {
    String actor = current(identity);
    if (actor == null) {
      throw new StepRefusedException("无法确定办理人：请登录后再办理");
    }
    return actor;
  }
}
