package org.dangjian.flow.system;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.dangjian.flow.organization.CaseAccess;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Grants every new case to the readers of its organizations ({@link CaseAccess}), for every process the engine
 * deploys, without touching their BPMN. At the end of the process's start event: its start listener has
 * accepted the start and derived the organizations (a help case learns its village from its assignment).
 */
@Component
class CaseAccessGranting extends AbstractProcessEnginePlugin {

  private final ObjectProvider<CaseAccess> access;

  CaseAccessGranting(ObjectProvider<CaseAccess> access) {
    this.access = access;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.add(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseStartEvent(Element startEventElement, ScopeImpl scope, ActivityImpl startEventActivity) {
        if (scope instanceof ProcessDefinitionEntity) {
          startEventActivity.addListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) execution -> {
            Set<String> organizationIds = new LinkedHashSet<>();
            for (String name : CaseAccess.ORGANIZATION_VARIABLES) {
              if (execution.getVariable(name) instanceof String id && !id.isBlank()) {
                organizationIds.add(id);
              }
            }
            access.getObject().grant(execution.getProcessInstanceId(), organizationIds);
          });
        }
      }
    });
  }
}
