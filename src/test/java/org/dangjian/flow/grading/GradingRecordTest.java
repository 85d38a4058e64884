package org.dangjian.flow.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dangjian.flow.grading.Grading.Events.*;

import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.dangjian.flow.audit.CaseRecord;
import org.dangjian.flow.audit.CaseRecord.Entry;
import org.dangjian.flow.audit.CaseRecord.Field;
import org.dangjian.flow.audit.CaseRecord.Kind;
import org.dangjian.flow.audit.CaseRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** 全程纪实 covers every process: a grading (分类定级) case with its ballots, decision and end. */
class GradingRecordTest extends GradingTestSupport {

  @Autowired CaseRecords records;

  private static String value(Entry entry, String label) {
    return entry.values().stream().filter(f -> label.equals(f.label())).map(Field::value).findFirst().orElse(null);
  }

  @Test
  void gradingRecordShowsSelfAssessmentBallotsDecisionAndIsArchivedWhenItEnds() {
    ProcessInstance pi = newGrading();
    selfAssess(pi, 19);
    evaluate(pi, "satisfied");
    decide(pi, "advanced");
    fireTimer(pi, PUBLICITY_ENDS);

    CaseRecord record = records.find(pi.getId(), "gxq.auditor").orElseThrow();
    assertThat(record.processKey()).isEqualTo(Grading.PROCESS_KEY);
    assertThat(record.caseNumber()).isEqualTo(pi.getBusinessKey());
    assertThat(record.ended()).isTrue();
    assertThat(record.endActivityId()).isEqualTo(GRADED);
    List<String> steps = record.entries().stream().filter(e -> e.kind() == Kind.STEP).map(Entry::stepNumber).toList();
    assertThat(steps).hasSize(EVALUATORS.size() + 2).startsWith("1").endsWith("3");
    assertThat(steps.subList(1, steps.size() - 1)).containsOnly("2");
    Entry self = record.entries().stream().filter(e -> "1".equals(e.stepNumber())).findFirst().orElseThrow();
    assertThat(self.name()).isEqualTo("自评");
    assertThat(self.actor()).endsWith("（" + SECRETARY + "）");
    assertThat(value(self, "领导班子好（0–20分）")).isEqualTo("19");
    Entry decision = record.entries().stream().filter(e -> "3".equals(e.stepNumber())).findFirst().orElseThrow();
    assertThat(decision.actor()).endsWith("（" + COMMITTEE_CLERK + "）");
    assertThat(value(decision, "评定等次")).isEqualTo("先进");
    assertThat(record.entries()).filteredOn(e -> "2".equals(e.stepNumber())).extracting(Entry::actor)
        .allSatisfy(actor -> assertThat(actor).contains(".eval"));
    assertThat(records.archived(pi.getId())).isTrue();
  }
}
