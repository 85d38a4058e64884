package org.dangjian.flow.branchlife;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.dangjian.flow.branchlife.BranchMeetings.Events.*;
import static org.dangjian.flow.branchlife.BranchMeetings.Tasks.*;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.dangjian.flow.audit.CaseEvent;
import org.dangjian.flow.audit.CaseEventType;
import org.dangjian.flow.system.BusinessCalendar;
import org.dangjian.flow.system.StepRefusedException;
import org.junit.jupiter.api.Test;

/** A branch's year of 三会一课 with the engine clock moved through it: 月查 every month, 季审 every quarter. */
class BranchMeetingsYearTest extends BranchMeetingsTestSupport {

  @org.springframework.beans.factory.annotation.Autowired BranchMeetingsOverview overview;

  private static List<String> texts(List<CaseEvent> events) {
    return events.stream().map(CaseEvent::description).toList();
  }

  private void review(ProcessInstance pi, String result, String note) {
    complete(task(pi, QUARTERLY_REVIEW), COMMITTEE_CLERK, "reviewResult", result, "reviewNote", note);
  }

  @Test
  void aWholeYearClosesEveryPeriodRecordsWhatWasNotHeldEscalatesTheSecondInARowAndIsReviewedEachQuarter() {
    String branch = newBranch();
    today("2025-01-05");
    ProcessInstance pi = startYear(branch, 2025);
    assertThat(pi).isWaitingAt(RECORD_MEETING, MONTH_ENDS, QUARTER_ENDS);
    assertThat(pi.getBusinessKey()).isEqualTo(branch + "-2025");

    // January: everything monthly held; nothing quarterly is due yet
    today("2025-01-20");
    record(pi, "committeeMeeting", "2025-01-10");
    record(pi, "themeDay", "2025-01-15");
    record(pi, "groupMeeting", "2025-01-20", "partyGroup", GROUP);
    assertThat(fireTimer(pi, MONTH_ENDS)).isEqualTo(BusinessCalendar.startOf(LocalDate.of(2025, 2, 1)));
    assertThat(events(pi, CaseEventType.VIOLATION)).isEmpty();

    // February: nothing held: a violation and a reminder per kind, no escalation yet
    fireTimer(pi, MONTH_ENDS);
    assertThat(texts(events(pi, CaseEventType.VIOLATION))).containsExactly(
        "测试支部" + branch + "2025年2月未召开支部委员会（三会一课）",
        "测试支部" + branch + "2025年2月未召开" + GROUP + "党小组会（三会一课）",
        "测试支部" + branch + "2025年2月未召开主题党日（三会一课）");
    assertThat(events(pi, CaseEventType.REMINDER)).hasSize(3)
        .allSatisfy(e -> assertThat(e.ruleCode()).isEqualTo(BranchMeetings.RULE_NOT_HELD));
    assertThat(events(pi, CaseEventType.ESCALATION)).isEmpty();

    // March: committee and general meeting held; theme day and group meeting missed twice in a row; no lecture
    today("2025-03-10");
    record(pi, "committeeMeeting", "2025-03-05");
    record(pi, "generalMeeting", "2025-03-08");
    fireTimer(pi, MONTH_ENDS);
    assertThat(texts(events(pi, CaseEventType.VIOLATION))).hasSize(6)
        .contains("测试支部" + branch + "2025年第1季度未召开党课（三会一课）");
    assertThat(texts(events(pi, CaseEventType.ESCALATION))).containsExactlyInAnyOrder(
        "测试支部" + branch + "连续两个月未召开" + GROUP + "党小组会（2025年2月、2025年3月）：已报告高新区机关党委",
        "测试支部" + branch + "连续两个月未召开主题党日（2025年2月、2025年3月）：已报告高新区机关党委");

    // 季审 of the first quarter: the quarter's meetings against what was due
    fireTimer(pi, QUARTER_ENDS);
    Task review = task(pi, QUARTERLY_REVIEW);
    assertThat(taskService.createTaskQuery().taskId(review.getId()).taskCandidateGroup("gxq-jg-clerk").count())
        .isEqualTo(1);
    String summary = (String) taskService.getVariable(review.getId(), "reviewSummary");
    assertThat(summary).contains("本季度记录会议 **5** 次", "出勤率 90.0%", "应开 11 项，已开 5 项，未开 **6** 项",
        "| 2025年第1季度 | 党课 | **未召开** |", "| 2025年1月 | 支部委员会 | 已召开 1 次 |");
    assertThatThrownBy(() -> review(pi, "rectify", null)).isInstanceOf(StepRefusedException.class)
        .hasMessageContaining("责令整改须在审核意见中写明须整改的问题");
    review(pi, "rectify", "主题党日、党小组会连续两月未开，党课未开，限期补开");
    Task rectification = task(pi, RECTIFICATION);
    // 30 days from the review on 1 April
    assertThat(rectification.getDueDate()).isEqualTo(BusinessCalendar.endOf(LocalDate.of(2025, 5, 1)));
    assertThat(taskService.getVariable(rectification.getId(), "rectificationDeadline")).isEqualTo("2025-05-01");
    complete(rectification, BRANCH_CLERK, "rectificationReport", "4月已补开主题党日和党小组会，党课列入计划");
    assertThat(meetings.reviews(List.of(branch), 2025)).singleElement()
        .satisfies(r -> assertThat(r.rectifiedOn()).isEqualTo(LocalDate.of(2025, 4, 1)));

    // the rest of the year: only the committee meets, every month
    for (int month = 4; month <= 12; month++) {
      record(pi, "committeeMeeting", LocalDate.of(2025, month, 1).toString());
      fireTimer(pi, MONTH_ENDS);
      if (month % 3 == 0) {
        fireTimer(pi, QUARTER_ENDS);
        if (month == 9) {
          review(pi, "rectify", "党课、党员大会长期未开");
          fireTimer(pi, RECTIFICATION_OVERDUE);
          complete(pi, RECTIFICATION, BRANCH_CLERK, "rectificationReport", "已补开");
        } else {
          review(pi, "pass", null);
        }
      }
    }
    assertThat(pi).isWaitingAt(RECORD_MEETING);
    assertThat(pi).hasPassed("EndEvent_MonthsClosed", "EndEvent_QuarterReviewsDone",
        "EndEvent_RectificationOverdueReported");

    List<CaseEvent> violations = events(pi, CaseEventType.VIOLATION);
    // 党课 Q1–Q4, 党员大会 Q2–Q4, 主题党日 and 党小组会 Feb–Dec, 支委会 February
    assertThat(violations).filteredOn(e -> BranchMeetings.RULE_NOT_HELD.equals(e.ruleCode())).hasSize(4 + 3 + 11
        + 11 + 1);
    assertThat(events(pi, CaseEventType.REMINDER)).hasSize(30);
    List<CaseEvent> escalations = events(pi, CaseEventType.ESCALATION);
    assertThat(escalations).filteredOn(e -> BranchMeetings.RULE_NOT_HELD.equals(e.ruleCode())).hasSize(3 + 2 + 10
        + 10);
    assertThat(texts(escalations)).contains("测试支部" + branch + "连续两个季度未开党课（2025年第1季度、2025年第2季度）：已报告高新区机关党委"
        .replace("未开党课", "未召开党课"));
    assertThat(violations).filteredOn(e -> BranchMeetings.RULE_RECTIFICATION.equals(e.ruleCode())).singleElement()
        .satisfies(e -> assertThat(e.description()).contains("未在整改期限（2025-10-31）内完成2025年第3季度三会一课整改"));
    assertThat(escalations).filteredOn(e -> BranchMeetings.RULE_RECTIFICATION.equals(e.ruleCode())).hasSize(1);
    assertThat(meetings.reviews(List.of(branch), 2025)).extracting(BranchMeetingsRepository.Review::result)
        .containsExactly("rectify", "pass", "rectify", "pass");

    // recording stays open for late entries until the end of January, then the year ends
    record(pi, "themeDay", "2025-12-28");
    assertThat(fireTimer(pi, RECORDING_CLOSES)).isEqualTo(BusinessCalendar.startOf(LocalDate.of(2026, 2, 1)));
    assertThat(pi).isEnded();
  }

  @org.springframework.beans.factory.annotation.Autowired BranchMeetingsRectificationDays rectificationDays;

  @Test
  void theRectificationDeadlineIsTheRuleSetsDaysAtTheTimeOfTheReview() {
    String branch = newBranch();
    today("2025-01-05");
    ProcessInstance pi = startYear(branch, 2025);
    for (int month = 1; month <= 3; month++) {
      fireTimer(pi, MONTH_ENDS);
    }
    fireTimer(pi, QUARTER_ENDS);
    int before = rectificationDays.current().days();
    try {
      rectificationDays.change(12, "admin");
      review(pi, "rectify", "党课未开，限期补开");
    } finally {
      rectificationDays.change(before, "admin");
    }
    Task rectification = task(pi, RECTIFICATION);
    // reviewed on 1 April, 12 days to rectify: by the end of 13 April
    assertThat(taskService.getVariable(rectification.getId(), "rectificationDeadline")).isEqualTo("2025-04-13");
    assertThat(rectification.getDueDate()).isEqualTo(BusinessCalendar.endOf(LocalDate.of(2025, 4, 13)));
    assertThat(meetings.reviews(List.of(branch), 2025)).singleElement()
        .satisfies(r -> assertThat(r.rectificationDeadline()).isEqualTo(LocalDate.of(2025, 4, 13)));
  }

  @Test
  void aMeetingIsRefusedInTheFutureWithMorePresentThanEntitledOrWithoutItsPartyGroupOrLecturerAndNothingIsKept() {
    String branch = newBranch();
    today("2025-05-10");
    ProcessInstance pi = startYear(branch, 2025);
    Task open = recordTask(pi);
    assertThatThrownBy(() -> record(pi, "committeeMeeting", "2025-05-11")).isInstanceOf(StepRefusedException.class)
        .hasMessageContaining("会议日期（2025-05-11）不能晚于今天（2025-05-10）");
    assertThatThrownBy(() -> record(pi, "generalMeeting", "2025-05-01", "attendeesPresent", 11))
        .isInstanceOf(StepRefusedException.class).hasMessageContaining("实到人数（11）不能多于应到人数（10）");
    assertThatThrownBy(() -> record(pi, "groupMeeting", "2025-05-01")).isInstanceOf(StepRefusedException.class)
        .hasMessageContaining("党小组会须填写党小组");
    assertThatThrownBy(() -> record(pi, "groupMeeting", "2025-05-01", "partyGroup", "第九党小组"))
        .isInstanceOf(StepRefusedException.class).hasMessageContaining("不是本支部的党小组，本支部的党小组：" + GROUP);
    assertThatThrownBy(() -> record(pi, "partyLecture", "2025-05-01")).isInstanceOf(StepRefusedException.class)
        .hasMessageContaining("党课须填写授课人");
    assertThatThrownBy(() -> record(pi, "dinner", "2025-05-01")).isInstanceOf(StepRefusedException.class)
        .hasMessageContaining("会议类型");
    assertThat(recordTask(pi).getId()).isEqualTo(open.getId());
    assertThat(meetings.meetings(branch, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))).isEmpty();
    assertThat(runtimeService.getVariable(pi.getId(), "meetingsRecorded")).isEqualTo(0);
  }

  @Test
  void meetingsAreRecordedAnyNumberOfTimesEachOnABlankFormAndKeepOnlyTheFieldsOfTheirKind() {
    String branch = newBranch();
    today("2025-05-10");
    ProcessInstance pi = startYear(branch, 2025);
    assertThat(runtimeService.getVariable(pi.getId(), "partyGroupOptions").toString()).contains(GROUP);
    record(pi, "partyLecture", "2025-05-02", "lecturer", "马建国", "partyGroup", GROUP);
    Task second = recordTask(pi);
    for (String key : BranchMeetingsTaskOpened.RECORD_FIELDS) {
      assertThat(taskService.getVariable(second.getId(), key)).as(key).isNull();
    }
    record(pi, "themeDay", "2025-05-03", "lecturer", "不应保存");
    record(pi, "groupMeeting", "2025-05-04", "partyGroup", GROUP, "attendeesPresent", 10, "absentees", null);
    assertThat(runtimeService.getVariable(pi.getId(), "meetingsRecorded")).isEqualTo(3);
    assertThat(meetings.meetings(branch, LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 31)))
        .extracting(BranchMeetingRules.Meeting::kind, BranchMeetingRules.Meeting::partyGroup)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(MeetingKind.PARTY_LECTURE, null),
            org.assertj.core.groups.Tuple.tuple(MeetingKind.THEME_DAY, null),
            org.assertj.core.groups.Tuple.tuple(MeetingKind.GROUP_MEETING, GROUP));
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(RECORD_MEETING)
        .taskCandidateGroup(branch + "-clerk").count()).isEqualTo(1);
  }

  @Test
  void theSameBranchAndYearNeverStartTwice() {
    String branch = newBranch();
    startYear(branch, 2025);
    assertThatThrownBy(() -> startYear(branch, 2025)).isInstanceOf(StepRefusedException.class)
        .hasMessageContaining("2025年度三会一课已经启动");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(branch + "-2025").count())
        .isEqualTo(1);
    assertThatThrownBy(() -> startYear("gxq-jg", 2025)).isInstanceOf(StepRefusedException.class)
        .hasMessageContaining("不是在册的党支部");
  }

  @Test
  void aYearStartedInJulyIsCheckedFromJulyItsQuarterOnAndAPastYearIsRecordedButNotJudged() {
    // a past year started in the January after it (补录, while its recording is still open): meetings are
    // recorded, nothing falls due
    today("2025-01-10");
    String late = newBranch();
    ProcessInstance past = runtimeService.startProcessInstanceByKey(BranchMeetings.PROCESS_KEY,
        java.util.Map.of("branchId", late, "year", 2024));
    assertThat(runtimeService.getVariable(past.getId(), "checkedFromMonth")).isEqualTo(13);
    assertThat(past).isWaitingAt(RECORD_MEETING);
    assertThat(managementService.createJobQuery().processInstanceId(past.getId()).activityId(MONTH_ENDS).count())
        .isZero();
    record(past, "committeeMeeting", "2024-11-05");
    assertThat(meetings.meetings(late, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31))).hasSize(1);
    assertThat(overview.ofBranch(late, 2024)).isEmpty();

    String branch = newBranch();
    today("2025-07-15");
    // as a branch founded in July, or a committee going live then: no month chosen at the start
    ProcessInstance july = runtimeService.startProcessInstanceByKey(BranchMeetings.PROCESS_KEY,
        java.util.Map.of("branchId", branch, "year", 2025));
    assertThat(runtimeService.getVariable(july.getId(), "checkedFromMonth")).isEqualTo(7);
    assertThat(fireTimer(july, MONTH_ENDS)).isEqualTo(BusinessCalendar.startOf(LocalDate.of(2025, 8, 1)));
    assertThat(texts(events(july, CaseEventType.VIOLATION))).isNotEmpty()
        .allSatisfy(text -> assertThat(text).contains("2025年7月"));
    // the first missed month is not the second in a row: June was never judged
    assertThat(events(july, CaseEventType.ESCALATION)).isEmpty();
    Job quarter = managementService.createJobQuery().processInstanceId(july.getId()).activityId(QUARTER_ENDS)
        .singleResult();
    assertThat(quarter.getDuedate()).isEqualTo(BusinessCalendar.startOf(LocalDate.of(2025, 10, 1)));
    assertThat(overview.ofBranch(branch, 2025)).extracting(BranchMeetingsOverview.PeriodRow::period)
        .containsExactly("2025-07", "2025-08", "2025-Q3");
  }

  @Test
  void theFirstMonthCheckedIsTheMonthOfTheStartAFutureYearsJanuaryOrNoneForAPastYear() {
    assertThat(BranchMeetingsStarted.checkedFrom(2025, LocalDate.of(2025, 7, 15))).isEqualTo(7);
    assertThat(BranchMeetingsStarted.checkedFrom(2025, LocalDate.of(2025, 1, 1))).isEqualTo(1);
    assertThat(BranchMeetingsStarted.checkedFrom(2026, LocalDate.of(2025, 12, 20))).isEqualTo(1);
    assertThat(BranchMeetingsStarted.checkedFrom(2024, LocalDate.of(2025, 1, 3))).isEqualTo(13);
  }
}
