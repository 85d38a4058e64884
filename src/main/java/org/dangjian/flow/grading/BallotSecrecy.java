package org.dangjian.flow.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.CompositeDbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * A ballot of 党员群众测评 is secret: its values go to grading_ballot (the committee sees only counts and unsigned
 * comments), never to the engine's history, where any reader of the case, or an administrator, could find them.
 * Two kinds of history event carry a submitted value: the variable's own (ACT_HI_VARINST, ACT_HI_DETAIL variable
 * updates) and the form field's (ACT_HI_DETAIL of type FormProperty, written for every String a task form submits,
 * whatever the variable's fate). Neither is written for a ballot; every other history event is written as the
 * engine writes it. (The runtime side: {@link GradingSteps} removes the values in the transaction that records
 * the ballot, before the engine writes anything.)
 */
@Component
class BallotSecrecy extends AbstractProcessEnginePlugin {

  static final Set<String> SECRET = Set.of(Grading.Vars.SATISFACTION, Grading.Vars.EVALUATION_COMMENT);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(new Filter(configuration));
  }

  static boolean isSecret(HistoryEvent event) {
    String process = event.getProcessDefinitionKey();
    if (Grading.BALLOT_KEY.equals(process)) {
      // the ballot is that process's only form, and its task has no variables but what a client puts there
      return event instanceof HistoricFormPropertyEventEntity
          || event instanceof HistoricVariableUpdateEventEntity variable
              && (variable.getTaskId() != null || SECRET.contains(variable.getVariableName()));
    }
    // gradings started before the ballot became a process of its own still hold their ballots themselves
    if (Grading.PROCESS_KEY.equals(process)) {
      return event instanceof HistoricVariableUpdateEventEntity variable && SECRET.contains(variable.getVariableName())
          || event instanceof HistoricFormPropertyEventEntity field && SECRET.contains(field.getPropertyId());
    }
    return false;
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
