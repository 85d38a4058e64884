package org.dangjian.flow.audit;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.dangjian.flow.system.ParseListeners;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Copies every finished case's record to the archive, for every process the engine deploys (ours and any
 * added later), so the engine's history cleanup never removes what an auditor could read.
 *
 * <p>Why a parse listener adding a process-level end listener: it covers all processes without touching their
 * BPMN and fires however a case ends (any end event, a terminate, a deletion); a HistoryEventHandler would see
 * the same moment but must wrap the engine's database handler. Why after commit, in a new transaction: inside
 * the ending command the engine's history is not yet flushed (queries would miss the last step), and a failing
 * archive must not undo the clerk's step. A case whose copy failed is caught up by {@link RecordArchiveSweep} at start-up.
 */
@Component
class RecordArchiving extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(RecordArchiving.class);

  private final ObjectProvider<CaseRecords> records;
  private final TransactionTemplate newTransaction;

  RecordArchiving(ObjectProvider<CaseRecords> records, PlatformTransactionManager transactions) {
    this.records = records;
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.add(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        processDefinition.addListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) execution -> {
          String id = execution.getProcessInstanceId();
          Context.getCommandContext().getTransactionContext()
              .addTransactionListener(TransactionState.COMMITTED, context -> archiveNow(id));
        });
      }
    });
  }

  void archiveNow(String processInstanceId) {
    try {
      newTransaction.executeWithoutResult(status -> records.getObject().archive(processInstanceId));
    } catch (RuntimeException e) {
      LOG.error("全程纪实归档失败（{}），将在下次启动时补档", processInstanceId, e);
    }
  }
}
