package org.dangjian.flow.development;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.dangjian.flow.development.MemberDevelopment.Tasks.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.dangjian.flow.organization.EngineIdentity;
import org.dangjian.flow.organization.Organization;
import org.dangjian.flow.organization.OrganizationKind;
import org.dangjian.flow.organization.OrganizationRepository;
import org.dangjian.flow.organization.StandingAuthorizations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The engine REST API with the rules of the steps: what Tasklist and REST clients see. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DevelopmentRestTest extends DevelopmentTestSupport {

  @Autowired TestRestTemplate rest;
  @Autowired OrganizationRepository organizations;
  @Autowired EngineIdentity engineIdentity;
  @Autowired StandingAuthorizations standing;

  private static Map<String, Object> variables(Object... keyValues) {
    Map<String, Object> vars = new java.util.HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      vars.put((String) keyValues[i], Map.of("value", keyValues[i + 1]));
    }
    return Map.of("variables", vars);
  }

  @Test
  void restCompletionWithBadDataIsRefusedWith400AndChangesNothing() {
    ProcessInstance pi = newCase();
    String taskId = task(pi, APPLICANT_TALK).getId();
    ResponseEntity<Map> response = rest.withBasicAuth(BRANCH_CLERK, "demo").postForEntity("/engine-rest/task/{id}/complete",
        variables("talkDate", "2025-01-05", "talkerName", "马建国"), Map.class, taskId);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("message").toString())
        .contains("谈话日期（2025-01-05）不能早于递交申请书日期（2025-01-10）").contains("请填写谈话记录");
    assertThat(pi).isWaitingAt(APPLICANT_TALK);
    assertThat(task(pi, APPLICANT_TALK).getId()).isEqualTo(taskId);
    assertThat(runtimeService.getVariables(pi.getId())).doesNotContainKeys("talkDate", "talkerName");
  }

  @Test
  void restStartOfAnUnder18ApplicantIsRefusedWith400() {
    today("2025-03-01");
    long before = runtimeService.createProcessInstanceQuery().count();
    Map<String, Object> app = application("2025-01-10", "2010-01-01");
    Object[] keyValues = app.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
        .toArray();
    ResponseEntity<Map> response = rest.withBasicAuth(BRANCH_CLERK, "demo").postForEntity("/engine-rest/process-definition/key/{key}/start",
        variables(keyValues), Map.class, MemberDevelopment.PROCESS_KEY);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("message").toString()).contains("未满18周岁");
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void restWithoutCredentialsIsUnauthorized() {
    assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth("nobody", "wrong").getForEntity("/engine-rest/task", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.getForEntity("/api/development-cases/violations", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void twoClerksCompletingTheSameTaskAtOnceOneSucceedsTheOtherGetsAConflict() throws Exception {
    ProcessInstance pi = newCase();
    String taskId = task(pi, APPLICANT_TALK).getId();
    CyclicBarrier barrier = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<ResponseEntity<Map>>> results = new ArrayList<>();
    for (String clerk : List.of(BRANCH_CLERK, BRANCH_CLERK_2)) {
      Callable<ResponseEntity<Map>> call = () -> {
        barrier.await();
        return rest.withBasicAuth(clerk, "demo").postForEntity("/engine-rest/task/{id}/complete",
            variables("talkDate", "2025-01-20", "talkerName", clerk, "talkRecord", "谈话"), Map.class, taskId);
      };
      results.add(pool.submit(call));
    }
    List<HttpStatus> statuses = new ArrayList<>();
    List<String> messages = new ArrayList<>();
    for (Future<ResponseEntity<Map>> f : results) {
      ResponseEntity<Map> r = f.get();
      statuses.add(HttpStatus.valueOf(r.getStatusCode().value()));
      messages.add(r.getBody() == null ? "" : String.valueOf(r.getBody().get("message")));
    }
    pool.shutdown();
    System.out.println("concurrent completion: " + statuses + " " + messages);
    assertThat(statuses).containsExactlyInAnyOrder(HttpStatus.NO_CONTENT, HttpStatus.CONFLICT);
    assertThat(messages).anyMatch(m -> m.contains("本次提交未生效"));
    assertThat(pi).isWaitingAt(DETERMINE_ACTIVIST);
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(APPLICANT_TALK).count()).isEqualTo(1);
  }

  @Test
  void violationsReportListsLateTalksAcrossCases() {
    ProcessInstance pi = newCase();
    today("2025-03-01");
    complete(pi, APPLICANT_TALK, BRANCH_CLERK, "talkDate", "2025-02-20", "talkerName", "马建国", "talkRecord", "谈话");
    ResponseEntity<List> report = rest.withBasicAuth(BRANCH_CLERK, "demo")
        .getForEntity("/api/development-cases/violations", List.class);
    assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(report.getBody()).anySatisfy(row -> {
      Map<?, ?> violation = (Map<?, ?>) row;
      assertThat(violation.get("caseNumber")).isEqualTo(pi.getBusinessKey());
      assertThat(violation.get("ruleCode")).isEqualTo("TALK_WITHIN_ONE_MONTH");
      assertThat(violation.get("userId")).isEqualTo(BRANCH_CLERK);
    });
  }

  @Test
  void transferThroughTheApiMovesTheCaseAndRefusesBadInputWith400() {
    ProcessInstance pi = newCase();
    assertThat(rest.postForEntity("/api/development-cases/{caseNumber}/transfer",
        Map.of("targetBranchId", "fayuan", "reason", "调动"), Map.class, pi.getBusinessKey()).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    TestRestTemplate clerk = rest.withBasicAuth(BRANCH_CLERK, "demo");
    ResponseEntity<Map> refused = clerk.postForEntity("/api/development-cases/{caseNumber}/transfer",
        Map.of("targetBranchId", "fayuan"), Map.class, pi.getBusinessKey());
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("message").toString()).contains("须填写理由");
    ResponseEntity<Map> missing = clerk.postForEntity("/api/development-cases/{caseNumber}/transfer",
        Map.of("targetBranchId", "fayuan", "reason", "调动"), Map.class, "guitu-1999-0001");
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<Void> moved = clerk.postForEntity("/api/development-cases/{caseNumber}/transfer",
        Map.of("targetBranchId", "fayuan", "reason", "工作调动"), Void.class, pi.getBusinessKey());
    assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(task(pi, APPLICANT_TALK)).hasCandidateGroup("fayuan-clerk");
    assertThat(events.forProcessInstance(pi.getId())).singleElement()
        .satisfies(e -> assertThat(e.userId()).isEqualTo(BRANCH_CLERK));
  }

  @Test
  void theWithdrawalAndTransferPageIsForLoggedInClerks() {
    assertThat(rest.getForEntity("/development-cases.html", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<String> page = rest.withBasicAuth(BRANCH_CLERK, "demo").getForEntity("/development-cases.html",
        String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("组织关系转接").contains("<script src=\"/js/development-cases.js\">");
    // the page's script, a file of its own (Content-Security-Policy), sends to our API
    assertThat(rest.getForEntity("/js/development-cases.js", String.class).getBody())
        .contains("/api/development-cases/");
  }

  @Test
  void committeeSeesItsBranchesOverdueStepsMostOverdueFirstOthersAreRefused() {
    ProcessInstance pi = newCase();
    String caseNumber = (String) runtimeService.getVariable(pi.getId(), "caseNumber");
    today("2025-02-05");
    assertThat(overdue(COMMITTEE_CLERK, "gxq-jg").getBody().get("items").toString()).doesNotContain(caseNumber);

    today("2025-03-01");
    ResponseEntity<Map> committee = overdue(COMMITTEE_CLERK, "gxq-jg");
    assertThat(committee.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<Map<String, Object>> items = (List<Map<String, Object>>) committee.getBody().get("items");
    Map<String, Object> talk = items.stream().filter(i -> caseNumber.equals(i.get("caseNumber"))).findFirst().orElseThrow();
    assertThat(talk).containsEntry("step", "2 党组织派人谈话").containsEntry("branchName", "规土局党支部")
        .containsEntry("candidateName", "测试申请人").containsEntry("lastDay", "2025-02-10")
        .containsEntry("daysOverdue", 19);
    assertThat(((Number) committee.getBody().get("total")).intValue()).isGreaterThanOrEqualTo(items.size());
    List<String> dueDates = items.stream().map(i -> (String) i.get("dueDate")).toList();
    assertThat(dueDates).isSorted();

    assertThat(overdue("gxq.supervisor", "gxq").getBody().get("items").toString()).contains(caseNumber);
    assertThat(overdue(BRANCH_CLERK, "guitu").getBody().get("items").toString()).contains(caseNumber);
    assertThat(overdue("fayuan.clerk", "fayuan").getBody().get("items").toString()).doesNotContain(caseNumber);
    ResponseEntity<Map> otherBranch = overdue("fayuan.clerk", "gxq-jg");
    assertThat(otherBranch.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(otherBranch.getBody().get("message").toString()).contains("无权查看“高新区机关党委”的逾期待办");
    assertThat(overdue("gxq.auditor", "gxq").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(overdue(COMMITTEE_CLERK, "nowhere").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.withBasicAuth(COMMITTEE_CLERK, "demo").getForEntity(
        "/api/development-cases/overdue?organizationId=gxq-jg&maxResults=500", Map.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void aWorkingCommitteeSeesTheOverdueStepsOfAllItsCommitteesAndPagesThem() {
    if (organizations.findById("ovdw").isEmpty()) {
      organizations.save(new Organization("ovdw", "逾期测试工委", OrganizationKind.WORKING_COMMITTEE, null, false), 900);
      for (String c : List.of("ovdw-c1", "ovdw-c2")) {
        organizations.save(new Organization(c, "逾期测试" + c + "党委", OrganizationKind.PARTY_COMMITTEE, "ovdw", true),
            901);
        organizations.save(new Organization(c + "-b1", "逾期测试" + c + "党支部", OrganizationKind.BRANCH, c, false), 902);
      }
      engineIdentity.synchronizeGroups();
      engineIdentity.ensureUser("ovdw-c1-b1.clerk", "测试", "支部党务", "demo", "ovdw-c1-b1-clerk");
      engineIdentity.ensureUser("ovdw-c2-b1.clerk", "测试", "支部党务", "demo", "ovdw-c2-b1-clerk");
      engineIdentity.ensureUser("ovdw.supervisor", "测试", "工委督导", "demo", "ovdw-supervisor");
      standing.ensure();
    }
    today("2025-01-20");
    Map<String, Object> first = application("2025-01-10", "1995-05-05");
    first.put("branchId", "ovdw-c1-b1");
    String firstCase = (String) runtimeService.getVariable(start(first).getId(), "caseNumber");
    today("2025-01-24");
    Map<String, Object> second = application("2025-01-10", "1995-05-05");
    second.put("branchId", "ovdw-c2-b1");
    String secondCase = (String) runtimeService.getVariable(start(second).getId(), "caseNumber");

    today("2025-03-01");
    ResponseEntity<Map> all = overdue("ovdw.supervisor", "ovdw");
    assertThat(all.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<Map<String, Object>> items = (List<Map<String, Object>>) all.getBody().get("items");
    List<String> cases = items.stream().map(i -> (String) i.get("caseNumber")).toList();
    assertThat(cases).contains(firstCase, secondCase);
    assertThat(cases.indexOf(firstCase)).isLessThan(cases.indexOf(secondCase));
    assertThat(items.stream().map(i -> (String) i.get("dueDate")).toList()).isSorted();
    assertThat(((Number) all.getBody().get("total")).intValue()).isEqualTo(items.size());
    assertThat(items).allSatisfy(i -> assertThat((String) i.get("branchName")).startsWith("逾期测试ovdw-c"));

    ResponseEntity<Map> secondPage = rest.withBasicAuth("ovdw.supervisor", "demo").getForEntity(
        "/api/development-cases/overdue?organizationId=ovdw&firstResult=1&maxResults=1", Map.class);
    assertThat((List<Map<String, Object>>) secondPage.getBody().get("items")).singleElement()
        .satisfies(i -> assertThat(i.get("caseNumber")).isEqualTo(cases.get(1)));
    assertThat(((Number) secondPage.getBody().get("total")).intValue()).isEqualTo(items.size());
    assertThat(overdue("gxq.supervisor", "gxq").getBody().get("items").toString())
        .doesNotContain(firstCase).doesNotContain(secondCase);
    assertThat(overdue("ovdw.supervisor", "gxq").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  private ResponseEntity<Map> overdue(String user, String organizationId) {
    return rest.withBasicAuth(user, "demo").getForEntity(
        "/api/development-cases/overdue?organizationId={org}&maxResults=200", Map.class, organizationId);
  }
}
