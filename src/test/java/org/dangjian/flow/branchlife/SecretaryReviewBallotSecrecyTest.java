package org.dangjian.flow.branchlife;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.dangjian.flow.branchlife.SecretaryReview.Tasks.*;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 测评 is secret by the same mechanism as grading's 党员群众测评 (system/SecretBallots): a rating cast over REST as
 * Tasklist casts it is in secret_ballot only, in no engine table, runtime or history; the committee reads counts,
 * never a rating; the secretary reads no ballot; the forms' fields are all a client may submit; the campaign is
 * launched over REST as the start form launches it.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
class SecretaryReviewBallotSecrecyTest extends SecretaryReviewTestSupport {

  private static final String PAGE = "firstResult=0&maxResults=500";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;

  @Test
  void noRatingIsReadableByTheCommitteeTheSecretaryOrAnAdministratorNorKeptInTheHistory() {
    ProcessInstance pi = newReview();
    report(pi);
    comment(pi);
    List<String> ratings = List.of("poor", "fairlyGood", "average", "good", "good", "good");
    for (int i = 0; i < EVALUATORS.size(); i++) {
      String evaluator = EVALUATORS.get(i);
      ResponseEntity<String> cast = rest.withBasicAuth(evaluator, "demo").postForEntity(
          "/engine-rest/task/{id}/submit-form", form("rating", ratings.get(i)), String.class,
          ballotOf(pi, evaluator).getId());
      assertThat(cast.getStatusCode()).as(evaluator).isEqualTo(HttpStatus.NO_CONTENT);
    }
    assertThat(pi).isWaitingAt(REVIEW_DECISION);
    List<String> instances = Stream.concat(Stream.of(pi.getId()), ballotInstances(pi).stream()).toList();
    assertThat(instances).hasSize(7);

    // the ballots are in secret_ballot, as the rows of the review
    assertThat(jdbc.queryForObject("select count(*) from secret_ballot where process_instance_id = ?"
        + " and evaluator_id = ? and choice = ?", Integer.class, pi.getId(), "guitu.eval1", "poor")).isEqualTo(1);
    // and in no engine table: no variable named rating in the case or its ballots, no value of one in a ballot
    // (the case itself holds the proposal, a level too), no form field of a ballot
    String in = String.join(",", Collections.nCopies(instances.size(), "?"));
    List<Object> ballotsOnly = new ArrayList<>(instances.subList(1, instances.size()));
    String inBallots = String.join(",", Collections.nCopies(ballotsOnly.size(), "?"));
    for (String table : List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL")) {
      assertThat(jdbc.queryForObject("select count(*) from " + table + " where PROC_INST_ID_ in (" + in + ")"
          + " and NAME_ = 'rating'", Integer.class, instances.toArray())).as(table).isZero();
      assertThat(jdbc.queryForObject("select count(*) from " + table + " where PROC_INST_ID_ in (" + inBallots + ")"
          + " and (TEXT_ in ('poor', 'fairlyGood', 'average', 'good') or TEXT2_ in ('poor', 'fairlyGood',"
          + " 'average', 'good'))", Integer.class, ballotsOnly.toArray())).as(table).isZero();
    }
    // nothing the ballot tasks submitted: no detail (variable update or form field) of a ballot's task
    List<Object> ballotTasks = new ArrayList<>();
    for (Object ballot : ballotsOnly) {
      historyService.createHistoricTaskInstanceQuery().processInstanceId((String) ballot).list()
          .forEach(t -> ballotTasks.add(t.getId()));
    }
    assertThat(ballotTasks).hasSize(6);
    assertThat(jdbc.queryForObject("select count(*) from ACT_HI_DETAIL where TASK_ID_ in ("
        + String.join(",", Collections.nCopies(ballotTasks.size(), "?")) + ")", Integer.class, ballotTasks.toArray()))
        .isZero();
    assertThat(jdbc.queryForObject("select count(*) from ACT_HI_OP_LOG where PROC_INST_ID_ in (" + in + ")"
        + " and (NEW_VALUE_ in ('poor', 'fairlyGood', 'average') or ORG_VALUE_ in ('poor', 'fairlyGood', 'average'))",
        Integer.class, instances.toArray())).isZero();

    // the committee's clerk, the secretary and an administrator read the case and find counts, no rating
    for (String reader : List.of(COMMITTEE_CLERK, SECRETARY, "admin")) {
      TestRestTemplate as = rest.withBasicAuth(reader, "admin".equals(reader) ? "admin" : "demo");
      for (String id : instances) {
        for (String url : List.of("/engine-rest/variable-instance?processInstanceIdIn={id}&" + PAGE,
            "/engine-rest/history/variable-instance?processInstanceId={id}&" + PAGE,
            "/engine-rest/history/detail?processInstanceId={id}&" + PAGE)) {
          ResponseEntity<String> read = as.getForEntity(url, String.class, id);
          assertThat(read.getStatusCode()).as(reader + " " + url).isEqualTo(HttpStatus.OK);
          assertThat(read.getBody()).as(reader + " " + url).doesNotContain("\"rating\"")
              .doesNotContain("\"poor\"").doesNotContain("\"fairlyGood\"");
        }
      }
    }
    Task decision = task(pi, REVIEW_DECISION);
    String shown = rest.withBasicAuth(COMMITTEE_CLERK, "demo").getForObject("/engine-rest/task/{id}/form-variables",
        String.class, decision.getId());
    assertThat(shown).contains("\"poorCount\"", "\"goodCount\"").doesNotContain("\"rating\"");
    // the ballots' processes are nobody's but their evaluators': the committee is not granted them
    assertThat(rest.withBasicAuth(COMMITTEE_CLERK, "demo").getForEntity("/engine-rest/history/process-instance/{id}",
        String.class, instances.get(1)).getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(rest.withBasicAuth(COMMITTEE_CLERK, "demo").getForObject(
        "/engine-rest/history/task?processInstanceId={id}&" + PAGE, String.class, instances.get(1))).isEqualTo("[]");
  }

  @Test
  void aClientSubmitsOnlyTheFormsFieldsAndAnotherEvaluatorsBallotIsRefused() {
    ProcessInstance pi = newReview();
    report(pi);
    comment(pi);
    Task ballot = ballotOf(pi, "guitu.eval1");
    // the evaluator's own ballot only
    ResponseEntity<Map> other = rest.withBasicAuth("guitu.eval2", "demo").postForEntity(
        "/engine-rest/task/{id}/submit-form", form("rating", "poor"), Map.class, ballot.getId());
    assertThat(other.getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND, HttpStatus.BAD_REQUEST);
    ResponseEntity<Map> unknown = rest.withBasicAuth("guitu.eval1", "demo").postForEntity(
        "/engine-rest/task/{id}/submit-form", form("rating", "excellent"), Map.class, ballot.getId());
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    ResponseEntity<Map> extra = rest.withBasicAuth("guitu.eval1", "demo").postForEntity(
        "/engine-rest/task/{id}/submit-form", form("rating", "good", "ballotsCast", 99), Map.class, ballot.getId());
    assertThat(extra.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(jdbc.queryForObject("select count(*) from secret_ballot where process_instance_id = ?", Integer.class,
        pi.getId())).isZero();
    for (String evaluator : EVALUATORS) {
      vote(pi, evaluator, "good");
    }
    // the committee may not set the proposal itself
    ResponseEntity<Map> proposal = rest.withBasicAuth(COMMITTEE_CLERK, "demo").postForEntity(
        "/engine-rest/task/{id}/submit-form", form("reviewLevel", "average", "proposedLevel", "average"), Map.class,
        task(pi, REVIEW_DECISION).getId());
    assertThat(proposal.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    ResponseEntity<Map> noReason = rest.withBasicAuth(COMMITTEE_CLERK, "demo").postForEntity(
        "/engine-rest/task/{id}/submit-form", form("reviewLevel", "average"), Map.class,
        task(pi, REVIEW_DECISION).getId());
    assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noReason.getBody().get("message").toString()).contains("须填写调整理由");
    assertThat(pi).isWaitingAt(REVIEW_DECISION);
  }

  @Test
  void theCampaignIsLaunchedOverRestByTheCommitteesClerkOnly() {
    String committee = newOrganization("gxq", org.dangjian.flow.organization.OrganizationKind.PARTY_COMMITTEE);
    String branch = newBranch(committee);
    join(COMMITTEE_CLERK, committee + "-clerk");
    Map<String, Object> request = Map.of("committeeId", committee, "year", 2026, "evaluationDays", 7);
    ResponseEntity<Map> refused = rest.withBasicAuth(SECRETARY, "demo").postForEntity(
        "/api/secretary-reviews/campaigns", request, Map.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<Map> launched = rest.withBasicAuth(COMMITTEE_CLERK, "demo").postForEntity(
        "/api/secretary-reviews/campaigns", request, Map.class);
    assertThat(launched.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(launched.getBody().get("message").toString()).contains("已为1个党组织启动2026年度书记述职评议");
    ResponseEntity<Map> again = rest.withBasicAuth(COMMITTEE_CLERK, "demo").postForEntity(
        "/api/secretary-reviews/campaigns", request, Map.class);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(again.getBody().get("message").toString()).contains("不能重复启动");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(branch + "-2026").count())
        .isEqualTo(1);
  }
}
