package org.dangjian.flow.development;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dangjian.flow.development.MemberDevelopment.Tasks.*;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * 台账 through the REST API: who may read whose register, the rows of cases created here (found by their own
 * applicant names, since the suite shares one database), and the spreadsheet opened cell by cell.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseRegisterRestTest extends DevelopmentTestSupport {

  @Autowired TestRestTemplate rest;

  /** A case of the given branch, its applicant named uniquely so that the register's search finds only it. */
  private ProcessInstance caseOf(String branchId, String applicant) {
    today("2025-01-20");
    Map<String, Object> application = application("2025-01-10", "1995-05-05");
    application.put("branchId", branchId);
    application.put("candidateName", applicant);
    return start(application);
  }

  private static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 6);
  }

  private ResponseEntity<Map> register(String user, String organizationId, String query) {
    return rest.withBasicAuth(user, "demo").getForEntity(
        "/api/development-cases/register?organizationId={org}&q={q}&maxResults=500", Map.class, organizationId,
        query);
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> rows(String user, String organizationId, String query) {
    ResponseEntity<Map> response = register(user, organizationId, query);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return (List<Map<String, Object>>) response.getBody().get("items");
  }

  @Test
  void committeeClerkSeesItsBranchesCasesBranchClerkOnlyItsOwnOthersAreRefusedInChinese() {
    String prefix = unique("台账甲");
    ProcessInstance guitu = caseOf("guitu", prefix + "规土");
    ProcessInstance fayuan = caseOf("fayuan", prefix + "法院");

    List<Map<String, Object>> committee = rows(COMMITTEE_CLERK, "gxq-jg", prefix);
    assertThat(committee).extracting(r -> r.get("caseNumber"))
        .containsExactlyInAnyOrder(guitu.getBusinessKey(), fayuan.getBusinessKey());
    assertThat(rows("gxq.supervisor", "gxq", prefix)).hasSize(2);
    assertThat(rows(BRANCH_CLERK, "guitu", prefix)).extracting(r -> r.get("caseNumber"))
        .containsExactly(guitu.getBusinessKey());
    assertThat(rows("fayuan.clerk", "fayuan", prefix)).extracting(r -> r.get("caseNumber"))
        .containsExactly(fayuan.getBusinessKey());
    // the case number finds the case as well as the applicant's name
    assertThat(rows(COMMITTEE_CLERK, "gxq-jg", guitu.getBusinessKey())).extracting(r -> r.get("candidateName"))
        .containsExactly(prefix + "规土");

    ResponseEntity<Map> branchAskingForCommittee = register(BRANCH_CLERK, "gxq-jg", prefix);
    assertThat(branchAskingForCommittee.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(branchAskingForCommittee.getBody().get("message").toString())
        .isEqualTo("无权查看“高新区机关党委”的发展党员台账：只有本组织及上级组织的党务工作者、审批人、组织部门和督导可以查看");
    assertThat(register("fayuan.clerk", "guitu", prefix).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    // an auditor reads the history (全程纪实), not the running cases
    assertThat(register("gxq.auditor", "gxq", prefix).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.getForEntity("/api/development-cases/register?organizationId=guitu", Map.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<Map> unknown = register(COMMITTEE_CLERK, "nowhere", prefix);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(unknown.getBody().get("message").toString()).isEqualTo("组织“nowhere”不存在");
    TestRestTemplate clerk = rest.withBasicAuth(COMMITTEE_CLERK, "demo");
    assertThat(clerk.getForEntity("/api/development-cases/register?organizationId=gxq-jg&maxResults=501", Map.class)
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    ResponseEntity<Map> badState = clerk.getForEntity(
        "/api/development-cases/register?organizationId=gxq-jg&state=closed", Map.class);
    assertThat(badState.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badState.getBody().get("message").toString()).contains("state 只能是");
    assertThat(clerk.getForEntity("/api/development-cases/register", Map.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void rowsShowStageStepHolderDueDateDaysOpenAndTheKeyDatesAndEndedCasesTheirResult() {
    String prefix = unique("台账乙");
    ProcessInstance atApproval = caseAt(ADMISSION_APPROVAL);
    runtimeService.setVariable(atApproval.getId(), "candidateName", prefix + "审批");
    LocalDate approvalDue = LocalDate.parse((String) runtimeService.getVariable(atApproval.getId(),
        "admissionApprovalDueDate"));
    ProcessInstance withdrawn = caseOf("guitu", prefix + "撤回");
    assertThat(rest.withBasicAuth(BRANCH_CLERK, "demo").postForEntity(
        "/api/development-cases/{caseNumber}/withdrawal", Map.of("kind", "APPLICANT_WITHDREW", "reason", "本人撤回"),
        Void.class, withdrawn.getBusinessKey()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    today("2026-03-01");

    List<Map<String, Object>> rows = rows(COMMITTEE_CLERK, "gxq-jg", prefix);
    Map<String, Object> open = rows.stream().filter(r -> atApproval.getBusinessKey().equals(r.get("caseNumber")))
        .findFirst().orElseThrow();
    assertThat(open).containsEntry("candidateName", prefix + "审批").containsEntry("branchName", "规土局党支部")
        .containsEntry("stage", "第四阶段 预备党员的接收").containsEntry("step", "17 上级党委审批")
        .containsEntry("holder", "高新区机关党委 审批人").containsEntry("dueDate", approvalDue.toString())
        .containsEntry("overdue", false).containsEntry("ended", false)
        .containsEntry("daysOpen", 415).containsEntry("processInstanceId", atApproval.getId());
    assertThat((Map<String, Object>) open.get("dates")).containsEntry("applicationDate", "2025-01-10")
        .containsEntry("talkDate", "2025-01-20").containsEntry("activistDate", "2025-02-10")
        .containsEntry("targetDate", "2026-02-12").containsEntry("meetingDate", "2026-02-25")
        .containsEntry("admissionApprovalDate", null).containsEntry("fullMembershipDate", null);

    Map<String, Object> ended = rows.stream().filter(r -> withdrawn.getBusinessKey().equals(r.get("caseNumber")))
        .findFirst().orElseThrow();
    assertThat(ended).containsEntry("ended", true).containsEntry("stage", "已结案")
        .containsEntry("result", "撤回或终止").containsEntry("holder", "").containsEntry("dueDate", null);

    ResponseEntity<Map> onlyOpen = rest.withBasicAuth(COMMITTEE_CLERK, "demo").getForEntity(
        "/api/development-cases/register?organizationId=gxq-jg&q={q}&state=open", Map.class, prefix);
    assertThat((List<Map<String, Object>>) onlyOpen.getBody().get("items")).extracting(r -> r.get("caseNumber"))
        .containsExactly(atApproval.getBusinessKey());
    assertThat(((Number) onlyOpen.getBody().get("total")).intValue()).isEqualTo(1);
    assertThat((List<Map<String, Object>>) onlyOpen.getBody().get("dateColumns")).extracting(c -> c.get("title"))
        .startsWith("递交入党申请书", "谈话", "确定为入党积极分子", "确定为发展对象");
    assertThat(onlyOpen.getBody()).containsEntry("organizationName", "高新区机关党委");
  }

  @Test
  void theRegistersSpreadsheetHasABoldFrozenHeaderAnAutofilterAndRealDateCells() throws Exception {
    String prefix = unique("台账丙");
    ProcessInstance pi = caseOf("guitu", prefix + "表格");
    complete(pi, APPLICANT_TALK, BRANCH_CLERK, "talkDate", "2025-01-20", "talkerName", "马建国", "talkRecord", "谈话");
    today("2025-01-25");

    ResponseEntity<byte[]> response = rest.withBasicAuth(COMMITTEE_CLERK, "demo").getForEntity(
        "/api/development-cases/register.xlsx?organizationId=gxq-jg&q={q}", byte[].class, prefix);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType().toString())
        .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(response.getHeaders().getContentDisposition().getFilename()).startsWith("高新区机关党委发展党员台账-");
    assertThat(rest.withBasicAuth(BRANCH_CLERK, "demo").getForEntity(
        "/api/development-cases/register.xlsx?organizationId=gxq-jg", byte[].class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
      XSSFSheet sheet = book.getSheet("发展党员台账");
      Row header = sheet.getRow(0);
      List<String> titles = new ArrayList<>();
      for (Cell cell : header) {
        titles.add(cell.getStringCellValue());
        assertThat(book.getFontAt(cell.getCellStyle().getFontIndex()).getBold()).as("%s bold", cell).isTrue();
      }
      assertThat(titles).containsExactly("案件编号", "申请人", "党支部", "阶段", "当前步骤", "办理人", "办理期限", "已历天数",
          "状态", "递交入党申请书", "谈话", "确定为入党积极分子", "确定为发展对象", "支部大会讨论接收", "上级党委审批", "预备期满",
          "审批转正", "转为正式党员", "结案日期");
      PaneInformation pane = sheet.getPaneInformation();
      assertThat(pane.isFreezePane()).isTrue();
      assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 1);
      assertThat(pane.getVerticalSplitPosition()).isEqualTo((short) 0);
      assertThat(sheet.getLastRowNum()).isEqualTo(1);
      assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:S2");

      Row row = sheet.getRow(1);
      assertText(row.getCell(0), pi.getBusinessKey());
      assertText(row.getCell(1), prefix + "表格");
      assertText(row.getCell(2), "规土局党支部");
      assertText(row.getCell(3), "第二阶段 入党积极分子的确定和培养教育");
      assertText(row.getCell(4), "3 推荐和确定入党积极分子");
      assertText(row.getCell(5), "规土局党支部 党务工作者");
      assertThat(row.getCell(6).getCellType()).isEqualTo(CellType.BLANK);
      assertThat(row.getCell(7).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(row.getCell(7).getNumericCellValue()).isEqualTo(15.0);
      assertThat(DateUtil.isCellDateFormatted(row.getCell(7))).isFalse();
      assertText(row.getCell(8), "在办");
      assertDate(row.getCell(9), "2025-01-10");
      assertDate(row.getCell(10), "2025-01-20");
      for (int i = 11; i <= 18; i++) {
        assertThat(row.getCell(i).getCellType()).as("column %s", titles.get(i)).isEqualTo(CellType.BLANK);
      }
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void theWelcomePageLinksEachUserThePagesTheirRolesMayUseAndVillageHelpOffersCommitteesByName() {
    // other tests of the suite may give these users more groups: what each role brings is checked, not the whole
    assertThat(pages(COMMITTEE_CLERK)).contains("/records.html", "/overdue.html", "/register.html",
        "/development-cases.html").doesNotContain("/village-help.html");
    assertThat(pages(BRANCH_CLERK)).contains("/records.html", "/overdue.html", "/register.html",
        "/development-cases.html").doesNotContain("/village-help.html");
    assertThat(pages("gxq.supervisor")).contains("/records.html", "/overdue.html", "/register.html",
        "/village-help.html").doesNotContain("/development-cases.html", "/admin.html");
    assertThat(pages("gxq.auditor")).contains("/records.html", "/village-help.html")
        .doesNotContain("/overdue.html", "/register.html", "/development-cases.html", "/admin.html");
    assertThat(pages(ORG_DEPT)).contains("/register.html", "/admin.html").doesNotContain("/development-cases.html");
    // everyone sets their own notifications, a village's clerk with none of the development pages too
    for (String user : List.of(COMMITTEE_CLERK, BRANCH_CLERK, "gxq.supervisor", "gxq.auditor", ORG_DEPT)) {
      assertThat(pages(user)).as(user).contains("/notifications.html");
    }
    assertThat(rest.getForEntity("/api/pages", List.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

    List<Map<String, Object>> committees = rest.withBasicAuth("gxq.supervisor", "demo")
        .getForEntity("/api/village-help/committees", List.class).getBody();
    assertThat(committees).containsExactly(Map.of("id", "gxq", "name", "高新区工委"));
    assertThat(rest.withBasicAuth(BRANCH_CLERK, "demo").getForEntity("/api/village-help/committees", List.class)
        .getBody()).isEmpty();
    ResponseEntity<Map> people = rest.withBasicAuth("gxq.supervisor", "demo")
        .getForEntity("/api/village-help/committees/gxq/people", Map.class);
    assertThat(people.getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<Map> refused = rest.withBasicAuth(BRANCH_CLERK, "demo")
        .getForEntity("/api/village-help/committees/gxq/people", Map.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getBody().get("message").toString()).startsWith("无权查看“高新区工委”的驻村帮包情况");
  }

  @SuppressWarnings("unchecked")
  private List<String> pages(String user) {
    ResponseEntity<List> response = rest.withBasicAuth(user, "demo").getForEntity("/api/pages", List.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return ((List<Map<String, String>>) response.getBody()).stream().map(p -> p.get("href")).toList();
  }

  private static void assertText(Cell cell, String expected) {
    assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
    assertThat(cell.getStringCellValue()).isEqualTo(expected);
  }

  static void assertDate(Cell cell, String expected) {
    assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
    assertThat(DateUtil.isCellDateFormatted(cell)).isTrue();
    assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
    assertThat(cell.getLocalDateTimeCellValue().toLocalDate()).hasToString(expected);
    assertThat(((XSSFCell) cell).getRawValue()).doesNotContain("-");
  }
}
