package org.dangjian.flow.administration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.dangjian.flow.development.MemberDevelopment.Tasks;
import org.dangjian.flow.system.StepRefusedException;
import org.dangjian.flow.system.WorkingDayCalendar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
 * 节假日与规则 through /api/admin: a saved holiday counts in the working-day deadlines at once, a rule-set change
 * reaches only the cases started after it, every bad request is a 400 naming the field and changes nothing, and only
 * an administrator changes these global settings. The calendar and the rule set are the shared database's: each test
 * puts back what it changed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CalendarAndRuleSetRestTest extends org.dangjian.flow.development.DevelopmentTestSupport {

  private static final String YEAR = "/api/admin/calendar/2026";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired WorkingDayCalendar calendar;

  private Map<String, Object> original2026;
  private String originalRuleSet;
  private int originalMeetingDays;

  private TestRestTemplate admin() {
    return rest.withBasicAuth("admin", "admin");
  }

  private ResponseEntity<Map> put(TestRestTemplate as, String path, Object body) {
    return as.exchange(path, HttpMethod.PUT, new HttpEntity<>(body), Map.class);
  }

  private ResponseEntity<Map> putJson(String path, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return admin().exchange(path, HttpMethod.PUT, new HttpEntity<>(json, headers), Map.class);
  }

  private Map<String, Object> get(TestRestTemplate as, String path) {
    ResponseEntity<Map> response = as.getForEntity(path, Map.class);
    assertThat(response.getStatusCode()).as("%s %s", path, response.getBody()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  @BeforeEach
  void remember() {
    original2026 = get(admin(), YEAR);
    Map<String, Object> ruleSet = get(admin(), "/api/admin/rule-set");
    originalRuleSet = (String) ruleSet.get("ruleSet");
    originalMeetingDays = (Integer) ((Map<?, ?>) ruleSet.get("meetingRectification")).get("days");
  }

  @AfterEach
  void restore() {
    assertThat(put(admin(), YEAR, request(days(original2026, "holidays"), days(original2026, "makeUpWorkdays")))
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(put(admin(), "/api/admin/rule-set", Map.of("ruleSet", originalRuleSet, "meetingRectificationDays",
        originalMeetingDays)).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void theMeetingRectificationDaysAreEditedWithTheRuleSetLoggedAndABadValueChangesNothing() {
    Map<String, Object> shown = get(admin(), "/api/admin/rule-set");
    assertThat((Map<String, Object>) shown.get("meetingRectification")).containsEntry("defaultDays", 30)
        .containsEntry("min", 1).containsEntry("max", 90);
    long logged = changes("ruleSet", "meetingRectificationDays").size();
    int other = originalMeetingDays == 21 ? 22 : 21;
    ResponseEntity<Map> saved = put(admin(), "/api/admin/rule-set", Map.of("ruleSet", originalRuleSet,
        "meetingRectificationDays", other));
    assertThat(saved.getStatusCode()).as("%s", saved.getBody()).isEqualTo(HttpStatus.OK);
    assertThat((Map<String, Object>) saved.getBody().get("meetingRectification")).containsEntry("days", other)
        .containsEntry("changedBy", "admin");
    List<Map<String, Object>> entries = changes("ruleSet", "meetingRectificationDays");
    assertThat(entries).hasSize((int) logged + 1);
    assertThat(entries.get(entries.size() - 1).get("BEFORE_JSON")).isEqualTo("{\"days\":" + originalMeetingDays + "}");
    assertThat(entries.get(entries.size() - 1).get("AFTER_JSON")).isEqualTo("{\"days\":" + other + "}");
    // without the field the days stay as they are (a client that only knows the rule set)
    assertThat(put(admin(), "/api/admin/rule-set", Map.of("ruleSet", originalRuleSet)).getBody()
        .get("meetingRectification").toString()).contains("days=" + other);

    long version = jdbc.queryForObject("select version from global_setting where name = 'branchMeetingRectificationDays'",
        Long.class);
    long ruleSetVersion = jdbc.queryForObject("select version from global_setting where name = 'ruleSet'", Long.class);
    long all = count("admin_change_log");
    String otherRuleSet = "baseline".equals(originalRuleSet) ? "strict" : "baseline";
    for (Object bad : new Object[] {0, 91, -3, "abc", "", " ", "3.5", 100000, true}) {
      Map<String, Object> body = new HashMap<>();
      // a valid rule set beside the bad days: neither is saved
      body.put("ruleSet", otherRuleSet);
      body.put("meetingRectificationDays", bad);
      ResponseEntity<Map> refused = put(admin(), "/api/admin/rule-set", body);
      assertThat(refused.getStatusCode()).as("%s %s", bad, refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody()).as("%s", bad).containsEntry("field", "meetingRectificationDays");
      assertThat(refused.getBody().get("message").toString()).as("%s", bad)
          .contains("三会一课整改期限（天）（meetingRectificationDays）");
    }
    assertThat(putJson("/api/admin/rule-set", "{\"ruleSet\": \"" + otherRuleSet
        + "\", \"meetingRectificationDays\": {}}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(jdbc.queryForObject("select version from global_setting where name = 'branchMeetingRectificationDays'",
        Long.class)).isEqualTo(version);
    assertThat(jdbc.queryForObject("select version from global_setting where name = 'ruleSet'", Long.class))
        .isEqualTo(ruleSetVersion);
    assertThat(count("admin_change_log")).isEqualTo(all);
    assertThat(get(admin(), "/api/admin/rule-set")).containsEntry("ruleSet", originalRuleSet);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> days(Map<String, Object> year, String list) {
    return new ArrayList<>((List<Map<String, Object>>) year.get(list));
  }

  private static Map<String, Object> request(List<?> holidays, List<?> makeUpWorkdays) {
    Map<String, Object> body = new HashMap<>();
    body.put("holidays", holidays);
    body.put("makeUpWorkdays", makeUpWorkdays);
    return body;
  }

  private static Map<String, Object> day(String date, String name) {
    Map<String, Object> day = new HashMap<>();
    day.put("date", date);
    day.put("name", name);
    return day;
  }

  /** 2026 as shipped with one more holiday (Wednesday 2026-03-04) and one more make-up Saturday (2026-03-07). */
  private Map<String, Object> withMarchHolidayAndMakeUpDay() {
    List<Map<String, Object>> holidays = days(original2026, "holidays");
    holidays.add(day("2026-03-04", "测试假日"));
    List<Map<String, Object>> makeUps = days(original2026, "makeUpWorkdays");
    makeUps.add(day("2026-03-07", "测试调休上班"));
    return request(holidays, makeUps);
  }

  private long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }

  private List<Map<String, Object>> changes(String entity, String entityId) {
    return jdbc.queryForList("select * from admin_change_log where entity = ? and entity_id = ? order by id", entity,
        entityId);
  }

  private ProcessInstance strictishCaseAtPublicity() {
    today("2025-01-20");
    // applied in July 2024: the strict rule set's six months to activist have passed by step 3
    ProcessInstance pi = start(application("2024-07-01", "1990-03-03"));
    talk(pi);
    makeActivist(pi);
    cultivateOneYear(pi);
    determineTarget(pi);
    return pi;
  }

  @Test
  void aSavedHolidayAndMakeUpDayCountAtOnceInWorkingDaysAndInARunningCasesPublicity() {
    LocalDate monday = LocalDate.parse("2026-03-02");
    assertThat(calendar.endOfWorkingDays(monday, 5)).isEqualTo(LocalDate.parse("2026-03-06"));
    assertThat(put(admin(), "/api/admin/rule-set", Map.of("ruleSet", "strict")).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    ProcessInstance pi = strictishCaseAtPublicity();
    assertThat(task(pi, Tasks.TARGET_PUBLICITY)).isNotNull();
    long logged = changes("calendar", "2026").size();

    ResponseEntity<Map> saved = put(admin(), YEAR, withMarchHolidayAndMakeUpDay());
    assertThat(saved.getStatusCode()).as("%s", saved.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(saved.getBody().get("holidays").toString()).contains("2026-03-04").contains("测试假日")
        .contains("星期三");
    assertThat(saved.getBody().get("makeUpWorkdays").toString()).contains("2026-03-07").contains("星期六");

    // Mon 2, Tue 3, (Wed 4 off), Thu 5, Fri 6, Sat 7 worked
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-03-04"))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-03-07"))).isTrue();
    assertThat(calendar.workingDaysBetween(monday, LocalDate.parse("2026-03-06"))).isEqualTo(4);
    assertThat(calendar.endOfWorkingDays(monday, 5)).isEqualTo(LocalDate.parse("2026-03-07"));
    // the calendar is the year's fact: a case already under way counts by it too
    today("2026-03-09");
    assertThatThrownBy(() -> complete(pi, Tasks.TARGET_PUBLICITY, BRANCH_CLERK, "publicityStartDate", "2026-03-02",
        "publicityEndDate", "2026-03-06", "publicityResult", "yes")).isInstanceOf(StepRefusedException.class)
        .hasMessageContaining("4个工作日").hasMessageContaining("最早可于 2026-03-07 结束");

    List<Map<String, Object>> entries = changes("calendar", "2026");
    assertThat(entries).hasSize((int) logged + 1);
    Map<String, Object> entry = entries.get(entries.size() - 1);
    assertThat(entry.get("CHANGED_BY")).isEqualTo("admin");
    assertThat(entry.get("ACTION")).isEqualTo("update");
    assertThat(entry.get("BEFORE_JSON").toString()).contains("\"2026-10-01\"").doesNotContain("测试假日");
    assertThat(entry.get("AFTER_JSON").toString()).contains("{\"date\":\"2026-03-04\",\"name\":\"测试假日\"}")
        .contains("{\"date\":\"2026-03-07\",\"name\":\"测试调休上班\"}");
    // saving the same year again is no change: nothing logged
    assertThat(put(admin(), YEAR, withMarchHolidayAndMakeUpDay()).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(changes("calendar", "2026")).hasSize((int) logged + 1);

    // back to the shipped calendar: the same five days are enough again
    assertThat(put(admin(), YEAR, request(days(original2026, "holidays"), days(original2026, "makeUpWorkdays")))
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    complete(pi, Tasks.TARGET_PUBLICITY, BRANCH_CLERK, "publicityStartDate", "2026-03-02", "publicityEndDate",
        "2026-03-06", "publicityResult", "yes");
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(Tasks.TARGET_PUBLICITY).count()).isZero();
  }

  @Test
  void aRuleSetChangeAppliesToCasesStartedAfterItAndNotToOnesStartedBefore() {
    assertThat(put(admin(), "/api/admin/rule-set", Map.of("ruleSet", "baseline")).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    today("2025-01-20");
    ProcessInstance before = start(application("2025-01-10", "1992-02-02"));
    long logged = changes("ruleSet", "ruleSet").size();

    ResponseEntity<Map> strict = put(admin(), "/api/admin/rule-set", Map.of("ruleSet", "strict"));
    assertThat(strict.getStatusCode()).as("%s", strict.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(strict.getBody()).containsEntry("ruleSet", "strict").containsEntry("changedBy", "admin")
        .containsEntry("editable", true);
    ProcessInstance after = start(application("2025-01-10", "1993-03-03"));

    assertThat(runtimeService.getVariable(before.getId(), "ruleSet")).isEqualTo("baseline");
    assertThat(runtimeService.getVariable(after.getId(), "ruleSet")).isEqualTo("strict");
    assertThat(runtimeService.getVariable(after.getId(), "targetPublicityRequired")).isEqualTo(true);
    // step 3 a month after the application: the earlier case keeps the baseline (no minimum), the later one is strict
    for (ProcessInstance pi : List.of(before, after)) {
      today("2025-01-20");
      complete(pi, Tasks.APPLICANT_TALK, BRANCH_CLERK, "talkDate", "2025-01-20", "talkerName", "马建国",
          "talkRecord", "谈话记录");
    }
    today("2025-02-15");
    Object[] activist = {"recommendationMethod", "memberRecommendation", "recommendationDate", "2025-02-01",
        "committeeMeetingDate", "2025-02-10", "activistDecision", "approve"};
    complete(before, Tasks.DETERMINE_ACTIVIST, BRANCH_CLERK, activist);
    assertThat(task(before, Tasks.FILE_ACTIVIST)).isNotNull();
    assertThatThrownBy(() -> complete(after, Tasks.DETERMINE_ACTIVIST, BRANCH_CLERK, activist))
        .isInstanceOf(StepRefusedException.class).hasMessageContaining("满6个月");

    List<Map<String, Object>> entries = changes("ruleSet", "ruleSet");
    assertThat(entries).hasSize((int) logged + 1);
    Map<String, Object> entry = entries.get(entries.size() - 1);
    assertThat(entry.get("CHANGED_BY")).isEqualTo("admin");
    assertThat(entry.get("BEFORE_JSON")).isEqualTo("{\"ruleSet\":\"baseline\"}");
    assertThat(entry.get("AFTER_JSON")).isEqualTo("{\"ruleSet\":\"strict\"}");
    ResponseEntity<Map> log = admin().getForEntity("/api/admin/change-log?maxResults=1", Map.class);
    assertThat(log.getBody().get("items").toString()).contains("ruleSet").contains("strict");
  }

  @Test
  void theRuleSetPageExplainsBothRuleSetsInChinese() {
    Map<String, Object> answer = get(admin(), "/api/admin/rule-set");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> options = (List<Map<String, Object>>) answer.get("options");
    assertThat(options).extracting(o -> o.get("key")).containsExactly("baseline", "strict");
    assertThat(options.get(0).get("title").toString()).contains("发展党员工作细则");
    assertThat(options.get(0).get("rules").toString()).contains("不设公示期").contains("备案即可");
    assertThat(options.get(1).get("rules").toString()).contains("满6个月").contains("不少于5个工作日")
        .contains("预审后一个月内");
  }

  @Test
  void everyBadCalendarOrRuleSetIsA400NamingTheFieldAndChangesNothing() {
    long logged = count("admin_change_log");
    long days = count("calendar_day");
    long version = jdbc.queryForObject("select version from global_setting where name = 'calendar'", Long.class);
    List<Map<String, Object>> holidays = days(original2026, "holidays");
    List<Map<String, Object>> makeUps = days(original2026, "makeUpWorkdays");

    Map<String, Map<String, Object>> bad = new java.util.LinkedHashMap<>();
    bad.put("year", Map.of("path", "/api/admin/calendar/20x6", "body", request(holidays, makeUps)));
    bad.put("year ", Map.of("path", "/api/admin/calendar/1999", "body", request(List.of(), List.of())));
    bad.put("year  ", Map.of("path", "/api/admin/calendar/2101", "body", request(List.of(), List.of())));
    bad.put("holidays[0].date", Map.of("body", request(List.of(day("2026-02-30", "春节")), List.of())));
    bad.put("holidays[0].date ", Map.of("body", request(List.of(day("2026-2-3", "春节")), List.of())));
    bad.put("holidays[0].date  ", Map.of("body", request(List.of(day("2025-12-31", "元旦")), List.of())));
    bad.put("holidays[0].date   ", Map.of("body", request(List.of(day(null, "元旦")), List.of())));
    bad.put("holidays[1].date", Map.of("body", request(List.of(day("2026-01-01", "元旦"), day("2026-01-01", "元旦")),
        List.of())));
    bad.put("makeUpWorkdays[0].date", Map.of("body", request(List.of(day("2026-01-03", "元旦")),
        List.of(day("2026-01-03", "元旦调休上班")))));
    bad.put("makeUpWorkdays[0].date ", Map.of("body", request(List.of(), List.of(day("2026-03-04", "周三调休")))));
    bad.put("holidays[0].name", Map.of("body", request(List.of(day("2026-01-01", "")), List.of())));
    bad.put("holidays[0].name ", Map.of("body", request(List.of(day("2026-01-01", "\u200b\u200c\ufeff")), List.of())));
    bad.put("holidays[0].name  ", Map.of("body", request(List.of(day("2026-01-01", "元旦\u0000")), List.of())));
    bad.put("holidays[0].name   ", Map.of("body", request(List.of(day("2026-01-01", "一二三四五六七八九十一二三四五六七八九十一")),
        List.of())));
    bad.put("makeUpWorkdays[0].name", Map.of("body", request(List.of(), List.of(day("2026-01-04", null)))));
    bad.put("holidays", Map.of("body", request(null, List.of())));
    bad.put("makeUpWorkdays", Map.of("body", request(List.of(), null)));
    List<Object> withNull = new ArrayList<>();
    withNull.add(null);
    bad.put("holidays[0]", Map.of("body", request(withNull, List.of())));
    List<Map<String, Object>> tooMany = new ArrayList<>();
    for (LocalDate d = LocalDate.parse("2026-01-01"); tooMany.size() < 101; d = d.plusDays(1)) {
      tooMany.add(day(d.toString(), "假日"));
    }
    bad.put("holidays ", Map.of("body", request(tooMany, List.of())));

    for (Map.Entry<String, Map<String, Object>> c : bad.entrySet()) {
      String field = c.getKey().strip();
      ResponseEntity<Map> refused = put(admin(), (String) c.getValue().getOrDefault("path", YEAR),
          c.getValue().get("body"));
      assertThat(refused.getStatusCode()).as("%s %s", c.getKey(), refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody()).as(c.getKey()).containsEntry("field", field).containsKeys("type", "message",
          "detail");
      assertThat(refused.getBody().get("message").toString()).as(c.getKey()).contains(field)
          .containsPattern("[\\u4e00-\\u9fff]");
    }
    assertThat(put(admin(), "/api/admin/calendar/2026", request(List.of(), List.of(day("2026-03-04", "周三"))))
        .getBody().get("message").toString()).contains("星期三").contains("只能是星期六或星期日");
    assertThat(put(admin(), YEAR, request(List.of(day("2026-01-03", "元旦")), List.of(day("2026-01-03", "调休"))))
        .getBody().get("message").toString()).contains("不能既是节假日又是调休上班日");

    // bodies the parser refuses, and the rule set: 400 in the same shape, never a 500
    for (String json : new String[] {"", "{", "{\"holidays\": \"2026-01-01\", \"makeUpWorkdays\": []}",
        "{\"holidays\": [{\"date\": {}, \"name\": \"元旦\"}], \"makeUpWorkdays\": []}", "[]"}) {
      ResponseEntity<Map> refused = putJson(YEAR, json);
      assertThat(refused.getStatusCode()).as("%s %s", json, refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody()).as(json).containsKeys("type", "message");
    }
    for (Object ruleSet : new Object[] {"lenient", "", "STRICT", null, 1}) {
      Map<String, Object> body = new HashMap<>();
      body.put("ruleSet", ruleSet);
      ResponseEntity<Map> refused = put(admin(), "/api/admin/rule-set", body);
      assertThat(refused.getStatusCode()).as("%s %s", ruleSet, refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody()).containsEntry("field", "ruleSet");
      assertThat(refused.getBody().get("message").toString()).contains("规则（ruleSet）").contains("baseline、strict");
    }
    assertThat(putJson("/api/admin/rule-set", "").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    assertThat(count("admin_change_log")).isEqualTo(logged);
    assertThat(count("calendar_day")).isEqualTo(days);
    assertThat(jdbc.queryForObject("select version from global_setting where name = 'calendar'", Long.class))
        .isEqualTo(version);
    assertThat(get(admin(), YEAR)).isEqualTo(original2026);
    assertThat(get(admin(), "/api/admin/rule-set").get("ruleSet")).isEqualTo(originalRuleSet);
    // a year without days is valid to read: the page starts the next year's arrangement from it
    assertThat(get(admin(), "/api/admin/calendar/2099")).containsEntry("holidays", List.of())
        .containsEntry("makeUpWorkdays", List.of());
  }

  @Test
  void anOrganizationDepartmentReadsTheGlobalSettingsButOnlyAnAdministratorChangesThem() {
    long logged = count("admin_change_log");
    TestRestTemplate orgDept = rest.withBasicAuth(ORG_DEPT_USER, "demo");
    Map<String, Object> year = get(orgDept, YEAR);
    assertThat(year).containsEntry("editable", false);
    assertThat(year.get("holidays").toString()).contains("2026-10-01");
    assertThat(get(orgDept, "/api/admin/rule-set")).containsEntry("editable", false)
        .containsEntry("ruleSet", originalRuleSet);
    assertThat(get(admin(), YEAR)).containsEntry("editable", true);

    ResponseEntity<Map> calendarChange = put(orgDept, YEAR, withMarchHolidayAndMakeUpDay());
    assertThat(calendarChange.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(calendarChange.getBody().get("message").toString()).contains("无权限").contains("系统管理员");
    ResponseEntity<Map> ruleChange = put(orgDept, "/api/admin/rule-set",
        Map.of("ruleSet", "strict".equals(originalRuleSet) ? "baseline" : "strict"));
    assertThat(ruleChange.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    // a clerk is nobody's administrator: not even reading
    TestRestTemplate clerk = rest.withBasicAuth(BRANCH_CLERK, "demo");
    assertThat(clerk.getForEntity(YEAR, Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(put(clerk, "/api/admin/rule-set", Map.of("ruleSet", "strict")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.getForEntity(YEAR, Map.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

    assertThat(count("admin_change_log")).isEqualTo(logged);
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-03-04"))).isTrue();
    assertThat(get(admin(), "/api/admin/rule-set").get("ruleSet")).isEqualTo(originalRuleSet);
  }

  private static final String ORG_DEPT_USER = "gxq.orgdept";
}
