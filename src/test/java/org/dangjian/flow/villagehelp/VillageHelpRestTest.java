package org.dangjian.flow.villagehelp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.dangjian.flow.villagehelp.VillageHelp.Events.*;
import static org.dangjian.flow.villagehelp.VillageHelp.Tasks.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The committee's view through REST and the page that shows it; refusals through the engine REST API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VillageHelpRestTest extends VillageHelpTestSupport {

  private static final ParameterizedTypeReference<List<Map<String, Object>>> ROWS = new ParameterizedTypeReference<>() {
  };

  @Autowired TestRestTemplate rest;

  /** The committee view is for supervisors, logged in like every API call. */
  private TestRestTemplate supervisor() {
    return rest.withBasicAuth("gxq.supervisor", "demo");
  }
  private ProcessInstance assignment;

  private List<Map<String, Object>> get(String path) {
    ResponseEntity<List<Map<String, Object>>> response = supervisor().exchange(path, HttpMethod.GET, null, ROWS);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private Map<String, Object> category(List<Map<String, Object>> rows, String category) {
    return rows.stream().filter(r -> category.equals(r.get("category"))).findFirst().orElseThrow();
  }

  private ProcessInstance openCase(String assignmentKey, String category, String targetDate) {
    Map<String, Object> v = new HashMap<>();
    v.put("assignmentKey", assignmentKey);
    v.put("category", category);
    v.put("householdName", "王二");
    v.put("description", "困难");
    v.put("targetDate", targetDate);
    return start(VillageHelp.HELP_CASE_PROCESS_KEY, TEAMMATE, v);
  }

  @Test
  void listsTheCommitteesAssignmentsWithOverdueVisitsAndOpenCasesPerCategory() {
    List<Map<String, Object>> before = get("/api/village-help/committees/gxq/help-cases");
    ProcessInstance assignment = newAssignment();
    String key = assignment.getBusinessKey();
    today("2025-02-01");
    openCase(key, "water", "2025-03-01");
    ProcessInstance road = openCase(key, "road", "2025-05-01");
    complete(road, RESOLVE_HELP_CASE, TEAMMATE, "actionsTaken", "修路", "resolvedDate", "2025-02-01");
    today("2025-02-05");
    complete(road, CONFIRM_SATISFACTION, VILLAGE_CLERK, "householdSatisfied", true);
    fireTimer(assignment, MONTH_ENDS);
    complete(assignment, MONTHLY_REPORT, FIRST_SECRETARY, "daysInVillage", 15, "workSummary", "工作",
        "unexcusedAbsences", 0);
    fireTimer(assignment, VISIT_OVERDUE);

    Map<String, Object> row = get("/api/village-help/committees/gxq/assignments?activeOnly=true").stream()
        .filter(r -> key.equals(r.get("assignmentKey"))).findFirst().orElseThrow();
    assertThat(row.get("visitOverdue")).isEqualTo(true);
    assertThat(row.get("helpUnitName")).isEqualTo("高新区规划和国土资源局");
    assertThat(row.get("flaggedReports")).isEqualTo(1);
    assertThat((Map<String, Object>) row.get("openHelpCases")).containsEntry("water", 1).containsEntry("road", 0)
        .containsKeys("employment", "schooling", "medical", "other");
    assertThat(row.get("overdueHelpCases")).isEqualTo(1);
    assertThat(row.get("closedHelpCases")).isEqualTo(1);

    List<Map<String, Object>> after = get("/api/village-help/committees/gxq/help-cases");
    assertThat(after).extracting(r -> r.get("title")).containsExactly("就业", "就学", "就医", "行路", "饮水", "其他");
    assertThat((Integer) category(after, "water").get("open") - (Integer) category(before, "water").get("open"))
        .isEqualTo(1);
    assertThat((Integer) category(after, "road").get("closed") - (Integer) category(before, "road").get("closed"))
        .isEqualTo(1);
    assertThat(category(after, "road").get("averageDaysToClose")).isNotNull();

    List<Map<String, Object>> events = get("/api/village-help/committees/gxq/events?activeOnly=true").stream()
        .filter(r -> key.equals(r.get("assignmentKey"))).toList();
    assertThat(events).extracting(r -> r.get("ruleCode")).contains("DAYS_IN_VILLAGE_PER_MONTH",
        "UNIT_HEAD_VISIT_DEADLINE");
    assertThat(events).extracting(r -> r.get("typeTitle")).contains("违规记录", "督办上报");
  }

  private static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> vars = new HashMap<>();
    values.forEach((k, v) -> vars.put(k, Map.of("value", v)));
    return Map.of("variables", vars);
  }

  @Test
  void aSecondIdenticalAssignmentThroughTheEngineRestApiIs400() {
    Map<String, Object> vars = assignment("2025-01-01", "2025-12-31", "2025-03-31");
    today("2025-01-05");
    String path = "/engine-rest/process-definition/key/VillageHelpProcess/start";
    ResponseEntity<Map> first = rest.withBasicAuth(COMMITTEE_CLERK, "demo").postForEntity(path, variables(vars),
        Map.class);
    assertThat(first.getStatusCode()).as("%s", first.getBody()).isEqualTo(HttpStatus.OK);
    ResponseEntity<Map> again = rest.withBasicAuth(COMMITTEE_CLERK, "demo").postForEntity(path, variables(vars),
        Map.class);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(again.getBody().get("message").toString()).contains("已存在，不能重复选派");
  }

  @Test
  void anotherVillagesClerkCannotConfirmThroughTheEngineRestApi() {
    assignment = newAssignment();
    today("2025-02-01");
    ProcessInstance water = openCase(assignment.getBusinessKey(), "water", "2025-03-01");
    complete(water, RESOLVE_HELP_CASE, TEAMMATE, "actionsTaken", "接通自来水", "resolvedDate", "2025-02-01");
    String taskId = task(water, CONFIRM_SATISFACTION).getId();
    ResponseEntity<Map> refused = rest.withBasicAuth("keji.clerk", "demo").postForEntity(
        "/engine-rest/task/{id}/complete", variables(Map.of("householdSatisfied", "true")), Map.class, taskId);
    // the task is granted to the village's own clerks only: the engine refuses, in Chinese
    assertThat(refused.getStatusCode()).as("%s", refused.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getBody().get("message").toString()).contains("无权限").contains("keji.clerk");
    assertThat(rest.withBasicAuth(VILLAGE_CLERK, "demo").postForEntity("/engine-rest/task/{id}/complete",
        variables(Map.of("householdSatisfied", "true")), Map.class, taskId).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(water).isEnded();
  }

  @Test
  void anUnknownCommitteeOrABranchIsNotFound() {
    assertThat(rest.getForEntity("/api/village-help/committees/gxq/assignments", Map.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(supervisor().getForEntity("/api/village-help/committees/nowhere/assignments", Map.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<Map> branch = supervisor().getForEntity("/api/village-help/committees/guitu/help-cases", Map.class);
    assertThat(branch.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(branch.getBody().get("message").toString()).contains("工委“guitu”不存在");
  }

  @Test
  void thePageForSupervisorsIsServed() {
    assertThat(rest.getForEntity("/village-help.html", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<String> page = supervisor().getForEntity("/village-help.html", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("驻村帮包").contains("<script src=\"/js/village-help.js\">");
    // the page's script, a file of its own (Content-Security-Policy), reads the committee view
    assertThat(rest.getForEntity("/js/village-help.js", String.class).getBody())
        .contains("/api/village-help/committees/");
  }
}
