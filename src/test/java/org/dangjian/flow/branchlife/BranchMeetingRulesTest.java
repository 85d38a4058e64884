package org.dangjian.flow.branchlife;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.dangjian.flow.branchlife.BranchMeetingRules.Due;
import org.dangjian.flow.branchlife.BranchMeetingRules.Meeting;
import org.dangjian.flow.branchlife.BranchMeetingRules.Recorded;
import org.junit.jupiter.api.Test;

/** The rules of 三会一课 on their own (branch-life.md). */
class BranchMeetingRulesTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 5, 20);
  private static final List<String> GROUPS = List.of("第一党小组", "第二党小组");

  private static List<String> check(MeetingKind kind, String date, String group, int entitled, int present,
      String absentees, String lecturer) {
    return BranchMeetingRules.check(new Recorded(kind, LocalDate.parse(date), group, entitled, present, absentees,
        lecturer), TODAY, 2026, GROUPS);
  }

  @Test
  void aMeetingHeldTodayWithEveryoneThereIsAccepted() {
    assertThat(check(MeetingKind.COMMITTEE_MEETING, "2026-05-20", null, 5, 5, null, null)).isEmpty();
  }

  @Test
  void aMeetingDatedInTheFutureIsRefused() {
    assertThat(check(MeetingKind.COMMITTEE_MEETING, "2026-05-21", null, 5, 5, null, null))
        .singleElement().asString().contains("不能晚于今天");
  }

  @Test
  void aMeetingOfAnotherYearBelongsToThatYearsProcess() {
    assertThat(check(MeetingKind.THEME_DAY, "2025-12-30", null, 5, 5, null, null))
        .singleElement().asString().contains("不在2026年度内");
  }

  @Test
  void morePresentThanEntitledIsRefused() {
    assertThat(check(MeetingKind.GENERAL_MEETING, "2026-05-01", null, 5, 6, null, null))
        .singleElement().asString().contains("实到人数（6）不能多于应到人数（5）");
  }

  @Test
  void absenteesAreRequiredWhenSomeoneWasAbsent() {
    assertThat(check(MeetingKind.GENERAL_MEETING, "2026-05-01", null, 5, 4, null, null))
        .singleElement().asString().contains("缺席人员及原因");
    assertThat(check(MeetingKind.GENERAL_MEETING, "2026-05-01", null, 5, 4, "王五（病假）", null)).isEmpty();
  }

  @Test
  void aGroupMeetingNeedsOneOfTheBranchsPartyGroups() {
    assertThat(check(MeetingKind.GROUP_MEETING, "2026-05-01", null, 5, 5, null, null))
        .singleElement().asString().contains("党小组会须填写党小组");
    assertThat(check(MeetingKind.GROUP_MEETING, "2026-05-01", "第九党小组", 5, 5, null, null))
        .singleElement().asString().contains("不是本支部的党小组");
    assertThat(check(MeetingKind.GROUP_MEETING, "2026-05-01", "第二党小组", 5, 5, null, null)).isEmpty();
  }

  @Test
  void aPartyLectureNeedsItsLecturer() {
    assertThat(check(MeetingKind.PARTY_LECTURE, "2026-05-01", null, 5, 5, null, null))
        .singleElement().asString().contains("授课人");
    assertThat(check(MeetingKind.PARTY_LECTURE, "2026-05-01", null, 5, 5, null, "马建国")).isEmpty();
  }

  @Test
  void aMonthEndsWithItsMonthlyMeetingsOnePerPartyGroupAndAQuarterEndAddsTheQuarterlyOnes() {
    List<Due> february = BranchMeetingRules.dueWhenMonthEnds(MeetingPeriod.month(2026, 2), GROUPS);
    assertThat(february).extracting(Due::title).containsExactly("2026年2月支部委员会", "2026年2月第一党小组党小组会",
        "2026年2月第二党小组党小组会", "2026年2月主题党日");
    List<Due> march = BranchMeetingRules.dueWhenMonthEnds(MeetingPeriod.month(2026, 3), List.of());
    assertThat(march).extracting(Due::title).containsExactly("2026年第1季度支部党员大会", "2026年3月支部委员会",
        "2026年第1季度党课", "2026年3月主题党日");
    assertThat(BranchMeetingRules.dueInQuarter(MeetingPeriod.quarter(2026, 1), List.of())).hasSize(3 + 3 + 2);
  }

  @Test
  void aMeetingCountsForTheDueOfItsKindPeriodAndPartyGroup() {
    List<Meeting> held = List.of(new Meeting(MeetingKind.GROUP_MEETING, LocalDate.of(2026, 2, 10), "第一党小组", 5, 5),
        new Meeting(MeetingKind.GENERAL_MEETING, LocalDate.of(2026, 1, 10), null, 20, 15));
    assertThat(BranchMeetingRules.held(new Due(MeetingKind.GROUP_MEETING, "第一党小组", MeetingPeriod.month(2026, 2)),
        held)).isTrue();
    assertThat(BranchMeetingRules.held(new Due(MeetingKind.GROUP_MEETING, "第二党小组", MeetingPeriod.month(2026, 2)),
        held)).isFalse();
    assertThat(BranchMeetingRules.held(new Due(MeetingKind.GROUP_MEETING, "第一党小组", MeetingPeriod.month(2026, 3)),
        held)).isFalse();
    assertThat(BranchMeetingRules.held(new Due(MeetingKind.GENERAL_MEETING, "", MeetingPeriod.quarter(2026, 1)),
        held)).isTrue();
    assertThat(BranchMeetingRules.attendanceRate(held)).isEqualTo(20.0 / 25);
    assertThat(BranchMeetingRules.attendanceRate(List.of())).isZero();
  }

  @Test
  void periodsKnowTheirDaysTheirPredecessorAndTheirNames() {
    assertThat(MeetingPeriod.quarter(2026, 4).lastDay()).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(MeetingPeriod.month(2026, 1).previous()).isEqualTo(MeetingPeriod.month(2025, 12));
    assertThat(MeetingPeriod.quarter(2026, 1).previous().label()).isEqualTo("2025-Q4");
    assertThat(MeetingPeriod.month(2026, 2).lastDay()).isEqualTo(LocalDate.of(2026, 2, 28));
    assertThat(MeetingPeriod.of(MeetingPeriod.Length.QUARTER, LocalDate.of(2026, 6, 30)).title())
        .isEqualTo("2026年第2季度");
  }
}
