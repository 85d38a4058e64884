package org.dangjian.flow.administration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.dangjian.flow.ProcessTestSupport;
import org.dangjian.flow.administration.Workbooks.DataRow;
import org.dangjian.flow.administration.Workbooks.SheetRows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 三会一课 "for one branch when it is founded" (branch-life.md): a branch that joins a committee whose year is
 * launched, through /api/admin or an import, gets its BranchMeetingsProcess at once, checked from that month, and
 * never a second one; a committee that has not launched the year gets nothing started for it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BranchFoundingRestTest extends ProcessTestSupport {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final String PASSWORD = "geheim-123";
  private static final String PROCESS_KEY = "BranchMeetingsProcess";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;

  private String p;

  @BeforeEach
  void uniquePrefix() {
    p = "f" + Long.toString(System.currentTimeMillis() % 100000000L, 36) + SEQUENCE.incrementAndGet();
  }

  private TestRestTemplate admin() {
    return rest.withBasicAuth("admin", "admin");
  }

  private ResponseEntity<Map> post(TestRestTemplate as, String path, Object body) {
    return as.postForEntity(path, body, Map.class);
  }

  private ResponseEntity<Map> organization(String id, String kind, String parentId) {
    Map<String, Object> body = new HashMap<>();
    body.put("id", id);
    body.put("name", "测试" + id);
    body.put("kind", kind);
    body.put("parentId", parentId);
    body.put("approvalPower", "committee".equals(kind));
    return post(admin(), "/api/admin/organizations", body);
  }

  private void created(String id, String kind, String parentId) {
    ResponseEntity<Map> response = organization(id, kind, parentId);
    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
  }

  private void ok(ResponseEntity<Map> response) {
    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
  }

  /** 工委 p; 党委 p-dw with its clerk p.dwclerk and 党支部 p-zb1; 党委 p-dw2 that never launches. */
  private void tree() {
    created(p, "workingCommittee", null);
    created(p + "-dw", "committee", p);
    created(p + "-dw2", "committee", p);
    created(p + "-zb1", "branch", p + "-dw");
    ResponseEntity<Map> person = post(admin(), "/api/admin/users", Map.of("userId", p + ".dwclerk", "name", "李大明",
        "phone", "13800138000", "email", p + "@example.cn", "password", PASSWORD));
    assertThat(person.getStatusCode()).as("%s", person.getBody()).isEqualTo(HttpStatus.CREATED);
    ok(post(admin(), "/api/admin/users/" + p + ".dwclerk/roles", Map.of("organizationId", p + "-dw", "role",
        "clerk")));
  }

  private ResponseEntity<Map> launch(int year) {
    return post(rest.withBasicAuth(p + ".dwclerk", PASSWORD), "/api/branch-meetings/years",
        Map.of("committeeId", p + "-dw", "year", year, "checkedFromMonth", 1));
  }

  private List<ProcessInstance> years(String branchId) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
        .processInstanceBusinessKeyLike(branchId + "-%").list().stream()
        .filter(pi -> pi.getBusinessKey().matches(java.util.regex.Pattern.quote(branchId) + "-[0-9]{4}")).toList();
  }

  private ProcessInstance year(String branchId, int year) {
    List<ProcessInstance> found = years(branchId);
    assertThat(found).extracting(ProcessInstance::getBusinessKey).containsExactly(branchId + "-" + year);
    return found.get(0);
  }

  @Test
  void aBranchFoundedAfterTheLaunchGetsItsYearAtOnceFromTheFoundingMonthAndNeverASecondOne() {
    today("2026-05-12");
    tree();
    ok(launch(2026));
    assertThat(runtimeService.getVariable(year(p + "-zb1", 2026).getId(), "checkedFromMonth")).isEqualTo(1);

    today("2026-08-03");
    created(p + "-zb2", "branch", p + "-dw");
    ProcessInstance founded = year(p + "-zb2", 2026);
    // what falls due is counted from August: the committee's January was for the branches it had in January
    assertThat(runtimeService.getVariable(founded.getId(), "checkedFromMonth")).isEqualTo(8);
    assertThat(runtimeService.getVariable(founded.getId(), "committeeClerkGroup")).isEqualTo(p + "-dw-clerk");
    assertThat(taskService.createTaskQuery().processInstanceId(founded.getId()).taskCandidateGroup(p + "-zb2-clerk")
        .taskDefinitionKey("Task_RecordMeeting").count()).isEqualTo(1);
    assertThat(jdbc.queryForObject("select started_by from branch_meeting_year where branch_id = ?", String.class,
        p + "-zb2")).isEqualTo("admin");

    // the same branch again is refused, and so is the campaign again: still one year each
    assertThat(organization(p + "-zb2", "branch", p + "-dw").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    ResponseEntity<Map> again = launch(2026);
    assertThat(again.getStatusCode().is4xxClientError()).as("%s", again.getBody()).isTrue();
    assertThat(again.getBody().toString()).contains("均已启动，不能重复启动");
    year(p + "-zb1", 2026);
    year(p + "-zb2", 2026);

    // a committee that has not launched the year: its clerk's campaign starts its branches, founding starts none
    created(p + "-zb3", "branch", p + "-dw2");
    assertThat(years(p + "-zb3")).isEmpty();
    // a refused creation (not a place for a branch) starts nothing either
    assertThat(organization(p + "-zb4", "branch", p).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(years(p + "-zb4")).isEmpty();
  }

  @Test
  void aBranchMovedOrReopenedIntoALaunchedCommitteeGetsTheYearOnlyIfItHasNoneYet() {
    today("2026-03-02");
    tree();
    created(p + "-closed", "branch", p + "-dw");
    ok(post(admin(), "/api/admin/organizations/" + p + "-closed/close", null));
    ok(launch(2026));
    assertThat(years(p + "-closed")).isEmpty();

    today("2026-06-15");
    // moved in from a committee that never launched the year: started from June
    created(p + "-moved", "branch", p + "-dw2");
    assertThat(years(p + "-moved")).isEmpty();
    ok(move(p + "-moved", p + "-dw"));
    assertThat(runtimeService.getVariable(year(p + "-moved", 2026).getId(), "checkedFromMonth")).isEqualTo(6);
    // a 党总支 with a branch under it, moved in: its branch is started, the 党总支 itself has no 三会一课
    created(p + "-zzb", "generalBranch", p + "-dw2");
    created(p + "-zzb-zb", "branch", p + "-zzb");
    ok(move(p + "-zzb", p + "-dw"));
    year(p + "-zzb-zb", 2026);
    assertThat(years(p + "-zzb")).isEmpty();
    // moved away and back: it keeps the year it has
    ok(move(p + "-moved", p + "-dw2"));
    ok(move(p + "-moved", p + "-dw"));
    year(p + "-moved", 2026);

    // reopened after the launch passed it by: started from the month it is active again
    today("2026-07-01");
    ok(post(admin(), "/api/admin/organizations/" + p + "-closed/reopen", null));
    assertThat(runtimeService.getVariable(year(p + "-closed", 2026).getId(), "checkedFromMonth")).isEqualTo(7);
  }

  private ResponseEntity<Map> move(String id, String parentId) {
    return admin().exchange("/api/admin/organizations/" + id + "/parent", HttpMethod.PUT,
        new HttpEntity<>(Map.of("parentId", parentId)), Map.class);
  }

  @Test
  void anImportedBranchGetsItsYearButNotInADryRunNorWhenImportedClosed() {
    today("2026-04-20");
    tree();
    ok(launch(2026));
    byte[] file = Workbooks.write(List.of(
        sheet(Sheets.organizations(), List.of(
            row("id", p + "-imp", "name", "导入支部" + p, "kind", "branch", "parentId", p + "-dw",
                "approvalPower", "false", "status", "active"),
            row("id", p + "-impc", "name", "导入已撤销支部" + p, "kind", "branch", "parentId", p + "-dw",
                "approvalPower", "false", "status", "closed")))));

    ResponseEntity<Map> dry = admin().postForEntity("/api/admin/imports?dryRun=true",
        FilledTemplate.upload(file, "新支部.xlsx"), Map.class);
    ok(dry);
    assertThat(dry.getBody()).as("%s", dry.getBody()).containsEntry("applied", false);
    assertThat(years(p + "-imp")).isEmpty();

    ResponseEntity<Map> imported = admin().postForEntity("/api/admin/imports?dryRun=false",
        FilledTemplate.upload(file, "新支部.xlsx"), Map.class);
    ok(imported);
    assertThat(imported.getBody()).as("%s", imported.getBody()).containsEntry("applied", true);
    assertThat(runtimeService.getVariable(year(p + "-imp", 2026).getId(), "checkedFromMonth")).isEqualTo(4);
    assertThat(years(p + "-impc")).isEmpty();

    // the same workbook again changes nothing: no second year
    ok(admin().postForEntity("/api/admin/imports?dryRun=false", FilledTemplate.upload(file, "新支部.xlsx"),
        Map.class));
    year(p + "-imp", 2026);
  }

  private static SheetRows sheet(Sheets.Sheet sheet, List<Map<String, String>> rows) {
    List<DataRow> data = new java.util.ArrayList<>();
    for (Map<String, String> r : rows) {
      data.add(new DataRow(Sheets.FIRST_DATA_ROW + data.size(), r));
    }
    return new SheetRows(sheet, data);
  }

  private static Map<String, String> row(String... keysAndValues) {
    Map<String, String> r = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      r.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return r;
  }
}
