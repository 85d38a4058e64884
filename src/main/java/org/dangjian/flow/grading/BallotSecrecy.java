package org.dangjian.flow.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.CompositeDbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * A ballot of 党员群众测评 is secret: its values go to grading_ballot (the committee sees only counts), never to
 * the engine's history, where any reader of a case's variables could find them. Every other history event
 * is written as the engine writes it.
 */
@Component
class BallotSecrecy extends AbstractProcessEnginePlugin {

  static final Set<String> SECRET = Set.of(Grading.Vars.SATISFACTION, Grading.Vars.EVALUATION_COMMENT);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(new Filter(configuration));
  }

  static boolean isSecret(HistoryEvent event) {
    return event instanceof HistoricVariableUpdateEventEntity variable
        && Grading.PROCESS_KEY.equals(variable.getProcessDefinitionKey())
        && SECRET.contains(variable.getVariableName());
  }

  /** The engine's own database handler, built at first use so that custom handlers added by then are kept. */
  static class Filter implements HistoryEventHandler {
    private final ProcessEngineConfigurationImpl configuration;
    private volatile HistoryEventHandler delegate;

    Filter(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    private HistoryEventHandler delegate() {
      if (delegate == null) {
        List<HistoryEventHandler> custom = configuration.getCustomHistoryEventHandlers();
        delegate = new CompositeDbHistoryEventHandler(custom == null ? new ArrayList<>() : custom);
      }
      return delegate;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
      if (!isSecret(event)) {
        delegate().handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }
  }
}
