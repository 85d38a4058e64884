package org.dangjian.flow.system;

import java.util.ArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The engine wraps whatever a listener throws in a generic ProcessEngineException ("ENGINE-03051 ...").
 * This interceptor sits outside the transaction interceptor, so the command has already been rolled back
 * when it rethrows our {@link StepRefusedException} unwrapped: REST clients get 400 and the message. It
 * also turns a lost race for a task (two clerks completing it at once) into a {@link TaskConflictException}.
 */
@Component
class RefusalUnwrapping extends AbstractProcessEnginePlugin {

  private static final Pattern MISSING_TASK = Pattern.compile("Cannot find task with id ([^:\\s]+)");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new Interceptor());
  }

  static class Interceptor extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        boolean completion = command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
          if (cause instanceof StepRefusedException refused) {
            // a clerk who lost the race may be refused by the step's rules before the engine sees the conflict:
            // their command read the task before the other completion committed and its case after, with the
            // step's variables gone. The task done by someone else is the answer (409), not a rule (400).
            RuntimeException conflict = completion ? doneMeanwhile(TrustBoundary.field(command, "taskId"), e) : null;
            if (conflict != null) {
              throw conflict;
            }
            WebappEngineErrors.noticed(refused);
            throw refused;
          }
        }
        if (completion) {
          throw asConflict(e, TrustBoundary.field(command, "taskId"));
        }
        throw e;
      }
    }

    private RuntimeException asConflict(RuntimeException e, String taskId) {
      if (e instanceof OptimisticLockingException) {
        return new TaskConflictException("该任务已被他人同时办理，本次提交未生效，请刷新后查看", e);
      }
      if (e instanceof AuthorizationException) {
        // the loser may have read the task before the winner committed and its task authorizations (which the
        // engine deletes with the task) after: the engine then refuses TASK_WORK although the clerk held it.
        // A task done by someone else meanwhile is the answer (409); anything else stays a refusal (403).
        RuntimeException conflict = doneMeanwhile(taskId, e);
        return conflict != null ? conflict : e;
      }
      Matcher missing = e instanceof NullValueException ? MISSING_TASK.matcher(String.valueOf(e.getMessage())) : null;
      if (missing != null && missing.find()) {
        RuntimeException conflict = doneMeanwhile(missing.group(1), e);
        if (conflict != null) {
          return conflict;
        }
      }
      return e;
    }

    /** 409 when the task has been completed (committed, in a command of its own) by someone else meanwhile. */
    private RuntimeException doneMeanwhile(String taskId, RuntimeException e) {
      if (taskId == null) {
        return null;
      }
      HistoricTaskInstance done = next.execute(context -> context.runWithoutAuthorization(() -> context
          .getProcessEngineConfiguration().getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId)
          .singleResult()));
      if (done != null && done.getEndTime() != null) {
        return new TaskConflictException("该任务已由" + (done.getAssignee() != null ? done.getAssignee() : "他人")
            + "办理完成，本次提交未生效", e);
      }
      return null;
    }
  }
}
