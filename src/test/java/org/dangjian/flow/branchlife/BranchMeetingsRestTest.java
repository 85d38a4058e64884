package org.dangjian.flow.branchlife;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.dangjian.flow.audit.CaseRecord;
import org.dangjian.flow.audit.CaseRecord.Entry;
import org.dangjian.flow.audit.CaseRecord.Kind;
import org.dangjian.flow.audit.CaseRecords;
import org.dangjian.flow.organization.OrganizationKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** What the committee and Tasklist see: the start form, the per-period overview and its xlsx, the record. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BranchMeetingsRestTest extends BranchMeetingsTestSupport {

  @Autowired TestRestTemplate rest;
  @Autowired CaseRecords records;

  private static Map<String, Object> form(Object... keyValues) {
    Map<String, Object> vars = new java.util.HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      vars.put((String) keyValues[i], Map.of("value", keyValues[i + 1]));
    }
    return Map.of("variables", vars);
  }

  @Test
  void theStartFormStartsTheYearOnceAndTheSecondLaunchIsRefusedWith400() {
    String committee = newOrganization("gxq", OrganizationKind.PARTY_COMMITTEE);
    newOrganization(committee, OrganizationKind.BRANCH);
    join(COMMITTEE_CLERK, committee + "-clerk");
    Map<String, Object> form = form("committeeId", committee, "year", 2025);
    ResponseEntity<Map> first = rest.withBasicAuth(COMMITTEE_CLERK, "demo").postForEntity(
        "/engine-rest/process-definition/key/{key}/submit-form", form, Map.class, BranchMeetings.CAMPAIGN_KEY);
    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<Map> second = rest.withBasicAuth(COMMITTEE_CLERK, "demo").postForEntity(
        "/api/branch-meetings/years", Map.of("committeeId", committee, "year", 2025), Map.class);
    assertThat(second.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(second.getBody().toString()).contains("不能重复启动");
  }

  @Test
  void aMeetingRecordedThroughTasklistsRestIsInTheOverviewTheXlsxAndTheBranchsRecord() throws Exception {
    String branch = newBranch();
    today("2025-02-10");
    ProcessInstance pi = startYear(branch, 2025);
    ResponseEntity<Map> future = rest.withBasicAuth(BRANCH_CLERK, "demo").postForEntity(
        "/engine-rest/task/{id}/submit-form", form("meetingKind", "committeeMeeting", "meetingDate", "2099-01-01",
            "topic", "研究发展党员", "attendeesEntitled", 5, "attendeesPresent", 5, "minutes", "记录"), Map.class,
        recordTask(pi).getId());
    assertThat(future.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(future.getBody().get("message").toString()).contains("不能晚于今天");
    ResponseEntity<Map> recorded = rest.withBasicAuth(BRANCH_CLERK, "demo").postForEntity(
        "/engine-rest/task/{id}/submit-form", form("meetingKind", "committeeMeeting", "meetingDate", "2025-01-08",
            "topic", "研究发展党员", "firstTopic", "学习党章", "attendeesEntitled", 5, "attendeesPresent", 4,
            "absentees", "李二（病假）", "minutes", "支委会记录"), Map.class, recordTask(pi).getId());
    assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    // a key the form does not have is refused
    ResponseEntity<Map> extra = rest.withBasicAuth(BRANCH_CLERK, "demo").postForEntity(
        "/engine-rest/task/{id}/submit-form", form("meetingKind", "themeDay", "meetingDate", "2025-01-08",
            "topic", "主题党日", "attendeesEntitled", 5, "attendeesPresent", 5, "minutes", "记录",
            "committeeClerkGroup", "guitu-clerk"), Map.class, recordTask(pi).getId());
    assertThat(extra.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    fireTimer(pi, BranchMeetings.Events.MONTH_ENDS);

    ResponseEntity<List> overview = rest.withBasicAuth(COMMITTEE_CLERK, "demo")
        .getForEntity("/api/branch-meetings/committees/gxq-jg/2025", List.class);
    assertThat(overview.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<Map<String, Object>> rows = ((List<Map<String, Object>>) overview.getBody()).stream()
        .filter(r -> branch.equals(r.get("branchId"))).toList();
    Map<String, Object> january = rows.stream().filter(r -> "2025-01".equals(r.get("period"))).findFirst()
        .orElseThrow();
    assertThat(january).containsEntry("due", 3).containsEntry("held", 1).containsEntry("meetings", 1)
        .containsEntry("attendanceRate", 0.8).containsEntry("violations", 2);
    assertThat(rows).extracting(r -> r.get("period")).containsExactly("2025-01", "2025-02", "2025-Q1");

    ResponseEntity<List> own = rest.withBasicAuth(BRANCH_CLERK, "demo")
        .getForEntity("/api/branch-meetings/branches/{b}/2025", List.class, branch);
    assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(rest.withBasicAuth("fayuan.clerk", "demo").getForEntity("/api/branch-meetings/branches/{b}/2025",
        Map.class, branch).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth(BRANCH_CLERK, "demo").getForEntity("/api/branch-meetings/committees/gxq-jg/2025",
        Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("jg.supervisor", "demo").getForEntity(
        "/api/branch-meetings/committees/gxq-jg/2025", List.class).getStatusCode()).isEqualTo(HttpStatus.OK);

    assertThat(rest.withBasicAuth(COMMITTEE_CLERK, "demo").getForEntity("/api/branch-meetings/committees",
        List.class).getBody()).asString().contains("gxq-jg", "高新区机关党委");
    assertThat(rest.withBasicAuth("fayuan.clerk", "demo").getForEntity("/api/branch-meetings/committees",
        List.class).getBody()).isEmpty();
    assertThat(rest.withBasicAuth(COMMITTEE_CLERK, "demo").getForEntity("/api/pages", List.class).getBody())
        .asString().contains("/branch-meetings.html");
    assertThat(rest.withBasicAuth("fayuan.clerk", "demo").getForEntity("/api/pages", List.class).getBody())
        .asString().doesNotContain("/branch-meetings.html");
    ResponseEntity<String> page = rest.withBasicAuth(COMMITTEE_CLERK, "demo").getForEntity("/branch-meetings.html",
        String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("三会一课 · 月查季审", "/js/branch-meetings.js");
    assertThat(rest.getForEntity("/branch-meetings.html", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);

    ResponseEntity<byte[]> xlsx = rest.withBasicAuth(COMMITTEE_CLERK, "demo")
        .getForEntity("/api/branch-meetings/committees/gxq-jg/2025.xlsx", byte[].class);
    assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
      assertThat(book.getSheet("三会一课").getRow(0).getCell(0).getStringCellValue()).isEqualTo("党支部");
      boolean found = false;
      for (var row : book.getSheet("三会一课")) {
        found |= ("测试支部" + branch).equals(row.getCell(0).getStringCellValue())
            && "2025年1月".equals(row.getCell(1).getStringCellValue()) && "80.0%".equals(row.getCell(5)
                .getStringCellValue());
      }
      assertThat(found).isTrue();
    }

    CaseRecord record = records.find(pi.getId(), "gxq.auditor").orElseThrow();
    Entry meeting = record.entries().stream().filter(e -> e.kind() == Kind.STEP).findFirst().orElseThrow();
    assertThat(meeting.activityId()).isEqualTo(BranchMeetings.Tasks.RECORD_MEETING);
    assertThat(meeting.actor()).endsWith("（" + BRANCH_CLERK + "）");
    assertThat(meeting.values()).extracting(CaseRecord.Field::label).contains("会议类型", "会议日期", "实到人数", "会议记录");
    assertThat(record.entries()).filteredOn(e -> e.kind() == Kind.EVENT).extracting(Entry::note)
        .anySatisfy(d -> assertThat(d).contains("2025年1月未召开主题党日"));
  }
}
