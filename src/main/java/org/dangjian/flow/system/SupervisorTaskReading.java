package org.dangjian.flow.system;

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

  private final ObjectProvider<CaseAccess> access;
  private final ObjectProvider<SecretBallot> ballots;

  SupervisorTaskReading(ObjectProvider<CaseAccess> access, ObjectProvider<SecretBallot> ballots) {
    this.access = access;
    this.ballots = ballots;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    TaskListener listener = task -> {
      DelegateExecution execution = task.getExecution();
      if (execution == null) {
        return;
      }
      String processKey = ((ExecutionEntity) execution.getProcessInstance()).getProcessDefinition().getKey();
      // a ballot's holder is a secret evaluator (SecretBallot): nobody else reads that task
      if (SecretBallots.isBallotProcess(ballots.orderedStream().toList(), processKey)) {
        return;
      }
      access.getObject().grantTaskToSupervisors(task.getId(), CaseAccess.organizationsOf(execution));
    };
    ParseListeners.onEveryUserTaskCreate(configuration, listener);
  }
}
