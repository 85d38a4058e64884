package org.dangjian.flow.development;

import static org.dangjian.flow.development.MemberDevelopment.Vars.BRANCH_ID;
import static org.dangjian.flow.development.MemberDevelopment.Vars.BRANCH_NAME;
import static org.dangjian.flow.development.MemberDevelopment.Vars.CASE_NUMBER;
import static org.dangjian.flow.development.MemberDevelopment.Vars.COMMITTEE_ID;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.dangjian.flow.organization.CaseAccess;
import org.dangjian.flow.organization.Organization;
import org.dangjian.flow.organization.OrganizationRepository;
import org.dangjian.flow.organization.Role.CaseReading;
import org.dangjian.flow.system.AccessDeniedException;
import org.dangjian.flow.system.BusinessCalendar;
import org.dangjian.flow.system.SystemAccess;
import org.springframework.stereotype.Service;

/**
 * 逾期待办: the open steps of 发展党员 cases past their due date under an organization, most overdue first, for
 * its committee's clerks and supervisors. A committee sees the cases it approves and those of the approving
 * committees below it; a branch its own cases.
 */
@Service
public class OverdueTasks {

  public static final int MAX_PAGE = 200;

  /** {@code lastDay} is the last day the step was due (its deadline is the end of that day). */
  public record OverdueTask(String caseNumber, String processInstanceId, String candidateName, String branchName,
      String taskId, String step, Date dueDate, LocalDate lastDay, long daysOverdue) {
  }

  public record Page(String organizationId, long total, int firstResult, List<OverdueTask> items) {
  }

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final OrganizationRepository organizations;
  private final CaseAccess access;
  private final SystemAccess system;

  OverdueTasks(TaskService taskService, RuntimeService runtimeService, OrganizationRepository organizations,
      CaseAccess access, SystemAccess system) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.organizations = organizations;
    this.access = access;
    this.system = system;
  }

  /** The page, for a user who reads the organization's running cases; others are refused. */
  public Page list(String organizationId, String userId, int firstResult, int maxResults) {
    if (firstResult < 0 || maxResults < 1 || maxResults > MAX_PAGE) {
      throw new InvalidPageException("分页参数无效：firstResult ≥ 0，maxResults 为 1 至 " + MAX_PAGE);
    }
    Organization organization = organizations.findById(organizationId)
        .orElseThrow(() -> new UnknownOrganizationException(organizationId));
    if (!access.readsOrganization(userId, organizationId, CaseReading.FULL)) {
      throw new AccessDeniedException("无权查看“" + organization.name() + "”的逾期待办：只有本组织及上级组织的相关人员可以查看");
    }
    return system.call(() -> {
      Date now = ClockUtil.getCurrentTime();
      LocalDate today = BusinessCalendar.today();
      TaskQuery query = overdueUnder(organization, now);
      long total = query.count();
      List<Task> tasks = total == 0 ? List.of() : query.orderByDueDate().asc().listPage(firstResult, maxResults);
      Map<String, Map<String, Object>> caseVariables = caseVariables(tasks);
      return new Page(organizationId, total, firstResult, tasks.stream().map(t -> {
        Map<String, Object> v = caseVariables.getOrDefault(t.getProcessInstanceId(), Map.of());
        LocalDate lastDay = t.getDueDate().toInstant().minusMillis(1).atZone(BusinessCalendar.ZONE).toLocalDate();
        return new OverdueTask((String) v.get(CASE_NUMBER), t.getProcessInstanceId(), (String) v.get("candidateName"),
            (String) v.get(BRANCH_NAME), t.getId(), t.getName(), t.getDueDate(), lastDay,
            ChronoUnit.DAYS.between(lastDay, today));
      }).toList());
    });
  }

  /**
   * Overdue tasks of the organization's cases: a branch's by branch; above it, by the approving committees at or
   * below it, or where there is none (a 党总支 under its committee) by the branches below it.
   */
  private TaskQuery overdueUnder(Organization organization, Date now) {
    TaskQuery query = taskService.createTaskQuery().processDefinitionKey(MemberDevelopment.PROCESS_KEY)
        .dueBefore(now);
    if (organization.isBranch()) {
      return query.processVariableValueEquals(BRANCH_ID, organization.id());
    }
    Map<String, Organization> tree = new HashMap<>();
    organizations.findAll().forEach(o -> tree.put(o.id(), o));
    List<String> committees = below(organization, tree, Organization::approvesAdmission);
    return committees.isEmpty() ? anyOf(query, BRANCH_ID, below(organization, tree, Organization::isBranch))
        : anyOf(query, COMMITTEE_ID, committees);
  }

  private static List<String> below(Organization organization, Map<String, Organization> tree,
      java.util.function.Predicate<Organization> kind) {
    return tree.values().stream().filter(o -> kind.test(o) && isAtOrBelow(o, organization.id(), tree))
        .map(Organization::id).toList();
  }

  /** Tasks whose case has the variable at one of the values; none if there are no values. */
  private static TaskQuery anyOf(TaskQuery query, String variable, List<String> values) {
    if (values.isEmpty()) {
      return query.processInstanceId("none");
    }
    if (values.size() == 1) {
      return query.processVariableValueEquals(variable, values.get(0));
    }
    TaskQuery any = query.or();
    values.forEach(v -> any.processVariableValueEquals(variable, v));
    return any.endOr();
  }

  private static boolean isAtOrBelow(Organization candidate, String ancestorId, Map<String, Organization> tree) {
    Organization current = candidate;
    for (int depth = 0; current != null && depth < 32; depth++) {
      if (current.id().equals(ancestorId)) {
        return true;
      }
      current = current.parentId() == null ? null : tree.get(current.parentId());
    }
    return false;
  }

  private Map<String, Map<String, Object>> caseVariables(List<Task> tasks) {
    Map<String, Map<String, Object>> byCase = new HashMap<>();
    if (tasks.isEmpty()) {
      return byCase;
    }
    String[] ids = tasks.stream().map(Task::getProcessInstanceId).distinct().toArray(String[]::new);
    for (VariableInstance v : runtimeService.createVariableInstanceQuery().processInstanceIdIn(ids)
        .variableNameIn(CASE_NUMBER, "candidateName", BRANCH_NAME).listPage(0, ids.length * 3)) {
      if (v.getExecutionId().equals(v.getProcessInstanceId())) {
        byCase.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>()).put(v.getName(), v.getValue());
      }
    }
    return byCase;
  }

  public static class InvalidPageException extends RuntimeException {
    InvalidPageException(String message) {
      super(message);
    }
  }

  public static class UnknownOrganizationException extends RuntimeException {
    UnknownOrganizationException(String organizationId) {
      super("组织“" + organizationId + "”不存在");
    }
  }
}
