package org.dangjian.flow.branchlife;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The rules of 三会一课 (branch-life.md): what a recorded meeting must be, what falls due at the end of a month or
 * a quarter, and what was held. Plain Java, called from the process's listeners and unit-tested on its own.
 */
final class BranchMeetingRules {

  private BranchMeetingRules() {
  }

  /** What the clerk recorded, parsed. */
  record Recorded(MeetingKind kind, LocalDate date, String partyGroup, Integer entitled, Integer present,
      String absentees, String lecturer) {
  }

  /** A meeting on the books. */
  record Meeting(MeetingKind kind, LocalDate date, String partyGroup, int entitled, int present) {
  }

  /** One meeting due in a period: of a kind, of one 党小组 ("" for the others). */
  record Due(MeetingKind kind, String partyGroup, MeetingPeriod period) {

    String title() {
      return period.title() + (partyGroup.isEmpty() ? "" : partyGroup) + kind.title();
    }
  }

  /**
   * The problems of a recorded meeting (empty when it may be recorded): not in the future, in the process's year,
   * no more present than entitled, who was absent when anyone was, the 党小组 of a 党小组会 and the lecturer of a
   * 党课.
   */
  static List<String> check(Recorded m, LocalDate today, int year, Collection<String> partyGroups) {
    List<String> problems = new ArrayList<>();
    if (m.date() != null) {
      if (m.date().isAfter(today)) {
        problems.add("会议日期（" + m.date() + "）不能晚于今天（" + today + "）：会议开过后才能记录");
      } else if (m.date().getYear() != year) {
        problems.add("会议日期（" + m.date() + "）不在" + year + "年度内，请在该年度的三会一课中记录");
      }
    }
    if (m.entitled() != null && m.present() != null) {
      if (m.present() > m.entitled()) {
        problems.add("实到人数（" + m.present() + "）不能多于应到人数（" + m.entitled() + "）");
      } else if (m.present() < m.entitled() && blank(m.absentees())) {
        problems.add("实到人数少于应到人数，请填写缺席人员及原因");
      }
    }
    if (m.kind() == MeetingKind.GROUP_MEETING) {
      if (blank(m.partyGroup())) {
        problems.add("党小组会须填写党小组");
      } else if (!partyGroups.contains(m.partyGroup())) {
        problems.add("“" + m.partyGroup() + "”不是本支部的党小组" + (partyGroups.isEmpty()
            ? "（党员名册中本支部尚未划分党小组）" : "，本支部的党小组：" + String.join("、", partyGroups)));
      }
    }
    if (m.kind() == MeetingKind.PARTY_LECTURE && blank(m.lecturer())) {
      problems.add("党课须填写授课人");
    }
    return problems;
  }

  /**
   * What falls due when the month ends: its monthly meetings (a 党小组会 for each 党小组; none in a branch without
   * 党小组), and at a quarter's last month the quarter's too.
   */
  static List<Due> dueWhenMonthEnds(MeetingPeriod month, Collection<String> partyGroups) {
    List<Due> due = new ArrayList<>();
    MeetingPeriod quarter = MeetingPeriod.of(MeetingPeriod.Length.QUARTER, month.firstDay());
    boolean quarterEnds = month.lastDay().equals(quarter.lastDay());
    for (MeetingKind kind : MeetingKind.values()) {
      if (kind.period() == MeetingPeriod.Length.QUARTER && !quarterEnds) {
        continue;
      }
      MeetingPeriod period = kind.period() == MeetingPeriod.Length.MONTH ? month : quarter;
      if (kind.perPartyGroup()) {
        partyGroups.forEach(g -> due.add(new Due(kind, g, period)));
      } else {
        due.add(new Due(kind, "", period));
      }
    }
    return due;
  }

  /** Everything due in a quarter: its three months' monthly meetings, then the quarter's own. */
  static List<Due> dueInQuarter(MeetingPeriod quarter, Collection<String> partyGroups) {
    List<Due> due = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      due.addAll(dueWhenMonthEnds(MeetingPeriod.of(MeetingPeriod.Length.MONTH, quarter.firstDay().plusMonths(i)),
          partyGroups));
    }
    due.sort(java.util.Comparator.comparing(d -> d.period().length()));
    return due;
  }

  static boolean held(Due due, Collection<Meeting> meetings) {
    return meetings.stream().anyMatch(m -> m.kind() == due.kind() && due.period().contains(m.date())
        && (!due.kind().perPartyGroup() || due.partyGroup().equals(m.partyGroup())));
  }

  /** Present over entitled across the meetings (0 without any). */
  static double attendanceRate(Collection<Meeting> meetings) {
    long entitled = meetings.stream().mapToLong(Meeting::entitled).sum();
    long present = meetings.stream().mapToLong(Meeting::present).sum();
    return entitled == 0 ? 0 : (double) present / entitled;
  }

  static String percent(double rate) {
    return Math.round(rate * 1000) / 10.0 + "%";
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
