package org.dangjian.flow.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.dangjian.flow.grading.Grading.Events.*;
import static org.dangjian.flow.grading.Grading.Tasks.*;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.dangjian.flow.grading.GradingRepository.GradingRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of 分类定级: the three levels by each cause, objections, the evaluation deadline. */
class GradingPathsTest extends GradingTestSupport {

  @Autowired GradingObjections objections;

  private GradingRecord record(ProcessInstance pi) {
    String org = (String) historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("organizationId").singleResult().getValue();
    return gradings.find(org, 2025).orElseThrow();
  }

  private void finishPublicity(ProcessInstance pi) {
    fireTimer(pi, PUBLICITY_ENDS);
  }

  @Test
  void excellentScoresAndSatisfactionWithoutWeakSignsMakeAnAdvancedOrganization() {
    ProcessInstance pi = newGrading();
    assertThat(pi).isWaitingAt(SELF_ASSESSMENT);
    selfAssess(pi, 19);
    assertThat(variable(pi, "selfTotal")).isEqualTo(95);
    evaluate(pi, "satisfied");
    assertThat(pi).isWaitingAt(COMMITTEE_DECISION);
    assertThat(variable(pi, "suggestedLevel")).isEqualTo("advanced");
    assertThat(variable(pi, "satisfactionRate")).isEqualTo(1.0);
    decide(pi, "advanced");
    assertThat(pi).isWaitingAt(PUBLICITY_ENDS);
    finishPublicity(pi);
    assertThat(pi).isEnded().hasPassed(GRADED).hasNotPassed(RECTIFICATION_CALL);
    GradingRecord record = record(pi);
    assertThat(record.finalLevel()).isEqualTo("advanced");
    assertThat(record.finalLevelName()).isEqualTo("先进");
    assertThat(record.selfTotal()).isEqualTo(95);
    assertThat(record.committeeScore()).isEqualTo(88);
    assertThat(record.decidedOn()).hasToString("2026-01-05");
  }

  @Test
  void selfTotalIsComputedNeverTyped() {
    ProcessInstance pi = newGrading();
    complete(pi, SELF_ASSESSMENT, SECRETARY, "leadershipScore", 15, "membershipScore", 16, "mechanismScore", 17,
        "performanceScore", 14, "reputationScore", 13, "selfTotal", 100, "selfReport", "自评",
        "evaluators", EVALUATORS);
    assertThat(variable(pi, "selfTotal")).isEqualTo(75);
  }

  @Test
  void middlingScoresMakeAGeneralOrganization() {
    ProcessInstance pi = newGrading();
    selfAssess(pi, 15);
    evaluate(pi, "basicallySatisfied");
    assertThat(variable(pi, "suggestedLevel")).isEqualTo("general");
    decide(pi, "general");
    finishPublicity(pi);
    assertThat(pi).isEnded().hasPassed(GRADED);
    assertThat(record(pi).finalLevel()).isEqualTo("general");
  }

  @Test
  void aLowTotalMakesABackwardOrganizationThatGoesIntoRectification() {
    ProcessInstance pi = newGrading();
    selfAssess(pi, 10);
    evaluate(pi, "satisfied");
    assertThat(variable(pi, "suggestedLevel")).isEqualTo("backward");
    decide(pi, "backward");
    finishPublicity(pi);
    assertThat(pi).isWaitingAt(RECTIFICATION_CALL);
    assertThat(record(pi).finalLevel()).isEqualTo("backward");
    ProcessInstance rectification = rectificationOf(pi);
    assertThat(rectification).isWaitingAt(RECTIFICATION_PLAN);
    assertThat(rectification.getBusinessKey()).isEqualTo(pi.getBusinessKey());
    assertThat(runtimeService.getVariable(rectification.getId(), "finalLevelName")).isEqualTo("后进");
  }

  @Test
  void lowSatisfactionMakesABackwardOrganization() {
    ProcessInstance pi = newGrading();
    selfAssess(pi, 19);
    vote(pi, "guitu.eval1", "satisfied");
    vote(pi, "guitu.eval2", "basicallySatisfied");
    vote(pi, "guitu.eval3", "unsatisfied");
    vote(pi, "guitu.eval4", "unsatisfied");
    vote(pi, "guitu.eval5", "unsatisfied");
    vote(pi, "guitu.eval6", "unsatisfied");
    assertThat(variable(pi, "satisfactionRate")).isEqualTo(0.3333);
    assertThat(variable(pi, "unsatisfiedRate")).isEqualTo(0.6667);
    assertThat(variable(pi, "suggestedLevel")).isEqualTo("backward");
  }

  @Test
  void anyWeakSignMakesABackwardOrganizationWhateverTheScores() {
    ProcessInstance pi = newGrading();
    selfAssess(pi, 20, "rulesOnPaper");
    evaluate(pi, "satisfied");
    assertThat(variable(pi, "weakSignCount")).isEqualTo(1);
    assertThat(variable(pi, "suggestedLevel")).isEqualTo("backward");
    decide(pi, "backward");
    finishPublicity(pi);
    assertThat(pi).isWaitingAt(RECTIFICATION_CALL);
  }

  @Test
  void evaluationClosedByItsDeadlineCountsOnlyTheBallotsCast() {
    ProcessInstance pi = newGrading();
    selfAssess(pi, 19);
    vote(pi, "guitu.eval1", "satisfied");
    vote(pi, "guitu.eval2", "satisfied");
    vote(pi, "guitu.eval3", "satisfied");
    vote(pi, "guitu.eval4", "unsatisfied");
    assertThat(variable(pi, "evaluationCloseDate")).isEqualTo("2026-01-15");
    fireTimer(pi, EVALUATION_CLOSED);
    assertThat(pi).isWaitingAt(COMMITTEE_DECISION);
    assertThat(ballots(pi)).isEmpty();
    assertThat(runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).count()).isZero();
    assertThat(variable(pi, "ballotsCast")).isEqualTo(4);
    assertThat(variable(pi, "ballotsMissing")).isEqualTo(2);
    assertThat(variable(pi, "satisfactionRate")).isEqualTo(0.75);
    assertThat(variable(pi, "suggestedLevel")).isEqualTo("general");
  }

  @Test
  void anUpheldObjectionKeepsTheLevelAndThePublicityWaitsForIt() {
    ProcessInstance pi = newGrading();
    selfAssess(pi, 19);
    evaluate(pi, "satisfied");
    decide(pi, "advanced");
    today("2026-01-07");
    objections.lodge(orgOf(pi), 2025, "该支部组织生活不规范", "guitu.eval1");
    assertThat(pi).isWaitingAt(HANDLE_OBJECTION, PUBLICITY_ENDS);
    assertThat(taskService.getVariable(task(pi, HANDLE_OBJECTION).getId(), "objectionText"))
        .isEqualTo("该支部组织生活不规范");
    finishPublicity(pi);
    // the period is over but an objection is still open: nothing is final yet
    assertThat(pi).isWaitingAt(HANDLE_OBJECTION);
    assertThat(record(pi).finalLevel()).isNull();
    complete(pi, HANDLE_OBJECTION, COMMITTEE_CLERK, "objectionFinding", "经核查，组织生活记录齐全",
        "objectionOutcome", "uphold");
    assertThat(pi).isEnded().hasPassed(GRADED);
    assertThat(record(pi).finalLevel()).isEqualTo("advanced");
  }

  @Test
  void anObjectionFoundValidSendsTheGradingBackToTheCommitteeAndStartsANewPublicity() {
    ProcessInstance pi = newGrading();
    selfAssess(pi, 19);
    evaluate(pi, "satisfied");
    decide(pi, "advanced");
    objections.lodge(orgOf(pi), 2025, "支部书记长期不在岗", "guitu.eval2");
    objections.lodge(orgOf(pi), 2025, "第二条异议", "guitu.eval3");
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(HANDLE_OBJECTION).count())
        .isEqualTo(2);
    complete(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(HANDLE_OBJECTION).list()
        .get(0), COMMITTEE_CLERK, "objectionFinding", "情况属实", "objectionOutcome", "redecide");
    assertThat(pi).isWaitingAt(COMMITTEE_DECISION);
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(HANDLE_OBJECTION).count())
        .isZero();
    today("2026-01-08");
    decide(pi, "general", "overrideReason", "书记长期不在岗，不宜评为先进");
    assertThat(variable(pi, "publicityEndDate")).isEqualTo("2026-01-15");
    finishPublicity(pi);
    assertThat(pi).isEnded().hasPassed(GRADED);
    assertThat(record(pi).finalLevel()).isEqualTo("general");
    assertThat(record(pi).decidedOn()).hasToString("2026-01-08");
  }

  @Test
  void publicityLastsFiveWorkingDaysAcrossNationalDayAndItsMakeUpSaturday() {
    today("2025-09-20");
    ProcessInstance pi = newGrading();
    selfAssess(pi, 19);
    evaluate(pi, "satisfied");
    today("2025-09-29");
    decide(pi, "advanced");
    // 9-30, (10-1..10-8 holiday), 10-9, 10-10, 10-11 (make-up Saturday), 10-13
    assertThat(variable(pi, "publicityStartDate")).isEqualTo("2025-09-30");
    assertThat(variable(pi, "publicityEndDate")).isEqualTo("2025-10-13");
    assertThat(fireTimer(pi, PUBLICITY_ENDS)).isEqualTo(org.dangjian.flow.system.BusinessCalendar.startOf(
        java.time.LocalDate.parse("2025-10-14")));
    assertThat(record(pi).finalizedOn()).hasToString("2025-10-14");
  }

  private String orgOf(ProcessInstance pi) {
    return (String) variable(pi, "organizationId");
  }
}
