package org.dangjian.flow.branchlife;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.dangjian.flow.audit.CaseEventType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo's half-recorded year, on a branch of the test's own (the demo itself runs only with a job executor). */
class BranchMeetingsDemoDataTest extends BranchMeetingsTestSupport {

  @Autowired BranchMeetingsDemoData demo;

  @Test
  void aHalfRecordedYearLeavesAboutHalfOfWhatWasDueAsViolationsOnceItsPeriodsClose() {
    String branch = newBranch();
    today("2025-12-03");
    ProcessInstance pi = startYear(branch, 2025);
    assertThat(demo.recordHalfTheYear(branch, 2025, LocalDate.of(2025, 12, 3), BRANCH_CLERK)).isEqualTo(11 * 2 + 3);
    assertThat(meetings.meetings(branch, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))).hasSize(25);
    for (int month = 1; month <= 12; month++) {
      fireTimer(pi, BranchMeetings.Events.MONTH_ENDS);
    }
    // 主题党日 6, 党小组会 7, 支委会 1 (December), 党员大会 2, 党课 3
    assertThat(events(pi, CaseEventType.VIOLATION)).hasSize(19);
  }
}
