package org.dangjian.flow.system;

import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Engine work the application does on a user's behalf after its own access check: withdrawing a case, moving
 * it to another branch, building a record the user may read. The logged-in user stays the actor (user
 * operation log, case events); only the engine's authorization checks are off for this unit of work. Process
 * listeners and delegates need none of this: the engine runs custom code without authorization checks.
 */
@Component
public class SystemAccess {

  private final ProcessEngine engine;

  SystemAccess(ProcessEngine engine) {
    this.engine = engine;
  }

  public <T> T call(Supplier<T> work) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired()
        .execute(commandContext -> commandContext.runWithoutAuthorization(work::get));
  }

  public void run(Runnable work) {
    call(() -> {
      work.run();
      return null;
    });
  }

  /**
   * Work the application does at its start (the organizations' groups and standing grants), done again on a
   * request: as at the start, with nobody logged in, each engine call its own command in the caller's transaction.
   * One command for all would not do: its queries do not see the grants it has not flushed yet, and it would
   * create the same grant twice.
   */
  public void asStartup(Runnable work) {
    org.camunda.bpm.engine.IdentityService identity = engine.getIdentityService();
    org.camunda.bpm.engine.impl.identity.Authentication user = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      work.run();
    } finally {
      if (user != null) {
        identity.setAuthentication(user);
      }
    }
  }

  /**
   * The application's own bookkeeping in the engine, such as the grants derived from a case's organizations:
   * no authorization checks and no user operation log entries. The user's operation (the start, the transfer)
   * is logged as usual; the dozens of grants it implies are not operations of theirs (they were a hundred log
   * rows per case, more than the rest of its history, see the README's scale figures).
   */
  public void bookkeeping(Runnable work) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    configuration.getCommandExecutorTxRequired().execute(commandContext -> {
      boolean logging = commandContext.isUserOperationLogEnabled();
      commandContext.disableUserOperationLog();
      try {
        return commandContext.runWithoutAuthorization(() -> {
          work.run();
          return null;
        });
      } finally {
        if (logging) {
          commandContext.enableUserOperationLog();
        }
      }
    });
  }
}
