package org.dangjian.flow.audit;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** At start-up, archives the most recently finished cases that have no archived record (a failed copy). */
@Component
class RecordArchiveSweep implements ApplicationRunner {

  private static final int RECENT = 500;

  private final HistoryService historyService;
  private final CaseRecords records;
  private final RecordArchiving archiving;

  RecordArchiveSweep(HistoryService historyService, CaseRecords records, RecordArchiving archiving) {
    this.historyService = historyService;
    this.records = records;
    this.archiving = archiving;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (HistoricProcessInstance finished : historyService.createHistoricProcessInstanceQuery().finished()
        .orderByProcessInstanceEndTime().desc().listPage(0, RECENT)) {
      if (!records.archived(finished.getId())) {
        archiving.archiveNow(finished.getId());
      }
    }
  }
}
