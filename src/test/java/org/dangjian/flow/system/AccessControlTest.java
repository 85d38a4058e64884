package org.dangjian.flow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import jakarta.ws.rs.Path;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.dangjian.flow.development.DevelopmentTestSupport;
import org.dangjian.flow.development.MemberDevelopment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who gets in, and who sees what: no address answers without login but health; a branch's clerk sees nothing of
 * another branch's cases through the REST API; an auditor reads the records of their organizations and changes
 * nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessControlTest extends DevelopmentTestSupport {

  private static final String OTHER_BRANCH_CLERK = "fayuan.clerk";
  private static final String AUDITOR = "gxq.auditor";

  @Autowired TestRestTemplate rest;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  /** Every address of the engine REST API, ours (/api), our pages and the webapps' APIs. */
  private List<String[]> everyEndpoint() {
    List<String[]> endpoints = new ArrayList<>();
    Set<String> enginePaths = new TreeSet<>();
    for (Class<?> resource : CamundaRestResources.getResourceClasses()) {
      Path root = resource.getAnnotation(Path.class);
      if (root == null) {
        continue;
      }
      enginePaths.add(root.value());
      for (Method method : resource.getMethods()) {
        Path sub = method.getAnnotation(Path.class);
        if (sub != null) {
          enginePaths.add(root.value() + "/" + sub.value().replaceAll("^/", ""));
        }
      }
    }
    for (String path : enginePaths) {
      String concrete = path.replaceAll("\\{[^}]+}", "x").replace("//", "/");
      endpoints.add(new String[] {"GET", "/engine-rest" + concrete});
      endpoints.add(new String[] {"POST", "/engine-rest" + concrete});
    }
    for (Map.Entry<RequestMappingInfo, ?> mapping : mappings.getHandlerMethods().entrySet()) {
      Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
      for (String pattern : mapping.getKey().getPatternValues()) {
        if (pattern.equals("/error")) {
          continue; // Spring's error page: the body of another response, nothing of its own
        }
        String concrete = pattern.replaceAll("\\{[^}]+}", "x");
        for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
          endpoints.add(new String[] {method.name(), concrete});
        }
      }
    }
    for (String page : List.of("/records.html", "/village-help.html", "/development-cases.html", "/overdue.html",
        "/register.html")) {
      endpoints.add(new String[] {"GET", page});
    }
    for (String webappApi : List.of("/camunda/api/engine/engine/default/task", "/camunda/api/engine/engine/default/"
        + "process-instance", "/camunda/api/engine/engine/default/history/process-instance",
        "/camunda/api/cockpit/plugin/base/default/process-definition/x/called-process-definitions")) {
      endpoints.add(new String[] {"GET", webappApi});
    }
    return endpoints;
  }

  @Test
  void noEndpointAnswersWithoutLoginButHealth() {
    List<String[]> endpoints = everyEndpoint();
    assertThat(endpoints).as("engine REST, /api and pages").hasSizeGreaterThan(150);
    List<String> open = new ArrayList<>();
    for (String[] endpoint : endpoints) {
      ResponseEntity<String> response = rest.exchange(endpoint[1], HttpMethod.valueOf(endpoint[0]),
          new HttpEntity<>(endpoint[0].equals("GET") ? null : "{}", jsonHeaders()), String.class);
      if (response.getStatusCode() != HttpStatus.UNAUTHORIZED) {
        open.add(endpoint[0] + " " + endpoint[1] + " → " + response.getStatusCode());
      }
    }
    assertThat(open).as("answered without login").isEmpty();
    ResponseEntity<String> health = rest.getForEntity("/actuator/health", String.class);
    assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(health.getBody()).isEqualTo("{\"status\":\"UP\"}");
    assertThat(rest.getForEntity("/actuator/env", String.class).getStatusCode()).isIn(HttpStatus.NOT_FOUND,
        HttpStatus.UNAUTHORIZED);
  }

  private static org.springframework.http.HttpHeaders jsonHeaders() {
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    return headers;
  }

  /**
   * Whether the case is anywhere in the user's 全程纪实 list, page after page: the suite's other cases (many started on
   * the same moved clock) may come before it.
   */
  private boolean listsRecord(String user, String processInstanceId) {
    for (int first = 0; first < 1_000_000; first += 200) {
      ResponseEntity<String> page = get(user, "/api/records?firstResult={first}&maxResults=200", first);
      assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
      if (page.getBody().contains(processInstanceId)) {
        return true;
      }
      if (page.getBody().equals("[]")) {
        return false;
      }
    }
    return false;
  }

  private ResponseEntity<String> get(String user, String path, Object... args) {
    return rest.withBasicAuth(user, "demo").getForEntity(path, String.class, args);
  }

  private ResponseEntity<String> send(String user, HttpMethod method, String path, Object body, Object... args) {
    return rest.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(body, jsonHeaders()),
        String.class, args);
  }

  @Test
  void aClerkOfAnotherBranchSeesNoTaskCaseHistoryOrVariableOfThisBranch() {
    ProcessInstance pi = newCase();
    String id = pi.getId();
    Task talk = task(pi, MemberDevelopment.Tasks.APPLICANT_TALK);

    // the case's own branch sees all of it
    assertThat(get(BRANCH_CLERK, "/engine-rest/task?processInstanceId={id}&maxResults=10", id).getBody())
        .contains(talk.getId());
    assertThat(get(BRANCH_CLERK, "/engine-rest/task/{id}/variables", talk.getId()).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    // the committee above it sees the case and its history
    assertThat(get(COMMITTEE_CLERK, "/engine-rest/process-instance?processInstanceIds={id}&maxResults=10", id)
        .getBody()).contains(id);
    assertThat(get(COMMITTEE_CLERK, "/engine-rest/history/variable-instance?processInstanceId={id}&maxResults=100",
        id).getBody()).contains("candidateName");

    // another branch: empty lists, refused single reads
    for (String list : List.of("/engine-rest/task?processInstanceId={id}&maxResults=10",
        "/engine-rest/process-instance?processInstanceIds={id}&maxResults=10",
        "/engine-rest/variable-instance?processInstanceIdIn={id}&maxResults=100",
        "/engine-rest/history/process-instance?processInstanceId={id}&maxResults=10",
        "/engine-rest/history/task?processInstanceId={id}&maxResults=10",
        "/engine-rest/history/activity-instance?processInstanceId={id}&maxResults=10",
        "/engine-rest/history/variable-instance?processInstanceId={id}&maxResults=100",
        "/engine-rest/history/detail?processInstanceId={id}&maxResults=100",
        "/engine-rest/history/user-operation?processInstanceId={id}&maxResults=100")) {
      ResponseEntity<String> response = get(OTHER_BRANCH_CLERK, list, id);
      assertThat(response.getStatusCode()).as(list).isEqualTo(HttpStatus.OK);
      assertThat(response.getBody()).as(list).isEqualTo("[]");
    }
    assertThat(get(OTHER_BRANCH_CLERK, "/engine-rest/task/count?processInstanceId={id}", id).getBody())
        .isEqualTo("{\"count\":0}");
    for (String single : List.of("/engine-rest/task/" + talk.getId(), "/engine-rest/process-instance/" + id,
        "/engine-rest/history/process-instance/" + id)) {
      // found only through a query the engine filters: not there for this user
      assertThat(get(OTHER_BRANCH_CLERK, single).getStatusCode()).as(single).isEqualTo(HttpStatus.NOT_FOUND);
    }
    for (String read : List.of("/engine-rest/task/" + talk.getId() + "/variables",
        "/engine-rest/task/" + talk.getId() + "/form-variables",
        "/engine-rest/process-instance/" + id + "/variables",
        "/engine-rest/process-instance/" + id + "/activity-instances")) {
      ResponseEntity<String> response = get(OTHER_BRANCH_CLERK, read);
      assertThat(response.getStatusCode()).as(read).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(response.getBody()).as(read).contains("无权限");
    }
    assertThat(send(OTHER_BRANCH_CLERK, HttpMethod.POST, "/engine-rest/task/{id}/claim",
        Map.of("userId", OTHER_BRANCH_CLERK), talk.getId()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    // our own API: the record and the case list
    assertThat(get(OTHER_BRANCH_CLERK, "/api/records/{no}", pi.getBusinessKey()).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(listsRecord(OTHER_BRANCH_CLERK, id)).as("case %s in the other branch's records list", id).isFalse();
    assertThat(listsRecord(BRANCH_CLERK, id)).as("case %s in the branch's records list", id).isTrue();
    assertThat(pi).isWaitingAt(MemberDevelopment.Tasks.APPLICANT_TALK);
    assertThat(taskService.createTaskQuery().taskId(talk.getId()).singleResult().getAssignee()).isNull();
  }

  @Test
  void anAuditorReadsTheRecordAndHistoryButSeesNoTaskAndChangesNothing() {
    ProcessInstance pi = newCase();
    String id = pi.getId();
    Task talk = task(pi, MemberDevelopment.Tasks.APPLICANT_TALK);

    ResponseEntity<String> page = get(AUDITOR, "/api/records/{no}.html", pi.getBusinessKey());
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("全程纪实").contains(pi.getBusinessKey());
    ResponseEntity<byte[]> pdf = rest.withBasicAuth(AUDITOR, "demo").getForEntity("/api/records/{no}.pdf",
        byte[].class, pi.getBusinessKey());
    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(new String(pdf.getBody(), 0, 5)).isEqualTo("%PDF-");
    assertThat(listsRecord(AUDITOR, id)).as("case %s in the auditor's records list", id).isTrue();
    assertThat(get(AUDITOR, "/engine-rest/history/process-instance?processInstanceId={id}&maxResults=10", id)
        .getBody()).contains(id);
    // no open task, no running case, no Tasklist
    assertThat(get(AUDITOR, "/engine-rest/task?processInstanceId={id}&maxResults=10", id).getBody()).isEqualTo("[]");
    assertThat(get(AUDITOR, "/engine-rest/process-instance?processInstanceIds={id}&maxResults=10", id).getBody())
        .isEqualTo("[]");

    Map<String, Object> talkValues = Map.of("variables", Map.of("talkDate", Map.of("value", "2025-01-15"),
        "talkerName", Map.of("value", "马建国"), "talkRecord", Map.of("value", "记录")));
    List<ResponseEntity<String>> attempts = List.of(
        send(AUDITOR, HttpMethod.POST, "/engine-rest/task/{id}/claim", Map.of("userId", AUDITOR), talk.getId()),
        send(AUDITOR, HttpMethod.POST, "/engine-rest/task/{id}/complete", talkValues, talk.getId()),
        send(AUDITOR, HttpMethod.POST, "/engine-rest/task/{id}/submit-form", talkValues, talk.getId()),
        send(AUDITOR, HttpMethod.PUT, "/engine-rest/task/{id}/variables/talkRecord", Map.of("value", "改"),
            talk.getId()),
        send(AUDITOR, HttpMethod.POST, "/engine-rest/process-instance/{id}/variables",
            Map.of("modifications", Map.of("candidateName", Map.of("value", "改")))
            , id),
        send(AUDITOR, HttpMethod.PUT, "/engine-rest/process-instance/{id}/suspended", Map.of("suspended", true), id),
        send(AUDITOR, HttpMethod.POST, "/engine-rest/process-instance/{id}/modification",
            Map.of("instructions", List.of(Map.of("type", "cancel", "activityId", talk.getTaskDefinitionKey()))), id),
        send(AUDITOR, HttpMethod.DELETE, "/engine-rest/process-instance/{id}", null, id),
        send(AUDITOR, HttpMethod.DELETE, "/engine-rest/history/process-instance/{id}", null, id),
        send(AUDITOR, HttpMethod.POST, "/engine-rest/process-definition/{id}/start",
            Map.of("variables", Map.of()), pi.getProcessDefinitionId()),
        send(AUDITOR, HttpMethod.POST, "/engine-rest/process-definition/{id}/submit-form",
            Map.of("variables", Map.of()), repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey("GradingCampaign").latestVersion().singleResult().getId()),
        send(AUDITOR, HttpMethod.POST, "/engine-rest/task/create", Map.of("name", "审计任务"), "x"),
        send(AUDITOR, HttpMethod.POST, "/api/development-cases/{no}/withdrawal",
            Map.of("kind", "CLOSED_BY_BRANCH", "reason", "审计"), pi.getBusinessKey()),
        send(AUDITOR, HttpMethod.POST, "/api/development-cases/{no}/transfer",
            Map.of("targetBranchId", "fayuan", "reason", "审计"), pi.getBusinessKey()));
    for (ResponseEntity<String> attempt : attempts) {
      assertThat(attempt.getStatusCode()).as("%s", attempt.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(pi).isWaitingAt(MemberDevelopment.Tasks.APPLICANT_TALK);
    Task after = taskService.createTaskQuery().taskId(talk.getId()).singleResult();
    assertThat(after.getAssignee()).isNull();
    assertThat(runtimeService.getVariables(id)).doesNotContainKey("talkRecord");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(id).active().count()).isEqualTo(1);
    assertThat(taskService.createTaskQuery().taskName("审计任务").count()).isZero();
  }
  @Test
  void theWorkingCommitteesSupervisorReadsWhoHoldsAnOpenStepButCannotClaimOrCompleteIt() {
    ProcessInstance pi = newCase();
    Task talk = task(pi, MemberDevelopment.Tasks.APPLICANT_TALK);
    String supervisor = "gxq.supervisor";

    // Cockpit's user-task views read the task through the engine API
    assertThat(get(supervisor, "/engine-rest/task?processInstanceId={id}&maxResults=10", pi.getId()).getBody())
        .contains(talk.getId()).contains(talk.getName());
    assertThat(get(supervisor, "/engine-rest/task/{id}/identity-links", talk.getId()).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    Map<String, Object> talkValues = Map.of("variables", Map.of("talkDate", Map.of("value", "2025-01-15"),
        "talkerName", Map.of("value", "马建国"), "talkRecord", Map.of("value", "记录")));
    for (ResponseEntity<String> attempt : List.of(
        send(supervisor, HttpMethod.POST, "/engine-rest/task/{id}/claim", Map.of("userId", supervisor), talk.getId()),
        send(supervisor, HttpMethod.POST, "/engine-rest/task/{id}/submit-form", talkValues, talk.getId()),
        send(supervisor, HttpMethod.PUT, "/engine-rest/task/{id}/variables/talkRecord", Map.of("value", "改"),
            talk.getId()))) {
      assertThat(attempt.getStatusCode()).as("%s", attempt.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(taskService.createTaskQuery().taskId(talk.getId()).singleResult().getAssignee()).isNull();
    assertThat(runtimeService.getVariables(pi.getId())).doesNotContainKey("talkRecord");
    // a clerk of another branch still reads nothing of it
    assertThat(get(OTHER_BRANCH_CLERK, "/engine-rest/task?processInstanceId={id}&maxResults=10", pi.getId()).getBody())
        .isEqualTo("[]");
  }
}
