package org.dangjian.flow.villagehelp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.dangjian.flow.villagehelp.VillageHelp.Events.*;
import static org.dangjian.flow.villagehelp.VillageHelp.Tasks.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.dangjian.flow.audit.CaseEvent;
import org.dangjian.flow.audit.CaseEventType;
import org.dangjian.flow.system.StepRefusedException;
import org.junit.jupiter.api.Test;

/** Every path of an assignment: the visit on time and late, the monthly reports, the absence rules, term end. */
class VillageHelpProcessTest extends VillageHelpTestSupport {

  // ---- start

  @Test
  void committeeClerkStartsAnAssignmentUnderItsBusinessKey() {
    Map<String, Object> vars = assignment("2025-01-01", "2025-12-31", "2025-03-31");
    today("2025-01-05");
    ProcessInstance pi = start(VillageHelp.PROCESS_KEY, COMMITTEE_CLERK, vars);
    assertThat(pi.getBusinessKey()).isEqualTo("unit-guitu-" + vars.get("villageName") + "-2025");
    assertThat(pi).isWaitingAt(UNIT_HEAD_VISIT);
    assertThat(task(pi, UNIT_HEAD_VISIT).getAssignee()).isEqualTo(UNIT_HEAD);
    VillageHelpRecords.Assignment a = records.assignment(pi.getBusinessKey()).orElseThrow();
    assertThat(a.committeeId()).isEqualTo("gxq");
    assertThat(a.villageId()).isEqualTo("donghu");
  }

  @Test
  void aSecondIdenticalAssignmentIsRefused() {
    Map<String, Object> vars = assignment("2025-01-01", "2025-12-31", "2025-03-31");
    today("2025-01-05");
    start(VillageHelp.PROCESS_KEY, COMMITTEE_CLERK, vars);
    assertThatThrownBy(() -> start(VillageHelp.PROCESS_KEY, COMMITTEE_CLERK, vars))
        .isInstanceOf(StepRefusedException.class).hasMessageContaining("已存在，不能重复选派");
  }

  @Test
  void startRefusesWrongUnitPeopleTermAndDeadlineAllAtOnce() {
    Map<String, Object> vars = assignment("2025-01-01", "2028-06-30", "2029-01-01");
    vars.put("helpUnitId", "guitu");
    today("2025-01-05");
    assertThatThrownBy(() -> start(VillageHelp.PROCESS_KEY, COMMITTEE_CLERK, vars))
        .isInstanceOf(StepRefusedException.class)
        .hasMessageContaining("帮包单位“guitu”不存在或不是帮包单位")
        .hasMessageContaining("任期应为1至3年")
        .hasMessageContaining("一把手走访期限（2029-01-01）应在任期内");
  }

  @Test
  void peopleMustBelongToTheUnitAndTheStarterToTheCommitteeClerks() {
    Map<String, Object> vars = assignment("2025-01-01", "2025-12-31", "2025-03-31");
    vars.put("firstSecretaryUserId", "guitu.clerk");
    vars.put("unitHeadUserId", "nobody.here");
    vars.put("villageId", "guitu");
    today("2025-01-05");
    assertThatThrownBy(() -> start(VillageHelp.PROCESS_KEY, "guitu.clerk", vars))
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("CREATE_INSTANCE");
    // with every grant, the start rule still wants the committee's clerk
    assertThatThrownBy(() -> start(VillageHelp.PROCESS_KEY, "admin", vars))
        .isInstanceOf(StepRefusedException.class)
        .hasMessageContaining("第一书记“guitu.clerk”不在该单位的驻村工作队（unit-guitu-workteam）中")
        .hasMessageContaining("单位一把手“nobody.here”不是系统用户")
        .hasMessageContaining("村党组织“guitu”不存在或不是村")
        .hasMessageContaining("须由高新区工委党务工作者（gxq-clerk）选派");
  }

  // ---- 2 the unit head's visit

  @Test
  void visitOnTimeRecordsNoViolationAndCancelsTheDeadline() {
    ProcessInstance pi = newAssignment();
    today("2025-02-20");
    complete(pi, UNIT_HEAD_VISIT, UNIT_HEAD, "visitDate", "2025-02-18", "visitFindings", "饮水工程老化，3户就医困难",
        "householdsVisited", 12);
    assertThat(pi).hasPassed(UNIT_HEAD_VISIT);
    assertThat(hasTimer(pi, VISIT_OVERDUE)).isFalse();
    assertThat(eventsOf(pi, CaseEventType.VIOLATION)).isEmpty();
    assertThat(records.assignment(key(pi)).orElseThrow().visitDate()).isEqualTo(LocalDate.of(2025, 2, 18));
  }

  @Test
  void onlyThatUnitHeadMayRecordTheVisit() {
    ProcessInstance pi = newAssignment();
    today("2025-02-20");
    assertThatThrownBy(() -> complete(pi, UNIT_HEAD_VISIT, TEAMMATE, "visitDate", "2025-02-18", "visitFindings",
        "无", "householdsVisited", 3)).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> complete(pi, UNIT_HEAD_VISIT, "admin", "visitDate", "2025-02-18", "visitFindings",
        "无", "householdsVisited", 3)).isInstanceOf(StepRefusedException.class)
        .hasMessageContaining("此任务只能由guitu.head本人办理");
    assertThat(pi).isWaitingAt(UNIT_HEAD_VISIT);
  }

  @Test
  void lateVisitEscalatesToTheCommitteeRecordsAViolationAndKeepsTheVisitOpen() {
    ProcessInstance pi = newAssignment();
    fireTimer(pi, VISIT_OVERDUE);
    assertThat(pi).isWaitingAt(UNIT_HEAD_VISIT, CHASE_OVERDUE_VISIT);
    List<IdentityLink> candidates = taskService.getIdentityLinksForTask(task(pi, CHASE_OVERDUE_VISIT).getId());
    assertThat(candidates).extracting(IdentityLink::getGroupId).containsExactly("gxq-clerk");
    List<CaseEvent> violations = eventsOf(pi, CaseEventType.VIOLATION);
    assertThat(violations).hasSize(1);
    assertThat(violations.get(0).ruleCode()).isEqualTo("UNIT_HEAD_VISIT_DEADLINE");
    assertThat(violations.get(0).dueDate()).isEqualTo(LocalDate.of(2025, 3, 31));
    assertThat(eventsOf(pi, CaseEventType.ESCALATION)).hasSize(1);

    assertThatThrownBy(() -> complete(pi, CHASE_OVERDUE_VISIT, UNIT_HEAD, "chaseNote", "已电话督促"))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> complete(pi, CHASE_OVERDUE_VISIT, "admin", "chaseNote", "已电话督促"))
        .isInstanceOf(StepRefusedException.class).hasMessageContaining("gxq-clerk");
    complete(pi, CHASE_OVERDUE_VISIT, COMMITTEE_CLERK, "chaseNote", "已电话督促，一把手承诺4月上旬到村");
    today("2025-04-10");
    complete(pi, UNIT_HEAD_VISIT, UNIT_HEAD, "visitDate", "2025-04-08", "visitFindings", "道路未硬化",
        "householdsVisited", 8);
    assertThat(eventsOf(pi, CaseEventType.VIOLATION)).hasSize(1);
    assertThat(pi).hasPassed(UNIT_HEAD_VISIT, CHASE_OVERDUE_VISIT);
  }

  // ---- 3 monthly reports

  @Test
  void eachMonthOpensAReportForTheFirstSecretaryAndFewerThan20DaysIsFlagged() {
    ProcessInstance pi = newAssignment();
    assertThat(pi).isWaitingAt(UNIT_HEAD_VISIT, MONTH_ENDS);
    fireTimer(pi, MONTH_ENDS);
    assertThat(task(pi, MONTHLY_REPORT).getAssignee()).isEqualTo(FIRST_SECRETARY);
    assertThat(runtimeService.getVariable(pi.getId(), "reportMonth")).isEqualTo("2025-01");
    assertThatThrownBy(() -> complete(pi, MONTHLY_REPORT, FIRST_SECRETARY, "reportMonth", "2025-02",
        "daysInVillage", 22, "workSummary", "入户走访", "unexcusedAbsences", 0))
        .isInstanceOf(StepRefusedException.class).hasMessageContaining("本任务是 2025-01 的月度工作报告");
    complete(pi, MONTHLY_REPORT, FIRST_SECRETARY, "reportMonth", "2025-01", "daysInVillage", 18, "workSummary",
        "入户走访", "unexcusedAbsences", 1);
    List<CaseEvent> flagged = eventsOf(pi, CaseEventType.VIOLATION);
    assertThat(flagged).hasSize(1);
    assertThat(flagged.get(0).ruleCode()).isEqualTo("DAYS_IN_VILLAGE_PER_MONTH");
    assertThat(flagged.get(0).description()).contains("2025-01 驻村18天，少于20天");

    fireTimer(pi, MONTH_ENDS);
    assertThat(runtimeService.getVariable(pi.getId(), "reportMonth")).isEqualTo("2025-02");
    complete(pi, MONTHLY_REPORT, FIRST_SECRETARY, "reportMonth", "2025-02", "daysInVillage", 22, "workSummary",
        "协调饮水工程", "unexcusedAbsences", 0);
    assertThat(eventsOf(pi, CaseEventType.VIOLATION)).hasSize(1);
    assertThat(records.reportedMonths(key(pi), 1)).containsExactly("2025-01", "2025-02");
    assertThat(records.flaggedReports(key(pi))).isEqualTo(1);
  }

  @Test
  void theLastReportOfTheTermEndsTheReportLoop() {
    ProcessInstance pi = newAssignment();
    reportEveryMonth(pi, 22);
    assertThat(records.reportedMonths(key(pi), 1)).hasSize(12).endsWith("2025-12");
    assertThat(pi).hasPassed(REPORTS_DONE);
    assertThat(hasTimer(pi, MONTH_ENDS)).isFalse();
    assertThat(pi).isWaitingAt(UNIT_HEAD_VISIT, TERM_YEAR_ENDS);
  }

  @Test
  void onlyTheFirstSecretaryReports() {
    ProcessInstance pi = newAssignment();
    fireTimer(pi, MONTH_ENDS);
    assertThatThrownBy(() -> complete(pi, MONTHLY_REPORT, TEAMMATE, "reportMonth", "2025-01", "daysInVillage", 22,
        "workSummary", "入户走访", "unexcusedAbsences", 0)).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> complete(pi, MONTHLY_REPORT, "admin", "reportMonth", "2025-01", "daysInVillage", 22,
        "workSummary", "入户走访", "unexcusedAbsences", 0)).isInstanceOf(StepRefusedException.class)
        .hasMessageContaining("此任务只能由donghu.firstsec本人办理");
  }

  // ---- 4 annual assessment and the absence rules

  @Test
  void assessmentWaitsForEveryReportOfTheYear() {
    ProcessInstance pi = newAssignment();
    for (int i = 0; i < 11; i++) {
      fireTimer(pi, MONTH_ENDS);
      complete(pi, MONTHLY_REPORT, FIRST_SECRETARY, "daysInVillage", 22, "workSummary", "工作", "unexcusedAbsences", 0);
    }
    fireTimer(pi, MONTH_ENDS);
    fireTimer(pi, TERM_YEAR_ENDS);
    assertThatThrownBy(() -> complete(pi, ANNUAL_ASSESSMENT, COMMITTEE_CLERK, "assessmentGrade", "excellent"))
        .isInstanceOf(StepRefusedException.class).hasMessageContaining("尚有月度工作报告未提交（2025-12）");
  }

  @Test
  void noAbsenceAllowsExcellentAndTheTermEndsWithThreeConfirmations() {
    ProcessInstance pi = newAssignment();
    complete(pi, UNIT_HEAD_VISIT, UNIT_HEAD, "visitDate", "2025-01-05", "visitFindings", "村情", "householdsVisited", 5);
    reportEveryMonth(pi, 22);
    fireTimer(pi, TERM_YEAR_ENDS);
    assertThat(runtimeService.getVariable(pi.getId(), "yearAbsences")).isEqualTo(0);
    complete(pi, ANNUAL_ASSESSMENT, COMMITTEE_CLERK, "assessmentGrade", "excellent");
    assertThat(pi).isWaitingAt(VILLAGE_SATISFACTION, UNIT_SATISFACTION, COMMITTEE_SATISFACTION);
    assertThat(task(pi, UNIT_SATISFACTION).getAssignee()).isEqualTo(UNIT_HEAD);

    assertThatThrownBy(() -> complete(pi, VILLAGE_SATISFACTION, "fayuan.clerk", "villageSatisfied", "true"))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> complete(pi, VILLAGE_SATISFACTION, "admin", "villageSatisfied", "true"))
        .isInstanceOf(StepRefusedException.class).hasMessageContaining("donghu-villageclerk");
    assertThatThrownBy(() -> complete(pi, VILLAGE_SATISFACTION, VILLAGE_CLERK, "villageSatisfied", "false"))
        .isInstanceOf(StepRefusedException.class).hasMessageContaining("村不满意时须填写意见");
    complete(pi, VILLAGE_SATISFACTION, VILLAGE_CLERK, "villageSatisfied", "true");
    complete(pi, UNIT_SATISFACTION, UNIT_HEAD, "unitSatisfied", "false", "unitComment", "驻村时间偏少");
    complete(pi, COMMITTEE_SATISFACTION, COMMITTEE_CLERK, "committeeSatisfied", true);
    assertThat(pi).isEnded().hasPassed(ASSIGNMENT_ENDED);
    VillageHelpRecords.Assignment a = records.assignment(pi.getBusinessKey()).orElseThrow();
    assertThat(a.endedOn()).isNotNull();
    assertThat(eventsOf(pi, CaseEventType.DISSATISFACTION)).singleElement()
        .satisfies(e -> assertThat(e.description()).contains("建设单位不满意：驻村时间偏少"));
  }

  @Test
  void oneAbsenceRulesOutExcellent() {
    ProcessInstance pi = newAssignment();
    reportEveryMonth(pi, 22, 0, 0, 1);
    fireTimer(pi, TERM_YEAR_ENDS);
    assertThat(runtimeService.getVariable(pi.getId(), "bestAllowedGrade")).isEqualTo("称职");
    assertThatThrownBy(() -> complete(pi, ANNUAL_ASSESSMENT, COMMITTEE_CLERK, "assessmentGrade", "excellent"))
        .isInstanceOf(StepRefusedException.class).hasMessageContaining("无故缺勤1次，考核等次最高为“称职”");
    complete(pi, ANNUAL_ASSESSMENT, COMMITTEE_CLERK, "assessmentGrade", "competent");
    assertThat(pi).isWaitingAt(VILLAGE_SATISFACTION).hasNotPassed(CONSIDER_RECALL);
  }

  @Test
  void twoAbsencesAllowAtMostBasicallyCompetent() {
    ProcessInstance pi = newAssignment();
    reportEveryMonth(pi, 22, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
    fireTimer(pi, TERM_YEAR_ENDS);
    assertThatThrownBy(() -> complete(pi, ANNUAL_ASSESSMENT, COMMITTEE_CLERK, "assessmentGrade", "competent"))
        .isInstanceOf(StepRefusedException.class).hasMessageContaining("最高为“基本称职”");
    complete(pi, ANNUAL_ASSESSMENT, COMMITTEE_CLERK, "assessmentGrade", "basicallyCompetent");
    assertThat(pi).isWaitingAt(VILLAGE_SATISFACTION).hasNotPassed(CONSIDER_RECALL);
  }

  @Test
  void threeAbsencesMakeItIncompetentAndTheCommitteeConsidersRecall() {
    ProcessInstance pi = newAssignment();
    reportEveryMonth(pi, 22, 1, 1, 0, 0, 1);
    fireTimer(pi, TERM_YEAR_ENDS);
    assertThatThrownBy(() -> complete(pi, ANNUAL_ASSESSMENT, COMMITTEE_CLERK, "assessmentGrade",
        "basicallyCompetent")).isInstanceOf(StepRefusedException.class).hasMessageContaining("最高为“不称职”");
    complete(pi, ANNUAL_ASSESSMENT, COMMITTEE_CLERK, "assessmentGrade", "incompetent");
    assertThat(pi).isWaitingAt(CONSIDER_RECALL);
    assertThat(eventsOf(pi, CaseEventType.ESCALATION)).anySatisfy(e -> assertThat(e.ruleCode())
        .isEqualTo("RECALL_FIRST_SECRETARY"));

    assertThatThrownBy(() -> complete(pi, CONSIDER_RECALL, COMMITTEE_CLERK, "recallDecision", "recall",
        "recallNote", "召回", "replacementUserId", "guitu.clerk")).isInstanceOf(StepRefusedException.class)
        .hasMessageContaining("不在驻村工作队");
    complete(pi, CONSIDER_RECALL, COMMITTEE_CLERK, "recallDecision", "recall", "recallNote", "全年无故缺勤3次，予以召回",
        "replacementUserId", TEAMMATE);
    assertThat(currentFirstSecretary(pi)).isEqualTo(TEAMMATE);
    assertThat(records.assignment(key(pi)).orElseThrow().firstSecretaryId()).isEqualTo(TEAMMATE);
    assertThat(eventsOf(pi, CaseEventType.RECALL)).singleElement()
        .satisfies(e -> assertThat(e.description()).contains("召回第一书记 donghu.firstsec，由 donghu.teammate 接任"));
    assertThat(pi).isWaitingAt(VILLAGE_SATISFACTION, UNIT_SATISFACTION, COMMITTEE_SATISFACTION);
  }

  @Test
  void aTwoYearTermIsAssessedTwiceAndAReplacedFirstSecretaryReportsFromThen() {
    today("2025-01-05");
    ProcessInstance pi = start(VillageHelp.PROCESS_KEY, COMMITTEE_CLERK,
        assignment("2025-01-01", "2026-12-31", "2025-03-31"));
    for (int i = 0; i < 12; i++) {
      fireTimer(pi, MONTH_ENDS);
      complete(pi, MONTHLY_REPORT, FIRST_SECRETARY, "daysInVillage", 22, "workSummary", "工作", "unexcusedAbsences",
          i < 3 ? 1 : 0);
    }
    fireTimer(pi, MONTH_ENDS);
    assertThat(runtimeService.getVariable(pi.getId(), "reportMonth")).isEqualTo("2026-01");
    fireTimer(pi, TERM_YEAR_ENDS);
    complete(pi, ANNUAL_ASSESSMENT, COMMITTEE_CLERK, "assessmentGrade", "incompetent");
    complete(pi, CONSIDER_RECALL, COMMITTEE_CLERK, "recallDecision", "recall", "recallNote", "召回",
        "replacementUserId", TEAMMATE);
    // the report still open passes to the replacement, and so do the later ones
    assertThat(task(pi, MONTHLY_REPORT).getAssignee()).isEqualTo(TEAMMATE);
    complete(pi, MONTHLY_REPORT, TEAMMATE, "daysInVillage", 22, "workSummary", "交接", "unexcusedAbsences", 0);
    fireTimer(pi, MONTH_ENDS);
    assertThat(task(pi, MONTHLY_REPORT).getAssignee()).isEqualTo(TEAMMATE);
    assertThat(pi).isWaitingAt(TERM_YEAR_ENDS);
    assertThat(runtimeService.getVariable(pi.getId(), VillageHelp.Vars.TERM_YEAR)).isEqualTo(2);
  }
}
