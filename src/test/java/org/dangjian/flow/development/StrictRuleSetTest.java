package org.dangjian.flow.development;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.dangjian.flow.development.MemberDevelopment.Tasks.*;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.dangjian.flow.organization.MemberStatus;
import org.dangjian.flow.system.StepRefusedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The strict local rule set: one setting switches every rule that differs from the baseline. The setting is the
 * database's, shared by every test: switched for each test here and switched back after it.
 */
class StrictRuleSetTest extends DevelopmentTestSupport {

  @Autowired RuleSetSetting ruleSets;
  private String before;

  @BeforeEach
  void strictForCasesStartedNow() {
    before = ruleSets.change("strict", "test");
  }

  @AfterEach
  void restoreTheRuleSet() {
    ruleSets.change(before, "test");
  }

  private ProcessInstance strictCaseAtTarget() {
    today("2025-01-20");
    ProcessInstance pi = start(application("2024-07-01", "1990-03-03"));
    assertThat(runtimeService.getVariable(pi.getId(), "ruleSet")).isEqualTo("strict");
    talk(pi);
    makeActivist(pi);
    cultivateOneYear(pi);
    determineTarget(pi);
    return pi;
  }

  @Test
  void activistNeedsSixMonthsSinceTheApplication() {
    ProcessInstance pi = newCase();
    talk(pi);
    assertThatThrownBy(() -> determineActivist(pi)).isInstanceOf(StepRefusedException.class)
        .hasMessageContaining("满6个月");
  }

  @Test
  void targetPublicityLastsFiveWorkingDaysCountingTheSpringFestivalMakeUpDay() {
    ProcessInstance pi = strictCaseAtTarget();
    assertThat(pi).isWaitingAt(TARGET_PUBLICITY);
    // Feb 12, 13, 14 (make-up Saturday), then the holiday to Feb 23, and Feb 24: four working days
    assertThatThrownBy(() -> complete(pi, TARGET_PUBLICITY, BRANCH_CLERK, "publicityStartDate", "2026-02-12",
        "publicityEndDate", "2026-02-24", "publicityResult", "yes")).isInstanceOf(StepRefusedException.class)
        .hasMessageContaining("最早可于 2026-02-25 结束");
    complete(pi, TARGET_PUBLICITY, BRANCH_CLERK, "publicityStartDate", "2026-02-12", "publicityEndDate", "2026-02-25",
        "publicityResult", "yes");
    assertThat(pi).isWaitingAt(FILE_TARGET);
  }

  @Test
  void committeeWithoutConsentSendsTheTargetBackToDetermination() {
    ProcessInstance pi = strictCaseAtTarget();
    complete(pi, TARGET_PUBLICITY, BRANCH_CLERK, "publicityStartDate", "2026-02-12", "publicityEndDate", "2026-02-25",
        "publicityResult", "yes");
    assertThatThrownBy(() -> complete(pi, FILE_TARGET, COMMITTEE_CLERK, "targetFilingDate", "2026-02-26"))
        .isInstanceOf(StepRefusedException.class).hasMessageContaining("上级党委意见");
    complete(pi, FILE_TARGET, COMMITTEE_CLERK, "targetFilingDate", "2026-02-26", "targetConsent", "reject",
        "decisionReason", "考察不充分");
    assertThat(pi).isWaitingAt(DETERMINE_TARGET);
    assertThat(runtimeService.getVariable(pi.getId(), "sendBackReason").toString()).contains("考察不充分");
    assertThat(registry.find(memberId(pi)).orElseThrow().status()).isEqualTo(MemberStatus.ACTIVIST);
  }

  @Test
  void admissionMeetingMustFollowThePreReviewWithinAMonth() {
    ProcessInstance pi = strictCaseAtTarget();
    complete(pi, TARGET_PUBLICITY, BRANCH_CLERK, "publicityStartDate", "2026-02-12", "publicityEndDate", "2026-02-25",
        "publicityResult", "yes");
    complete(pi, FILE_TARGET, COMMITTEE_CLERK, "targetFilingDate", "2026-02-13", "targetConsent", "approve");
    reviewAndTrain(pi);
    branchReviewAndPreReview(pi);
    today("2026-04-01");
    assertThatThrownBy(() -> complete(pi, ADMISSION_MEETING, BRANCH_CLERK, "meetingDate", "2026-03-20",
        "entitledVoters", 10, "presentVoters", 8, "votesFor", 6, "votesAgainst", 0, "votesAbstain", 0,
        "writtenVotesFor", 0)).isInstanceOf(StepRefusedException.class).hasMessageContaining("预审后一个月内");
    admissionMeeting(pi, 10, 8, 6, 0);
    assertThat(pi).isWaitingAt(COMMITTEE_TALK);
  }
}
