package org.dangjian.flow.development;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.dangjian.flow.development.MemberDevelopment.Events.PROBATION_REVIEW_DUE;
import static org.dangjian.flow.development.MemberDevelopment.Tasks.*;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** POST /api/development-cases/{caseNumber}/probation-cancellation: who may open it, and its clear refusals. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProbationCancellationRestTest extends DevelopmentTestSupport {

  private static final String PATH = "/api/development-cases/{caseNumber}/probation-cancellation";

  @Autowired TestRestTemplate rest;

  @Test
  void theBranchClerkOpensTheCancellationAndEveryOtherAskIsRefusedClearly() {
    ProcessInstance pi = caseAt(ASSIGN_BRANCH_GROUP);
    String caseNumber = pi.getBusinessKey();
    TestRestTemplate clerk = rest.withBasicAuth(BRANCH_CLERK, "demo");

    assertThat(rest.postForEntity(PATH, Map.of("reason", "违纪"), Map.class, caseNumber).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<Map> early = clerk.postForEntity(PATH, Map.of("reason", "违纪"), Map.class, caseNumber);
    assertThat(early.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(early.getBody().get("message").toString()).contains("不在预备期考察阶段", "19 编入党支部和党小组");

    swearIn(pi);
    fireTimer(pi, PROBATION_REVIEW_DUE);
    today("2026-05-26");
    ResponseEntity<Map> committee = rest.withBasicAuth(COMMITTEE_CLERK, "demo")
        .postForEntity(PATH, Map.of("reason", "违纪"), Map.class, caseNumber);
    assertThat(committee.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(committee.getBody().get("message").toString()).contains("由支部提出");
    ResponseEntity<Map> noReason = clerk.postForEntity(PATH, Map.of(), Map.class, caseNumber);
    assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noReason.getBody().get("message").toString()).contains("须填写理由");
    ResponseEntity<Map> unknown = clerk.postForEntity(PATH, Map.of("reason", "违纪"), Map.class, "guitu-1999-0001");
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(pi).isWaitingAt(PROBATION_REVIEW);

    ResponseEntity<Void> opened = clerk.postForEntity(PATH, Map.of("reason", "严重违反党的纪律"), Void.class, caseNumber);
    assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(pi).isWaitingAt(CANCELLATION_MEETING);
    ResponseEntity<Map> again = clerk.postForEntity(PATH, Map.of("reason", "违纪"), Map.class, caseNumber);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(again.getBody().get("message").toString()).contains("已有取消预备党员资格的程序在办理中");
  }
}
