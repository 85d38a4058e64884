package org.dangjian.flow.system;

import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link CaseTitle#VARIABLE} current on every case of every process: whenever one of its user tasks opens,
 * the case's title is derived from its variables and written when it changed. Added when the engine parses a
 * process (also the versions deployed before the title existed, parsed again at every start), so the cases already
 * running get their title with their next task, without a migration.
 */
@Component
class CaseTitles extends AbstractProcessEnginePlugin {

  private final ObjectProvider<CaseTitle> titles;

  CaseTitles(ObjectProvider<CaseTitle> titles) {
    this.titles = titles;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    TaskListener listener = task -> {
      String title = update(task.getExecution());
      if (title != null) {
        // also on the task itself: a card shows what its user may read, and an evaluator reads their ballot's task,
        // never its process (the ballot's secrecy)
        task.setVariableLocal(CaseTitle.VARIABLE, title);
      }
    };
    ParseListeners.onEveryUserTaskCreate(configuration, listener);
  }

  private String update(DelegateExecution execution) {
    if (execution == null) {
      return null;
    }
    DelegateExecution instance = execution.getProcessInstance();
    String processKey = ((ExecutionEntity) instance).getProcessDefinition().getKey();
    String title = titles.orderedStream().filter(t -> t.processKeys().contains(processKey))
        .map(t -> t.title(processKey, execution)).filter(Objects::nonNull).findFirst().orElse(null);
    if (title != null && !title.equals(instance.getVariable(CaseTitle.VARIABLE))) {
      instance.setVariable(CaseTitle.VARIABLE, title);
    }
    return title;
  }
}
