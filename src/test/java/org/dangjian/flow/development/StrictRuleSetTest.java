package org.dangjian.flow.development;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.dangjian.flow.development.MemberDevelopment.Tasks.*;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.dangjian.flow.organization.MemberStatus;
import org.dangjian.flow.system.StepRefusedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

  /**
   * A strict case through 7a, 8 and 9–11 to its branch committee review (12) done, at 12a. The steps after the
   * target's publicity (2026-02-12 to 02-25, over the Spring Festival) are dated after it, as the chronology wants:
   * filing and political review 02-26, training 02-26 to 02-28, branch committee review 03-01.
   */
  private ProcessInstance strictCaseAtPreReviewPublicity() {
    ProcessInstance pi = strictCaseAtTarget();
    complete(pi, TARGET_PUBLICITY, BRANCH_CLERK, "publicityStartDate", "2026-02-12", "publicityEndDate", "2026-02-25",
        "publicityResult", "yes");
    complete(pi, FILE_TARGET, COMMITTEE_CLERK, "targetFilingDate", "2026-02-26", "targetConsent", "approve");
    assignIntroducers(pi);
    complete(pi, POLITICAL_REVIEW, BRANCH_CLERK, "politicalReviewDate", "2026-02-26",
        "politicalReviewMethods", checklist("talk", "files"), "politicalReviewConclusion", "pass",
        "politicalReviewSummary", "政治历史清楚");
    complete(pi, CONCENTRATED_TRAINING, COMMITTEE_CLERK, "trainingStartDate", "2026-02-26",
        "trainingEndDate", "2026-02-28", "trainingHours", 24, "trainingPassed", true, "trainingCertificateNo", "PX-1");
    complete(pi, BRANCH_COMMITTEE_REVIEW, BRANCH_CLERK, "branchReviewDate", "2026-03-01",
        "branchReviewOpinion", "同意", "branchReviewDecision", "approve");
    assertThat(pi).isWaitingAt(PRE_REVIEW_PUBLICITY);
    today("2026-03-12");
    return pi;
  }

  /** Then 12a, 13 and 14 with the strict dates: the publicity Monday 2026-03-02 to Friday 03-06. */
  private void strictPreReview(ProcessInstance pi) {
    complete(pi, PRE_REVIEW_PUBLICITY, BRANCH_CLERK, "publicityStartDate", "2026-03-02", "publicityEndDate",
        "2026-03-06", "publicityResult", "yes");
    complete(pi, PRE_REVIEW, COMMITTEE_CLERK, "preReviewDate", "2026-03-09", "preReviewResult", "pass",
        "preReviewNotice", "预审合格", "leavingUnitWithin3Months", false);
    complete(pi, FILL_VOLUNTEER_FORM, BRANCH_CLERK, "volunteerFormNo", "ZY-9", "volunteerFormDate", "2026-03-10");
  }

  @Test
  void preReviewFollowsFiveWorkingDaysOfPublicity() {
    ProcessInstance pi = strictCaseAtPreReviewPublicity();
    // Mar 2 to Mar 5: four working days
    assertThatThrownBy(() -> complete(pi, PRE_REVIEW_PUBLICITY, BRANCH_CLERK, "publicityStartDate", "2026-03-02",
        "publicityEndDate", "2026-03-05", "publicityResult", "yes")).isInstanceOf(StepRefusedException.class)
        .hasMessageContaining("最早可于 2026-03-06 结束");
    complete(pi, PRE_REVIEW_PUBLICITY, BRANCH_CLERK, "publicityStartDate", "2026-03-02", "publicityEndDate",
        "2026-03-06", "publicityResult", "yes");
    assertThat(pi).isWaitingAt(PRE_REVIEW);
    assertThatThrownBy(() -> complete(pi, PRE_REVIEW, COMMITTEE_CLERK, "preReviewDate", "2026-03-05",
        "preReviewResult", "pass", "preReviewNotice", "预审合格", "leavingUnitWithin3Months", false))
        .isInstanceOf(StepRefusedException.class).hasMessageContaining("不能早于预审前公示结束日期（2026-03-06）");
  }

  @Test
  void aPublicityBeforeThePreReviewThatHoldsTheCaseSendsItBackToTheBranchCommittee() {
    ProcessInstance pi = strictCaseAtPreReviewPublicity();
    complete(pi, PRE_REVIEW_PUBLICITY, BRANCH_CLERK, "publicityStartDate", "2026-03-02", "publicityEndDate",
        "2026-03-06", "publicityResult", "no", "publicityObjections", true, "decisionReason", "群众反映工作作风问题");
    assertThat(pi).isWaitingAt(BRANCH_COMMITTEE_REVIEW);
    assertThat(runtimeService.getVariable(pi.getId(), "sendBackReason").toString()).contains("群众反映工作作风问题");
  }

  @Test
  void admissionMeetingMustFollowThePreReviewWithinAMonth() {
    ProcessInstance pi = strictCaseAtPreReviewPublicity();
    strictPreReview(pi);
    today("2026-04-20");
    assertThatThrownBy(() -> complete(pi, ADMISSION_MEETING, BRANCH_CLERK, "meetingDate", "2026-04-15",
        "entitledVoters", 10, "presentVoters", 8, "votesFor", 6, "votesAgainst", 0, "votesAbstain", 0,
        "writtenVotesFor", 0)).isInstanceOf(StepRefusedException.class).hasMessageContaining("预审后一个月内");
    complete(pi, ADMISSION_MEETING, BRANCH_CLERK_2, "meetingDate", "2026-03-20", "entitledVoters", 10,
        "presentVoters", 8, "votesFor", 6, "votesAgainst", 0, "votesAbstain", 0, "writtenVotesFor", 0);
    assertThat(pi).isWaitingAt(COMMITTEE_TALK);
  }

  @Test
  void conversionFollowsFiveWorkingDaysOfPublicityBeforeTheCommitteeApprovesIt() {
    ProcessInstance pi = strictCaseAtPreReviewPublicity();
    strictPreReview(pi);
    today("2026-03-25");
    complete(pi, ADMISSION_MEETING, BRANCH_CLERK_2, "meetingDate", "2026-03-20", "entitledVoters", 10,
        "presentVoters", 8, "votesFor", 6, "votesAgainst", 0, "votesAbstain", 0, "writtenVotesFor", 0);
    complete(pi, COMMITTEE_TALK, COMMITTEE_CLERK, "committeeTalkDate", "2026-03-21", "committeeTalkerName", "陈静",
        "committeeTalkOpinion", "同意");
    complete(pi, ADMISSION_APPROVAL, APPROVER, voted("admissionApprovalDate", "2026-03-24", "admissionDecision",
        "approve"));
    complete(pi, FILE_WITH_ORG_DEPT, ORG_DEPT, "orgDeptFilingDate", "2026-03-25");
    complete(pi, ASSIGN_BRANCH_GROUP, BRANCH_CLERK, "assignedBranchId", "guitu", "partyGroup", "第一党小组");
    complete(pi, OATH, BRANCH_CLERK, "oathDate", "2026-03-25");
    // probation 2026-03-20 to 2027-03-20
    probationReviewsAndApplication(pi);
    today("2027-03-23");
    complete(pi, CONVERSION_MEETING, BRANCH_CLERK, "conversionMeetingDate", "2027-03-22", "entitledVoters", 11,
        "presentVoters", 9, "votesFor", 8, "votesAgainst", 0, "votesAbstain", 1, "writtenVotesFor", 0,
        "conversionOutcome", "convert");
    assertThat(pi).isWaitingAt(CONVERSION_PUBLICITY);
    today("2027-03-30");
    assertThatThrownBy(() -> complete(pi, CONVERSION_PUBLICITY, BRANCH_CLERK, "publicityStartDate", "2027-03-23",
        "publicityEndDate", "2027-03-26", "publicityResult", "yes")).isInstanceOf(StepRefusedException.class)
        .hasMessageContaining("公示期不少于5个工作日");
    complete(pi, CONVERSION_PUBLICITY, BRANCH_CLERK, "publicityStartDate", "2027-03-23", "publicityEndDate",
        "2027-03-29", "publicityResult", "yes");
    assertThat(pi).isWaitingAt(CONVERSION_APPROVAL);
    assertThatThrownBy(() -> complete(pi, CONVERSION_APPROVAL, APPROVER, voted("conversionApprovalDate",
        "2027-03-28", "conversionDecision", "approve"))).isInstanceOf(StepRefusedException.class)
        .hasMessageContaining("不能早于拟转正公示结束日期（2027-03-29）");
    approveConversionAndArchive(pi, "2027-03-29");
    assertThat(pi).isEnded().hasPassed(MemberDevelopment.Events.FULL_MEMBER);
  }

  // ---- league recommendation, strict (baseline: PeopleAndDatesTest)

  /** A strict case of a league member, applied 2024-07-01 (six months before step 3), at step 3 on 2025-02-15. */
  private ProcessInstance strictLeagueCase(String birthDate) {
    today("2025-01-20");
    Map<String, Object> application = application("2024-07-01", birthDate);
    application.put("leagueMember", true);
    ProcessInstance pi = start(application);
    talk(pi);
    today("2025-02-15");
    return pi;
  }

  @Test
  void strictLeagueMemberOf27RecommendedOtherwiseIsRefusedEvenWithAReason() {
    // born 1997-02-02: 27 on the recommendation date 2025-02-01, 28 the day after
    ProcessInstance pi = strictLeagueCase("1997-02-02");
    assertThatThrownBy(() -> complete(pi, DETERMINE_ACTIVIST, BRANCH_CLERK, "recommendationMethod",
        "memberRecommendation", "recommendationDate", "2025-02-01", "committeeMeetingDate", "2025-02-10",
        "activistDecision", "approve", "recommendationReason", "所在单位未建立团组织"))
        .isInstanceOf(StepRefusedException.class)
        .hasMessageContaining("按本地从严规则，推荐日期（2025-02-01）未满28周岁（2025-02-02 满28周岁）的共青团员须经团组织推优");
    assertThat(pi).isWaitingAt(DETERMINE_ACTIVIST);
    complete(pi, DETERMINE_ACTIVIST, BRANCH_CLERK, "recommendationMethod", "leagueRecommendation",
        "recommendationDate", "2025-02-01", "committeeMeetingDate", "2025-02-10", "activistDecision", "approve");
    assertThat(pi).isWaitingAt(FILE_ACTIVIST);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1997-02-01", "1995-12-01"})
  void strictLeagueMemberOf28Or29MayBeRecommendedOtherwise(String birthDate) {
    // 1997-02-01: the 28th birthday is the recommendation date itself; 1995-12-01: 29
    ProcessInstance pi = strictLeagueCase(birthDate);
    complete(pi, DETERMINE_ACTIVIST, BRANCH_CLERK, "recommendationMethod", "memberRecommendation",
        "recommendationDate", "2025-02-01", "committeeMeetingDate", "2025-02-10", "activistDecision", "approve");
    assertThat(pi).isWaitingAt(FILE_ACTIVIST);
  }
}
