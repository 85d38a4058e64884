package org.dangjian.flow.branchlife;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.dangjian.flow.branchlife.SecretaryReview.Tasks.*;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.dangjian.flow.audit.CaseEvent;
import org.dangjian.flow.audit.CaseEventLog;
import org.dangjian.flow.audit.CaseEventType;
import org.dangjian.flow.audit.CaseRecords;
import org.dangjian.flow.organization.OrganizationKind;
import org.dangjian.flow.system.BusinessCalendar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of 述职评议 (spec branch-life.md): campaign, report, comments, secret 测评, decision, rectification. */
class SecretaryReviewPathsTest extends SecretaryReviewTestSupport {

  @Autowired CaseEventLog events;
  @Autowired CaseRecords records;

  private Deployment strictTable;

  @AfterEach
  void restoreTheDefaultTable() {
    if (strictTable != null) {
      repositoryService.deleteDeployment(strictTable.getId(), true);
    }
  }

  @Test
  void aCampaignStartsOneReviewPerOrganizationAndLaunchingTheSameYearTwiceStartsNothing() {
    String committee = newOrganization("gxq", OrganizationKind.PARTY_COMMITTEE);
    String first = newBranch(committee);
    String second = newBranch(committee);
    join(COMMITTEE_CLERK, committee + "-clerk");
    login(COMMITTEE_CLERK);
    ProcessInstance campaign = runtimeService.startProcessInstanceByKey(SecretaryReview.CAMPAIGN_KEY,
        Map.of("committeeId", committee, "year", 2025, "evaluationDays", 10));
    identityService.clearAuthentication();
    assertThat(campaign).isEnded();
    for (String branch : List.of(first, second)) {
      ProcessInstance review = runtimeService.createProcessInstanceQuery()
          .processDefinitionKey(SecretaryReview.PROCESS_KEY).processInstanceBusinessKey(branch + "-2025")
          .singleResult();
      assertThat(review).isWaitingAt(SECRETARY_REPORT);
      Task report = taskService.createTaskQuery().processInstanceId(review.getId()).singleResult();
      assertThat(taskService.getIdentityLinksForTask(report.getId()).get(0).getGroupId())
          .isEqualTo(branch + "-secretary");
    }
    login(COMMITTEE_CLERK);
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(SecretaryReview.CAMPAIGN_KEY,
        Map.of("committeeId", committee, "year", 2025, "evaluationDays", 10)))
        .hasMessageContaining("年度述职评议已于").hasMessageContaining("不能重复启动，本次未启动任何述职评议");
    identityService.clearAuthentication();
    for (String branch : List.of(first, second)) {
      assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(SecretaryReview.PROCESS_KEY)
          .processInstanceBusinessKey(branch + "-2025").count()).isEqualTo(1);
    }
    // a review of the same organization and year is refused on its own too
    assertThatThrownBy(() -> startReview(first, 2025)).hasMessageContaining("同一党组织同一年度只评议一次");
  }

  @Test
  void onlyTheCommitteesClerkLaunchesItsCampaign() {
    String committee = newOrganization("gxq", OrganizationKind.PARTY_COMMITTEE);
    newBranch(committee);
    // the engine refuses a secretary (no committee's clerk may start it) ...
    login(SECRETARY);
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(SecretaryReview.CAMPAIGN_KEY,
        Map.of("committeeId", committee, "year", 2025, "evaluationDays", 10)))
        .hasMessageContaining("CREATE");
    // ... and the launch rule the clerk of another committee
    login(COMMITTEE_CLERK);
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(SecretaryReview.CAMPAIGN_KEY,
        Map.of("committeeId", committee, "year", 2025, "evaluationDays", 10)))
        .hasMessageContaining("的党务工作者（" + committee + "-clerk）启动，当前用户为 jg.clerk");
    identityService.clearAuthentication();
    assertThat(reviews.campaignStartedAt(committee, 2025)).isEmpty();
  }

  @Test
  void fewerThanFiveEvaluatorsStrangersOrTheSecretaryAreRefusedAndChangeNothing() {
    ProcessInstance pi = newReview();
    report(pi);
    Task comments = task(pi, REVIEW_COMMENTS);
    assertThatThrownBy(() -> complete(comments, COMMITTEE_CLERK, "comments", "点评", "problemsRaised", List.of(),
        "evaluators", EVALUATORS.subList(0, 4))).hasMessageContaining("测评人至少5名（本组织党员和群众代表），现为4名");
    assertThatThrownBy(() -> complete(comments, COMMITTEE_CLERK, "comments", "点评", "problemsRaised", List.of(),
        "evaluators", List.of("guitu.eval1", "guitu.eval2", "guitu.eval3", "guitu.eval4", "fayuan.eval1")))
        .hasMessageContaining("“fayuan.eval1”不是测试党组织");
    assertThatThrownBy(() -> complete(comments, COMMITTEE_CLERK, "comments", "点评", "problemsRaised", List.of(),
        "evaluators", List.of("guitu.eval1", "guitu.eval2", "guitu.eval3", "guitu.eval4", SECRETARY)))
        .hasMessageContaining("述职的书记不能同时作为测评人（guitu.secretary）");
    assertThatThrownBy(() -> complete(comments, COMMITTEE_CLERK, "comments", "点评", "problemsRaised",
        List.of(Map.of("problem", "问题", "deadline", "2026-01-05")), "evaluators", EVALUATORS))
        .hasMessageContaining("第1个问题：整改期限应晚于今天（2026-01-05）");
    assertThat(pi).isWaitingAt(REVIEW_COMMENTS);
    assertThat(task(pi, REVIEW_COMMENTS).getId()).isEqualTo(comments.getId());
    assertThat(runtimeService.getVariables(pi.getId())).doesNotContainKeys("evaluators", "problemNumbers",
        "evaluationClosesAt");
    assertThat(ballotInstances(pi)).isEmpty();
  }

  @Test
  void aReportDatedInTheFutureIsRefused() {
    ProcessInstance pi = newReview();
    assertThatThrownBy(() -> complete(pi, SECRETARY_REPORT, SECRETARY, "achievements", "成效", "problems", "问题",
        "plans", "打算", "reportDate", "2026-02-01")).hasMessageContaining("述职日期");
    assertThat(pi).isWaitingAt(SECRETARY_REPORT);
  }

  @Test
  void allGoodWithoutProblemsIsProposedGoodAndEndsWithTheLevelRecorded() {
    ProcessInstance pi = newReview();
    report(pi);
    comment(pi);
    assertThat(ballotInstances(pi)).hasSize(6);
    votes(pi, "good", "good", "good", "good", "good", "fairlyGood");
    assertThat(pi).isWaitingAt(REVIEW_DECISION);
    assertThat(variable(pi, "proposedLevel")).isEqualTo("good");
    assertThat(variable(pi, "goodCount")).isEqualTo(5);
    assertThat(variable(pi, "ballotsCast")).isEqualTo(6);
    assertThat(variable(pi, "goodPercent")).isEqualTo("83.3%");
    complete(pi, REVIEW_DECISION, COMMITTEE_CLERK, "reviewLevel", "good");
    assertThat(pi).isEnded().hasPassed(SecretaryReview.Events.REVIEWED);
    String org = (String) historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("organizationId").singleResult().getValue();
    assertThat(reviews.find(org, 2025)).get().extracting(SecretaryReviewRepository.Review::reviewLevel)
        .isEqualTo("good");
    assertThat(events.forProcessInstance(pi.getId())).noneMatch(e -> e.type() == CaseEventType.ESCALATION);
  }

  @Test
  void theEvaluationClosesAtItsDeadlineWithTheBallotsCastSoFar() {
    ProcessInstance pi = newReview();
    report(pi);
    comment(pi);
    votes(pi, "average", "average", "good");
    assertThat(pi).isWaitingAt(SecretaryReview.Events.EVALUATION_CALL);
    today("2026-01-16");
    runDueJobs(pi);
    assertThat(pi).isWaitingAt(REVIEW_DECISION);
    assertThat(variable(pi, "ballotsCast")).isEqualTo(3);
    assertThat(variable(pi, "ballotsMissing")).isEqualTo(3);
    assertThat(variable(pi, "proposedLevel")).isEqualTo("average");
    assertThat(ballotOf(pi, "guitu.eval4")).isNull();
  }

  @Test
  void aLevelOtherThanTheProposalNeedsAReason() {
    ProcessInstance pi = newReview();
    report(pi);
    comment(pi);
    votes(pi, "good", "good", "good", "good", "good", "good");
    assertThatThrownBy(() -> complete(pi, REVIEW_DECISION, COMMITTEE_CLERK, "reviewLevel", "fairlyGood"))
        .hasMessageContaining("评定等次与建议等次（好）不同，须填写调整理由（overrideReason）");
    assertThatThrownBy(() -> complete(pi, REVIEW_DECISION, COMMITTEE_CLERK, "reviewLevel", "excellent",
        "overrideReason", "理由")).hasMessageContaining("评定等次的取值“excellent”无效");
    assertThat(pi).isWaitingAt(REVIEW_DECISION);
    complete(pi, REVIEW_DECISION, COMMITTEE_CLERK, "reviewLevel", "fairlyGood", "overrideReason", "年内发生违纪问题");
    assertThat(pi).isEnded();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("overrideReason").singleResult().getValue()).isEqualTo("年内发生违纪问题");
  }

  @Test
  void aRedeployedTableWithOtherThresholdsChangesTheProposal() {
    ProcessInstance before = newReview();
    report(before);
    comment(before);
    votes(before, "good", "good", "good", "good", "good", "fairlyGood");
    assertThat(variable(before, "proposedLevel")).isEqualTo("good");

    strictTable = repositoryService.createDeployment().name("述职评议更严的建议规则")
        .addInputStream("SecretaryReviewLevelDecision.dmn",
            getClass().getResourceAsStream("/branchlife/SecretaryReviewLevelDecision-strict.xml"))
        .deploy();
    ProcessInstance after = newReview();
    report(after);
    comment(after);
    votes(after, "good", "good", "good", "good", "good", "fairlyGood");
    assertThat(variable(after, "proposedLevel")).isEqualTo("fairlyGood");
    assertThat(variable(after, "proposedLevelName")).isEqualTo("较好");
    // one poor ballot of six (16.7%) is more than the stricter table's 10%
    ProcessInstance poor = newReview();
    report(poor);
    comment(poor);
    votes(poor, "good", "good", "good", "good", "good", "poor");
    assertThat(variable(poor, "proposedLevel")).isEqualTo("poor");
  }

  @Test
  void everyProblemRaisedIsRectifiedByTheSecretaryByItsDeadlineAndClosedByTheCommitteesAcceptance() {
    ProcessInstance pi = newReview();
    report(pi);
    comment(pi, "组织生活不规范", "2026-03-31", "党员教育管理薄弱", "2026-06-30");
    votes(pi, "good", "good", "good", "good", "good", "good");
    complete(pi, REVIEW_DECISION, COMMITTEE_CLERK, "reviewLevel", "good");
    assertThat(pi).isWaitingAt(REVIEW_RECTIFICATION);
    List<Task> rectifications = open(pi, REVIEW_RECTIFICATION);
    assertThat(rectifications).hasSize(2);
    assertThat(rectifications).extracting(t -> local(t.getDueDate()).toLocalDate().toString())
        .containsExactly("2026-04-01", "2026-07-01");
    assertThat(rectifications).extracting(t -> taskService.getVariable(t.getId(), "problem"))
        .containsExactly("组织生活不规范", "党员教育管理薄弱");
    assertThat(taskService.getIdentityLinksForTask(rectifications.get(0).getId()).get(0).getGroupId())
        .endsWith("-secretary");

    assertThatThrownBy(() -> complete(rectifications.get(0), SECRETARY, "rectificationMeasures", "措施"))
        .hasMessageContaining("请填写整改成效");
    complete(rectifications.get(0), SECRETARY, "rectificationMeasures", "每月召开支委会", "rectificationResult",
        "已按月召开");
    // the second problem's deadline passes: a violation in the record and a reminder, the task stays open
    today("2026-07-02");
    runDueJobs(pi);
    assertThat(events.forProcessInstance(pi.getId())).filteredOn(e -> e.type() == CaseEventType.VIOLATION)
        .extracting(CaseEvent::ruleCode, CaseEvent::dueDate)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("REVIEW_RECTIFICATION_BY_DEADLINE",
            java.time.LocalDate.of(2026, 6, 30)));
    assertThat(events.forProcessInstance(pi.getId())).filteredOn(e -> e.type() == CaseEventType.REMINDER)
        .hasSize(1).allMatch(e -> e.description().contains("党员教育管理薄弱"));
    assertThat(open(pi, REVIEW_RECTIFICATION)).hasSize(1);
    Task acceptance = task(pi, RECTIFICATION_ACCEPTANCE);
    assertThat(taskService.getVariable(acceptance.getId(), "problem")).isEqualTo("组织生活不规范");
    complete(acceptance, COMMITTEE_CLERK, "acceptanceResult", "returned", "acceptanceOpinion", "记录不全");
    // back to the secretary for that problem; the other one is untouched
    List<Task> again = open(pi, REVIEW_RECTIFICATION);
    assertThat(again).hasSize(2);
    assertThat(again).extracting(t -> taskService.getVariable(t.getId(), "problem"))
        .containsExactlyInAnyOrder("组织生活不规范", "党员教育管理薄弱");
    for (Task t : again) {
      complete(t, SECRETARY, "rectificationMeasures", "措施" + t.getId(), "rectificationResult", "成效");
    }
    List<Task> acceptances = open(pi, RECTIFICATION_ACCEPTANCE);
    assertThat(acceptances).hasSize(2);
    complete(acceptances.get(0), COMMITTEE_CLERK, "acceptanceResult", "accepted", "acceptanceOpinion", "通过");
    assertThat(pi).isNotEnded();
    complete(acceptances.get(1), COMMITTEE_CLERK, "acceptanceResult", "accepted", "acceptanceOpinion", "通过");
    assertThat(pi).isEnded().hasPassed("EndEvent_Rectified");
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(REVIEW_RECTIFICATION).count()).isEqualTo(3);
  }

  @Test
  void aSecretaryReviewedPoorIsReportedToTheWorkingCommitteeInTheRecord() {
    ProcessInstance pi = newReview();
    report(pi);
    comment(pi);
    votes(pi, "poor", "poor", "poor", "average", "average", "fairlyGood");
    assertThat(variable(pi, "proposedLevel")).isEqualTo("poor");
    assertThat(variable(pi, "workingCommitteeClerkGroup")).isEqualTo("gxq-clerk");
    complete(pi, REVIEW_DECISION, COMMITTEE_CLERK, "reviewLevel", "poor");
    List<CaseEvent> reported = events.forProcessInstance(pi.getId()).stream()
        .filter(e -> e.type() == CaseEventType.ESCALATION).toList();
    assertThat(reported).hasSize(1);
    assertThat(reported.get(0).ruleCode()).isEqualTo(SecretaryReview.POOR_RULE);
    assertThat(reported.get(0).description()).contains("被评定为“差”", "报高新区工委");
    assertThat(reported.get(0).actualDate()).isEqualTo(BusinessCalendar.today());
    // the working committee's clerk reads the case's 全程纪实, with the report in it
    assertThat(records.find(pi.getId(), WORKING_COMMITTEE_CLERK)).get().extracting(Object::toString)
        .asString().contains("被评定为“差”");
  }
}
