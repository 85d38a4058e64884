package org.dangjian.flow.development;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dangjian.flow.development.MemberDevelopment.Events.*;
import static org.dangjian.flow.development.MemberDevelopment.Tasks.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockFilterConfig;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * 全程纪实 of a walked member development case: JSON, page, PDF, xlsx, and the archive after history cleanup.
 * Through MockMvc with the application's HTTP Basic filter, in the process tests' own application context (a
 * web server context of its own would be one more engine named "default" for the REST filter to look up).
 */
class FullProcessRecordTest extends DevelopmentTestSupport {

  private static final String AUDITOR = "gxq.auditor";

  @Autowired DevelopmentCases cases;
  @Autowired WebApplicationContext context;
  @Autowired ObjectMapper json;
  private MockMvc mvc;

  @BeforeEach
  void httpWithBasicAuthentication() throws Exception {
    FilterRegistrationBean<?> registration = context.getBean("engineRestAuthentication", FilterRegistrationBean.class);
    MockFilterConfig config = new MockFilterConfig(context.getServletContext(), registration.getFilterName());
    registration.getInitParameters().forEach(config::addInitParameter);
    Filter filter = registration.getFilter();
    filter.init(config);
    mvc = MockMvcBuilders.webAppContextSetup(context).addFilter(filter, "/api/*").build();
  }

  private MockHttpServletResponse call(HttpMethod method, String user, String password, String url, Object... vars)
      throws Exception {
    var request = MockMvcRequestBuilders.request(method, url, vars);
    if (user != null) {
      request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
    response.setCharacterEncoding("UTF-8");
    return response;
  }

  private MockHttpServletResponse get(String url, Object... vars) throws Exception {
    return call(HttpMethod.GET, AUDITOR, "demo", url, vars);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> getJson(String url, Object... vars) throws Exception {
    MockHttpServletResponse response = get(url, vars);
    assertThat(response.getStatus()).as("GET %s", url).isEqualTo(200);
    return json.readValue(response.getContentAsByteArray(), Map.class);
  }

  /**
   * Steps 2 to 13, a send-back at the pre-review (13), steps 12 to 17 again with a late approval (a violation
   * after the overdue reminder and escalation), then withdrawn while step 18 is open.
   */
  private ProcessInstance walkedCase() {
    ProcessInstance pi = caseAt(PRE_REVIEW);
    complete(pi, PRE_REVIEW, COMMITTEE_CLERK, "preReviewDate", "2026-02-19", "preReviewResult", "sendBack",
        "preReviewNotice", "退回补充", "decisionReason", "缺少群众意见");
    branchReviewAndPreReviewAfterSendBack(pi);
    meetAndTalk(pi);
    fireTimer(pi, APPROVAL_OVERDUE);
    today("2026-09-01");
    complete(pi, ADMISSION_APPROVAL, APPROVER, voted("admissionApprovalDate", "2026-08-30", "admissionDecision", "approve",
        "approvalExtensionReason", "外调函未及时回复"));
    today("2026-09-02");
    login(BRANCH_CLERK);
    try {
      cases.withdraw(pi.getBusinessKey(), DevelopmentCases.WithdrawalKind.APPLICANT_WITHDREW, "本人申请撤回",
          BRANCH_CLERK);
    } finally {
      identityService.clearAuthentication();
    }
    return pi;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> entries(Map<String, Object> record) {
    return (List<Map<String, Object>>) record.get("entries");
  }

  @SuppressWarnings("unchecked")
  private static String value(Map<String, Object> entry, String label) {
    return ((List<Map<String, Object>>) entry.get("values")).stream().filter(f -> label.equals(f.get("label")))
        .map(f -> (String) f.get("value")).findFirst().orElse(null);
  }

  private static Map<String, Object> step(List<Map<String, Object>> entries, String number, int occurrence) {
    return entries.stream().filter(e -> "STEP".equals(e.get("kind")) && number.equals(e.get("stepNumber")))
        .skip(occurrence).findFirst().orElseThrow();
  }

  @Test
  void recordShowsEveryStepInOrderWithActorValuesSendBackViolationAndEnd() throws Exception {
    ProcessInstance pi = walkedCase();
    Map<String, Object> record = getJson("/api/records/{ref}", pi.getBusinessKey());
    assertThat(record).containsEntry("processInstanceId", pi.getId()).containsEntry("caseNumber", pi.getBusinessKey())
        .containsEntry("processKey", MemberDevelopment.PROCESS_KEY).containsEntry("subject", "测试申请人")
        .containsEntry("endActivityId", WITHDRAWN).containsEntry("endName", "已撤回或终止")
        .containsEntry("source", "history");
    List<Map<String, Object>> entries = entries(record);

    assertThat(entries).extracting(e -> ((Number) e.get("seq")).intValue())
        .isEqualTo(java.util.stream.IntStream.rangeClosed(1, entries.size()).boxed().toList());
    assertThat(entries.get(0)).containsEntry("kind", "START").containsEntry("actor", "王芳（guitu.clerk）");
    assertThat(value(entries.get(0), "姓名")).isEqualTo("测试申请人");
    assertThat(entries.get(0)).containsEntry("stepNumber", "1").containsEntry("name", "递交入党申请书");
    assertThat(entries.get(entries.size() - 1)).containsEntry("kind", "END").containsEntry("activityId", WITHDRAWN);
    assertThat(entries.get(entries.size() - 2)).containsEntry("kind", "EVENT").containsEntry("name", "撤回或终止");
    assertThat(entries.stream().filter(e -> "STEP".equals(e.get("kind"))).map(e -> (String) e.get("stepNumber")))
        .containsExactly("2", "3", "4", "5", "6", "6", "7", "8", "9", "10", "11", "12", "13", "12", "13", "14", "15",
            "16", "17", "18");

    Map<String, Object> determine = step(entries, "3", 0);
    assertThat(determine).containsEntry("name", "推荐和确定入党积极分子").containsEntry("actor", "王芳（guitu.clerk）")
        .containsEntry("time", "2025-02-15 00:00");
    assertThat(value(determine, "支委会决定")).isEqualTo("确定为入党积极分子");
    assertThat(value(determine, "推荐方式")).isEqualTo("党员推荐");
    assertThat(value(determine, "支委会研究日期")).isEqualTo("2025-02-10");
    assertThat(value(step(entries, "15", 0), "实到有表决权的正式党员")).isEqualTo("8");
    assertThat(step(entries, "15", 0)).containsEntry("actor", "吴婷（guitu.clerk2）");
    assertThat(step(entries, "17", 0)).containsEntry("actor", step(entries, "17", 0).get("actor"))
        .extracting(e -> e.get("actor")).asString().endsWith("（jg.approver）");
    assertThat(step(entries, "18", 0)).containsEntry("open", "未办理，已取消").containsEntry("actor", null);

    // the send-back follows the pre-review that sent the case back, with its reason
    Map<String, Object> firstPreReview = step(entries, "13", 0);
    assertThat(value(firstPreReview, "理由/说明")).isEqualTo("缺少群众意见");
    Map<String, Object> afterIt = entries.get(entries.indexOf(firstPreReview) + 1);
    assertThat(afterIt).containsEntry("kind", "EVENT").containsEntry("name", "退回");
    assertThat((String) afterIt.get("note")).contains("缺少群众意见");

    // reminder and escalation when the approval was overdue, the violation right after the late approval
    Map<String, Object> approval = step(entries, "17", 0);
    Map<String, Object> violation = entries.get(entries.indexOf(approval) + 1);
    assertThat(violation).containsEntry("kind", "EVENT").containsEntry("name", "违规记录");
    assertThat(value(violation, "规则")).isEqualTo("ADMISSION_APPROVAL_WITHIN_6_MONTHS");
    assertThat(entries.subList(0, entries.indexOf(approval))).extracting(e -> e.get("name"))
        .contains("提醒", "督办上报");
    assertThat(entries.subList(entries.indexOf(approval), entries.size())).extracting(e -> e.get("name"))
        .contains("撤回或终止");

    assertThat(getJson("/api/records/{ref}", pi.getId())).containsEntry("caseNumber", pi.getBusinessKey());
  }

  @Test
  void pageIsChineseAndPdfEmbedsAChineseFontAndXlsxHasARowPerEntry() throws Exception {
    ProcessInstance pi = walkedCase();
    MockHttpServletResponse page = get("/api/records/{id}.html", pi.getId());
    assertThat(page.getStatus()).isEqualTo(200);
    assertThat(page.getContentType()).startsWith("text/html");
    assertThat(page.getContentAsString()).contains("发展党员全程纪实表", pi.getBusinessKey(), "15", "支部大会讨论",
        "支委会决定：确定为入党积极分子", "违规记录", "退回");
    Files.createDirectories(Path.of("target", "records"));
    Files.writeString(Path.of("target", "records", "walked-case.html"), page.getContentAsString());

    MockHttpServletResponse pdf = get("/api/records/{id}.pdf", pi.getId());
    assertThat(pdf.getStatus()).isEqualTo(200);
    assertThat(pdf.getContentType()).startsWith("application/pdf");
    byte[] bytes = pdf.getContentAsByteArray();
    assertThat(new String(bytes, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    String raw = new String(bytes, StandardCharsets.ISO_8859_1);
    assertThat(raw).contains("/FontFile2").contains("WenQuanYi").contains("/Identity-H");
    Path out = Path.of("target", "records");
    Files.createDirectories(out);
    Files.write(out.resolve("walked-case.pdf"), bytes);

    MockHttpServletResponse xlsx = get("/api/records/{id}.xlsx", pi.getId());
    assertThat(xlsx.getStatus()).isEqualTo(200);
    Map<String, Object> record = getJson("/api/records/{id}", pi.getId());
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
      Sheet sheet = book.getSheet("全程纪实");
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("发展党员全程纪实表");
      assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo(pi.getBusinessKey());
      int header = 4;
      assertThat(sheet.getRow(header).getCell(7).getStringCellValue()).isEqualTo("填写内容及说明");
      assertThat(sheet.getLastRowNum() - header).isEqualTo(entries(record).size());
      Row determine = null;
      for (int i = header + 1; i <= sheet.getLastRowNum(); i++) {
        if ("3".equals(sheet.getRow(i).getCell(2).getStringCellValue())) {
          determine = sheet.getRow(i);
        }
      }
      assertThat(determine).isNotNull();
      assertThat(determine.getCell(4).getStringCellValue()).isEqualTo("王芳（guitu.clerk）");
      assertThat(determine.getCell(7).getStringCellValue()).contains("支委会决定：确定为入党积极分子");
    }
  }

  /**
   * A paper case recorded today (补录) up to step 17: every step row shows the date its form recorded beside the
   * moment it was entered, on the page, in the PDF and in the spreadsheet.
   */
  @Test
  void paperCaseRecordShowsEachStepsOwnDateBesideTheMomentItWasEntered() throws Exception {
    ProcessInstance pi = paperCaseAt(ADMISSION_APPROVAL, "2026-12-02");
    complete(pi, ADMISSION_APPROVAL, APPROVER, voted("admissionApprovalDate", "2026-02-27", "admissionDecision", "approve"));

    List<Map<String, Object>> entries = entries(getJson("/api/records/{id}", pi.getId()));
    assertThat(entries.get(0)).containsEntry("kind", "START").containsEntry("date", "2025-01-10")
        .containsEntry("dateLabel", "递交申请书日期").containsEntry("time", "2026-12-02 00:00");
    assertThat(step(entries, "2", 0)).containsEntry("date", "2025-01-20").containsEntry("dateLabel", "谈话日期")
        .containsEntry("time", "2026-12-02 00:00");
    assertThat(step(entries, "3", 0)).containsEntry("date", "2025-02-10").containsEntry("dateLabel", "支委会研究日期");
    assertThat(step(entries, "6", 1)).containsEntry("date", "2026-02-10").containsEntry("dateLabel", "考察日期");
    assertThat(step(entries, "15", 0)).containsEntry("date", "2026-02-25");
    assertThat(step(entries, "17", 0)).containsEntry("date", "2026-02-27").containsEntry("dateLabel", "审批日期");
    // a step whose form records no date shows none, and none shows the day it was typed in
    assertThat(step(entries, "5", 0)).containsEntry("date", null);
    assertThat(entries).extracting(e -> e.get("date")).doesNotContain("2026-12-02");
    assertThat(entries).filteredOn(e -> "EVENT".equals(e.get("kind"))).isEmpty();

    String page = get("/api/records/{id}.html", pi.getId()).getContentAsString();
    assertThat(page).contains("<th>日期</th><th>录入时间</th>")
        .contains("<td class=\"date\">2025-01-20<div class=\"date-label\">谈话日期</div></td>"
            + "<td class=\"date\">2026-12-02 00:00</td>");
    Files.createDirectories(Path.of("target", "records"));
    Files.writeString(Path.of("target", "records", "paper-case.html"), page);

    byte[] pdf = get("/api/records/{id}.pdf", pi.getId()).getContentAsByteArray();
    Files.write(Path.of("target", "records", "paper-case.pdf"), pdf);
    com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
    StringBuilder text = new StringBuilder();
    com.lowagie.text.pdf.parser.PdfTextExtractor extractor = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
    for (int p = 1; p <= reader.getNumberOfPages(); p++) {
      text.append(extractor.getTextFromPage(p));
    }
    assertThat(text.toString().replaceAll("\\s+", "")).contains("日期录入时间", "2025-01-20谈话日期2026-12-0200:00",
        "2026-02-27审批日期");

    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(
        get("/api/records/{id}.xlsx", pi.getId()).getContentAsByteArray()))) {
      Sheet sheet = book.getSheet("全程纪实");
      int header = 4;
      assertThat(sheet.getRow(header).getCell(5).getStringCellValue()).isEqualTo("日期");
      assertThat(sheet.getRow(header).getCell(6).getStringCellValue()).isEqualTo("录入时间");
      Row talk = null;
      for (int i = header + 1; i <= sheet.getLastRowNum(); i++) {
        if ("2".equals(sheet.getRow(i).getCell(2).getStringCellValue())) {
          talk = sheet.getRow(i);
        }
      }
      assertThat(talk).isNotNull();
      assertThat(talk.getCell(5).getLocalDateTimeCellValue().toLocalDate()).hasToString("2025-01-20");
      assertThat(talk.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
      assertThat(talk.getCell(5).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
      assertThat(org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(talk.getCell(5))).isTrue();
      // the moment it was entered: a date-time cell as well, not text
      assertThat(talk.getCell(6).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
      assertThat(talk.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd hh:mm");
      assertThat(talk.getCell(6).getLocalDateTimeCellValue()).hasToString("2026-12-02T00:00");
      // the table's header bold and frozen, with an autofilter from the header to the last entry
      for (org.apache.poi.ss.usermodel.Cell cell : sheet.getRow(header)) {
        assertThat(book.getFontAt(cell.getCellStyle().getFontIndex()).getBold()).isTrue();
      }
      assertThat(sheet.getRow(header).getCell(8).getStringCellValue()).isEqualTo("状态");
      assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
      assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) (header + 1));
      assertThat(((org.apache.poi.xssf.usermodel.XSSFSheet) sheet).getCTWorksheet().getAutoFilter().getRef())
          .isEqualTo("A" + (header + 1) + ":I" + (sheet.getLastRowNum() + 1));
      // the case's start in the header rows: a date-time cell
      assertThat(sheet.getRow(2).getCell(3).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
      assertThat(org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(sheet.getRow(2).getCell(3))).isTrue();
    }
  }

  @Test
  void recordOutlivesTheHistoryCleanupInTheArchive() throws Exception {
    ProcessInstance pi = walkedCase();
    HistoricProcessInstance ended = historyService.createHistoricProcessInstanceQuery().processInstanceId(pi.getId())
        .singleResult();
    assertThat(ended.getRemovalTime()).as("removal time from the history time to live").isNotNull();
    Map<String, Object> before = getJson("/api/records/{id}", pi.getId());

    ClockUtil.setCurrentTime(new Date(ended.getRemovalTime().getTime() + 24L * 3600 * 1000));
    Job cleanup = historyService.cleanUpHistoryAsync(true);
    // the cleanup removes a batch per entity type and run; it reschedules itself until nothing is left
    for (int run = 0; run < 1000 && historyLeft(pi) > 0; run++) {
      managementService.executeJob(cleanup.getId());
    }
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(pi.getId()).count()).isZero();

    Map<String, Object> after = getJson("/api/records/{ref}", pi.getBusinessKey());
    assertThat(after).containsEntry("source", "archive").containsEntry("processInstanceId", pi.getId());
    assertThat(after.get("entries")).isEqualTo(before.get("entries"));
    assertThat(get("/api/records/{id}.html", pi.getId()).getContentAsString()).contains("永久归档", "支委会决定：确定为入党积极分子");
    byte[] pdf = get("/api/records/{id}.pdf", pi.getId()).getContentAsByteArray();
    assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    Files.createDirectories(Path.of("target", "records"));
    Files.write(Path.of("target", "records", "archived-case.pdf"), pdf);

    // no interface changes a record: writing to it is not a route
    for (HttpMethod write : List.of(HttpMethod.DELETE, HttpMethod.PUT, HttpMethod.POST, HttpMethod.PATCH)) {
      assertThat(call(write, AUDITOR, "demo", "/api/records/{id}", pi.getId()).getStatus()).as("%s", write)
          .isEqualTo(405);
    }
    assertThat(getJson("/api/records/{id}", pi.getId())).isEqualTo(after);
  }

  private long historyLeft(ProcessInstance pi) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).count()
        + historyService.createHistoricTaskInstanceQuery().processInstanceId(pi.getId()).count()
        + historyService.createHistoricDetailQuery().processInstanceId(pi.getId()).count()
        + historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).count();
  }

  @Test
  void violationsReportListsTheCaseAsPageAndSpreadsheet() throws Exception {
    ProcessInstance pi = walkedCase();
    String page = get("/api/records/violations.html").getContentAsString();
    assertThat(page).contains("违规记录", pi.getBusinessKey(), "ADMISSION_APPROVAL_WITHIN_6_MONTHS");
    byte[] xlsx = get("/api/records/violations.xlsx").getContentAsByteArray();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = book.getSheet("违规记录");
      boolean found = false;
      for (Row row : sheet) {
        boolean late = pi.getBusinessKey().equals(row.getCell(1).getStringCellValue())
            && "ADMISSION_APPROVAL_WITHIN_6_MONTHS".equals(row.getCell(4).getStringCellValue());
        if (late) {
          // its due and actual dates and the moment recorded as date cells
          for (int column : new int[] {6, 7, 9}) {
            assertThat(org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(row.getCell(column))).isTrue();
          }
        }
        found |= late;
      }
      assertThat(found).isTrue();
      assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
    }
  }

  @Test
  void recordsNeedCredentialsAndUnknownCasesAreNotFound() throws Exception {
    assertThat(call(HttpMethod.GET, null, null, "/api/records/violations.html").getStatus()).isEqualTo(401);
    assertThat(call(HttpMethod.GET, null, null, "/api/records/{ref}.pdf", "guitu-1999-0001").getStatus())
        .isEqualTo(401);
    assertThat(call(HttpMethod.GET, "no.such.user", "wrong", "/api/records/{ref}", "x").getStatus()).isEqualTo(401);
    MockHttpServletResponse unknown = get("/api/records/{ref}", "guitu-1999-9999");
    assertThat(unknown.getStatus()).isEqualTo(404);
    assertThat(unknown.getContentAsString()).contains("没有该案件的全程纪实");
  }
}
