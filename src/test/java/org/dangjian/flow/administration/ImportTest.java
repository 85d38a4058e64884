package org.dangjian.flow.administration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dangjian.flow.ProcessTestSupport;
import org.dangjian.flow.administration.Workbooks.DataRow;
import org.dangjian.flow.administration.Workbooks.SheetRows;
import org.dangjian.flow.audit.CaseEventLog;
import org.dangjian.flow.audit.CaseEventType;
import org.dangjian.flow.development.MemberDevelopment;
import org.dangjian.flow.development.TestIdNumbers;
import org.dangjian.flow.system.BusinessCalendar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Going live from a workbook: the template, a dry run that changes nothing, the import (organizations in any row
 * order, people with roles, the registry, paper cases at their next step with their earlier steps as 补录), the
 * same workbook again changing nothing, export → import round-trip, and each kind of bad workbook answered with
 * its exact problem and nothing changed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportTest extends ProcessTestSupport {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final String PASSWORD = "geheim-123";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired CaseColumns caseColumns;
  @Autowired CaseEventLog events;

  private String p;
  private LocalDate today;

  @BeforeEach
  void uniquePrefix() {
    p = "i" + Long.toString(System.currentTimeMillis() % 100000000L, 36) + SEQUENCE.incrementAndGet();
    today = BusinessCalendar.today();
  }

  private TestRestTemplate admin() {
    return rest.withBasicAuth("admin", "admin");
  }

  // ---- a workbook of one working committee

  private final class Book {
    final List<Map<String, String>> organizations = new ArrayList<>();
    final List<Map<String, String>> people = new ArrayList<>();
    final List<Map<String, String>> registry = new ArrayList<>();
    final List<Map<String, String>> cases = new ArrayList<>();
    final List<String> fullMemberIds = new ArrayList<>();

    Book() {
      // children before parents: the import orders the tree itself
      organizations.add(row("id", p + "-zb", "name", "第一党支部" + p, "kind", "branch", "parentId", p + "-dw",
          "approvalPower", "false", "status", "active"));
      organizations.add(row("id", p + "-dw", "name", "机关党委" + p, "kind", "committee", "parentId", p,
          "approvalPower", "true", "status", "active"));
      organizations.add(row("id", p, "name", "测试工委" + p, "kind", "workingCommittee", "approvalPower", "false",
          "status", "active"));
      people.add(row("userId", p + ".clerk", "name", "王小红", "phone", "13800138000", "roles", p + "-zb:clerk",
          "initialPassword", PASSWORD));
      people.add(row("userId", p + ".dwclerk", "name", "李大明", "roles", p + "-dw:clerk；" + p + "-dw:党务工作者",
          "initialPassword", PASSWORD));
      people.add(row("userId", p + ".approver", "name", "赵审批", "roles", p + "-dw:approver", "initialPassword",
          PASSWORD));
      for (int i = 0; i < 3; i++) {
        LocalDate birth = LocalDate.of(1975 + i, 3, 4 + i);
        String id = TestIdNumbers.forBirthDate(birth);
        fullMemberIds.add(id);
        registry.add(row("name", "党员" + i, "gender", "male", "birthDate", birth.toString(), "idNumber", id,
            "branchId", p + "-zb", "partyGroup", "第一党小组", "status", "full", "fullMembershipDate", "2005-07-01",
            "disciplineStatus", i == 2 ? "probationWithinParty" : "none"));
      }
      int n = 0;
      for (int stage : List.of(1, 2, 5, 9, 15, 20)) {
        cases.add(PaperCases.recordedThrough(stage, p + "-zb", "申请人" + (char) ('甲' + n++), fullMemberIds, today, 5));
      }
    }

    byte[] bytes() {
      return Workbooks.write(List.of(
          sheet(Sheets.organizations(), organizations), sheet(Sheets.people(), people),
          sheet(Sheets.registry(), registry), sheet(caseColumns.current().sheet(), cases)));
    }
  }

  private static SheetRows sheet(Sheets.Sheet sheet, List<Map<String, String>> rows) {
    List<DataRow> data = new ArrayList<>();
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

  private ResponseEntity<Map> upload(TestRestTemplate as, byte[] file, String fileName, boolean dryRun) {
    return as.postForEntity("/api/admin/imports?dryRun=" + dryRun, FilledTemplate.upload(file, fileName), Map.class);
  }

  private long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }

  private Map<String, Long> state() {
    Map<String, Long> state = new LinkedHashMap<>();
    for (String table : List.of("organization", "party_member", "admin_change_log", "data_import", "backfilled_step",
        "case_event", "ACT_RU_EXECUTION", "ACT_ID_USER", "ACT_ID_MEMBERSHIP", "ACT_RU_AUTHORIZATION")) {
      state.put(table, count(table));
    }
    return state;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> problems(ResponseEntity<Map> response) {
    return (List<Map<String, Object>>) response.getBody().get("problems");
  }

  // ---- the template

  @Test
  void theTemplateHasTheFourSheetsTitlesKeysAnExampleDropDownsAndRealDates() throws Exception {
    ResponseEntity<byte[]> response = admin().getForEntity("/api/admin/import-template.xlsx", byte[].class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType().toString()).contains("spreadsheetml");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
      assertThat(List.of(book.getSheetName(0), book.getSheetName(1), book.getSheetName(2), book.getSheetName(3)))
          .containsExactly("组织", "人员", "党员名册", "在办发展党员");
      XSSFSheet organizations = book.getSheet("组织");
      assertThat(organizations.getRow(0).getCell(0).getStringCellValue()).startsWith("组织编号");
      assertThat(organizations.getRow(1).getCell(0).getStringCellValue()).isEqualTo("id");
      assertThat(organizations.getRow(2).getCell(2).getStringCellValue()).isEqualTo("工委");
      assertThat(organizations.getDataValidations()).anySatisfy(v -> assertThat(v.getValidationConstraint()
          .getExplicitListValues()).contains("工委", "党委", "党总支", "党支部"));
      XSSFSheet registry = book.getSheet("党员名册");
      Cell birth = registry.getRow(2).getCell(3);
      assertThat(birth.getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(DateUtil.isCellDateFormatted(birth)).isTrue();
      assertThat(birth.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(1980, 3, 15));
      XSSFSheet cases = book.getSheet("在办发展党员");
      List<String> keys = new ArrayList<>();
      cases.getRow(1).forEach(c -> keys.add(c.getStringCellValue()));
      assertThat(keys).contains("candidateName", "idNumber", "applicationDate", "talkDate", "activistFilingDate",
          "3.committeeMeetingDate", "7.committeeMeetingDate", "6.1.reviewDate", "6.2.proceedToTarget",
          "15.votesFor", "23.votesFor", "21.3.reviewComment", "admissionApprovalDate", "conversionApprovalDate");
      assertThat(keys).doesNotContain("archiveDate", "supervisionNote");
    }
    // the template, imported unchanged, is only examples: nothing to do
    Map<String, Long> before = state();
    ResponseEntity<Map> imported = upload(admin(), response.getBody(), "导入模板.xlsx", false);
    assertThat(imported.getStatusCode()).as("%s", imported.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(problems(imported)).isEmpty();
    assertThat(state()).containsAllEntriesOf(Map.of("organization", before.get("organization"),
        "party_member", before.get("party_member")));
  }

  // ---- the import

  @Test
  void aDryRunChangesNothingTheImportBringsAllInAndTheSameWorkbookAgainChangesNothing() throws Exception {
    Book book = new Book();
    byte[] file = book.bytes();
    Map<String, Long> before = state();

    ResponseEntity<Map> dry = upload(admin(), file, "高新区.xlsx", true);
    assertThat(dry.getStatusCode()).as("%s", dry.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(dry.getBody()).containsEntry("dryRun", true).containsEntry("applied", false);
    assertThat(dry.getBody().get("counts").toString()).contains("组织={rows=3, created=3, updated=0, unchanged=0,")
        .contains("在办发展党员={rows=6, created=6");
    assertThat(state()).isEqualTo(before);

    ResponseEntity<Map> done = upload(admin(), file, "高新区.xlsx", false);
    assertThat(done.getStatusCode()).as("%s", done.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(done.getBody()).containsEntry("applied", true);
    List<String> caseNumbers = (List<String>) done.getBody().get("cases");
    assertThat(caseNumbers).hasSize(6).allSatisfy(n -> assertThat(n).startsWith(p + "-zb-"));

    // each case waits at the step after its last recorded one, handled by the imported branch's clerk
    Map<Integer, String> waiting = Map.of(1, MemberDevelopment.Tasks.APPLICANT_TALK,
        2, MemberDevelopment.Tasks.DETERMINE_ACTIVIST, 9, MemberDevelopment.Tasks.POLITICAL_REVIEW,
        15, MemberDevelopment.Tasks.COMMITTEE_TALK);
    List<Integer> stages = List.of(1, 2, 5, 9, 15, 20);
    for (int i = 0; i < stages.size(); i++) {
      String caseNumber = caseNumbers.get(i);
      String processInstanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
          .singleResult().getId();
      List<String> open = taskService.createTaskQuery().processInstanceId(processInstanceId).list().stream()
          .map(t -> t.getTaskDefinitionKey()).toList();
      if (waiting.containsKey(stages.get(i))) {
        assertThat(open).as("case %s of stage %s", caseNumber, stages.get(i)).containsExactly(waiting.get(stages.get(i)));
      } else {
        // 5: the first half-yearly review, 20: the first quarterly probation review fall due later
        assertThat(open).as("case %s of stage %s", caseNumber, stages.get(i)).isEmpty();
        assertThat(managementService.createJobQuery().processInstanceId(processInstanceId).timers().count()).isOne();
      }
      // no reminder, escalation or violation: the paper dates met every deadline
      assertThat(events.forProcessInstance(processInstanceId)).extracting(e -> e.type())
          .doesNotContain(CaseEventType.REMINDER, CaseEventType.ESCALATION, CaseEventType.VIOLATION);
      assertThat(count("backfilled_step where process_instance_id = '" + processInstanceId + "'")).isPositive();
    }
    // the record says of each earlier step that it was recorded from the workbook, with the step's own date
    ResponseEntity<Map> record = rest.withBasicAuth(p + ".dwclerk", PASSWORD).getForEntity("/api/records/{n}",
        Map.class, caseNumbers.get(3));
    assertThat(record.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<Map<String, Object>> entries = (List<Map<String, Object>>) record.getBody().get("entries");
    List<Map<String, Object>> recorded = entries.stream().filter(e -> !"EVENT".equals(e.get("kind"))
        && e.get("open") == null && !"END".equals(e.get("kind"))).toList();
    assertThat(recorded).hasSizeGreaterThanOrEqualTo(9).allSatisfy(e -> assertThat((String) e.get("note"))
        .startsWith("补录：").contains("系统管理员").contains("从《高新区.xlsx》导入"));
    assertThat(entries).anySatisfy(e -> {
      assertThat(e.get("activityId")).isEqualTo(MemberDevelopment.Tasks.APPLICANT_TALK);
      assertThat(e.get("date")).isEqualTo(book.cases.get(3).get("talkDate"));
    });

    ResponseEntity<List> clerkTasks = rest.withBasicAuth(p + ".clerk", PASSWORD).getForEntity(
        "/engine-rest/task?processDefinitionKey=MemberDevelopmentProcess&maxResults=50", List.class);
    assertThat(clerkTasks.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(clerkTasks.getBody()).hasSize(3);
    ResponseEntity<List> committeeSees = rest.withBasicAuth(p + ".dwclerk", PASSWORD).getForEntity(
        "/engine-rest/process-instance?processDefinitionKey=MemberDevelopmentProcess&maxResults=50", List.class);
    assertThat(committeeSees.getBody()).hasSize(6);
    // the registry got the members and the applicants, the applicant of stage 15 a target (发展对象)
    assertThat(count("party_member where branch_id = '" + p + "-zb'")).isEqualTo(9);
    assertThat(jdbc.queryForObject("select status from party_member where case_number = ?", String.class,
        caseNumbers.get(4))).isEqualTo("target");

    // the same workbook again: everything matched, nothing changed
    Map<String, Long> after = state();
    ResponseEntity<Map> again = upload(admin(), file, "高新区.xlsx", false);
    assertThat(again.getStatusCode()).as("%s", again.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(again.getBody().get("counts").toString()).contains("组织={rows=3, created=0, updated=0, unchanged=3,")
        .contains("人员={rows=3, created=0, updated=0, unchanged=3,")
        .contains("党员名册={rows=3, created=0, updated=0, unchanged=3,")
        .contains("在办发展党员={rows=6, created=0, updated=0, unchanged=6,");
    Map<String, Long> afterAgain = state();
    // a second import is itself recorded (its row and its change log entry), nothing else
    afterAgain.put("data_import", afterAgain.get("data_import") - 1);
    afterAgain.put("admin_change_log", afterAgain.get("admin_change_log") - 1);
    assertThat(afterAgain).isEqualTo(after);

    // the committee's clerk exports the cases it sees, in the columns of the import; another branch's sees none of them
    ResponseEntity<byte[]> committeeExport = rest.withBasicAuth(p + ".dwclerk", PASSWORD).getForEntity(
        "/api/development-cases/export.xlsx", byte[].class);
    assertThat(committeeExport.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(caseNumbersIn(committeeExport.getBody())).containsExactlyInAnyOrderElementsOf(caseNumbers);
    assertThat(caseNumbersIn(rest.withBasicAuth("guitu.clerk", "demo").getForEntity(
        "/api/development-cases/export.xlsx", byte[].class).getBody())).doesNotContainAnyElementsOf(caseNumbers);

    // export → import round-trips: the committee's own export imports as all unchanged
    ResponseEntity<byte[]> export = admin().getForEntity("/api/admin/export.xlsx", byte[].class);
    assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<Map> roundTrip = upload(admin(), export.getBody(), "导出.xlsx", true);
    assertThat(roundTrip.getStatusCode()).as("%s", roundTrip.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(roundTrip.getBody().get("counts").toString()).doesNotContain("created=1").contains("updated=0");
  }

  @Test
  void anEditedExportChangesWhatWasEdited() throws Exception {
    Book book = new Book();
    book.cases.clear();
    assertThat(upload(admin(), book.bytes(), "a.xlsx", false).getStatusCode()).isEqualTo(HttpStatus.OK);
    book.organizations.get(0).put("name", "第一党支部（改）" + p);
    book.people.get(0).put("roles", p + "-zb:clerk；" + p + "-zb:secretary");
    ResponseEntity<Map> edited = upload(admin(), book.bytes(), "b.xlsx", false);
    assertThat(edited.getStatusCode()).as("%s", edited.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(edited.getBody().get("counts").toString()).contains("组织={rows=3, created=0, updated=1, unchanged=2,")
        .contains("人员={rows=3, created=0, updated=1, unchanged=2,");
    assertThat(jdbc.queryForObject("select name from organization where id = ?", String.class, p + "-zb"))
        .isEqualTo("第一党支部（改）" + p);
    assertThat(identityService.createUserQuery().memberOfGroup(p + "-zb-secretary").userId(p + ".clerk").count())
        .isOne();
  }

  // ---- bad workbooks: the exact problem, nothing changed

  private void refused(byte[] file, String fileName, String sheet, Integer row, String column, String message) {
    Map<String, Long> before = state();
    ResponseEntity<Map> response = upload(admin(), file, fileName, false);
    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).containsEntry("applied", false);
    assertThat(response.getBody().get("message").toString()).contains("未作任何修改");
    assertThat(problems(response)).as("%s", response.getBody()).anySatisfy(problem -> {
      assertThat(problem.get("sheet")).isEqualTo(sheet);
      assertThat(problem.get("row")).isEqualTo(row);
      assertThat(problem.get("column")).isEqualTo(column);
      assertThat(problem.get("message").toString()).contains(message);
    });
    assertThat(state()).isEqualTo(before);
  }

  private void refused(Consumer<Book> change, String sheet, Integer row, String column, String message) {
    Book book = new Book();
    change.accept(book);
    refused(book.bytes(), "bad.xlsx", sheet, row, column, message);
  }

  @Test
  void aWrongSheetNameOrAMissingColumnIsTheFilesProblem() throws Exception {
    byte[] file = new Book().bytes();
    refused(edit(file, b -> b.setSheetName(0, "Sheet1")), "bad.xlsx", "Sheet1", null, null, "工作表名称“Sheet1”无法识别");
    refused(edit(file, b -> {
      Row keys = b.getSheet("党员名册").getRow(1);
      keys.removeCell(keys.getCell(4));
    }), "bad.xlsx", "党员名册", 2, null, "缺少列：idNumber");
  }

  @Test
  void aMissingParentACycleAndADuplicateIdAreRefused() {
    refused(b -> b.organizations.get(0).put("parentId", p + "-nowhere"), "组织", 3, "parentId",
        "上级组织“" + p + "-nowhere”不存在");
    refused(b -> {
      b.organizations.add(row("id", p + "-x", "name", "甲", "kind", "committee", "parentId", p + "-y"));
      b.organizations.add(row("id", p + "-y", "name", "乙", "kind", "committee", "parentId", p + "-x"));
    }, "组织", 6, "parentId", "组织树成环");
    refused(b -> b.organizations.add(row("id", p, "name", "重复", "kind", "workingCommittee")), "组织", 6, "id",
        "组织编号“" + p + "”与第5行重复");
  }

  @Test
  void anInvalidIdNumberAFutureDateAndAStepOutOfOrderAreRefused() {
    refused(b -> b.registry.get(1).put("idNumber", b.fullMemberIds.get(1).substring(0, 17) + "Y"), "党员名册", 4,
        "idNumber", "居民身份证号码");
    refused(b -> b.cases.get(0).put("applicationDate", today.plusDays(3).toString()), "在办发展党员", 3,
        "applicationDate", "不能晚于今天");
    // step 4 recorded, step 3 not: the case stops at step 3
    refused(b -> {
      Map<String, String> c = b.cases.get(1);
      c.put("activistFilingDate", today.minusDays(2).toString());
    }, "在办发展党员", 4, "activistFilingDate", "案件停在“3 推荐和确定入党积极分子”");
  }

  @Test
  void aMemberUnderProbationWithinThePartyCannotBeNamedIntroducer() {
    refused(b -> b.cases.get(3).put("introducer2MemberId", b.fullMemberIds.get(2)), "在办发展党员", 6,
        "introducer2MemberId", "留党察看");
  }

  @Test
  void aFileTooLargeOrNotAWorkbookIsRefusedBeforeItIsRead() {
    byte[] large = new byte[10 * 1024 * 1024];
    large[0] = 'P';
    large[1] = 'K';
    refused(large, "big.xlsx", null, null, null, "文件过大（10.0 MB），上限为 5 MB");
    refused("姓名,身份证号\n张三,1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "list.csv", null, null, null,
        "文件不是 Excel 工作簿（.xlsx）");
  }

  @Test
  void onlyAdministratorsAndOrganizationDepartmentsMayImport() {
    ResponseEntity<Map> clerk = upload(rest.withBasicAuth("guitu.clerk", "demo"), new Book().bytes(), "x.xlsx", true);
    assertThat(clerk.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("guitu.clerk", "demo").getForEntity("/api/admin/import-template.xlsx",
        String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  private static List<String> caseNumbersIn(byte[] file) throws Exception {
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file))) {
      XSSFSheet sheet = book.getSheet("在办发展党员");
      assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("caseNumber");
      List<String> numbers = new ArrayList<>();
      for (int r = 2; r <= sheet.getLastRowNum(); r++) {
        numbers.add(sheet.getRow(r).getCell(0).getStringCellValue());
      }
      return numbers;
    }
  }

  private static byte[] edit(byte[] file, Consumer<XSSFWorkbook> change) throws Exception {
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file));
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      change.accept(book);
      book.write(out);
      return out.toByteArray();
    }
  }
}
