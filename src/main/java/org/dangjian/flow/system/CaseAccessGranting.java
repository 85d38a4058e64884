package org.dangjian.flow.system;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
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
 *
 * <p>A case an administrator starts elsewhere than at its start event (start instructions, restart) never passes
 * its start event. Every case gets its grants and its own start checks however it came to be: such a case gets
 * its {@link StartedElsewhere} handlers (a development case is numbered and entered in the registry) and its
 * grants when its starting command closes.
 */
@Component
class CaseAccessGranting extends AbstractProcessEnginePlugin {

  private final ObjectProvider<CaseAccess> access;
  private final ObjectProvider<StartedElsewhere> startedElsewhere;
  /** Cases started in a running command that have passed their start event. */
  private final Set<String> passedStartEvent = ConcurrentHashMap.newKeySet();

  CaseAccessGranting(ObjectProvider<CaseAccess> access, ObjectProvider<StartedElsewhere> startedElsewhere) {
    this.access = access;
    this.startedElsewhere = startedElsewhere;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.add(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        processDefinition.addListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution -> {
          if (execution.getParentId() == null) {
            watch(execution);
          }
        });
      }

      @Override
      public void parseStartEvent(Element startEventElement, ScopeImpl scope, ActivityImpl startEventActivity) {
        if (scope instanceof ProcessDefinitionEntity) {
          startEventActivity.addListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) execution -> {
            passedStartEvent.add(execution.getProcessInstanceId());
            grant(execution);
          });
        }
      }
    });
  }

  /** At the close of the starting command: a case that did not pass its start event is started here. */
  private void watch(DelegateExecution processInstance) {
    String id = processInstance.getProcessInstanceId();
    Context.getCommandContext().registerCommandContextListener(new CommandContextListener() {
      @Override
      public void onCommandContextClose(CommandContext commandContext) {
        if (!passedStartEvent.remove(id) && !((ExecutionEntity) processInstance).isEnded()) {
          startedElsewhere.orderedStream().forEach(handler -> handler.started(processInstance));
          grant(processInstance);
        }
      }

      @Override
      public void onCommandFailed(CommandContext commandContext, Throwable t) {
        passedStartEvent.remove(id);
      }
    });
  }

  private void grant(DelegateExecution execution) {
    access.getObject().grant(execution.getProcessInstanceId(), CaseAccess.organizationsOf(execution));
  }
}
