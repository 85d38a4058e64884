package org.dangjian.flow.development;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.dangjian.flow.development.MemberDevelopment.Events.*;
import static org.dangjian.flow.development.MemberDevelopment.Tasks.*;

import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.dangjian.flow.audit.CaseEvent;
import org.dangjian.flow.audit.CaseEventType;
import org.dangjian.flow.organization.MemberStatus;
import org.dangjian.flow.organization.PartyMember;
import org.dangjian.flow.system.AccessDeniedException;
import org.dangjian.flow.system.StepRefusedException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of the spec besides the happy one: rejections, send-backs, waits, extensions, timers. */
class MemberDevelopmentPathsTest extends DevelopmentTestSupport {

  @Autowired DevelopmentCases cases;

  private void assertNotAdmitted(ProcessInstance pi, String reasonPart) {
    assertThat(pi).isEnded().hasPassed(NOT_ADMITTED);
    PartyMember member = registry.find(memberId(pi)).orElseThrow();
    assertThat(member.status()).isEqualTo(MemberStatus.ENDED);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("endReason").singleResult().getValue().toString()).contains(reasonPart);
  }

  // ---- rejections end at EndEvent_NotAdmitted with the reason

  @Test
  void activistRejectionEndsTheCaseWithItsReason() {
    ProcessInstance pi = caseAt(DETERMINE_ACTIVIST);
    today("2025-02-15");
    complete(pi, DETERMINE_ACTIVIST, BRANCH_CLERK, "recommendationMethod", "memberRecommendation",
        "recommendationDate", "2025-02-01", "committeeMeetingDate", "2025-02-10", "activistDecision", "reject",
        "decisionReason", "入党动机不端正");
    assertNotAdmitted(pi, "入党动机不端正");
  }

  @Test
  void rejectionWithoutReasonIsRefused() {
    ProcessInstance pi = caseAt(DETERMINE_ACTIVIST);
    today("2025-02-15");
    assertThatThrownBy(() -> complete(pi, DETERMINE_ACTIVIST, BRANCH_CLERK, "recommendationMethod",
        "memberRecommendation", "recommendationDate", "2025-02-01", "committeeMeetingDate", "2025-02-10",
        "activistDecision", "reject")).isInstanceOf(StepRefusedException.class).hasMessageContaining("须填写理由");
    assertThat(pi).isWaitingAt(DETERMINE_ACTIVIST);
  }

  @Test
  void targetRejectionEndsTheCase() {
    ProcessInstance pi = caseAt(DETERMINE_TARGET);
    complete(pi, DETERMINE_TARGET, BRANCH_CLERK, "opinionsCollectedDate", "2026-02-11",
        "committeeMeetingDate", "2026-02-12", "targetDecision", "reject", "decisionReason", "群众意见较大");
    assertNotAdmitted(pi, "群众意见较大");
  }

  @Test
  void failedPoliticalReviewEndsTheCase() {
    ProcessInstance pi = caseAt(POLITICAL_REVIEW);
    complete(pi, POLITICAL_REVIEW, BRANCH_CLERK, "politicalReviewDate", "2026-02-14",
        "politicalReviewMethods", checklist("letter"), "politicalReviewConclusion", "fail",
        "politicalReviewSummary", "政治历史存在问题");
    assertNotAdmitted(pi, "政治审查不合格");
  }

  @Test
  void branchCommitteeRejectionEndsTheCase() {
    ProcessInstance pi = caseAt(BRANCH_COMMITTEE_REVIEW);
    complete(pi, BRANCH_COMMITTEE_REVIEW, BRANCH_CLERK, "branchReviewDate", "2026-02-18",
        "branchReviewOpinion", "条件不成熟", "branchReviewDecision", "reject", "decisionReason", "条件不成熟");
    assertNotAdmitted(pi, "支部委员会审查不同意");
  }

  @Test
  void failedPreReviewEndsTheCase() {
    ProcessInstance pi = caseAt(PRE_REVIEW);
    complete(pi, PRE_REVIEW, COMMITTEE_CLERK, "preReviewDate", "2026-02-19", "preReviewResult", "fail",
        "preReviewNotice", "不合格", "decisionReason", "材料不实");
    assertNotAdmitted(pi, "材料不实");
  }

  @Test
  void admissionVoteWithoutMajorityOfEntitledEndsTheCase() {
    ProcessInstance pi = caseAt(ADMISSION_MEETING);
    // 10 entitled, 8 present: 4 for and 1 written = 5, exactly half of the entitled: not passed
    admissionMeeting(pi, 10, 8, 4, 1);
    assertNotAdmitted(pi, "支部大会表决未通过");
  }

  @Test
  void committeeRejectionAtApprovalEndsTheCase() {
    ProcessInstance pi = caseAt(ADMISSION_APPROVAL);
    complete(pi, ADMISSION_APPROVAL, APPROVER, votedWith(9, 7, 3, 4, 0, "admissionApprovalDate", "2026-02-27", "admissionDecision", "reject",
        "decisionReason", "不符合条件"));
    assertNotAdmitted(pi, "上级党委不批准");
  }

  // ---- send-backs and loops

  @Test
  void preReviewSendBackReturnsToBranchCommitteeWithTheReasonShown() {
    ProcessInstance pi = caseAt(PRE_REVIEW);
    complete(pi, PRE_REVIEW, COMMITTEE_CLERK, "preReviewDate", "2026-02-19", "preReviewResult", "sendBack",
        "preReviewNotice", "退回补充", "decisionReason", "缺少群众意见");
    assertThat(pi).isWaitingAt(BRANCH_COMMITTEE_REVIEW);
    assertThat(taskService.getVariable(task(pi, BRANCH_COMMITTEE_REVIEW).getId(), "sendBackReason").toString())
        .contains("缺少群众意见");
    assertThat(events.forProcessInstance(pi.getId())).extracting(CaseEvent::type).containsExactly(CaseEventType.SEND_BACK);
    branchReviewAndPreReviewAfterSendBack(pi);
    assertThat(pi).isWaitingAt(ADMISSION_MEETING);
  }

  @Test
  void approvalSendBackReturnsToBranchCommittee() {
    ProcessInstance pi = caseAt(ADMISSION_APPROVAL);
    complete(pi, ADMISSION_APPROVAL, APPROVER, voted("admissionApprovalDate", "2026-02-27", "admissionDecision", "sendBack",
        "decisionReason", "志愿书填写不规范"));
    assertThat(pi).isWaitingAt(BRANCH_COMMITTEE_REVIEW);
    assertThat(runtimeService.getVariable(pi.getId(), "sendBackReason").toString()).contains("志愿书填写不规范");
  }

  @Test
  void meetingWithoutQuorumIsVoidAndHeldAgain() {
    ProcessInstance pi = caseAt(ADMISSION_MEETING);
    // exactly half present: no quorum
    admissionMeeting(pi, 10, 5, 5, 5);
    assertThat(pi).isWaitingAt(ADMISSION_MEETING);
    assertThat(runtimeService.getVariable(pi.getId(), "sendBackReason").toString()).contains("会议无效");
    assertThat(events.forProcessInstance(pi.getId())).extracting(CaseEvent::type)
        .containsExactly(CaseEventType.MEETING_VOID);
    meetAndTalk(pi);
    assertThat(pi).isWaitingAt(ADMISSION_APPROVAL);
  }

  @Test
  void activistNotYetWaitsUntilTheRevisitDate() {
    ProcessInstance pi = caseAt(DETERMINE_ACTIVIST);
    today("2025-02-15");
    complete(pi, DETERMINE_ACTIVIST, BRANCH_CLERK, "recommendationMethod", "memberRecommendation",
        "recommendationDate", "2025-02-01", "committeeMeetingDate", "2025-02-10", "activistDecision", "notYet",
        "revisitDate", "2025-05-10", "decisionReason", "继续观察");
    assertThat(pi).isWaitingAt(ACTIVIST_REVISIT);
    assertThat(local(fireTimer(pi, ACTIVIST_REVISIT)).toLocalDate()).hasToString("2025-05-10");
    assertThat(pi).isWaitingAt(DETERMINE_ACTIVIST);
  }

  @Test
  void untrainedTargetIsTrainedAgain() {
    ProcessInstance pi = caseAt(CONCENTRATED_TRAINING);
    complete(pi, CONCENTRATED_TRAINING, COMMITTEE_CLERK, "trainingStartDate", "2026-02-15",
        "trainingEndDate", "2026-02-15", "trainingHours", 8, "trainingPassed", false);
    assertThat(pi).isWaitingAt(CONCENTRATED_TRAINING);
  }

  @Test
  void leavingTheUnitPutsAdmissionOnHoldThenResumes() {
    ProcessInstance pi = caseAt(PRE_REVIEW);
    complete(pi, PRE_REVIEW, COMMITTEE_CLERK, "preReviewDate", "2026-02-19", "preReviewResult", "pass",
        "preReviewNotice", "预审合格", "leavingUnitWithin3Months", true);
    assertThat(pi).isWaitingAt(ADMISSION_ON_HOLD);
    complete(pi, ADMISSION_ON_HOLD, BRANCH_CLERK, "resumeDate", "2026-02-28", "holdNote", "工作调动取消");
    assertThat(pi).isWaitingAt(PRE_REVIEW);
  }

  // ---- probation: extension, cancellation, send-back

  @Test
  void extensionTakesEffectOnlyWhenTheCommitteeApprovesItThenConversion() {
    ProcessInstance pi = caseAt(CONVERSION_MEETING);
    conversionMeeting(pi, "2027-02-26", "extend", "extensionMonths", 6, "decisionReason", "需继续考察");
    // 细则 Art. 32: nothing of the resolution takes effect before step 24 approves it
    assertThat(pi).isWaitingAt(CONVERSION_APPROVAL);
    assertThat(registry.find(memberId(pi)).orElseThrow().probationEndDate()).hasToString("2027-02-25");
    assertThat(runtimeService.getVariable(pi.getId(), "probationEndDate")).isEqualTo("2027-02-25");
    assertThat(runtimeService.getVariable(pi.getId(), "resolutionTitle")).isEqualTo("延长预备期6个月");
    approveResolution(pi, "2027-03-01");
    assertThat(registry.find(memberId(pi)).orElseThrow().probationEndDate()).hasToString("2027-08-25");
    assertThat(registry.find(memberId(pi)).orElseThrow().status()).isEqualTo(MemberStatus.PROBATIONARY);
    // the quarterly reviews go on to the new end, then the conversion application opens again
    assertThat(probationReviewsAndApplication(pi)).containsExactly("2027-02-25", "2027-05-25", "2027-07-25");
    conversionMeeting(pi, "2027-08-26", "convert");
    approveConversionAndArchive(pi, "2027-08-30");
    assertThat(pi).isEnded().hasPassed(FULL_MEMBER);
    assertThat(registry.find(memberId(pi)).orElseThrow().fullMembershipDate()).hasToString("2027-08-25");
  }

  @Test
  void extensionSentBackByTheCommitteeChangesNothingAndReturnsToTheMeeting() {
    ProcessInstance pi = caseAt(CONVERSION_MEETING);
    conversionMeeting(pi, "2027-02-26", "extend", "extensionMonths", 6, "decisionReason", "需继续考察");
    today("2027-03-02");
    complete(pi, CONVERSION_APPROVAL, APPROVER, voted("conversionApprovalDate", "2027-03-01", "conversionDecision",
        "sendBack", "decisionReason", "延长理由不充分"));
    assertThat(pi).isWaitingAt(CONVERSION_MEETING);
    assertThat(runtimeService.getVariable(pi.getId(), "sendBackReason").toString()).contains("延长理由不充分");
    assertThat(registry.find(memberId(pi)).orElseThrow().probationEndDate()).hasToString("2027-02-25");
    assertThat(runtimeService.getVariable(pi.getId(), "probationExtended")).isNull();
    // the meeting held again may still extend (the one extension was never approved), or convert
    conversionMeeting(pi, "2027-03-05", "convert");
    approveConversionAndArchive(pi, "2027-03-10");
    assertThat(pi).isEnded().hasPassed(FULL_MEMBER);
    assertThat(registry.find(memberId(pi)).orElseThrow().fullMembershipDate()).hasToString("2027-02-25");
  }

  @Test
  void extensionThenCancellationApprovedByTheCommittee() {
    ProcessInstance pi = caseAt(CONVERSION_MEETING);
    conversionMeeting(pi, "2027-02-26", "extend", "extensionMonths", 12, "decisionReason", "需继续考察");
    approveResolution(pi, "2027-03-01");
    assertThat(registry.find(memberId(pi)).orElseThrow().probationEndDate()).hasToString("2028-02-25");
    probationReviewsAndApplication(pi);
    conversionMeeting(pi, "2028-02-26", "cancel", "decisionReason", "仍不具备党员条件");
    assertThat(pi).isWaitingAt(CONVERSION_APPROVAL);
    assertThat(registry.find(memberId(pi)).orElseThrow().status()).isEqualTo(MemberStatus.PROBATIONARY);
    approveResolution(pi, "2028-03-01");
    assertThat(pi).isEnded().hasPassed(PROBATION_CANCELLED);
    assertThat(registry.find(memberId(pi)).orElseThrow().status()).isEqualTo(MemberStatus.ENDED);
  }

  @Test
  void secondExtensionIsRefused() {
    ProcessInstance pi = caseAt(CONVERSION_MEETING);
    conversionMeeting(pi, "2027-02-26", "extend", "extensionMonths", 6, "decisionReason", "需继续考察");
    approveResolution(pi, "2027-03-01");
    probationReviewsAndApplication(pi);
    assertThatThrownBy(() -> conversionMeeting(pi, "2027-08-26", "extend", "extensionMonths", 6,
        "decisionReason", "再延长")).isInstanceOf(StepRefusedException.class).hasMessageContaining("只能延长一次");
    assertThat(pi).isWaitingAt(CONVERSION_MEETING);
  }

  @Test
  void extensionOutsideSixToTwelveMonthsIsRefused() {
    ProcessInstance pi = caseAt(CONVERSION_MEETING);
    for (int months : new int[] {5, 13}) {
      assertThatThrownBy(() -> conversionMeeting(pi, "2027-02-26", "extend", "extensionMonths", months,
          "decisionReason", "需继续考察")).isInstanceOf(StepRefusedException.class).hasMessageContaining("6至12个月");
    }
    assertThat(pi).isWaitingAt(CONVERSION_MEETING);
  }

  @Test
  void conversionSendBackReturnsToTheMeeting() {
    ProcessInstance pi = caseAt(CONVERSION_MEETING);
    conversionMeeting(pi, "2027-02-26", "convert");
    complete(pi, CONVERSION_APPROVAL, APPROVER, voted("conversionApprovalDate", "2027-02-27", "conversionDecision", "sendBack",
        "decisionReason", "表决票数有误"));
    assertThat(pi).isWaitingAt(CONVERSION_MEETING);
    assertThat(runtimeService.getVariable(pi.getId(), "sendBackReason").toString()).contains("表决票数有误");
  }

  // ---- timers with the clock moved

  @Test
  void lateTalkIsRemindedEscalatedAndRecordedAsViolation() {
    ProcessInstance pi = newCase();
    assertThat(local(fireTimer(pi, TALK_OVERDUE)).toLocalDate()).hasToString("2025-02-11");
    assertThat(events.forProcessInstance(pi.getId())).extracting(CaseEvent::type)
        .containsExactly(CaseEventType.REMINDER, CaseEventType.ESCALATION);
    assertThat(task(pi, TALK_OVERDUE_SUPERVISION)).hasCandidateGroup("gxq-jg-clerk");
    assertThat(pi).isWaitingAt(APPLICANT_TALK);

    today("2025-02-20");
    complete(pi, APPLICANT_TALK, BRANCH_CLERK, "talkDate", "2025-02-18", "talkerName", "马建国", "talkRecord", "谈话");
    List<CaseEvent> violations = events.forProcessInstance(pi.getId()).stream()
        .filter(e -> e.type() == CaseEventType.VIOLATION).toList();
    assertThat(violations).singleElement().satisfies(v -> {
      assertThat(v.ruleCode()).isEqualTo("TALK_WITHIN_ONE_MONTH");
      assertThat(v.dueDate()).hasToString("2025-02-10");
      assertThat(v.actualDate()).hasToString("2025-02-18");
      assertThat(v.userId()).isEqualTo(BRANCH_CLERK);
    });
    // the talk done, the stage ends and the open supervision task with it
    assertThat(pi).isWaitingAt(DETERMINE_ACTIVIST);
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TALK_OVERDUE_SUPERVISION)
        .count()).isZero();
  }

  @Test
  void overdueApprovalIsEscalatedAndALateOneRecorded() {
    ProcessInstance pi = caseAt(ADMISSION_APPROVAL);
    assertThat(local(fireTimer(pi, APPROVAL_OVERDUE)).toLocalDate()).hasToString("2026-05-26");
    assertThat(events.forProcessInstance(pi.getId())).extracting(CaseEvent::type)
        .containsExactly(CaseEventType.REMINDER, CaseEventType.ESCALATION);
    today("2026-09-01");
    assertThatThrownBy(() -> complete(pi, ADMISSION_APPROVAL, APPROVER, voted("admissionApprovalDate", "2026-08-30",
        "admissionDecision", "approve"))).isInstanceOf(StepRefusedException.class).hasMessageContaining("延长审批理由");
    complete(pi, ADMISSION_APPROVAL, APPROVER, voted("admissionApprovalDate", "2026-08-30", "admissionDecision", "approve",
        "approvalExtensionReason", "外调函未及时回复"));
    assertThat(events.forProcessInstance(pi.getId())).filteredOn(e -> e.type() == CaseEventType.VIOLATION)
        .extracting(CaseEvent::ruleCode).containsExactly("ADMISSION_APPROVAL_WITHIN_6_MONTHS");
  }

  @Test
  void probationEndRemindsTheBranchToApplyForConversion() {
    ProcessInstance pi = caseAt(CONVERSION_APPLICATION);
    assertThat(local(fireTimer(pi, PROBATION_ENDS)).toLocalDate()).hasToString("2027-02-25");
    assertThat(events.forProcessInstance(pi.getId())).extracting(CaseEvent::type).containsExactly(CaseEventType.REMINDER);
    assertThat(pi).isWaitingAt(CONVERSION_APPLICATION);
  }

  // ---- withdrawal and transfer

  @Test
  void withdrawalEndsTheCaseAtAnyPoint() {
    ProcessInstance pi = caseAt(ASSIGN_INTRODUCERS);
    cases.withdraw(pi.getBusinessKey(), DevelopmentCases.WithdrawalKind.APPLICANT_WITHDREW, "本人申请撤回", BRANCH_CLERK);
    assertThat(pi).isEnded().hasPassed(WITHDRAWN);
    assertThat(registry.find(memberId(pi)).orElseThrow().status()).isEqualTo(MemberStatus.ENDED);
    assertThat(events.forProcessInstance(pi.getId())).extracting(CaseEvent::type).containsExactly(CaseEventType.WITHDRAWAL);
  }

  @Test
  void withdrawalWithoutReasonChangesNothing() {
    ProcessInstance pi = caseAt(ASSIGN_INTRODUCERS);
    assertThatThrownBy(() -> cases.withdraw(pi.getBusinessKey(), DevelopmentCases.WithdrawalKind.CLOSED_BY_BRANCH, " ",
        BRANCH_CLERK)).isInstanceOf(StepRefusedException.class);
    assertThat(pi).isWaitingAt(ASSIGN_INTRODUCERS);
  }

  @Test
  void transferMovesOpenTasksToTheNewBranchAndKeepsTheTimeServed() {
    ProcessInstance pi = caseAt(ACTIVIST_REVIEW);
    String reviewDue = runtimeService.getVariable(pi.getId(), "activistReviewDueDate").toString();
    cases.transfer(pi.getBusinessKey(), "fayuan", "工作调动", BRANCH_CLERK);
    assertThat(task(pi, ACTIVIST_REVIEW)).hasCandidateGroup("fayuan-clerk");
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup("guitu-clerk").count())
        .isZero();
    assertThat(registry.find(memberId(pi)).orElseThrow().branchId()).isEqualTo("fayuan");
    assertThat(runtimeService.getVariable(pi.getId(), "activistReviewDueDate")).hasToString(reviewDue);
    assertThat(events.forProcessInstance(pi.getId())).extracting(CaseEvent::type).containsExactly(CaseEventType.TRANSFER);
    complete(pi, ACTIVIST_REVIEW, "fayuan.clerk", "reviewDate", reviewDue, "reviewResult", "good", "thoughtReports", 1,
        "reviewComment", "好", "proceedToTarget", false);
  }

  @Test
  void transferToTheSameOrAnUnknownBranchIsRefused() {
    ProcessInstance pi = caseAt(ACTIVIST_REVIEW);
    assertThatThrownBy(() -> cases.transfer(pi.getBusinessKey(), "guitu", "调动", BRANCH_CLERK))
        .isInstanceOf(StepRefusedException.class);
    assertThatThrownBy(() -> cases.transfer(pi.getBusinessKey(), "nowhere", "调动", BRANCH_CLERK))
        .isInstanceOf(StepRefusedException.class).hasMessageContaining("不存在");
    assertThat(task(pi, ACTIVIST_REVIEW)).hasCandidateGroup("guitu-clerk");
  }

  @Test
  void onlyTheCasesOwnClerksMayWithdrawOrTransferIt() {
    ProcessInstance pi = caseAt(ASSIGN_INTRODUCERS);
    assertThatThrownBy(() -> cases.withdraw(pi.getBusinessKey(), DevelopmentCases.WithdrawalKind.CLOSED_BY_BRANCH,
        "终止", "fayuan.clerk")).isInstanceOf(AccessDeniedException.class).hasMessageContaining("不能办理");
    assertThatThrownBy(() -> cases.transfer(pi.getBusinessKey(), "fayuan", "调动", "fayuan.clerk"))
        .isInstanceOf(AccessDeniedException.class).hasMessageContaining("不能办理");
    assertThat(pi).isWaitingAt(ASSIGN_INTRODUCERS);
    // the committee's clerks act on the cases of the branches below
    cases.transfer(pi.getBusinessKey(), "fayuan", "工作调动", COMMITTEE_CLERK);
    assertThat(task(pi, ASSIGN_INTRODUCERS)).hasCandidateGroup("fayuan-clerk");
  }
}
