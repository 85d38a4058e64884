package org.dangjian.flow.system;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.CompositeHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A secret ballot ({@link SecretBallot}) is secret: its values go to secret_ballot ({@link SecretBallots}), never
 * to the engine's history, where any reader of the case, or an administrator, could find them. Two kinds of
 * history event carry a submitted value: the variable's own (ACT_HI_VARINST, ACT_HI_DETAIL variable updates) and
 * the form field's (ACT_HI_DETAIL of type FormProperty, written for every String a task form submits, whatever the
 * variable's fate). Neither is written for a ballot; every other history event is written as the engine writes
 * it. (The runtime side: {@link SecretBallots#cast} removes the values in the transaction that records the ballot,
 * before the engine writes anything.)
 *
 * <p>The same handler stores each value once (issue 18), keeping everything the 全程纪实 reads (each step's values
 * as variable updates with the user operation that submitted them, the latest value of every case variable):
 * <ul>
 *   <li>no form field's detail: it repeats the variable's own update detail (same value, task and moment).
 *       Tasklist's submit-form wrote one for every String field of every step;</li>
 *   <li>no history for a task's own copy of the case's title ({@link CaseTitle}, set on every task for its card):
 *       the case keeps its title in its own variable;</li>
 *   <li>no update detail for {@link DerivedVariables}: their latest value stays in ACT_HI_VARINST.</li>
 * </ul>
 */
@Component
class SecretBallotHistory extends AbstractProcessEnginePlugin {

  private final ObjectProvider<SecretBallot> kinds;
  private final ObjectProvider<DerivedVariables> derivedVariables;
  private volatile List<SecretBallot> known;
  private volatile Set<String> derived;

  SecretBallotHistory(ObjectProvider<SecretBallot> kinds, ObjectProvider<DerivedVariables> derivedVariables) {
    this.kinds = kinds;
    this.derivedVariables = derivedVariables;
  }

  private Set<String> derived() {
    if (derived == null) {
      Set<String> names = new HashSet<>();
      derivedVariables.orderedStream().forEach(d -> names.addAll(d.names()));
      derived = Set.copyOf(names);
    }
    return derived;
  }

  /** Written nowhere: a form field's detail, a task's copy of the case title (see the class comment). */
  static boolean repeated(HistoryEvent event) {
    return event instanceof HistoricFormPropertyEventEntity
        || event instanceof HistoricVariableUpdateEventEntity variable && variable.getTaskId() != null
            && CaseTitle.VARIABLE.equals(variable.getVariableName());
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(new Filter(configuration, this));
  }

  private List<SecretBallot> kinds() {
    if (known == null) {
      known = kinds.orderedStream().toList();
    }
    return known;
  }

  boolean isSecret(HistoryEvent event) {
    return isSecret(event, kinds());
  }

  static boolean isSecret(HistoryEvent event, List<SecretBallot> kinds) {
    String process = event.getProcessDefinitionKey();
    if (process == null) {
      // a decision evaluated on its own, a batch: no ballot
      return false;
    }
    for (SecretBallot kind : kinds) {
      if (kind.processKey().equals(process)) {
        // the ballot is that process's only form, and its task has no variables but what a client puts there
        return event instanceof HistoricFormPropertyEventEntity
            || event instanceof HistoricVariableUpdateEventEntity variable
                && (variable.getTaskId() != null || kind.secretVariables().contains(variable.getVariableName()));
      }
      // cases started before their ballot became a process of its own still hold their ballots themselves
      if (kind.olderHostKeys().contains(process)) {
        return event instanceof HistoricVariableUpdateEventEntity variable
            && kind.secretVariables().contains(variable.getVariableName())
            || event instanceof HistoricFormPropertyEventEntity field
                && kind.secretVariables().contains(field.getPropertyId());
      }
    }
    return false;
  }

  /** The engine's own database handler, built at first use so that custom handlers added by then are kept. */
  static class Filter implements HistoryEventHandler {
    private final ProcessEngineConfigurationImpl configuration;
    private final SecretBallotHistory secrecy;
    private volatile HistoryEventHandler delegate;

    Filter(ProcessEngineConfigurationImpl configuration, SecretBallotHistory secrecy) {
      this.configuration = configuration;
      this.secrecy = secrecy;
    }

    private HistoryEventHandler delegate() {
      if (delegate == null) {
        List<HistoryEventHandler> handlers = new ArrayList<>();
        handlers.add(new DbHistoryEventHandler() {
          @Override
          protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
            return super.shouldWriteHistoricDetail(event) && !secrecy.derived().contains(event.getVariableName());
          }
        });
        List<HistoryEventHandler> custom = configuration.getCustomHistoryEventHandlers();
        if (custom != null) {
          handlers.addAll(custom);
        }
        delegate = new CompositeHistoryEventHandler(handlers);
      }
      return delegate;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
      if (!repeated(event) && !secrecy.isSecret(event)) {
        delegate().handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }
  }
}
