package org.dangjian.flow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.dangjian.flow.development.MemberDevelopment.Tasks.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.dangjian.flow.development.DevelopmentTestSupport;
import org.dangjian.flow.development.MemberDevelopment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The attacks of issue 12 replayed through the engine REST API by every role of the demo: a request sets the
 * fields of its form and nothing else, a case starts at its start event, read-only roles write nothing; each
 * refusal is a 4xx in Chinese and changes nothing (variables, tasks, registry, history, grants).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TrustBoundaryTest extends DevelopmentTestSupport {

  /** One user per role of the demo, each of whom could reach the engine REST API. */
  static final List<String> ROLES = List.of("guitu.clerk", "guitu.clerk2", "fayuan.clerk", "jg.clerk", "jg.approver",
      "gxq.orgdept", "gxq.supervisor", "gxq.auditor", "gxq.clerk", "guitu.secretary", "guitu.eval1", "guitu.head",
      "donghu.firstsec", "donghu.teammate", "donghu.clerk");

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;

  static Map<String, Object> variables(Object... keyValues) {
    Map<String, Object> vars = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      Map<String, Object> value = new HashMap<>();
      value.put("value", keyValues[i + 1]);
      vars.put((String) keyValues[i], value);
    }
    return Map.of("variables", vars);
  }

  /** A form's values as key, value, key, value, … */
  static List<Object> keyValues(Map<String, Object> values) {
    List<Object> keyValues = new ArrayList<>();
    values.forEach((k, v) -> {
      keyValues.add(k);
      keyValues.add(v);
    });
    return keyValues;
  }

  ResponseEntity<Map> send(String user, HttpMethod method, String path, Object body, Object... args) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, "admin".equals(user) ? "admin" : "demo")
        .exchange(path, method, new HttpEntity<>(body, headers), Map.class, args);
  }

  /** What a request could have changed: the case's variables and tasks, its history, grants and registry row. */
  Map<String, Object> snapshot(ProcessInstance pi) {
    Map<String, Object> state = new TreeMap<>();
    boolean running = runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count() == 1;
    state.put("running", running);
    if (running) {
      state.put("variables", new TreeMap<>(runtimeService.getVariables(pi.getId())).toString());
      state.put("suspended", runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
          .isSuspended());
    }
    List<String> tasks = new ArrayList<>();
    for (Task t : taskService.createTaskQuery().processInstanceId(pi.getId()).listPage(0, 100)) {
      tasks.add(t.getTaskDefinitionKey() + "/" + t.getAssignee() + "/" + t.getName() + "/" + t.getDueDate() + "/"
          + taskService.getIdentityLinksForTask(t.getId()).stream().map(l -> l.getType() + ":" + l.getGroupId() + ":"
              + l.getUserId()).sorted().toList() + "/" + taskService.getTaskComments(t.getId()).size()
          + "/" + taskService.getTaskAttachments(t.getId()).size()
          + "/" + new TreeMap<>(taskService.getVariablesLocal(t.getId())));
    }
    state.put("tasks", tasks);
    state.put("allTasks", taskService.createTaskQuery().count());
    state.put("cases", runtimeService.createProcessInstanceQuery().count());
    state.put("historicDetails", historyService.createHistoricDetailQuery().processInstanceId(pi.getId()).count());
    state.put("historicVariables", historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .count());
    state.put("operationLog", historyService.createUserOperationLogQuery().processInstanceId(pi.getId()).count());
    state.put("grants", jdbc.queryForObject("select count(*) from ACT_RU_AUTHORIZATION where RESOURCE_ID_ = ?",
        Long.class, pi.getId()));
    state.put("registry", jdbc.queryForList("select * from party_member where case_number = ?", pi.getBusinessKey())
        .toString());
    state.put("jobs", managementService.createJobQuery().processInstanceId(pi.getId()).listPage(0, 100).stream()
        .map(j -> j.getId() + "@" + j.getDuedate()).sorted().toList());
    return state;
  }

  @Test
  void extraVariablesOnACompletionAreRefusedOnEveryCompletionPath() {
    ProcessInstance pi = caseAt(FILL_VOLUNTEER_FORM);
    String taskId = task(pi, FILL_VOLUNTEER_FORM).getId();
    Map<String, Object> before = snapshot(pi);
    Map<String, Object> attack = variables("volunteerFormNo", "ZY-2026-001", "volunteerFormDate", "2026-06-01",
        "committeeApproverGroup", "guitu-clerk", "committeeClerkGroup", "guitu-clerk", "orgDeptGroup", "guitu-clerk");
    for (String path : List.of("/engine-rest/task/{id}/complete", "/engine-rest/task/{id}/submit-form",
        "/engine-rest/task/{id}/resolve")) {
      ResponseEntity<Map> refused = send(BRANCH_CLERK, HttpMethod.POST, path, attack, taskId);
      assertThat(refused.getStatusCode()).as(path + " %s", refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody().get("message").toString()).contains("committeeApproverGroup")
          .contains("流程变量只能由系统设置").doesNotContain("Cannot");
      assertThat((List<String>) refused.getBody().get("fields"))
          .contains("committeeApproverGroup", "committeeClerkGroup", "orgDeptGroup");
      assertThat(snapshot(pi)).isEqualTo(before);
    }
    // the form's own fields alone are accepted
    ResponseEntity<Map> accepted = send(BRANCH_CLERK, HttpMethod.POST, "/engine-rest/task/{id}/submit-form",
        variables("volunteerFormNo", "  ZY-2026-001 ", "volunteerFormDate", BusinessCalendar.today().toString()),
        taskId);
    assertThat(accepted.getStatusCode()).as("%s", accepted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(pi).isWaitingAt(ADMISSION_MEETING);
    // what is stored is the parsed value
    assertThat(runtimeService.getVariable(pi.getId(), "volunteerFormNo")).isEqualTo("ZY-2026-001");
    assertThat(runtimeService.getVariable(pi.getId(), "committeeApproverGroup")).isEqualTo("gxq-jg-approver");
  }

  @Test
  void aMemberIdSentWithStep3DoesNotTouchTheRegistry() {
    ProcessInstance other = newCase();
    ProcessInstance pi = caseAt(DETERMINE_ACTIVIST);
    String taskId = task(pi, DETERMINE_ACTIVIST).getId();
    Map<String, Object> otherBefore = snapshot(other);
    Map<String, Object> before = snapshot(pi);
    ResponseEntity<Map> refused = send(BRANCH_CLERK, HttpMethod.POST, "/engine-rest/task/{id}/complete",
        variables("recommendationMethod", "memberRecommendation", "recommendationDate", "2025-01-15",
            "committeeMeetingDate", "2025-01-18", "activistDecision", "approve",
            "memberId", memberId(other)), taskId);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("message").toString()).contains("memberId");
    assertThat(snapshot(pi)).isEqualTo(before);
    assertThat(snapshot(other)).isEqualTo(otherBefore);
  }

  @Test
  void theStartFormTakesItsFieldsOnlyNoBusinessKeyAndNoStartInstructions() {
    long cases = runtimeService.createProcessInstanceQuery().count();
    Map<String, Object> application = application("2025-01-10", "1995-05-05");
    List<Object> keyValues = keyValues(application);
    today("2025-01-20");
    for (Object[] extra : List.of(new Object[] {"organizationId", "fayuan"}, new Object[] {"activistDate", "2025-01-11"},
        new Object[] {"probationExtended", true}, new Object[] {"branchClerkGroup", "fayuan-clerk"})) {
      List<Object> attack = new ArrayList<>(keyValues);
      attack.add(extra[0]);
      attack.add(extra[1]);
      for (String path : List.of("start", "submit-form")) {
        ResponseEntity<Map> refused = send(BRANCH_CLERK, HttpMethod.POST,
            "/engine-rest/process-definition/key/{key}/" + path, variables(attack.toArray()),
            MemberDevelopment.PROCESS_KEY);
        assertThat(refused.getStatusCode()).as("%s %s", extra[0], refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("message").toString()).contains((String) extra[0]);
      }
    }
    Map<String, Object> withKey = new HashMap<>(variables(keyValues.toArray()));
    withKey.put("businessKey", "guitu-2025-9999");
    ResponseEntity<Map> keyed = send(BRANCH_CLERK, HttpMethod.POST, "/engine-rest/process-definition/key/{key}/start",
        withKey, MemberDevelopment.PROCESS_KEY);
    assertThat(keyed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(keyed.getBody().get("message").toString()).contains("业务标识");

    Map<String, Object> elsewhere = new HashMap<>(variables(keyValues.toArray()));
    elsewhere.put("startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", ADMISSION_APPROVAL)));
    for (String user : ROLES) {
      ResponseEntity<Map> refused = send(user, HttpMethod.POST, "/engine-rest/process-definition/key/{key}/start",
          elsewhere, MemberDevelopment.PROCESS_KEY);
      // 404 for those who may not even see the process; 403 with the reason for those who may start it
      assertThat(refused.getStatusCode()).as(user).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
      if (refused.getStatusCode() == HttpStatus.FORBIDDEN) {
        assertThat(refused.getBody().get("message").toString()).contains("系统管理员");
      }
    }
    // a process that does not exist is the API's 404, not the boundary's business
    for (String path : List.of("/engine-rest/process-definition/NoSuchProcess:1:nothing/submit-form",
        "/engine-rest/process-definition/NoSuchProcess:1:nothing/start",
        "/engine-rest/process-definition/key/NoSuchProcess/submit-form",
        "/engine-rest/process-definition/key/NoSuchProcess/start")) {
      ResponseEntity<Map> unknown = send(BRANCH_CLERK, HttpMethod.POST, path, variables(keyValues.toArray()));
      assertThat(unknown.getStatusCode().is4xxClientError()).as("%s %s %s", path, unknown.getStatusCode(),
          unknown.getBody()).isTrue();
    }
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(cases);
  }

  @Test
  void valuesAreParsedStrictlyToTheirFieldsTypes() {
    ProcessInstance pi = caseAt(ADMISSION_MEETING);
    String meeting = task(pi, ADMISSION_MEETING).getId();
    Map<String, Object> before = snapshot(pi);
    List<Object[]> attacks = List.of(
        new Object[] {"meetingDate", "2026-07-01 or 1=1--", "应为日期"},
        new Object[] {"meetingDate", "2026-02-30", "不是有效的日期"},
        new Object[] {"meetingDate", "2026-07-01T00:00:00", "应为日期"},
        new Object[] {"entitledVoters", 4294967306L, "不能小于"},
        new Object[] {"entitledVoters", "10", "应为整数"},
        new Object[] {"entitledVoters", 10.5, "应为整数"},
        new Object[] {"votesFor", -1, "不能小于0"});
    for (Object[] attack : attacks) {
      ResponseEntity<Map> refused = send(BRANCH_CLERK, HttpMethod.POST, "/engine-rest/task/{id}/submit-form",
          variables(attack[0], attack[1]), meeting);
      assertThat(refused.getStatusCode()).as("%s=%s", attack[0], attack[1]).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody().get("message").toString()).as("%s=%s", attack[0], attack[1])
          .contains((String) attack[2]);
      assertThat(snapshot(pi)).isEqualTo(before);
    }

    today("2025-01-20");
    long cases = runtimeService.createProcessInstanceQuery().count();
    List<Object[]> startAttacks = List.of(
        new Object[] {"applicationDate", "2025-01-10 or 1=1--", "应为日期"},
        new Object[] {"leagueMember", "true", "应为勾选项"},
        new Object[] {"candidateName", "\u200b\u200c\u200d\ufeff", "请填写姓名"},
        new Object[] {"candidateName", "张\u0000三", "控制字符"},
        new Object[] {"candidateName", 12345, "应为文字"},
        new Object[] {"applicationNote", "长".repeat(5000), "不能超过500个字"},
        new Object[] {"idNumber", "１１０１０５１９９８０５０５００２６", "格式不正确"},
        new Object[] {"education", "professor", "不在可选项中"},
        new Object[] {"branchId", "guitu' or '1'='1", "应为组织编号"});
    for (Object[] attack : startAttacks) {
      Map<String, Object> application = application("2025-01-10", "1995-05-05");
      application.put((String) attack[0], attack[1]);
      List<Object> keyValues = keyValues(application);
      ResponseEntity<Map> refused = send(BRANCH_CLERK, HttpMethod.POST,
          "/engine-rest/process-definition/key/{key}/submit-form", variables(keyValues.toArray()),
          MemberDevelopment.PROCESS_KEY);
      assertThat(refused.getStatusCode()).as("%s=%s %s", attack[0], attack[1], refused.getBody())
          .isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody().get("message").toString()).as("%s", attack[0]).contains((String) attack[2]);
    }
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(cases);
  }

  @Test
  void memberNumbersAreExactlyTheOfferedOnes() {
    ProcessInstance pi = caseAt(ASSIGN_CONTACTS);
    String taskId = task(pi, ASSIGN_CONTACTS).getId();
    Map<String, Object> before = snapshot(pi);
    // the select offers "1001"; a number that only reads like it (a sign, full-width digits, a blank, hex) is not it
    for (String number : List.of("+1001", "１００１", "1001 ", "0x3E9")) {
      ResponseEntity<Map> refused = send(BRANCH_CLERK, HttpMethod.POST, "/engine-rest/task/{id}/submit-form",
          variables("contact1MemberId", number, "contact2MemberId", "1002"), taskId);
      assertThat(refused.getStatusCode()).as(number).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody().get("message").toString()).as(number).contains("不在可选项中");
      assertThat(snapshot(pi)).isEqualTo(before);
    }
    assertThat(send(BRANCH_CLERK, HttpMethod.POST, "/engine-rest/task/{id}/submit-form",
        variables("contact1MemberId", "1001", "contact2MemberId", "1002"), taskId).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  /**
   * Every role against every write path that is not a step: each answers 4xx (never 2xx, never 5xx) and the case
   * is exactly as it was.
   */
  @Test
  void noRoleChangesACaseOutsideItsStepsThroughAnyWritePath() {
    ProcessInstance pi = caseAt(FILL_VOLUNTEER_FORM);
    String taskId = task(pi, FILL_VOLUNTEER_FORM).getId();
    String definitionId = pi.getProcessDefinitionId();
    Job job = managementService.createJobQuery().processInstanceId(pi.getId()).listPage(0, 1).stream().findFirst()
        .orElse(null);
    Map<String, Object> value = Map.of("value", "guitu-clerk");
    List<Object[]> writes = new ArrayList<>(List.of(
        new Object[] {HttpMethod.PUT, "/engine-rest/process-instance/{id}/variables/committeeApproverGroup", value, pi.getId()},
        new Object[] {HttpMethod.POST, "/engine-rest/process-instance/{id}/variables",
            Map.of("modifications", Map.of("orgDeptGroup", value)), pi.getId()},
        new Object[] {HttpMethod.DELETE, "/engine-rest/process-instance/{id}/variables/branchClerkGroup", null, pi.getId()},
        new Object[] {HttpMethod.PUT, "/engine-rest/task/{id}/variables/committeeApproverGroup", value, taskId},
        new Object[] {HttpMethod.PUT, "/engine-rest/task/{id}/localVariables/committeeApproverGroup", value, taskId},
        new Object[] {HttpMethod.POST, "/engine-rest/task/{id}/localVariables",
            Map.of("modifications", Map.of("x", value)), taskId},
        new Object[] {HttpMethod.POST, "/engine-rest/execution/{id}/localVariables",
            Map.of("modifications", Map.of("x", value)), pi.getId()},
        new Object[] {HttpMethod.POST, "/engine-rest/process-instance/{id}/modification",
            Map.of("instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", ADMISSION_APPROVAL))),
            pi.getId()},
        new Object[] {HttpMethod.DELETE, "/engine-rest/process-instance/{id}", null, pi.getId()},
        new Object[] {HttpMethod.POST, "/engine-rest/process-instance/delete",
            Map.of("processInstanceIds", List.of(pi.getId()), "deleteReason", "x"), "unused"},
        new Object[] {HttpMethod.PUT, "/engine-rest/process-instance/{id}/suspended", Map.of("suspended", true), pi.getId()},
        new Object[] {HttpMethod.POST, "/engine-rest/process-definition/{id}/restart",
            Map.of("processInstanceIds", List.of(pi.getId()), "instructions",
                List.of(Map.of("type", "startBeforeActivity", "activityId", ADMISSION_APPROVAL))), definitionId},
        new Object[] {HttpMethod.POST, "/engine-rest/migration/execute", Map.of("processInstanceIds", List.of(pi.getId()),
            "migrationPlan", Map.of("sourceProcessDefinitionId", definitionId, "targetProcessDefinitionId", definitionId,
                "instructions", List.of())), "unused"},
        new Object[] {HttpMethod.POST, "/engine-rest/message", Map.of("messageName", MemberDevelopment.WITHDRAW_MESSAGE,
            "processInstanceId", pi.getId()), "unused"},
        new Object[] {HttpMethod.POST, "/engine-rest/signal", Map.of("name", "anything"), "unused"},
        new Object[] {HttpMethod.POST, "/engine-rest/task/create", Map.of("name", "伪造任务", "processInstanceId", pi.getId()),
            "unused"},
        new Object[] {HttpMethod.POST, "/engine-rest/task/{id}/identity-links",
            Map.of("groupId", "gxq-auditor", "type", "candidate"), taskId},
        new Object[] {HttpMethod.PUT, "/engine-rest/task/{id}", Map.of("name", "改名", "due", "2030-01-01T00:00:00.000+0800"),
            taskId},
        new Object[] {HttpMethod.POST, "/engine-rest/task/{id}/delegate", Map.of("userId", "gxq.auditor"), taskId},
        new Object[] {HttpMethod.POST, "/engine-rest/task/{id}/assignee", Map.of("userId", "gxq.auditor"), taskId},
        new Object[] {HttpMethod.POST, "/engine-rest/task/{id}/bpmnError", Map.of("errorCode", "x"), taskId},
        new Object[] {HttpMethod.DELETE, "/engine-rest/task/{id}", null, taskId}));
    if (job != null) {
      writes.add(new Object[] {HttpMethod.PUT, "/engine-rest/job/{id}/duedate",
          Map.of("duedate", "2020-01-01T00:00:00.000+0800"), job.getId()});
      writes.add(new Object[] {HttpMethod.POST, "/engine-rest/job/{id}/execute", null, job.getId()});
    }
    Map<String, Object> before = snapshot(pi);
    int requests = 0;
    for (String user : ROLES) {
      for (Object[] write : writes) {
        ResponseEntity<Map> answer = send(user, (HttpMethod) write[0], (String) write[1], write[2], write[3]);
        requests++;
        assertThat(answer.getStatusCode().is4xxClientError()).as("%s %s %s: %s %s", user, write[0], write[1],
            answer.getStatusCode(), answer.getBody()).isTrue();
        if (answer.getStatusCode() == HttpStatus.FORBIDDEN && answer.getBody() != null) {
          assertThat(answer.getBody().get("message").toString()).as("%s %s", user, write[1]).containsPattern("[\\u4e00-\\u9fa5]");
        }
        assertThat(snapshot(pi)).as("%s %s %s", user, write[0], write[1]).isEqualTo(before);
      }
    }
    System.out.println("trust boundary: " + requests + " write requests by " + ROLES.size() + " roles, all 4xx, nothing changed");
  }

  @Test
  void readOnlyRolesWriteNoCommentWhileTheClerkOfTheStepMay() {
    ProcessInstance pi = caseAt(FILL_VOLUNTEER_FORM);
    String taskId = task(pi, FILL_VOLUNTEER_FORM).getId();
    Map<String, Object> before = snapshot(pi);
    for (String user : List.of("gxq.auditor", "gxq.supervisor", "fayuan.clerk", "jg.approver")) {
      ResponseEntity<Map> refused = send(user, HttpMethod.POST, "/engine-rest/task/{id}/comment/create",
          Map.of("message", "审计意见"), taskId);
      assertThat(refused.getStatusCode().is4xxClientError()).as(user).isTrue();
      ResponseEntity<Map> onCase = send(user, HttpMethod.POST, "/engine-rest/process-instance/{id}/comment",
          Map.of("message", "审计意见"), pi.getId());
      assertThat(onCase.getStatusCode().is2xxSuccessful()).as(user).isFalse();
      assertThat(snapshot(pi)).as(user).isEqualTo(before);
    }
    ResponseEntity<Map> comment = send(BRANCH_CLERK, HttpMethod.POST, "/engine-rest/task/{id}/comment/create",
        Map.of("message", "志愿书已交党员本人填写"), taskId);
    assertThat(comment.getStatusCode()).as("%s", comment.getBody()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void anAdministratorMayStillMoveACase() {
    ProcessInstance pi = caseAt(FILL_VOLUNTEER_FORM);
    ResponseEntity<Map> moved = send("admin", HttpMethod.POST, "/engine-rest/process-instance/{id}/modification",
        Map.of("instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", ADMISSION_MEETING),
            Map.of("type", "cancel", "activityId", FILL_VOLUNTEER_FORM))), pi.getId());
    assertThat(moved.getStatusCode()).as("%s", moved.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(pi).isWaitingAt(ADMISSION_MEETING);
  }

  @Test
  void aCaseAnAdministratorStartsAtALaterStepIsNumberedRegisteredAndGrantedLikeAnyOther() {
    today("2025-03-01");
    Map<String, Object> application = application("2025-01-10", "1995-05-05");
    List<Object> keyValues = keyValues(application);
    keyValues.addAll(List.of("branchClerkGroup", "guitu-clerk"));
    Map<String, Object> body = new HashMap<>(variables(keyValues.toArray()));
    body.put("startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", ASSIGN_CONTACTS)));
    ResponseEntity<Map> started = send("admin", HttpMethod.POST, "/engine-rest/process-definition/key/{key}/start",
        body, MemberDevelopment.PROCESS_KEY);
    assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.OK);
    ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceId((String) started.getBody().get("id"))
        .singleResult();
    assertThat(pi.getBusinessKey()).matches("guitu-2025-\\d{4}");
    assertThat(pi).isWaitingAt(ASSIGN_CONTACTS);
    assertThat(runtimeService.getVariable(pi.getId(), "committeeClerkGroup")).isEqualTo("gxq-jg-clerk");
    assertThat(jdbc.queryForObject("select count(*) from party_member where case_number = ?", Long.class,
        pi.getBusinessKey())).isEqualTo(1);
    // the committee and the auditors above the branch see it, as every case
    for (String reader : List.of(COMMITTEE_CLERK, "gxq.auditor")) {
      ResponseEntity<Map> seen = send(reader, HttpMethod.GET, "/engine-rest/history/process-instance/{id}", null,
          pi.getId());
      assertThat(seen.getStatusCode()).as(reader).isEqualTo(HttpStatus.OK);
    }
    // and its start checks hold: a start elsewhere with an under-age applicant is refused like any other
    Map<String, Object> minor = new HashMap<>(body);
    Map<String, Object> vars = new HashMap<>((Map<String, Object>) body.get("variables"));
    vars.put("birthDate", Map.of("value", "2010-01-01"));
    minor.put("variables", vars);
    ResponseEntity<Map> refused = send("admin", HttpMethod.POST, "/engine-rest/process-definition/key/{key}/start",
        minor, MemberDevelopment.PROCESS_KEY);
    assertThat(refused.getStatusCode()).as("%s", refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  /**
   * Tasklist's own engine API (/camunda/api/engine, session login and CSRF token, as a browser uses it) is held
   * to the same contract as /engine-rest.
   */
  @Test
  void theWebappsEngineApiIsHeldToTheSameContract() throws Exception {
    ProcessInstance pi = caseAt(FILL_VOLUNTEER_FORM);
    String taskId = task(pi, FILL_VOLUNTEER_FORM).getId();
    Map<String, Object> before = snapshot(pi);
    WebappSession browser = new WebappSession(rest.getRootUri(), BRANCH_CLERK, "demo");
    String api = "/camunda/api/engine/engine/default";
    java.net.http.HttpResponse<String> extra = browser.send("POST", api + "/task/" + taskId + "/submit-form",
        "{\"variables\":{\"volunteerFormNo\":{\"value\":\"ZY-1\"},\"orgDeptGroup\":{\"value\":\"guitu-clerk\"}}}");
    assertThat(extra.statusCode()).as(extra.body()).isEqualTo(400);
    // in the one error shape: Chinese message without the engine's prefix, the engine's text as detail
    Map<String, Object> error = new com.fasterxml.jackson.databind.ObjectMapper().readValue(extra.body(), Map.class);
    assertThat(error.get("message").toString()).startsWith("办理未通过校验：").contains("orgDeptGroup");
    assertThat(error.get("detail").toString()).startsWith("Cannot submit task form");
    // and, as on /engine-rest, the problems and the fields at fault (Tasklist marks them)
    assertThat((List<String>) error.get("fields")).containsExactly("orgDeptGroup");
    assertThat((List<String>) error.get("problems")).isNotEmpty().allMatch(p -> !p.startsWith("办理未通过校验"));
    java.net.http.HttpResponse<String> variable = browser.send("PUT",
        api + "/process-instance/" + pi.getId() + "/variables/committeeApproverGroup", "{\"value\":\"guitu-clerk\"}");
    assertThat(variable.statusCode()).as(variable.body()).isEqualTo(403);
    assertThat(variable.body()).contains("系统管理员");
    assertThat(snapshot(pi)).isEqualTo(before);
    java.net.http.HttpResponse<String> form = browser.send("POST", api + "/task/" + taskId + "/submit-form",
        "{\"variables\":{\"volunteerFormNo\":{\"value\":\"ZY-1\"},\"volunteerFormDate\":{\"value\":\""
            + BusinessCalendar.today() + "\"}}}");
    assertThat(form.statusCode()).as(form.body()).isEqualTo(204);
  }

  /** A browser's session with the Camunda webapps: login cookie and CSRF token. */
  static final class WebappSession {
    private final java.net.CookieManager cookies = new java.net.CookieManager();
    private final java.net.http.HttpClient client;
    private final String root;

    WebappSession(String root, String user, String password) throws Exception {
      this.root = root;
      cookies.setCookiePolicy(java.net.CookiePolicy.ACCEPT_ALL);
      client = java.net.http.HttpClient.newBuilder().cookieHandler(cookies).build();
      client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(root + "/camunda/app/tasklist/default/")).GET()
          .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
      java.net.http.HttpResponse<String> login = client.send(request("POST",
          "/camunda/api/admin/auth/user/default/login/tasklist", "username=" + user + "&password=" + password,
          "application/x-www-form-urlencoded"), java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).as("login " + login.body()).isEqualTo(200);
      // the token belongs to the session the login made: fetch it anew
      client.send(request("GET", "/camunda/api/engine/engine/default/task/count", null, null),
          java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    java.net.http.HttpResponse<String> send(String method, String path, String json) throws Exception {
      return client.send(request(method, path, json, "application/json"), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private java.net.http.HttpRequest request(String method, String path, String body, String type) {
      java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(java.net.URI.create(root + path))
          .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
              : java.net.http.HttpRequest.BodyPublishers.ofString(body));
      if (type != null) {
        builder.header("Content-Type", type);
      }
      builder.header("Accept", "application/json");
      cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst()
          .ifPresent(c -> builder.header("X-XSRF-TOKEN", c.getValue()));
      return builder.build();
    }
  }
}
