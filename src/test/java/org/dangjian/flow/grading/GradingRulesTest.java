package org.dangjian.flow.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.dangjian.flow.grading.Grading.Tasks.*;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.dangjian.flow.system.StepRefusedException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The rules of 分类定级 enforced on the server: a refusal says why in Chinese and changes nothing. */
class GradingRulesTest extends GradingTestSupport {

  @Autowired GradingObjections objections;

  private ProcessInstance atCommitteeDecision() {
    ProcessInstance pi = newGrading();
    selfAssess(pi, 19);
    evaluate(pi, "satisfied");
    return pi;
  }

  @Test
  void scoresAbove20AreRefused() {
    ProcessInstance pi = newGrading();
    assertThatThrownBy(() -> complete(pi, SELF_ASSESSMENT, SECRETARY, "leadershipScore", 21, "membershipScore", 20,
        "mechanismScore", 20, "performanceScore", -1, "reputationScore", 20, "selfReport", "自评",
        "evaluators", EVALUATORS)).isInstanceOf(StepRefusedException.class)
        .hasMessageContaining("领导班子好得分应在0至20之间").hasMessageContaining("工作业绩好得分应在0至20之间");
    assertThat(pi).isWaitingAt(SELF_ASSESSMENT);
  }

  @Test
  void fewerThanFiveEvaluatorsAreRefused() {
    ProcessInstance pi = newGrading();
    assertThatThrownBy(() -> complete(pi, SELF_ASSESSMENT, SECRETARY, "leadershipScore", 20, "membershipScore", 20,
        "mechanismScore", 20, "performanceScore", 20, "reputationScore", 20, "selfReport", "自评",
        "evaluators", List.of("guitu.eval1", "guitu.eval2", "guitu.eval3", "guitu.eval4", "guitu.eval4")))
        .isInstanceOf(StepRefusedException.class).hasMessageContaining("测评人至少5名").hasMessageContaining("现为4名");
    assertThat(pi).isWaitingAt(SELF_ASSESSMENT);
  }

  @Test
  void evaluatorsOutsideTheOrganizationsEvaluatorsAreRefusedWithOneAnswerForStrangersAndUnknownAccounts() {
    ProcessInstance pi = newGrading();
    // fayuan.eval1 evaluates 法院党支部, guitu.clerk is of the right branch but not an evaluator
    assertThatThrownBy(() -> complete(pi, SELF_ASSESSMENT, SECRETARY, "leadershipScore", 20, "membershipScore", 20,
        "mechanismScore", 20, "performanceScore", 20, "reputationScore", 20, "selfReport", "自评",
        "evaluators", "guitu.eval1,guitu.eval2,guitu.eval3,fayuan.eval1,guitu.clerk,nobody.here"))
        .isInstanceOf(StepRefusedException.class)
        .hasMessageContaining("“fayuan.eval1”不是测试党组织").hasMessageContaining("“guitu.clerk”不是测试党组织")
        .hasMessageContaining("“nobody.here”不是测试党组织").hasMessageContaining("的测评人")
        .hasMessageNotContaining("guitu.eval1”").hasMessageNotContaining("账号");
    assertThat(pi).isWaitingAt(SELF_ASSESSMENT);
    assertThat(ballotInstances(pi)).isEmpty();
  }

  @Test
  void theSelfAssessorMayNotEvaluateEvenAsAnEvaluatorOfTheOrganization() {
    ProcessInstance pi = newGrading();
    join(SECRETARY, runtimeService.getVariable(pi.getId(), "organizationId") + "-evaluator");
    assertThatThrownBy(() -> complete(pi, SELF_ASSESSMENT, SECRETARY, "leadershipScore", 20, "membershipScore", 20,
        "mechanismScore", 20, "performanceScore", 20, "reputationScore", 20, "selfReport", "自评",
        "evaluators", List.of("guitu.eval1", "guitu.eval2", "guitu.eval3", "guitu.eval4", SECRETARY)))
        .isInstanceOf(StepRefusedException.class).hasMessageContaining("自评人不能同时作为测评人（guitu.secretary）")
        .hasMessageNotContaining("不是");
    assertThat(pi).isWaitingAt(SELF_ASSESSMENT);
  }

  @Test
  void theEvaluatorsOfferedAreTheOrganizationsOwn() {
    ProcessInstance pi = newGrading();
    List<String> offered = Json.objects(variable(pi, "evaluatorOptions")).stream()
        .map(o -> (String) o.get("value")).toList();
    assertThat(offered).containsExactlyElementsOf(EVALUATORS);
  }

  @Test
  void eachEvaluatorGetsTheirOwnTaskAndOnlyTheyMayFillIt() {
    ProcessInstance pi = newGrading();
    selfAssess(pi, 19);
    assertThat(ballots(pi)).extracting(Task::getAssignee).containsExactlyInAnyOrderElementsOf(EVALUATORS);
    // the engine grants a ballot to its evaluator alone
    assertThatThrownBy(() -> complete(ballotOf(pi, "guitu.eval1"), "guitu.eval2", "satisfaction", "unsatisfied"))
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("guitu.eval2");
    // and the step rule refuses anyone else even with every grant
    assertThatThrownBy(() -> complete(ballotOf(pi, "guitu.eval1"), "admin", "satisfaction", "unsatisfied"))
        .isInstanceOf(StepRefusedException.class).hasMessageContaining("此任务只能由guitu.eval1本人办理");
  }

  @Test
  void anEvaluatorSeesNothingOfAnotherBallot() {
    ProcessInstance pi = newGrading();
    selfAssess(pi, 19);
    Task second = ballotOf(pi, "guitu.eval2");
    // what the form of the first evaluator submits stays in that ballot, even before it is completed
    taskService.setVariables(ballotOf(pi, "guitu.eval1").getId(), Map.of("satisfaction", "unsatisfied",
        "evaluationComment", "书记作风不实"));
    assertThat(taskService.getVariables(second.getId())).doesNotContainKeys("satisfaction", "evaluationComment");
    vote(pi, "guitu.eval1", "unsatisfied");
    assertThat(taskService.getVariables(second.getId())).doesNotContainKeys("satisfaction", "evaluationComment");
    assertThat(runtimeService.getVariables(pi.getId())).doesNotContainKeys("satisfaction", "evaluationComment");
  }

  @Test
  void theCommitteeMustGiveAReasonToDepartFromTheSuggestion() {
    ProcessInstance pi = atCommitteeDecision();
    assertThatThrownBy(() -> decide(pi, "general")).isInstanceOf(StepRefusedException.class)
        .hasMessageContaining("评定等次与建议等次（先进）不同，须填写调整理由");
    assertThat(pi).isWaitingAt(COMMITTEE_DECISION);
    decide(pi, "general", "overrideReason", "年内发生安全生产事故");
    assertThat(variable(pi, "finalLevelName")).isEqualTo("一般");
  }

  @Test
  void aLevelTheTableDoesNotKnowIsRefused() {
    ProcessInstance pi = atCommitteeDecision();
    assertThatThrownBy(() -> decide(pi, "excellent", "overrideReason", "x")).isInstanceOf(StepRefusedException.class)
        .hasMessageContaining("评定等次的取值“excellent”无效");
  }

  @Test
  void theSelfAssessorMayNotDecide() {
    ProcessInstance pi = newGrading();
    // the committee's clerk is also the branch's secretary
    join(COMMITTEE_CLERK, runtimeService.getVariable(pi.getId(), "secretaryGroup").toString());
    complete(pi, SELF_ASSESSMENT, COMMITTEE_CLERK, "leadershipScore", 19, "membershipScore", 19,
        "mechanismScore", 19, "performanceScore", 19, "reputationScore", 19, "selfReport", "自评",
        "evaluators", EVALUATORS);
    evaluate(pi, "satisfied");
    assertThatThrownBy(() -> decide(pi, "advanced")).isInstanceOf(StepRefusedException.class)
        .hasMessageContaining("评定人不能是本组织的自评人（jg.clerk，四眼原则）");
    assertThat(pi).isWaitingAt(COMMITTEE_DECISION);
  }

  @Test
  void theSameOrganizationAndYearIsNeverGradedTwice() {
    String org = newBranch();
    startGrading(org, 2025);
    assertThatThrownBy(() -> startGrading(org, 2025)).isInstanceOf(StepRefusedException.class)
        .hasMessageContaining("2025年度正在定级，同一党组织同一年度只定级一次");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(org + "-2025").count())
        .isEqualTo(1);
    assertThat(startGrading(org, 2026).getBusinessKey()).isEqualTo(org + "-2026");
  }

  @Test
  void helpUnitsAreNotGraded() {
    assertThatThrownBy(() -> startGrading("unit-guitu", 2025)).isInstanceOf(StepRefusedException.class)
        .hasMessageContaining("不参加分类定级");
  }

  @Test
  void objectionsOutsideThePublicityAreRefused() {
    ProcessInstance pi = atCommitteeDecision();
    String org = (String) variable(pi, "organizationId");
    assertThatThrownBy(() -> objections.lodge(org, 2025, "异议", "guitu.eval1"))
        .isInstanceOf(StepRefusedException.class).hasMessageContaining("不在公示期内");
    decide(pi, "advanced");
    assertThatThrownBy(() -> objections.lodge(org, 2025, "  ", "guitu.eval1"))
        .isInstanceOf(StepRefusedException.class).hasMessageContaining("请填写异议内容");
    today("2026-01-13");
    assertThatThrownBy(() -> objections.lodge(org, 2025, "迟到的异议", "guitu.eval1"))
        .isInstanceOf(StepRefusedException.class).hasMessageContaining("公示截止 2026-01-12");
  }

  @Test
  void handlingAnObjectionNeedsAFindingAndAnOutcome() {
    ProcessInstance pi = atCommitteeDecision();
    decide(pi, "advanced");
    objections.lodge((String) variable(pi, "organizationId"), 2025, "异议", null);
    assertThatThrownBy(() -> complete(pi, HANDLE_OBJECTION, COMMITTEE_CLERK, "objectionOutcome", "maybe"))
        .isInstanceOf(StepRefusedException.class).hasMessageContaining("请填写核查情况")
        .hasMessageContaining("处理结果的取值“maybe”无效");
  }
}
