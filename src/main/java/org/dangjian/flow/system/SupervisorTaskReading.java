package org.dangjian.flow.system;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.dangjian.flow.organization.CaseAccess;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every user task, when it opens, is readable by the supervisors of its case's organizations
 * ({@link CaseAccess#grantTaskToSupervisors}), so Cockpit shows them who holds which step. Added at parse time like
 * {@link CaseTitles}, so the versions deployed before get it with their next task.
 */
@Component
class SupervisorTaskReading extends AbstractProcessEnginePlugin {

  /** A ballot's holder is a secret evaluator (党员群众测评): nobody else reads that task. */
  static final Set<String> NOT_SUPERVISED = Set.of("GradingBallotProcess");

  private final ObjectProvider<CaseAccess> access;

  SupervisorTaskReading(ObjectProvider<CaseAccess> access) {
    this.access = access;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    TaskListener listener = task -> {
      DelegateExecution execution = task.getExecution();
      if (execution == null) {
        return;
      }
      String processKey = ((ExecutionEntity) execution.getProcessInstance()).getProcessDefinition().getKey();
      if (NOT_SUPERVISED.contains(processKey)) {
        return;
      }
      access.getObject().grantTaskToSupervisors(task.getId(), CaseAccess.organizationsOf(execution));
    };
    ParseListeners.onEveryUserTaskCreate(configuration, listener);
  }
}
