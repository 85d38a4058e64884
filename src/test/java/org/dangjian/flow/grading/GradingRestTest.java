package org.dangjian.flow.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.dangjian.flow.grading.Grading.Tasks.*;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.dangjian.flow.organization.OrganizationKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** What Tasklist and REST clients see: start form, submitted forms with Json lists, objections, history. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GradingRestTest extends GradingTestSupport {

  @Autowired TestRestTemplate rest;

  @Test
  void theCampaignStartFormStartsOnceAndTheSecondLaunchIsRefusedWith400() {
    String committee = newOrganization("gxq", OrganizationKind.PARTY_COMMITTEE);
    newOrganization(committee, OrganizationKind.BRANCH);
    joinClerks(COMMITTEE_CLERK, committee);
    Map<String, Object> form = form("committeeId", committee, "year", 2025, "evaluationDays", 10);
    ResponseEntity<Map> first = rest.withBasicAuth(COMMITTEE_CLERK, "demo").postForEntity(
        "/engine-rest/process-definition/key/{key}/submit-form", form, Map.class, Grading.CAMPAIGN_KEY);
    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<Map> second = rest.withBasicAuth(COMMITTEE_CLERK, "demo").postForEntity(
        "/engine-rest/process-definition/key/{key}/submit-form", form, Map.class, Grading.CAMPAIGN_KEY);
    assertThat(second.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(second.getBody().get("message").toString()).contains("不能重复启动");
  }

  @Test
  void tasklistSubmissionsWithJsonListsObjectionsAndTheHistoryThroughRest() {
    ProcessInstance pi = newGrading();
    String org = (String) variable(pi, "organizationId");
    ResponseEntity<Map> selfAssessed = rest.withBasicAuth(SECRETARY, "demo").postForEntity(
        "/engine-rest/task/{id}/submit-form", form("leadershipScore", 18, "membershipScore", 18,
            "mechanismScore", 18, "performanceScore", 18, "reputationScore", 18, "weakSigns", List.of(),
            "selfReport", "自评报告", "evaluators", EVALUATORS), Map.class, task(pi, SELF_ASSESSMENT).getId());
    assertThat(selfAssessed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(variable(pi, "selfTotal")).isEqualTo(90);
    for (String evaluator : EVALUATORS) {
      ResponseEntity<Map> ballot = rest.withBasicAuth(evaluator, "demo").postForEntity(
          "/engine-rest/task/{id}/submit-form", form("satisfaction", "satisfied"), Map.class,
          ballotOf(pi, evaluator).getId());
      assertThat(ballot.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }
    assertThat(runtimeService.getVariables(pi.getId())).doesNotContainKey("satisfaction");
    // nor in the engine's history of the case or of its ballots (GradingBallotSecrecyTest looks everywhere)
    String[] caseAndBallots = Stream.concat(Stream.of(pi.getId()), ballotInstances(pi).stream())
        .toArray(String[]::new);
    assertThat(caseAndBallots).hasSize(1 + EVALUATORS.size());
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceIdIn(caseAndBallots)
        .variableNameIn("satisfaction", "evaluationComment").count()).isZero();
    assertThat(historyService.createHistoricDetailQuery().processInstanceIdIn(caseAndBallots).list())
        .noneMatch(d -> d instanceof HistoricVariableUpdate v
            && Grading.BALLOT.secretVariables().contains(v.getVariableName()))
        .noneMatch(d -> d instanceof HistoricFormField f && (!pi.getId().equals(f.getProcessInstanceId())
            || Grading.BALLOT.secretVariables().contains(f.getFieldId())));
    assertThat(gradings.countBallots(pi.getProcessInstanceId()).cast()).isEqualTo(EVALUATORS.size());
    decide(pi, "advanced");

    // anyone with an account may object; nobody without one
    assertThat(rest.postForEntity("/api/grading/organizations/{org}/2025/objections",
        Map.of("objectionText", "匿名"), Map.class, org).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    TestRestTemplate member = rest.withBasicAuth("fayuan.eval1", "demo");
    ResponseEntity<Map> empty = member.postForEntity("/api/grading/organizations/{org}/2025/objections",
        Map.of("objectionText", ""), Map.class, org);
    assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    ResponseEntity<Map> lodged = member.postForEntity("/api/grading/organizations/{org}/2025/objections",
        Map.of("objectionText", "先进评得不实"), Map.class, org);
    assertThat(lodged.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(member.postForEntity("/api/grading/organizations/nowhere/2025/objections",
        Map.of("objectionText", "x"), Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    complete(pi, HANDLE_OBJECTION, COMMITTEE_CLERK, "objectionFinding", "不属实", "objectionOutcome", "uphold");
    fireTimer(pi, Grading.Events.PUBLICITY_ENDS);
    assertThat(pi).isEnded();

    ResponseEntity<List> history = member.getForEntity("/api/grading/organizations/{org}/history", List.class, org);
    assertThat(history.getBody()).hasSize(1);
    assertThat((Map<String, Object>) history.getBody().get(0)).containsEntry("finalLevel", "advanced")
        .containsEntry("year", 2025);
  }
}
