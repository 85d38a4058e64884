package org.dangjian.flow.development;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.dangjian.flow.development.MemberDevelopment.Events.*;
import static org.dangjian.flow.development.MemberDevelopment.Tasks.*;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.dangjian.flow.audit.CaseEvent;
import org.dangjian.flow.audit.CaseEventType;
import org.dangjian.flow.organization.MemberStatus;
import org.dangjian.flow.system.AccessDeniedException;
import org.dangjian.flow.system.StepRefusedException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The higher committee's collective vote at steps 17 and 24 (细则 Art. 24), its approval of every resolution of the
 * branch meeting (Art. 32: conversion, extension, cancellation), the step-24 deadline and the cancellation of a
 * probationary membership during probation.
 */
class CommitteeApprovalTest extends DevelopmentTestSupport {

  @Autowired DevelopmentCases cases;

  private ProcessInstance caseInProbationReview() {
    ProcessInstance pi = caseAt(ASSIGN_BRANCH_GROUP);
    swearIn(pi);
    fireTimer(pi, PROBATION_REVIEW_DUE);
    assertThat(pi).isWaitingAt(PROBATION_REVIEW);
    today("2026-05-26");
    return pi;
  }

  private void cancellationMeeting(ProcessInstance pi, String date, int entitled, int present, int yes) {
    today(java.time.LocalDate.parse(date).plusDays(1).toString());
    complete(pi, CANCELLATION_MEETING, BRANCH_CLERK, "cancellationMeetingDate", date, "entitledVoters", entitled,
        "presentVoters", present, "votesFor", yes, "votesAgainst", 0, "votesAbstain", 0, "writtenVotesFor", 0,
        "decisionReason", "严重违反党的纪律");
  }

  // ---- step 17: the committee's vote

  @Test
  void admissionApprovalRecordsTheCommitteesVote() {
    ProcessInstance pi = caseAt(ADMISSION_APPROVAL);
    complete(pi, ADMISSION_APPROVAL, APPROVER, voted("admissionApprovalDate", "2026-02-27", "admissionDecision",
        "approve"));
    assertThat(pi).isWaitingAt(FILE_WITH_ORG_DEPT);
    assertThat(runtimeService.getVariable(pi.getId(), "approvalMeetingDate")).isEqualTo("2026-02-27");
    assertThat(runtimeService.getVariable(pi.getId(), "admissionApprovalVotes"))
        .isEqualTo("党委会应到委员9人，实到7人，赞成6票，反对1票，弃权0票");
    // the counts belong to that meeting: step 24's form does not open with them
    assertThat(runtimeService.getVariables(pi.getId())).doesNotContainKeys("approvalMembersEntitled", "approvalVotesFor");
  }

  @Test
  void admissionApprovalWithoutQuorumDecidesNothing() {
    ProcessInstance pi = caseAt(ADMISSION_APPROVAL);
    for (String decision : new String[] {"approve", "reject", "sendBack"}) {
      assertThatThrownBy(() -> complete(pi, ADMISSION_APPROVAL, APPROVER, votedWith(9, 4, 4, 0, 0,
          "admissionApprovalDate", "2026-02-27", "admissionDecision", decision, "decisionReason", "理由")))
          .isInstanceOf(StepRefusedException.class).hasMessageContaining("未超过应到会委员9人的半数，会议不能作出决定");
    }
    assertThat(pi).isWaitingAt(ADMISSION_APPROVAL);
    assertThat(registry.find(memberId(pi)).orElseThrow().status()).isEqualTo(MemberStatus.TARGET);
  }

  @Test
  void admissionApprovalWithoutAMajorityOfTheEntitledMembersCannotBeRecordedAsApproval() {
    ProcessInstance pi = caseAt(ADMISSION_APPROVAL);
    // 4 of the 7 present vote for: a majority of the room, not of the 9 entitled
    assertThatThrownBy(() -> complete(pi, ADMISSION_APPROVAL, APPROVER, votedWith(9, 7, 4, 3, 0,
        "admissionApprovalDate", "2026-02-27", "admissionDecision", "approve")))
        .isInstanceOf(StepRefusedException.class).hasMessageContaining("表决未通过，不能记录为批准");
    assertThat(pi).isWaitingAt(ADMISSION_APPROVAL);
    complete(pi, ADMISSION_APPROVAL, APPROVER, votedWith(9, 7, 4, 3, 0, "admissionApprovalDate", "2026-02-27",
        "admissionDecision", "sendBack", "decisionReason", "党委会表决未通过，补充考察材料"));
    assertThat(pi).isWaitingAt(BRANCH_COMMITTEE_REVIEW);
  }

  @Test
  void admissionApprovalRefusesInconsistentOrMissingCounts() {
    ProcessInstance pi = caseAt(ADMISSION_APPROVAL);
    assertThatThrownBy(() -> complete(pi, ADMISSION_APPROVAL, APPROVER, votedWith(7, 8, 6, 0, 0,
        "admissionApprovalDate", "2026-02-27", "admissionDecision", "approve")))
        .isInstanceOf(StepRefusedException.class).hasMessageContaining("不能超过应到会委员人数（7）");
    assertThatThrownBy(() -> complete(pi, ADMISSION_APPROVAL, APPROVER, votedWith(9, 7, 6, 1, 1,
        "admissionApprovalDate", "2026-02-27", "admissionDecision", "approve")))
        .isInstanceOf(StepRefusedException.class).hasMessageContaining("票数之和（8）不能超过实到会委员人数（7）");
    assertThatThrownBy(() -> complete(pi, ADMISSION_APPROVAL, APPROVER, "admissionApprovalDate", "2026-02-27",
        "admissionDecision", "approve")).isInstanceOf(StepRefusedException.class).hasMessageContaining("应到会党委委员人数");
    assertThat(pi).isWaitingAt(ADMISSION_APPROVAL);
  }

  // ---- step 24: the committee's vote on the branch meeting's resolution

  @Test
  void conversionApprovalWithoutQuorumOrMajorityIsRefusedAndASendBackIsNot() {
    ProcessInstance pi = caseAt(CONVERSION_MEETING);
    conversionMeeting(pi, "2027-02-26", "convert");
    today("2027-03-02");
    assertThatThrownBy(() -> complete(pi, CONVERSION_APPROVAL, APPROVER, votedWith(9, 3, 3, 0, 0,
        "conversionApprovalDate", "2027-03-01", "conversionDecision", "approve")))
        .isInstanceOf(StepRefusedException.class).hasMessageContaining("会议不能作出决定");
    assertThatThrownBy(() -> complete(pi, CONVERSION_APPROVAL, APPROVER, votedWith(9, 6, 4, 2, 0,
        "conversionApprovalDate", "2027-03-01", "conversionDecision", "approve")))
        .isInstanceOf(StepRefusedException.class).hasMessageContaining("不能记录为批准（可退回支部）");
    assertThat(registry.find(memberId(pi)).orElseThrow().status()).isEqualTo(MemberStatus.PROBATIONARY);
    complete(pi, CONVERSION_APPROVAL, APPROVER, votedWith(9, 6, 4, 2, 0, "conversionApprovalDate", "2027-03-01",
        "conversionDecision", "sendBack", "decisionReason", "党委会表决未通过"));
    assertThat(pi).isWaitingAt(CONVERSION_MEETING);
  }

  @Test
  void cancellationResolvedAtTheConversionMeetingEndsTheCaseOnlyWhenTheCommitteeApprovesIt() {
    ProcessInstance pi = caseAt(CONVERSION_MEETING);
    conversionMeeting(pi, "2027-02-26", "cancel", "decisionReason", "不履行党员义务");
    assertThat(pi).isWaitingAt(CONVERSION_APPROVAL);
    assertThat(registry.find(memberId(pi)).orElseThrow().status()).isEqualTo(MemberStatus.PROBATIONARY);
    assertThat(runtimeService.getVariable(pi.getId(), "resolutionTitle")).isEqualTo("取消预备党员资格");
    approveResolution(pi, "2027-03-01");
    assertThat(pi).isEnded().hasPassed(PROBATION_CANCELLED);
    assertThat(registry.find(memberId(pi)).orElseThrow().status()).isEqualTo(MemberStatus.ENDED);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("endReason").singleResult().getValue().toString()).isEqualTo("取消预备党员资格：不履行党员义务");
  }

  // ---- step 24's deadline

  @Test
  void conversionApprovalPastThreeMonthsRemindsTheCommitteeAndRecordsTheViolationOnce() {
    ProcessInstance pi = caseAt(CONVERSION_MEETING);
    conversionMeeting(pi, "2027-02-26", "convert");
    assertThat(local(task(pi, CONVERSION_APPROVAL).getDueDate()).toLocalDate()).hasToString("2027-05-27");
    assertThat(local(fireTimer(pi, CONVERSION_APPROVAL_OVERDUE)).toLocalDate()).hasToString("2027-05-27");
    assertThat(events.forProcessInstance(pi.getId())).extracting(CaseEvent::type)
        .containsExactly(CaseEventType.REMINDER, CaseEventType.VIOLATION);
    assertThat(events.forProcessInstance(pi.getId())).allSatisfy(e -> {
      assertThat(e.ruleCode()).isEqualTo("CONVERSION_APPROVAL_WITHIN_3_MONTHS");
      assertThat(e.dueDate()).hasToString("2027-05-26");
    });
    assertThat(pi).isWaitingAt(CONVERSION_APPROVAL);
    approveConversionAndArchive(pi, "2027-06-10");
    assertThat(pi).isEnded().hasPassed(FULL_MEMBER);
    assertThat(events.forProcessInstance(pi.getId())).filteredOn(e -> e.type() == CaseEventType.VIOLATION).hasSize(1);
  }

  // ---- cancellation during probation

  @Test
  void cancellationDuringProbationIsVotedByTheBranchAndApprovedAtStep24() {
    ProcessInstance pi = caseInProbationReview();
    cases.requestProbationCancellation(pi.getBusinessKey(), "严重违反党的纪律，经教育不改", BRANCH_CLERK);
    assertThat(pi).isWaitingAt(CANCELLATION_MEETING);
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(PROBATION_REVIEW).count())
        .isZero();
    assertThat(events.forProcessInstance(pi.getId())).singleElement().satisfies(e -> {
      assertThat(e.type()).isEqualTo(CaseEventType.CANCELLATION_REQUEST);
      assertThat(e.description()).contains("严重违反党的纪律，经教育不改");
      assertThat(e.userId()).isEqualTo(BRANCH_CLERK);
    });
    // a void meeting is held again
    cancellationMeeting(pi, "2026-05-28", 10, 5, 5);
    assertThat(pi).isWaitingAt(CANCELLATION_MEETING);
    cancellationMeeting(pi, "2026-06-02", 10, 8, 7);
    assertThat(pi).isWaitingAt(CONVERSION_APPROVAL);
    assertThat(runtimeService.getVariable(pi.getId(), "resolutionTitle")).isEqualTo("取消预备党员资格（预备期内）");
    assertThat(registry.find(memberId(pi)).orElseThrow().status()).isEqualTo(MemberStatus.PROBATIONARY);
    // sent back, it returns to the branch meeting on the cancellation, not to the conversion meeting
    today("2026-06-06");
    complete(pi, CONVERSION_APPROVAL, APPROVER, voted("conversionApprovalDate", "2026-06-05", "conversionDecision",
        "sendBack", "decisionReason", "请补充违纪事实材料"));
    assertThat(pi).isWaitingAt(CANCELLATION_MEETING);
    cancellationMeeting(pi, "2026-06-10", 10, 8, 7);
    approveResolution(pi, "2026-06-15");
    assertThat(pi).isEnded().hasPassed(PROBATION_CANCELLED);
    assertThat(registry.find(memberId(pi)).orElseThrow().status()).isEqualTo(MemberStatus.ENDED);
  }

  @Test
  void aCancellationTheBranchMeetingDoesNotCarryLeavesTheProbationGoingOn() {
    ProcessInstance pi = caseInProbationReview();
    cases.requestProbationCancellation(pi.getBusinessKey(), "不履行党员义务", BRANCH_CLERK);
    // 10 entitled, 8 present, 5 for: exactly half of the entitled, not carried
    cancellationMeeting(pi, "2026-05-28", 10, 8, 5);
    assertThat(pi).isWaitingAt(PROBATION_REVIEW_DUE);
    assertThat(registry.find(memberId(pi)).orElseThrow().status()).isEqualTo(MemberStatus.PROBATIONARY);
    fireTimer(pi, PROBATION_REVIEW_DUE);
    assertThat(pi).isWaitingAt(PROBATION_REVIEW);
  }

  @Test
  void cancellationIsOpenedOnlyByTheBranchDuringTheProbationReviewsAndOnlyOnce() {
    ProcessInstance pi = caseInProbationReview();
    assertThatThrownBy(() -> cases.requestProbationCancellation(pi.getBusinessKey(), "违纪", COMMITTEE_CLERK))
        .isInstanceOf(AccessDeniedException.class).hasMessageContaining("由支部提出");
    assertThatThrownBy(() -> cases.requestProbationCancellation(pi.getBusinessKey(), "  ", BRANCH_CLERK))
        .isInstanceOf(StepRefusedException.class).hasMessageContaining("须填写理由");
    assertThat(pi).isWaitingAt(PROBATION_REVIEW);
    cases.requestProbationCancellation(pi.getBusinessKey(), "违纪", BRANCH_CLERK);
    assertThatThrownBy(() -> cases.requestProbationCancellation(pi.getBusinessKey(), "违纪", BRANCH_CLERK))
        .isInstanceOf(StepRefusedException.class).hasMessageContaining("已有取消预备党员资格的程序在办理中");
    cancellationMeeting(pi, "2026-05-28", 10, 8, 7);
    assertThatThrownBy(() -> cases.requestProbationCancellation(pi.getBusinessKey(), "违纪", BRANCH_CLERK))
        .isInstanceOf(StepRefusedException.class).hasMessageContaining("已有取消预备党员资格的程序在办理中");
    assertThat(pi).isWaitingAt(CONVERSION_APPROVAL);
  }

  @Test
  void cancellationOutsideTheProbationReviewsIsRefusedWithWhereTheCaseIs() {
    ProcessInstance admission = caseAt(ADMISSION_APPROVAL);
    assertThatThrownBy(() -> cases.requestProbationCancellation(admission.getBusinessKey(), "违纪", BRANCH_CLERK))
        .isInstanceOf(StepRefusedException.class).hasMessageContaining("不在预备期考察阶段")
        .hasMessageContaining("17 上级党委审批");
    ProcessInstance meeting = caseAt(CONVERSION_MEETING);
    assertThatThrownBy(() -> cases.requestProbationCancellation(meeting.getBusinessKey(), "违纪", BRANCH_CLERK))
        .isInstanceOf(StepRefusedException.class).hasMessageContaining("支部大会讨论转正时可作出取消预备党员资格的决议");
    assertThat(meeting).isWaitingAt(CONVERSION_MEETING);
  }
}
