package org.dangjian.flow.development;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.dangjian.flow.development.MemberDevelopment.Events.*;
import static org.dangjian.flow.development.MemberDevelopment.Tasks.*;

import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.dangjian.flow.organization.MemberStatus;
import org.dangjian.flow.organization.PartyMember;
import org.junit.jupiter.api.Test;

class MemberDevelopmentHappyPathTest extends DevelopmentTestSupport {

  @Test
  void walksAllTwentyFiveStepsToFullMembership() {
    today("2025-01-15");
    ProcessInstance pi = start(application("2025-01-10", "1995-05-05"));
    String caseNumber = (String) runtimeService.getVariable(pi.getId(), "caseNumber");
    assertThat(caseNumber).matches("guitu-2025-\\d{4}");
    assertThat(pi.getBusinessKey()).isEqualTo(caseNumber);
    assertThat(pi).isWaitingAt(APPLICANT_TALK);
    assertThat(task(pi, APPLICANT_TALK)).hasCandidateGroup("guitu-clerk");
    assertThat(task(pi, APPLICANT_TALK).getDueDate()).isNotNull();
    long memberId = ((Number) runtimeService.getVariable(pi.getId(), "memberId")).longValue();
    assertThat(registry.find(memberId)).map(PartyMember::status).contains(MemberStatus.APPLICANT);

    today("2025-01-20");
    complete(pi, APPLICANT_TALK, BRANCH_CLERK, "talkDate", "2025-01-20", "talkerName", "马建国", "talkRecord", "谈话记录");

    today("2025-02-15");
    complete(pi, DETERMINE_ACTIVIST, BRANCH_CLERK, "recommendationMethod", "memberRecommendation",
        "recommendationDate", "2025-02-01", "committeeMeetingDate", "2025-02-10", "activistDecision", "approve");
    assertThat(registry.find(memberId)).map(PartyMember::status).contains(MemberStatus.ACTIVIST);
    assertThat(task(pi, FILE_ACTIVIST)).hasCandidateGroup("gxq-jg-clerk");
    complete(pi, FILE_ACTIVIST, COMMITTEE_CLERK, "activistFilingDate", "2025-02-12");
    complete(pi, ASSIGN_CONTACTS, BRANCH_CLERK, "contact1MemberId", "1001", "contact2MemberId", "1002");

    assertThat(pi).isWaitingAt(ACTIVIST_REVIEW_DUE);
    assertThat(local(fireTimer(pi, ACTIVIST_REVIEW_DUE)).toLocalDate()).hasToString("2025-08-10");
    complete(pi, ACTIVIST_REVIEW, BRANCH_CLERK, "reviewDate", "2025-08-10", "reviewResult", "good",
        "thoughtReports", 2, "reviewComment", "表现良好", "proceedToTarget", false);
    assertThat(local(fireTimer(pi, ACTIVIST_REVIEW_DUE)).toLocalDate()).hasToString("2026-02-10");
    complete(pi, ACTIVIST_REVIEW, BRANCH_CLERK, "reviewDate", "2026-02-10", "reviewResult", "good",
        "thoughtReports", 2, "reviewComment", "表现良好", "proceedToTarget", true);

    today("2026-03-01");
    complete(pi, DETERMINE_TARGET, BRANCH_CLERK, "opinionsCollectedDate", "2026-02-11",
        "committeeMeetingDate", "2026-02-12", "targetDecision", "approve");
    assertThat(registry.find(memberId)).map(PartyMember::status).contains(MemberStatus.TARGET);
    complete(pi, FILE_TARGET, COMMITTEE_CLERK, "targetFilingDate", "2026-02-13");
    complete(pi, ASSIGN_INTRODUCERS, BRANCH_CLERK, "introducer1MemberId", "1002", "introducer2MemberId", "1003");
    complete(pi, POLITICAL_REVIEW, BRANCH_CLERK, "politicalReviewDate", "2026-02-14",
        "politicalReviewMethods", List.of("talk", "files"), "politicalReviewConclusion", "pass",
        "politicalReviewSummary", "政治历史清楚");
    complete(pi, CONCENTRATED_TRAINING, COMMITTEE_CLERK, "trainingStartDate", "2026-02-15",
        "trainingEndDate", "2026-02-17", "trainingHours", 24, "trainingPassed", true, "trainingCertificateNo", "PX-1");
    complete(pi, BRANCH_COMMITTEE_REVIEW, BRANCH_CLERK, "branchReviewDate", "2026-02-18",
        "branchReviewOpinion", "同意", "branchReviewDecision", "approve");
    complete(pi, PRE_REVIEW, COMMITTEE_CLERK, "preReviewDate", "2026-02-19", "preReviewResult", "pass",
        "preReviewNotice", "预审合格", "leavingUnitWithin3Months", false);
    complete(pi, FILL_VOLUNTEER_FORM, BRANCH_CLERK, "volunteerFormNo", "ZY-001", "volunteerFormDate", "2026-02-20");
    complete(pi, ADMISSION_MEETING, BRANCH_CLERK_2, "meetingDate", "2026-02-25", "entitledVoters", 10,
        "presentVoters", 8, "votesFor", 5, "votesAgainst", 2, "votesAbstain", 1, "writtenVotesFor", 1);
    complete(pi, COMMITTEE_TALK, COMMITTEE_CLERK, "committeeTalkDate", "2026-02-26", "committeeTalkerName", "陈静",
        "committeeTalkOpinion", "同意");
    assertThat(task(pi, ADMISSION_APPROVAL)).hasCandidateGroup("gxq-jg-approver");
    complete(pi, ADMISSION_APPROVAL, APPROVER, "admissionApprovalDate", "2026-02-27", "admissionDecision", "approve");
    PartyMember probationary = registry.find(memberId).orElseThrow();
    assertThat(probationary.status()).isEqualTo(MemberStatus.PROBATIONARY);
    assertThat(probationary.probationStartDate()).hasToString("2026-02-25");
    assertThat(probationary.probationEndDate()).hasToString("2027-02-25");
    assertThat(task(pi, FILE_WITH_ORG_DEPT)).hasCandidateGroup("gxq-orgdept");
    complete(pi, FILE_WITH_ORG_DEPT, ORG_DEPT, "orgDeptFilingDate", "2026-02-28");
    complete(pi, ASSIGN_BRANCH_GROUP, BRANCH_CLERK, "assignedBranchId", "guitu", "partyGroup", "第一党小组");
    complete(pi, OATH, BRANCH_CLERK, "oathDate", "2026-03-01");

    for (String due : List.of("2026-05-25", "2026-08-25", "2026-11-25")) {
      assertThat(local(fireTimer(pi, PROBATION_REVIEW_DUE)).toLocalDate()).hasToString(due);
      complete(pi, PROBATION_REVIEW, BRANCH_CLERK, "reviewDate", due, "reviewResult", "good", "reviewComment", "好");
    }
    assertThat(local(fireTimer(pi, CONVERSION_OPENS)).toLocalDate()).hasToString("2027-01-25");
    complete(pi, CONVERSION_APPLICATION, BRANCH_CLERK, "conversionApplicationDate", "2027-01-25");
    today("2027-03-01");
    complete(pi, CONVERSION_MEETING, BRANCH_CLERK, "conversionMeetingDate", "2027-02-26", "entitledVoters", 11,
        "presentVoters", 9, "votesFor", 8, "votesAgainst", 0, "votesAbstain", 1, "writtenVotesFor", 0,
        "conversionOutcome", "convert");
    complete(pi, CONVERSION_APPROVAL, APPROVER, "conversionApprovalDate", "2027-02-28", "conversionDecision", "approve");
    complete(pi, ARCHIVE, BRANCH_CLERK, "archiveDate", "2027-03-01", "archiveLocation", "规土局档案室 A-01",
        "hasApplicationLetter", true, "hasVolunteerForm", true, "hasPoliticalReview", true,
        "hasConversionApplication", true, "hasCultivationRecords", true);

    assertThat(pi).isEnded().hasPassed(FULL_MEMBER);
    PartyMember full = registry.find(memberId).orElseThrow();
    assertThat(full.status()).isEqualTo(MemberStatus.FULL);
    assertThat(full.fullMembershipDate()).hasToString("2027-02-25");
    assertThat(events.forProcessInstance(pi.getId())).isEmpty();
  }
}
