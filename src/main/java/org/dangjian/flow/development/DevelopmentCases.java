package org.dangjian.flow.development;

import static org.dangjian.flow.development.MemberDevelopment.Vars.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.dangjian.flow.audit.CaseEventLog;
import org.dangjian.flow.audit.CaseEventType;
import org.dangjian.flow.organization.CaseAccess;
import org.dangjian.flow.organization.EngineIdentity;
import org.dangjian.flow.organization.MemberRegistry;
import org.dangjian.flow.system.AccessDeniedException;
import org.dangjian.flow.system.BusinessCalendar;
import org.dangjian.flow.system.StepRefusedException;
import org.dangjian.flow.system.SystemAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What happens to a case outside its steps: withdrawal (撤回/终止) and transfer (组织关系转接, 细则 §12). */
@Service
public class DevelopmentCases {

  public enum WithdrawalKind {
    APPLICANT_WITHDREW("申请人撤回"), CLOSED_BY_BRANCH("支部终止");

    final String title;

    WithdrawalKind(String title) {
      this.title = title;
    }
  }

  /** A case has a handful of open tasks; queries are bounded (query-max-results-limit). */
  private static final int MAX_OPEN_TASKS = 100;
  private static final int MAX_REASON_LENGTH = 500;

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final CaseAssignment assignment;
  private final MemberRegistry registry;
  private final CaseEventLog events;
  private final CaseAccess access;
  private final SystemAccess system;
  private final MemberOptions memberOptions;

  DevelopmentCases(RuntimeService runtimeService, TaskService taskService, IdentityService identityService,
      CaseAssignment assignment, MemberRegistry registry, CaseEventLog events, CaseAccess access,
      SystemAccess system, MemberOptions memberOptions) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.identityService = identityService;
    this.assignment = assignment;
    this.registry = registry;
    this.events = events;
    this.access = access;
    this.system = system;
    this.memberOptions = memberOptions;
  }

  /** After the check that the user is a clerk of the case: the engine work runs without the user's grants. */
  @Transactional
  public void withdraw(String caseNumber, WithdrawalKind kind, String reason, String userId) {
    system.run(() -> withdrawChecked(caseNumber, kind, reason, userId));
  }

  private void withdrawChecked(String caseNumber, WithdrawalKind kind, String reason, String userId) {
    ProcessInstance instance = openCase(caseNumber);
    checkClerk(instance, userId);
    if (reason == null || reason.isBlank()) {
      throw new StepRefusedException("撤回或终止须填写理由");
    }
    runtimeService.createMessageCorrelation(MemberDevelopment.WITHDRAW_MESSAGE)
        .processInstanceId(instance.getId())
        .setVariable(WITHDRAW_REASON, kind.title + "：" + reason.trim())
        .setVariable(WITHDRAWN_BY, userId)
        .correlate();
  }

  /**
   * 预备期内取消预备党员资格 (细则 Art. 32): the branch opens the cancellation of a probationary membership during the
   * probation reviews (steps 21–22); the branch meeting then votes on it (Task_CancellationMeeting) and step 24
   * approves it. Only the clerks of the case's branch open it; refused when the case is not in its probation reviews
   * or a cancellation is already under way. The request is recorded in the 全程纪实.
   */
  @Transactional
  public void requestProbationCancellation(String caseNumber, String reason, String userId) {
    system.run(() -> requestProbationCancellationChecked(caseNumber, reason, userId));
  }

  private void requestProbationCancellationChecked(String caseNumber, String reason, String userId) {
    ProcessInstance instance = openCase(caseNumber);
    if (userId == null) {
      throw new AccessDeniedException("无法确定经办人：请登录后办理");
    }
    String branchGroup = (String) runtimeService.getVariable(instance.getId(), BRANCH_CLERK_GROUP);
    if (!EngineIdentity.isMemberOfAny(identityService, userId, List.of(branchGroup))) {
      throw new AccessDeniedException("用户 " + userId + " 不是本案所在党支部的党务工作者：取消预备党员资格由支部提出");
    }
    String why = reason == null ? "" : reason.trim();
    if (why.isEmpty()) {
      throw new StepRefusedException("提出取消预备党员资格须填写理由（如违反党的纪律、不履行党员义务的具体情况）");
    }
    if (why.length() > MAX_REASON_LENGTH) {
      throw new StepRefusedException("理由不能超过" + MAX_REASON_LENGTH + "字（收到" + why.length() + "字）");
    }
    List<String> open = taskService.createTaskQuery().processInstanceId(instance.getId()).listPage(0, MAX_OPEN_TASKS)
        .stream().map(Task::getTaskDefinitionKey).toList();
    Object resolution = runtimeService.getVariable(instance.getId(), "resolutionMeeting");
    if (open.contains(MemberDevelopment.Tasks.CANCELLATION_MEETING)
        || open.contains(MemberDevelopment.Tasks.CONVERSION_APPROVAL) && "cancellationMeeting".equals(resolution)) {
      throw new StepRefusedException("本案已有取消预备党员资格的程序在办理中（支部大会讨论或上级党委审批），不能重复提出");
    }
    long waiting = runtimeService.createEventSubscriptionQuery().processInstanceId(instance.getId())
        .eventType("message").eventName(MemberDevelopment.CANCELLATION_MESSAGE).count();
    if (waiting == 0) {
      List<String> steps = taskService.createTaskQuery().processInstanceId(instance.getId())
          .listPage(0, MAX_OPEN_TASKS).stream().map(Task::getName).toList();
      throw new StepRefusedException("本案不在预备期考察阶段（第21、22步），不能提出取消预备党员资格"
          + (steps.isEmpty() ? "" : "；目前在办：" + String.join("、", steps))
          + "。支部大会讨论转正时可作出取消预备党员资格的决议（第23步）");
    }
    String today = BusinessCalendar.today().toString();
    runtimeService.createMessageCorrelation(MemberDevelopment.CANCELLATION_MESSAGE)
        .processInstanceId(instance.getId())
        .setVariable("cancellationRequestReason", why)
        .setVariable("cancellationRequestDate", today)
        .setVariable("cancellationRequestedBy", userId)
        .correlate();
    events.append(new CaseEventLog.Entry(instance.getId(), caseNumber, CaseEventType.CANCELLATION_REQUEST,
        "PROBATION_CANCELLATION", null, "支部提出取消预备党员资格：" + why, null, BusinessCalendar.today(), userId));
  }

  /**
   * Moves an open case to another branch: the time served counts (dates and timers are untouched), the new
   * branch's clerks take over its open tasks, and the move is recorded.
   */
  @Transactional
  public void transfer(String caseNumber, String targetBranchId, String reason, String userId) {
    system.run(() -> transferChecked(caseNumber, targetBranchId, reason, userId));
  }

  private void transferChecked(String caseNumber, String targetBranchId, String reason, String userId) {
    ProcessInstance instance = openCase(caseNumber);
    checkClerk(instance, userId);
    List<String> problems = new ArrayList<>();
    if (reason == null || reason.isBlank()) {
      problems.add("组织关系转接须填写理由");
    }
    Map<String, Object> current = runtimeService.getVariables(instance.getId());
    if (targetBranchId == null || targetBranchId.equals(current.get(BRANCH_ID))) {
      problems.add("请选择另一个党支部作为转入支部");
    }
    CaseAssignment.Handlers handlers = problems.isEmpty() ? assignment.forBranch(targetBranchId, problems) : null;
    if (!problems.isEmpty()) {
      throw new StepRefusedException(problems);
    }
    handOver(instance.getId(), current, handlers.variables());
    access.regrant(instance.getId(), List.of(targetBranchId));
    long memberId = ((Number) current.get(MEMBER_ID)).longValue();
    registry.moveToBranch(memberId, targetBranchId);
    // an open step 5 or 9 names members of the branch the case is in now
    memberOptions.refreshCase(instance.getId());
    events.append(new CaseEventLog.Entry(instance.getId(), caseNumber, CaseEventType.TRANSFER, null, null,
        "由" + current.get(BRANCH_NAME) + "转入" + handlers.branch().name() + "：" + reason.trim(), null,
        BusinessCalendar.today(), userId));
  }

  /**
   * The organization tree above the case's branch changed (the branch moved to another committee, a committee lost
   * its approval power): the case's committee and organization-department steps go to whoever handles them now.
   * Called by the administration after its own access check; returns the problems (in Chinese) when the branch
   * can have no cases any more, and then changes nothing.
   */
  public List<String> followTree(String processInstanceId, String userId) {
    List<String> problems = new ArrayList<>();
    system.run(() -> {
      Map<String, Object> current = runtimeService.getVariables(processInstanceId);
      CaseAssignment.Handlers handlers = assignment.forBranch((String) current.get(BRANCH_ID), problems);
      if (handlers == null) {
        return;
      }
      Map<String, Object> next = handlers.variables();
      if (next.get(COMMITTEE_CLERK_GROUP).equals(current.get(COMMITTEE_CLERK_GROUP))
          && next.get(ORG_DEPT_GROUP).equals(current.get(ORG_DEPT_GROUP))) {
        access.regrant(processInstanceId, List.of(handlers.branch().id()));
        return;
      }
      handOver(processInstanceId, current, next);
      access.regrant(processInstanceId, List.of(handlers.branch().id()));
      String caseNumber = (String) current.get(CASE_NUMBER);
      events.append(new CaseEventLog.Entry(processInstanceId, caseNumber, CaseEventType.HANDLERS_CHANGED, null,
          null, "组织隶属关系调整：上级党委由" + current.get(COMMITTEE_NAME) + "改为" + handlers.committee().name(),
          null, BusinessCalendar.today(), userId));
    });
    return problems;
  }

  /** The open tasks offered to the case's old handler groups are offered to the new ones; then the variables. */
  private void handOver(String processInstanceId, Map<String, Object> current, Map<String, Object> next) {
    for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId).listPage(0, MAX_OPEN_TASKS)) {
      for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
          String replacement = replacementGroup(link.getGroupId(), current, next);
          if (replacement != null) {
            taskService.deleteCandidateGroup(task.getId(), link.getGroupId());
            access.revokeTask(task.getId(), link.getGroupId());
            taskService.addCandidateGroup(task.getId(), replacement);
            if (task.getAssignee() != null) {
              taskService.setAssignee(task.getId(), null);
            }
          }
        }
      }
    }
    runtimeService.setVariables(processInstanceId, next);
  }

  private static String replacementGroup(String groupId, Map<String, Object> current, Map<String, Object> next) {
    for (String key : List.of(BRANCH_CLERK_GROUP, COMMITTEE_CLERK_GROUP, COMMITTEE_APPROVER_GROUP, ORG_DEPT_GROUP)) {
      if (groupId.equals(current.get(key)) && !groupId.equals(next.get(key))) {
        return (String) next.get(key);
      }
    }
    return null;
  }

  /** Only the clerks of the case's branch or of the committee above it act on the case. */
  private void checkClerk(ProcessInstance instance, String userId) {
    if (userId == null) {
      throw new AccessDeniedException("无法确定经办人：请登录后办理");
    }
    Map<String, Object> groups = runtimeService.getVariables(instance.getId(),
        List.of(BRANCH_CLERK_GROUP, COMMITTEE_CLERK_GROUP));
    if (!EngineIdentity.isMemberOfAny(identityService, userId,
        groups.values().stream().map(String.class::cast).toList())) {
      throw new AccessDeniedException("用户 " + userId + " 不是本案所在支部或上级党委的党务工作者，不能办理");
    }
  }

  private ProcessInstance openCase(String caseNumber) {
    ProcessInstance instance = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(MemberDevelopment.PROCESS_KEY).processInstanceBusinessKey(caseNumber).singleResult();
    if (instance == null) {
      throw new CaseNotFoundException(caseNumber);
    }
    return instance;
  }

  public static class CaseNotFoundException extends RuntimeException {
    CaseNotFoundException(String caseNumber) {
      super("没有进行中的发展党员案件：" + caseNumber);
    }
  }
}
