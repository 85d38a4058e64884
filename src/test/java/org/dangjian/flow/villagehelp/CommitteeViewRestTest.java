package org.dangjian.flow.villagehelp;

import static org.assertj.core.api.Assertions.assertThat;
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

/** The committee's view through REST and the page that shows it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CommitteeViewRestTest extends VillageHelpTestSupport {

  private static final ParameterizedTypeReference<List<Map<String, Object>>> ROWS = new ParameterizedTypeReference<>() {
  };

  @Autowired TestRestTemplate rest;

  private List<Map<String, Object>> get(String path) {
    ResponseEntity<List<Map<String, Object>>> response = rest.exchange(path, HttpMethod.GET, null, ROWS);
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
  }

  @Test
  void anUnknownCommitteeOrABranchIsNotFound() {
    assertThat(rest.getForEntity("/api/village-help/committees/nowhere/assignments", Map.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<Map> branch = rest.getForEntity("/api/village-help/committees/guitu/help-cases", Map.class);
    assertThat(branch.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(branch.getBody().get("message").toString()).contains("工委“guitu”不存在");
  }

  @Test
  void thePageForSupervisorsIsServed() {
    ResponseEntity<String> page = rest.getForEntity("/village-help.html", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("驻村帮包").contains("/api/village-help/committees/");
  }
}
