package org.dangjian.flow.development;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.dangjian.flow.development.MemberDevelopment.Tasks.*;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.dangjian.flow.system.StepRefusedException;
import org.junit.jupiter.api.Test;

/** Rules checked on the server at each step; a refusal leaves the task open and the case unchanged. */
class StepRulesTest extends DevelopmentTestSupport {

  private void assertRefused(ProcessInstance pi, String taskKey, String user, String messagePart, Object... values) {
    String taskId = task(pi, taskKey).getId();
    String before = snapshot(pi);
    assertThatThrownBy(() -> complete(pi, taskKey, user, values)).isInstanceOf(StepRefusedException.class)
        .hasMessageContaining(messagePart);
    assertThat(task(pi, taskKey).getId()).isEqualTo(taskId);
    assertThat(snapshot(pi)).isEqualTo(before);
  }

  /** The case's variables as text (a JSON value has no equals of its own). */
  private String snapshot(ProcessInstance pi) {
    return new java.util.TreeMap<>(runtimeService.getVariables(pi.getId())).toString();
  }

  @Test
  void talkBeforeTheApplicationIsRefused() {
    ProcessInstance pi = newCase();
    assertRefused(pi, APPLICANT_TALK, BRANCH_CLERK, "不能早于递交申请书日期",
        "talkDate", "2025-01-09", "talkerName", "马建国", "talkRecord", "记录");
  }

  @Test
  void completionWithoutAnActorIsRefused() {
    ProcessInstance pi = newCase();
    String taskId = task(pi, APPLICANT_TALK).getId();
    assertThatThrownBy(() -> taskService.complete(taskId, Map.of("talkDate", "2025-01-20", "talkerName", "马建国",
        "talkRecord", "记录"))).isInstanceOf(StepRefusedException.class).hasMessageContaining("无法确定办理人");
    assertThat(pi).isWaitingAt(APPLICANT_TALK);
  }

  @Test
  void leagueMemberUnder28NeedsTheLeaguesRecommendation() {
    today("2025-01-20");
    Map<String, Object> application = application("2025-01-10", "2000-05-05");
    application.put("leagueMember", true);
    ProcessInstance pi = start(application);
    talk(pi);
    today("2025-02-15");
    assertRefused(pi, DETERMINE_ACTIVIST, BRANCH_CLERK, "团组织推优", "recommendationMethod", "memberRecommendation",
        "recommendationDate", "2025-02-01", "committeeMeetingDate", "2025-02-10", "activistDecision", "approve");
    complete(pi, DETERMINE_ACTIVIST, BRANCH_CLERK, "recommendationMethod", "leagueRecommendation",
        "recommendationDate", "2025-02-01", "committeeMeetingDate", "2025-02-10", "activistDecision", "approve");
    assertThat(pi).isWaitingAt(FILE_ACTIVIST);
  }

  @Test
  void contactsMustBeFullMembersOtherThanTheCandidate() {
    ProcessInstance pi = caseAt(ASSIGN_CONTACTS);
    assertRefused(pi, ASSIGN_CONTACTS, BRANCH_CLERK, "须为正式党员", "contact1MemberId", "1004");
    assertRefused(pi, ASSIGN_CONTACTS, BRANCH_CLERK, "没有编号为999999", "contact1MemberId", "999999");
    assertRefused(pi, ASSIGN_CONTACTS, BRANCH_CLERK, "不能是申请人本人", "contact1MemberId", String.valueOf(memberId(pi)));
    assertRefused(pi, ASSIGN_CONTACTS, BRANCH_CLERK, "同一人", "contact1MemberId", "1001", "contact2MemberId", "1001");
    complete(pi, ASSIGN_CONTACTS, BRANCH_CLERK, "contact1MemberId", "1001");
  }

  @Test
  void activistMayNotProceedBeforeOneYearAndTwoReviews() {
    ProcessInstance pi = caseAt(ASSIGN_CONTACTS);
    assignContacts(pi);
    fireTimer(pi, MemberDevelopment.Events.ACTIVIST_REVIEW_DUE);
    assertRefused(pi, ACTIVIST_REVIEW, BRANCH_CLERK, "满一年", "reviewDate", "2025-08-10", "reviewResult", "good",
        "thoughtReports", 1, "reviewComment", "好", "proceedToTarget", true);
  }

  @Test
  void targetMeetingWithinTheFirstYearIsRefused() {
    ProcessInstance pi = caseAt(DETERMINE_TARGET);
    assertRefused(pi, DETERMINE_TARGET, BRANCH_CLERK, "满一年之后", "opinionsCollectedDate", "2026-02-01",
        "committeeMeetingDate", "2026-02-09", "targetDecision", "approve");
  }

  @Test
  void introducersAreTwoDifferentFullMembers() {
    ProcessInstance pi = caseAt(ASSIGN_INTRODUCERS);
    assertRefused(pi, ASSIGN_INTRODUCERS, BRANCH_CLERK, "同一人", "introducer1MemberId", "1002",
        "introducer2MemberId", "1002");
    assertRefused(pi, ASSIGN_INTRODUCERS, BRANCH_CLERK, "须为正式党员", "introducer1MemberId", "1002",
        "introducer2MemberId", "1004");
    assertRefused(pi, ASSIGN_INTRODUCERS, BRANCH_CLERK, "请填写入党介绍人二", "introducer1MemberId", "1002");
  }

  @Test
  void trainingShorterThanThreeDaysAnd24HoursIsRefused() {
    ProcessInstance pi = caseAt(CONCENTRATED_TRAINING);
    assertRefused(pi, CONCENTRATED_TRAINING, COMMITTEE_CLERK, "不少于3天或不少于24个学时",
        "trainingStartDate", "2026-02-15", "trainingEndDate", "2026-02-16", "trainingHours", 23,
        "trainingPassed", true, "trainingCertificateNo", "PX-1");
  }

  @Test
  void fourEyesApproverMustNotHaveCompletedStep12Or15() {
    identityService.createMembership(BRANCH_CLERK_2, "gxq-jg-approver");
    try {
      ProcessInstance pi = caseAt(ADMISSION_APPROVAL);
      // guitu.clerk2 recorded the admission meeting (step 15) in this case
      assertRefused(pi, ADMISSION_APPROVAL, BRANCH_CLERK_2, "四眼", voted("admissionApprovalDate", "2026-02-27",
          "admissionDecision", "approve"));
      complete(pi, ADMISSION_APPROVAL, APPROVER, voted("admissionApprovalDate", "2026-02-27", "admissionDecision", "approve"));
    } finally {
      identityService.deleteMembership(BRANCH_CLERK_2, "gxq-jg-approver");
    }
  }

  @Test
  void inconsistentVoteCountsAreRefused() {
    ProcessInstance pi = caseAt(ADMISSION_MEETING);
    assertRefused(pi, ADMISSION_MEETING, BRANCH_CLERK, "", "meetingDate", "2026-02-25", "entitledVoters", 10,
        "presentVoters", 11, "votesFor", 5, "votesAgainst", 0, "votesAbstain", 0, "writtenVotesFor", 0);
    assertRefused(pi, ADMISSION_MEETING, BRANCH_CLERK, "", "meetingDate", "2026-02-25", "entitledVoters", 10,
        "presentVoters", 8, "votesFor", 8, "votesAgainst", 1, "votesAbstain", 0, "writtenVotesFor", 0);
    assertRefused(pi, ADMISSION_MEETING, BRANCH_CLERK, "", "meetingDate", "2026-02-25", "entitledVoters", 10,
        "presentVoters", 8, "votesFor", 6, "votesAgainst", 0, "votesAbstain", 0, "writtenVotesFor", 3);
  }

  @Test
  void conversionMeetingBeforeTheProbationEndsIsRefused() {
    ProcessInstance pi = caseAt(CONVERSION_MEETING);
    assertThatThrownBy(() -> conversionMeeting(pi, "2027-02-24", "convert"))
        .isInstanceOf(StepRefusedException.class).hasMessageContaining("不能早于预备期满日期");
  }

  @Test
  void archiveNeedsTheCompleteChecklist() {
    ProcessInstance pi = caseAt(CONVERSION_MEETING);
    conversionMeeting(pi, "2027-02-26", "convert");
    complete(pi, CONVERSION_APPROVAL, APPROVER, voted("conversionApprovalDate", "2027-02-27", "conversionDecision", "approve"));
    assertRefused(pi, ARCHIVE, BRANCH_CLERK, "缺少：转正申请书", "archiveDate", "2027-02-27", "archiveLocation", "档案室",
        "hasApplicationLetter", true, "hasVolunteerForm", true, "hasPoliticalReview", true,
        "hasConversionApplication", false, "hasCultivationRecords", true);
  }

  @Test
  void aClerkOfAnotherBranchCannotCompleteTheTask() {
    ProcessInstance pi = newCase();
    String taskId = task(pi, APPLICANT_TALK).getId();
    String before = snapshot(pi);
    // the engine refuses first: the task is granted to its candidate group only
    assertThatThrownBy(() -> complete(pi, APPLICANT_TALK, "fayuan.clerk", "talkDate", "2025-01-20",
        "talkerName", "马建国", "talkRecord", "记录")).isInstanceOf(AuthorizationException.class)
        .hasMessageContaining("fayuan.clerk").hasMessageContaining("TASK_WORK");
    assertThat(task(pi, APPLICANT_TALK).getId()).isEqualTo(taskId);
    assertThat(snapshot(pi)).isEqualTo(before);
  }

  @Test
  void aUserGrantedTheTaskButOutsideItsGroupsIsStillRefusedByTheStepRule() {
    ProcessInstance pi = newCase();
    String taskId = task(pi, APPLICANT_TALK).getId();
    // an administrator has every grant; the step itself still asks for the case's own organization
    assertRefused(pi, APPLICANT_TALK, "admin", "不属于本任务的办理组织", "talkDate", "2025-01-20",
        "talkerName", "马建国", "talkRecord", "记录");
    assertThat(task(pi, APPLICANT_TALK).getId()).isEqualTo(taskId);
  }
}
