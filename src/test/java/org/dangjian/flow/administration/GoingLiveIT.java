package org.dangjian.flow.administration;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.dangjian.flow.development.MemberDevelopment;
import org.dangjian.flow.system.BusinessCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The README's going-live walk-through on an empty PostgreSQL database with the production profile (no demo
 * data): the first administrator downloads the template, fills in a working committee with 5 committees, 50
 * branches, 200 people, 2,000 members and 300 cases under way at various steps, checks it (nothing changes),
 * imports it, imports it again (nothing changes). A clerk of an imported branch then works one of the cases and
 * the committee's clerk sees it; every imported case's record has its 补录 steps, and none has a reminder,
 * escalation or violation its paper dates did not earn. Prints the import's speed (rows per second).
 *
 * <p>Runs in the PostgreSQL pass of the build (./mvnw verify -Ppostgres, as .ci/run does): its own database,
 * dropped and created at the start.
 */
@EnabledIfSystemProperty(named = "spring.profiles.active", matches = ".*postgres.*")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.profiles.active=postgres", "dangjian.demo.enabled=false", "server.servlet.session.cookie.secure=false"})
class GoingLiveIT {

  private static final String HOST = System.getenv().getOrDefault("DANGJIAN_DB_HOST", "127.0.0.1");
  private static final String PORT = System.getenv().getOrDefault("DANGJIAN_DB_PORT", "5432");
  private static final String DATABASE = System.getenv().getOrDefault("DANGJIAN_TEST_DB_NAME", "dangjian_test")
      + "_golive";
  private static final String PASSWORD = "Chushi-2026";
  private static final int COMMITTEES = 5;
  private static final int BRANCHES_PER_COMMITTEE = 10;
  private static final int MEMBERS_PER_BRANCH = 40;
  private static final int CASES_PER_BRANCH = 6;

  @DynamicPropertySource
  static void emptyDatabase(DynamicPropertyRegistry registry) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres",
        System.getenv().getOrDefault("DANGJIAN_DB_USER", "postgres"),
        System.getenv().getOrDefault("DANGJIAN_DB_PASSWORD", ""));
        Statement s = c.createStatement()) {
      s.execute("drop database if exists " + DATABASE + " with (force)");
      s.execute("create database " + DATABASE);
    }
    registry.add("spring.datasource.url", () -> "jdbc:postgresql://" + HOST + ":" + PORT + "/" + DATABASE);
  }

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  private final LocalDate today = BusinessCalendar.today();

  /** The rows of the four sheets, key → value as an administrator types them (options by their Chinese labels). */
  private final Map<String, List<Map<String, String>>> sheets = new LinkedHashMap<>();
  private final List<Integer> caseStages = new ArrayList<>();

  private void fillIn() {
    List<Map<String, String>> organizations = new ArrayList<>();
    List<Map<String, String>> people = new ArrayList<>();
    List<Map<String, String>> members = new ArrayList<>();
    List<Map<String, String>> cases = new ArrayList<>();
    organizations.add(row("id", "hx", "name", "海西新区工委", "kind", "工委", "status", "正常"));
    people.add(row("userId", "hx.orgdept", "name", "组织部门", "roles", "hx:orgdept", "initialPassword", PASSWORD));
    people.add(row("userId", "hx.supervisor", "name", "督导员", "roles", "hx:supervisor", "initialPassword",
        PASSWORD));
    int sequence = 0;
    for (int c = 1; c <= COMMITTEES; c++) {
      String committee = "hx-dw" + c;
      organizations.add(row("id", committee, "name", "海西第" + c + "党委", "kind", "党委", "parentId", "hx",
          "approvalPower", "是", "status", "正常"));
      people.add(row("userId", committee + ".clerk", "name", "党委干事" + c, "roles", committee + ":clerk",
          "initialPassword", PASSWORD));
      people.add(row("userId", committee + ".approver", "name", "党委审批" + c, "roles", committee + ":approver",
          "initialPassword", PASSWORD));
      for (int b = 1; b <= BRANCHES_PER_COMMITTEE; b++) {
        String branch = committee + "-zb" + b;
        organizations.add(row("id", branch, "name", "第" + c + "党委第" + b + "党支部", "kind", "党支部",
            "parentId", committee, "status", "正常"));
        people.add(row("userId", branch + ".clerk", "name", "支部干事" + c + "-" + b, "phone", "1380000" + c + b,
            "roles", branch + ":clerk", "initialPassword", PASSWORD));
        people.add(row("userId", branch + ".secretary", "name", "支部书记" + c + "-" + b,
            "roles", branch + ":secretary；" + branch + ":evaluator", "initialPassword", PASSWORD));
        people.add(row("userId", branch + ".evaluator", "name", "测评人" + c + "-" + b, "roles", branch + ":evaluator",
            "initialPassword", PASSWORD));
        List<String> full = new ArrayList<>();
        for (int m = 0; m < MEMBERS_PER_BRANCH; m++) {
          LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(sequence * 7L % 12000);
          String id = idNumber(birth, sequence++);
          if (full.size() < 2) {
            full.add(id);
          }
          members.add(row("name", "党员" + sequence, "gender", m % 2 == 0 ? "男" : "女", "birthDate", birth.toString(),
              "idNumber", id, "branchId", branch, "partyGroup", "第" + (m % 4 + 1) + "党小组", "status", "正式党员",
              "fullMembershipDate", birth.plusYears(25).toString(),
              "disciplineStatus", m == MEMBERS_PER_BRANCH - 1 ? "警告" : "无"));
        }
        for (int k = 0; k < CASES_PER_BRANCH; k++) {
          int stage = PaperCases.STAGES.get((c * BRANCHES_PER_COMMITTEE + b + k) % PaperCases.STAGES.size());
          caseStages.add(stage);
          Map<String, String> paper = PaperCases.recordedThrough(stage, branch, "申请人" + c + "丙" + b + "丁" + k, full,
              today, 2 + k);
          LocalDate birth = LocalDate.parse(paper.get("birthDate"));
          paper.put("idNumber", idNumber(birth, sequence++));
          cases.add(paper);
        }
      }
    }
    // 200 people: the committees' and branches' own, and the rest evaluators of the branches
    for (int i = people.size(), n = 0; i < 200; i++, n++) {
      String branch = "hx-dw" + (n % COMMITTEES + 1) + "-zb" + (n / COMMITTEES % BRANCHES_PER_COMMITTEE + 1);
      people.add(row("userId", "hx.eval" + n, "name", "群众代表" + n, "roles", branch + ":evaluator",
          "initialPassword", PASSWORD));
    }
    sheets.put("组织", organizations);
    sheets.put("人员", people);
    sheets.put("党员名册", members);
    sheets.put("在办发展党员", cases);
  }

  @Test
  void anEmptyDatabaseGoesLiveFromTheTemplateAndItsCasesRunWithoutFalseAlarms() throws Exception {
    assertThat(jdbc.queryForObject("select count(*) from organization", Long.class)).isZero();
    TestRestTemplate admin = rest.withBasicAuth("admin", "admin");

    ResponseEntity<byte[]> template = admin.getForEntity("/api/admin/import-template.xlsx", byte[].class);
    assertThat(template.getStatusCode()).isEqualTo(HttpStatus.OK);
    fillIn();
    byte[] workbook = FilledTemplate.fill(template.getBody(), sheets);
    assertThat(sheets.get("组织")).hasSize(1 + COMMITTEES + COMMITTEES * BRANCHES_PER_COMMITTEE);
    assertThat(sheets.get("人员")).hasSize(200);
    assertThat(sheets.get("党员名册")).hasSize(2000);
    assertThat(sheets.get("在办发展党员")).hasSize(300);

    long started = System.nanoTime();
    ResponseEntity<Map> dryRun = upload(admin, workbook, true);
    double dryRunSeconds = (System.nanoTime() - started) / 1e9;
    assertThat(dryRun.getStatusCode()).as("%s", dryRun.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(jdbc.queryForObject("select count(*) from organization", Long.class)).isZero();
    assertThat(runtime.createProcessInstanceQuery().count()).isZero();

    started = System.nanoTime();
    ResponseEntity<Map> imported = upload(admin, workbook, false);
    double importSeconds = (System.nanoTime() - started) / 1e9;
    assertThat(imported.getStatusCode()).as("%s", imported.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(imported.getBody()).containsEntry("applied", true);
    Map<String, Map<String, Number>> counts = (Map<String, Map<String, Number>>) imported.getBody().get("counts");
    assertThat(counts.get("党员名册").get("created").intValue()).isEqualTo(2000);
    assertThat(counts.get("在办发展党员").get("created").intValue()).isEqualTo(300);
    List<String> caseNumbers = (List<String>) imported.getBody().get("cases");
    assertThat(caseNumbers).hasSize(300).doesNotHaveDuplicates();

    started = System.nanoTime();
    ResponseEntity<Map> again = upload(admin, workbook, false);
    double againSeconds = (System.nanoTime() - started) / 1e9;
    assertThat(again.getStatusCode()).as("%s", again.getBody()).isEqualTo(HttpStatus.OK);
    Map<String, Map<String, Number>> againCounts = (Map<String, Map<String, Number>>) again.getBody().get("counts");
    againCounts.forEach((sheet, c) -> assertThat(c.get("unchanged").intValue()).as(sheet)
        .isEqualTo(c.get("rows").intValue()));
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(MemberDevelopment.PROCESS_KEY).count())
        .isEqualTo(300);

    // every case's record has its 补录 steps (the application and each recorded step), none a false alarm
    List<String> ids = jdbc.queryForList("select distinct process_instance_id from backfilled_step", String.class);
    assertThat(ids).hasSize(300);
    assertThat(jdbc.queryForObject("select count(*) from case_event where event_type in"
        + " ('REMINDER', 'ESCALATION', 'VIOLATION')", Long.class)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from ACT_RU_TASK where TASK_DEF_KEY_ = ?", Long.class,
        MemberDevelopment.Tasks.TALK_OVERDUE_SUPERVISION)).isZero();
    for (int i = 0; i < caseNumbers.size(); i += 37) {
      ResponseEntity<Map> record = rest.withBasicAuth(branchOf(caseNumbers.get(i)) + ".clerk", PASSWORD)
          .getForEntity("/api/records/{n}", Map.class, caseNumbers.get(i));
      assertThat(record.getStatusCode()).isEqualTo(HttpStatus.OK);
      List<Map<String, Object>> entries = (List<Map<String, Object>>) record.getBody().get("entries");
      assertThat(entries).filteredOn(e -> e.get("note") != null && e.get("note").toString().startsWith("补录"))
          .as("record of %s", caseNumbers.get(i)).isNotEmpty();
    }

    // a clerk of an imported branch works one of the cases: 3 推荐和确定入党积极分子 after a talk recorded on paper
    int atStep3 = caseStages.indexOf(2);
    String caseNumber = caseNumbers.get(atStep3);
    String branch = branchOf(caseNumber);
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult();
    Task task = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(MemberDevelopment.Tasks.DETERMINE_ACTIVIST);
    TestRestTemplate clerk = rest.withBasicAuth(branch + ".clerk", PASSWORD);
    assertThat(clerk.postForEntity("/engine-rest/task/{id}/claim", Map.of("userId", branch + ".clerk"), String.class,
        task.getId()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    Map<String, Object> values = new HashMap<>();
    values.put("recommendationMethod", Map.of("value", "memberRecommendation"));
    values.put("recommendationDate", Map.of("value", today.minusDays(1).toString()));
    values.put("committeeMeetingDate", Map.of("value", today.toString()));
    values.put("activistDecision", Map.of("value", "approve"));
    ResponseEntity<String> completed = clerk.postForEntity("/engine-rest/task/{id}/submit-form",
        Map.of("variables", values), String.class, task.getId());
    assertThat(completed.getStatusCode()).as("%s", completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getTaskDefinitionKey())
        .isEqualTo(MemberDevelopment.Tasks.FILE_ACTIVIST);
    String committee = branch.substring(0, branch.indexOf("-zb"));
    ResponseEntity<List> committeeTasks = rest.withBasicAuth(committee + ".clerk", PASSWORD).getForEntity(
        "/engine-rest/task?processInstanceId={id}&maxResults=10", List.class, pi.getId());
    assertThat(committeeTasks.getBody()).hasSize(1);
    // another branch's clerk sees nothing of it
    assertThat(rest.withBasicAuth("hx-dw1-zb1".equals(branch) ? "hx-dw1-zb2.clerk" : "hx-dw1-zb1.clerk", PASSWORD)
        .getForEntity("/engine-rest/task?processInstanceId={id}&maxResults=10", List.class, pi.getId()).getBody())
        .isEmpty();

    int members = counts.get("党员名册").get("rows").intValue();
    long membersMillis = counts.get("党员名册").get("millis").longValue();
    long casesMillis = counts.get("在办发展党员").get("millis").longValue();
    System.out.printf("%n[going-live import] PostgreSQL, empty database, one request per workbook%n"
        + "  workbook: %d organizations, %d people, %d members, %d cases under way (%d KB)%n"
        + "  dry run %.1f s, import %.1f s, the same workbook again %.1f s%n"
        + "  党员名册: %d rows in %.1f s = %.0f rows/s; 在办发展党员: %d cases in %.1f s = %.1f cases/s%n"
        + "  organizations %d ms, people %d ms%n%n",
        sheets.get("组织").size(), sheets.get("人员").size(), members, caseNumbers.size(), workbook.length / 1024,
        dryRunSeconds, importSeconds, againSeconds, members, membersMillis / 1000.0, members * 1000.0 / membersMillis,
        caseNumbers.size(), casesMillis / 1000.0, caseNumbers.size() * 1000.0 / casesMillis,
        counts.get("组织").get("millis").longValue(), counts.get("人员").get("millis").longValue());
  }

  private static String branchOf(String caseNumber) {
    // <branchId>-<year>-<sequence>
    String withoutSequence = caseNumber.substring(0, caseNumber.lastIndexOf('-'));
    return withoutSequence.substring(0, withoutSequence.lastIndexOf('-'));
  }

  private ResponseEntity<Map> upload(TestRestTemplate as, byte[] file, boolean dryRun) {
    return as.postForEntity("/api/admin/imports?dryRun=" + dryRun, FilledTemplate.upload(file, "海西新区上线.xlsx"),
        Map.class);
  }

  private static Map<String, String> row(String... keysAndValues) {
    Map<String, String> r = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      r.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return r;
  }

  /** A valid resident ID number, unique by its sequence (not a real person's: region 110101, 北京东城). */
  static String idNumber(LocalDate birth, int sequence) {
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    String body = String.format("%06d", 110101 + sequence / 1000) + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
        + String.format("%03d", sequence % 1000);
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (body.charAt(i) - '0') * weights[i];
    }
    return body + "10X98765432".charAt(sum % 11);
  }
}
