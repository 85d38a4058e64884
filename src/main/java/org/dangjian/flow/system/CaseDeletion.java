package org.dangjian.flow.system;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A case that ends without reaching an end event — an administrator deleted it in Cockpit or through REST, or
 * cancelled all its steps — runs none of its end listeners (Cockpit skips custom listeners by default). The
 * engine's history sees every end, so the application's own bookkeeping for such an end hangs here
 * ({@link CaseDeleted}: a development case frees its applicant's ID number in the registry).
 */
@Component
class CaseDeletion extends AbstractProcessEnginePlugin {

  private final ObjectProvider<CaseDeleted> handlers;

  CaseDeletion(ObjectProvider<CaseDeleted> handlers) {
    this.handlers = handlers;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomHistoryEventHandlers() == null) {
      configuration.setCustomHistoryEventHandlers(new ArrayList<>());
    }
    configuration.getCustomHistoryEventHandlers().add(new HistoryEventHandler() {
      @Override
      public void handleEvent(HistoryEvent event) {
        if (event instanceof HistoricProcessInstanceEventEntity end
            && HistoryEventTypes.PROCESS_INSTANCE_END.getEventName().equals(end.getEventType())
            && end.getEndActivityId() == null && end.getSuperProcessInstanceId() == null) {
          handlers.orderedStream().forEach(handler -> handler.deleted(end.getProcessDefinitionKey(),
              end.getProcessInstanceId(), end.getBusinessKey(), end.getDeleteReason()));
        }
      }

      @Override
      public void handleEvents(java.util.List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
      }
    });
  }
}
