package org.dangjian.flow.system;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.query.Query;
import org.springframework.stereotype.Component;

/**
 * The trust boundary (users-and-audit.md): every user can call the engine's REST API by hand, so what a request
 * may change is decided here, in the engine, for every interface a user can reach — the REST API under
 * /engine-rest and the webapps' own engine API under /camunda — and not in each form or listener.
 *
 * <p>For a user who is not an administrator, the outermost engine command of such a request is:
 * <ul>
 *   <li>a completion, form submission or resolution of a task: accepted with exactly the fields of that task's
 *       deployed Camunda Form, each parsed strictly to its type ({@link FormContract});</li>
 *   <li>a start: at the start event only, with exactly the start form's fields and no business key of the
 *       client's (the case number is the server's);</li>
 *   <li>claiming or handing on a task, a comment or attachment: only by those who may work the task;</li>
 *   <li>a read, or the user's own filters and profile: left to the engine's authorization checks;</li>
 *   <li>anything else that writes — setting or removing variables, messages, signals, modification, restart,
 *       migration, deletion, task properties, identity links, jobs: refused (403) and nothing changes.</li>
 * </ul>
 * Code of this application (our /api controllers, listeners, the job executor) runs outside such requests or
 * inside the command a user started, and is trusted: it makes its own checks.
 */
@Component
class TrustBoundary extends AbstractProcessEnginePlugin {

  /**
   * Engine commands by simple name that only read. Every other named engine command is a write, refused unless
   * handled below: a command added by a later engine version is refused until someone decides about it.
   */
  private static final List<String> READ_PREFIXES = List.of("Get", "Find", "Is", "Optimize", "ExecuteFilter", "Check");
  private static final Set<String> READS = Set.of("AuthorizationCheckCmd", "DetermineHistoryLevelCmd");
  /**
   * A user's own things, which the engine's authorization checks guard: Tasklist's filters, the profile and
   * password (new user or group objects are only built in memory until saved).
   */
  private static final Set<String> SELF_SERVICE = Set.of("CreateFilterCmd", "SaveFilterCmd", "DeleteFilterCmd",
      "SaveUserCmd", "CreateUserCmd", "CreateGroupCmd");

  private static final ThreadLocal<Boolean> USER_REQUEST = ThreadLocal.withInitial(() -> false);
  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  /** Contracts per form (process definition and task): a deployed form never changes. */
  private final Map<String, FormContract> contracts = new ConcurrentHashMap<>();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPostCommandInterceptorsTxRequired().add(new Interceptor());
  }

  /** Marks the requests a user sends to an engine API (registered in {@link RestApiConfiguration}). */
  static Filter userRequests() {
    return new Filter() {
      @Override
      public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
          throws IOException, ServletException {
        boolean outer = USER_REQUEST.get();
        USER_REQUEST.set(true);
        try {
          chain.doFilter(request, response);
        } finally {
          USER_REQUEST.set(outer);
        }
      }
    };
  }

  class Interceptor extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      int[] depth = DEPTH.get();
      boolean outermost = depth[0] == 0;
      depth[0]++;
      try {
        if (outermost && USER_REQUEST.get()) {
          CommandContext context = Context.getCommandContext();
          Authentication auth = context.getAuthentication();
          if (command.getClass().getSimpleName().equals("TaskCountByCandidateGroupCmd") && auth != null
              && auth.getUserId() != null && !context.getAuthorizationManager().isCamundaAdmin(auth)) {
            // Cockpit's tasks per group: the engine's report counts everyone's tasks; others see their readable ones
            @SuppressWarnings("unchecked")
            T readable = (T) next.execute(new ReadableTaskCountsByGroup(auth));
            return readable;
          }
          guard(command, context);
        }
        return next.execute(command);
      } finally {
        depth[0]--;
      }
    }
  }

  private void guard(Command<?> command, CommandContext context) {
    Authentication auth = context.getAuthentication();
    if (auth == null || auth.getUserId() == null || context.getAuthorizationManager().isCamundaAdmin(auth)) {
      // not logged in: the login itself, or a request the engine refuses for want of a user
      return;
    }
    String user = auth.getUserId();
    if (command instanceof CompleteTaskCmd) {
      // also ResolveTaskCmd, a completion by the delegate
      checkTask(context, auth, field(command, "taskId"), field(command, "variables"));
    } else if (command instanceof SubmitTaskFormCmd) {
      checkTask(context, auth, field(command, "taskId"), field(command, "properties"));
    } else if (command instanceof StartProcessInstanceCmd) {
      ProcessInstantiationBuilderImpl builder = field(command, "instantiationBuilder");
      checkStart(context, user, builder.getProcessDefinitionId(), builder.getProcessDefinitionKey(),
          builder.getBusinessKey(), builder.getVariables());
    } else if (command instanceof SubmitStartFormCmd) {
      checkStart(context, user, field(command, "processDefinitionId"), null, field(command, "businessKey"),
          field(command, "variables"));
    } else if (command instanceof ClaimTaskCmd) {
      // the engine lets only the task's candidates claim (TASK_WORK)
    } else if (command instanceof AssignTaskCmd) {
      checkHandOn(context, auth, field(command, "taskId"), field(command, "userId"));
    } else if (command instanceof AddCommentCmd || command instanceof CreateAttachmentCmd) {
      String taskId = field(command, "taskId");
      if (taskId == null || !mayWork(context, auth, context.getTaskManager().findTaskById(taskId))) {
        throw new OperationRefusedException(user, "只有本任务的办理人可以添加评论或附件；查阅、督导和审计角色只读");
      }
    } else if (!isRead(command) && !SELF_SERVICE.contains(command.getClass().getSimpleName())) {
      throw new OperationRefusedException(user, "此操作只有系统管理员可以执行（" + command.getClass().getSimpleName()
          + "）：案件只能从开始事件发起、按表单逐步办理，流程变量只能由系统设置");
    }
  }

  private static boolean isRead(Command<?> command) {
    if (command instanceof Query<?, ?>) {
      return true;
    }
    Class<?> type = command.getClass();
    if (!type.getName().startsWith("org.camunda.bpm.engine.") || type.isAnonymousClass() || type.isSynthetic()
        || type.getName().contains("$$Lambda")) {
      // the webapps' plugin queries (Cockpit's), and the engine's own glue: reads, under its authorization checks
      return true;
    }
    String name = type.getSimpleName();
    return READS.contains(name) || READ_PREFIXES.stream().anyMatch(name::startsWith)
        || name.startsWith("Create") && name.contains("Query") || name.contains("QueryImpl") || name.endsWith("ReportImpl");
  }

  private void checkTask(CommandContext context, Authentication auth, String taskId, Map<String, Object> variables) {
    TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
    if (task == null) {
      // no such task: the command answers 404 itself
      return;
    }
    if (!mayWork(context, auth, task)) {
      // not the contract's to answer: an outsider learns nothing of the form, and the engine (no TASK_WORK grant, 403)
      // or the step's listener (system/Actor) refuses the completion; a task completed by someone else meanwhile
      // (its candidates already gone) answers the conflict of a lost race
      return;
    }
    if (task.getProcessDefinitionId() == null) {
      throw new OperationRefusedException(auth.getUserId(), "独立任务不属于任何流程，不能提交数据");
    }
    FormContract contract = contracts.computeIfAbsent(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(),
        key -> load(context, () -> context.getProcessEngineConfiguration().getFormService()
            .getDeployedTaskForm(task.getId()), "task " + task.getTaskDefinitionKey()));
    if (variables != null && !variables.isEmpty()) {
      refuseIfAny(contract.check(variables, task::getVariable));
    }
  }

  private void checkStart(CommandContext context, String user, String definitionId, String key, String businessKey,
      Map<String, Object> variables) {
    ProcessDefinitionEntity definition;
    try {
      definition = definitionId != null
          ? context.getProcessEngineConfiguration().getDeploymentCache().findDeployedProcessDefinitionById(definitionId)
          : context.getProcessEngineConfiguration().getDeploymentCache().findDeployedLatestProcessDefinitionByKey(key);
    } catch (ProcessEngineException unknown) {
      // no such process: the start itself answers that, as it would without the boundary
      return;
    }
    if (definition == null) {
      return;
    }
    if (businessKey != null && !businessKey.isBlank()) {
      throw new StepRefusedException(List.of("业务标识（案件编号）由系统生成，请留空后再提交"), List.of("businessKey"));
    }
    if (variables == null || variables.isEmpty()) {
      return;
    }
    FormContract contract = contracts.computeIfAbsent(definition.getId() + "#start",
        k -> load(context, () -> context.getProcessEngineConfiguration().getFormService()
            .getDeployedStartForm(definition.getId()), "start of " + definition.getKey()));
    refuseIfAny(contract.check(variables, name -> null));
  }

  /** Unclaiming, or handing a task to someone who may work it too. */
  private void checkHandOn(CommandContext context, Authentication auth, String taskId, String assignee) {
    TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
    if (task == null) {
      return;
    }
    if (!mayWork(context, auth, task)) {
      throw new OperationRefusedException(auth.getUserId(), "只有本任务的办理人可以认领、退回或转交本任务");
    }
    if (assignee != null && !assignee.equals(auth.getUserId()) && !isCandidate(context, assignee, task)) {
      throw new StepRefusedException(List.of("用户 " + assignee + " 不属于本任务的办理组织，不能转交给他"),
          List.of("assignee"));
    }
  }

  private static boolean mayWork(CommandContext context, Authentication auth, TaskEntity task) {
    if (task == null) {
      return false;
    }
    if (auth.getUserId().equals(task.getAssignee())) {
      return true;
    }
    List<String> groups = auth.getGroupIds() == null ? List.of() : auth.getGroupIds();
    for (IdentityLinkEntity link : task.getIdentityLinks()) {
      if ("candidate".equals(link.getType())
          && (auth.getUserId().equals(link.getUserId()) || link.getGroupId() != null && groups.contains(link.getGroupId()))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isCandidate(CommandContext context, String userId, TaskEntity task) {
    List<String> groups = context.getProcessEngineConfiguration().getIdentityService().createGroupQuery()
        .groupMember(userId).listPage(0, 200).stream().map(g -> g.getId()).toList();
    return mayWork(context, new Authentication(userId, groups), task);
  }

  private static FormContract load(CommandContext context, java.util.function.Supplier<InputStream> form, String what) {
    InputStream stream;
    try {
      stream = context.runWithoutAuthorization(form::get);
    } catch (ProcessEngineException e) {
      // a step without a form takes no input
      return FormContract.none(what);
    }
    try (InputStream in = stream) {
      return FormContract.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the deployed form of " + what, e);
    }
  }

  private static void refuseIfAny(List<FormContract.Problem> problems) {
    if (!problems.isEmpty()) {
      throw new StepRefusedException(problems.stream().map(FormContract.Problem::message).toList(),
          problems.stream().map(FormContract.Problem::field).distinct().toList());
    }
  }

  /** The command's own fields: the engine offers no getters for what a completion or start carries. */
  @SuppressWarnings("unchecked")
  static <T> T field(Object command, String name) {
    for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return (T) field.get(command);
      } catch (NoSuchFieldException e) {
        // declared further up
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    // fail closed: an engine whose commands look different must not let requests through unchecked
    throw new IllegalStateException("engine command " + command.getClass().getName() + " has no field " + name);
  }
}
