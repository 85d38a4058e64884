package org.dangjian.flow.development;

import static org.dangjian.flow.development.MemberDevelopment.Vars.BRANCH_NAME;
import static org.dangjian.flow.development.MemberDevelopment.Vars.CASE_NUMBER;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.NativeTaskQuery;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.dangjian.flow.organization.CaseAccess;
import org.dangjian.flow.organization.Organization;
import org.dangjian.flow.organization.OrganizationRepository;
import org.dangjian.flow.organization.Role.CaseReading;
import org.dangjian.flow.system.AccessDeniedException;
import org.dangjian.flow.system.BusinessCalendar;
import org.dangjian.flow.system.SystemAccess;
import org.dangjian.flow.system.VariableText;
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
      Overdue query = overdueUnder(organization, now);
      long total = query.count();
      List<Task> tasks = total == 0 ? List.of() : query.page(firstResult, maxResults);
      Map<String, Map<String, String>> caseVariables = caseVariables(tasks);
      return new Page(organizationId, total, firstResult, tasks.stream().map(t -> {
        Map<String, String> v = caseVariables.getOrDefault(t.getProcessInstanceId(), Map.of());
        LocalDate lastDay = t.getDueDate().toInstant().minusMillis(1).atZone(BusinessCalendar.ZONE).toLocalDate();
        return new OverdueTask(v.get(CASE_NUMBER), t.getProcessInstanceId(), v.get("candidateName"),
            v.get(BRANCH_NAME), t.getId(), t.getName(), t.getDueDate(), lastDay,
            ChronoUnit.DAYS.between(lastDay, today));
      }).toList());
    });
  }

  /**
   * The overdue tasks of some cases: how many, and a page of them, most overdue first (ties by task id, so pages
   * neither repeat nor skip a task).
   */
  private interface Overdue {
    long count();

    List<Task> page(int firstResult, int maxResults);
  }

  /** Overdue tasks of the organization's cases ({@link CaseScope}). */
  private Overdue overdueUnder(Organization organization, Date now) {
    CaseScope scope = CaseScope.of(organization, organizations);
    return caseVariableIn(scope.variable(), scope.values(), now);
  }

  /**
   * Overdue tasks of the cases whose variable has one of the values. One value goes through the task query; several
   * through one native query with {@code IN}, because the task query's OR of variable conditions makes the database
   * test every overdue task against each value (a working committee's list took 0.8 s at 30,000 cases).
   */
  private Overdue caseVariableIn(String variable, List<String> values, Date now) {
    if (values.isEmpty()) {
      return new Overdue() {
        public long count() {
          return 0;
        }

        public List<Task> page(int firstResult, int maxResults) {
          return List.of();
        }
      };
    }
    if (values.size() == 1) {
      TaskQuery query = taskService.createTaskQuery().processDefinitionKey(MemberDevelopment.PROCESS_KEY)
          .dueBefore(now).processVariableValueEquals(variable, values.get(0));
      return new Overdue() {
        public long count() {
          return query.count();
        }

        public List<Task> page(int firstResult, int maxResults) {
          return query.orderByDueDate().asc().orderByTaskId().asc().listPage(firstResult, maxResults);
        }
      };
    }
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      in.append(i == 0 ? "" : ", ").append("#{value").append(i).append('}');
    }
    String from = " from ACT_RU_TASK t join ACT_RU_VARIABLE v on v.PROC_INST_ID_ = t.PROC_INST_ID_"
        + " and v.EXECUTION_ID_ = t.PROC_INST_ID_ and v.NAME_ = #{variable} and v.TEXT_ in (" + in + ")"
        + " where t.DUE_DATE_ < #{now} and t.PROC_DEF_ID_ in"
        + " (select d.ID_ from ACT_RE_PROCDEF d where d.KEY_ = #{processKey})";
    Function<String, NativeTaskQuery> query = sql -> {
      NativeTaskQuery q = taskService.createNativeTaskQuery().sql(sql).parameter("variable", variable)
          .parameter("now", now).parameter("processKey", MemberDevelopment.PROCESS_KEY);
      for (int i = 0; i < values.size(); i++) {
        q.parameter("value" + i, values.get(i));
      }
      return q;
    };
    return new Overdue() {
      public long count() {
        return query.apply("select count(*)" + from).count();
      }

      public List<Task> page(int firstResult, int maxResults) {
        return query.apply("select t.*" + from + " order by t.DUE_DATE_ asc, t.ID_ asc")
            .listPage(firstResult, maxResults);
      }
    };
  }

  /** The shown variables of the cases, as text whatever type an administrator may have given them. */
  private Map<String, Map<String, String>> caseVariables(List<Task> tasks) {
    Map<String, Map<String, String>> byCase = new HashMap<>();
    if (tasks.isEmpty()) {
      return byCase;
    }
    String[] ids = tasks.stream().map(Task::getProcessInstanceId).distinct().toArray(String[]::new);
    // no Java objects are deserialized for a list: their serialized form is shown instead
    for (VariableInstance v : runtimeService.createVariableInstanceQuery().processInstanceIdIn(ids)
        .variableNameIn(CASE_NUMBER, "candidateName", BRANCH_NAME).disableCustomObjectDeserialization()
        .listPage(0, ids.length * 3)) {
      if (v.getExecutionId().equals(v.getProcessInstanceId())) {
        byCase.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>()).put(v.getName(), VariableText.of(v));
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
