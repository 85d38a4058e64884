package org.dangjian.flow.villagehelp;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The term (任期) of an assignment, 1 to 3 years from its first day, and its calendar: one monthly report per
 * calendar month it touches, one annual assessment per year of the term.
 */
record Term(LocalDate start, LocalDate end) {

  /** 每月驻村不少于20天: fewer days in the village than this is flagged. */
  static final int DAYS_IN_VILLAGE_PER_MONTH = 20;
  /** The last month's report is due this many days after the month; the assessment opens after that. */
  static final int REPORT_DAYS = 10;
  static final int ASSESSMENT_OPENS_AFTER_DAYS = 15;

  /** A month's report: which month, which days of it belong to the term, when it opens and is due. */
  record ReportMonth(int number, YearMonth month, LocalDate from, LocalDate to, int termYear) {

    LocalDate opensOn() {
      return to.plusDays(1);
    }

    LocalDate dueOn() {
      return to.plusDays(REPORT_DAYS);
    }

    int termDays() {
      return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** 20 days, or all of the term's days in a month the term starts or ends in the middle of. */
    int requiredDays() {
      return Math.min(DAYS_IN_VILLAGE_PER_MONTH, termDays());
    }

    String label() {
      return month.toString();
    }
  }

  record TermYear(int number, LocalDate from, LocalDate to) {

    LocalDate assessmentOpensOn() {
      return to.plusDays(1 + ASSESSMENT_OPENS_AFTER_DAYS);
    }
  }

  /** The earliest and latest last day of a term starting on {@code start}: 1 to 3 years. */
  static LocalDate shortestEnd(LocalDate start) {
    return start.plusYears(1).minusDays(1);
  }

  static LocalDate longestEnd(LocalDate start) {
    return start.plusYears(3).minusDays(1);
  }

  static List<String> problems(LocalDate start, LocalDate end, LocalDate visitDeadline) {
    List<String> problems = new ArrayList<>();
    if (start == null || end == null) {
      return problems;
    }
    if (end.isBefore(shortestEnd(start)) || end.isAfter(longestEnd(start))) {
      problems.add("任期应为1至3年：任期自 " + start + " 起，结束日期应在 " + shortestEnd(start) + " 至 "
          + longestEnd(start) + " 之间，收到 " + end);
    }
    if (visitDeadline != null && (visitDeadline.isBefore(start) || visitDeadline.isAfter(end))) {
      problems.add("一把手走访期限（" + visitDeadline + "）应在任期内（" + start + " 至 " + end + "）");
    }
    return problems;
  }

  boolean contains(LocalDate day) {
    return !day.isBefore(start) && !day.isAfter(end);
  }

  List<TermYear> years() {
    List<TermYear> years = new ArrayList<>();
    for (int n = 1; !start.plusYears(n - 1).isAfter(end); n++) {
      LocalDate to = start.plusYears(n).minusDays(1);
      years.add(new TermYear(n, start.plusYears(n - 1), to.isAfter(end) ? end : to));
    }
    return years;
  }

  int yearOf(LocalDate day) {
    for (TermYear year : years()) {
      if (!day.isAfter(year.to())) {
        return year.number();
      }
    }
    return years().size();
  }

  List<ReportMonth> reportMonths() {
    List<ReportMonth> months = new ArrayList<>();
    int number = 1;
    for (YearMonth m = YearMonth.from(start); !m.isAfter(YearMonth.from(end)); m = m.plusMonths(1)) {
      LocalDate from = m.atDay(1).isBefore(start) ? start : m.atDay(1);
      LocalDate to = m.atEndOfMonth().isAfter(end) ? end : m.atEndOfMonth();
      months.add(new ReportMonth(number++, m, from, to, yearOf(from)));
    }
    return months;
  }

  List<ReportMonth> reportMonthsOfYear(int termYear) {
    return reportMonths().stream().filter(m -> m.termYear() == termYear).toList();
  }
}
