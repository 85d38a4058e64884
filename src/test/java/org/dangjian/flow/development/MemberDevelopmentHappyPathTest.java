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
    ProcessInstance pi = newCase();
    String caseNumber = (String) runtimeService.getVariable(pi.getId(), "caseNumber");
    assertThat(caseNumber).matches("guitu-2025-\\d{4}");
    assertThat(pi.getBusinessKey()).isEqualTo(caseNumber);
    assertThat(pi).isWaitingAt(APPLICANT_TALK);
    assertThat(task(pi, APPLICANT_TALK)).hasCandidateGroup("guitu-clerk");
    assertThat(local(task(pi, APPLICANT_TALK).getDueDate()).toLocalDate()).hasToString("2025-02-11");
    long memberId = memberId(pi);
    assertThat(registry.find(memberId)).map(PartyMember::status).contains(MemberStatus.APPLICANT);

    talk(pi);
    assertThat(pi).isWaitingAt(DETERMINE_ACTIVIST);
    makeActivist(pi);
    assertThat(registry.find(memberId)).map(PartyMember::activistDate).hasValueSatisfying(
        d -> assertThat(d).hasToString("2025-02-10"));
    assertThat(registry.find(memberId)).map(PartyMember::status).contains(MemberStatus.ACTIVIST);

    assertThat(pi).isWaitingAt(ACTIVIST_REVIEW_DUE);
    assertThat(local(fireTimer(pi, ACTIVIST_REVIEW_DUE)).toLocalDate()).hasToString("2025-08-10");
    activistReview(pi, "2025-08-10", false);
    assertThat(local(fireTimer(pi, ACTIVIST_REVIEW_DUE)).toLocalDate()).hasToString("2026-02-10");
    activistReview(pi, "2026-02-10", true);

    makeTarget(pi);
    assertThat(registry.find(memberId)).map(PartyMember::status).contains(MemberStatus.TARGET);
    reviewAndTrain(pi);
    branchReviewAndPreReview(pi);
    meetAndTalk(pi);
    assertThat(task(pi, ADMISSION_APPROVAL)).hasCandidateGroup("gxq-jg-approver");
    assertThat(local(task(pi, ADMISSION_APPROVAL).getDueDate()).toLocalDate()).hasToString("2026-05-26");
    approveAdmission(pi);
    PartyMember probationary = registry.find(memberId).orElseThrow();
    assertThat(probationary.status()).isEqualTo(MemberStatus.PROBATIONARY);
    // probation counts from the branch meeting (2026-02-25), not from approval or oath
    assertThat(probationary.probationStartDate()).hasToString("2026-02-25");
    assertThat(probationary.probationEndDate()).hasToString("2027-02-25");

    swearIn(pi);
    assertThat(probationReviewsAndApplication(pi))
        .containsExactly("2026-05-25", "2026-08-25", "2026-11-25", "2027-01-25");
    conversionMeeting(pi, "2027-02-26", "convert");
    approveConversionAndArchive(pi, "2027-02-28");

    assertThat(pi).isEnded().hasPassed(FULL_MEMBER);
    PartyMember full = registry.find(memberId).orElseThrow();
    assertThat(full.status()).isEqualTo(MemberStatus.FULL);
    assertThat(full.fullMembershipDate()).hasToString("2027-02-25");
    assertThat(events.forProcessInstance(pi.getId())).isEmpty();
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(pi.getId()).count())
        .as("steps 2 to 25, a second half-year review, two more quarterly reviews").isEqualTo(24 + 1 + 2);
  }
}
