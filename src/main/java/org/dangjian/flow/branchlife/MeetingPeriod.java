package org.dangjian.flow.branchlife;

import java.time.LocalDate;

/** A month or a quarter of a year, the periods in which 三会一课 fall due. */
public record MeetingPeriod(int year, Length length, int number) {

  public enum Length {
    MONTH, QUARTER
  }

  public MeetingPeriod {
    int max = length == Length.MONTH ? 12 : 4;
    if (number < 1 || number > max) {
      throw new IllegalArgumentException("no " + length + " " + number);
    }
  }

  public static MeetingPeriod month(int year, int month) {
    return new MeetingPeriod(year, Length.MONTH, month);
  }

  public static MeetingPeriod quarter(int year, int quarter) {
    return new MeetingPeriod(year, Length.QUARTER, quarter);
  }

  /** The period of this length that contains the day. */
  public static MeetingPeriod of(Length length, LocalDate day) {
    return length == Length.MONTH ? month(day.getYear(), day.getMonthValue())
        : quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
  }

  public LocalDate firstDay() {
    return LocalDate.of(year, length == Length.MONTH ? number : (number - 1) * 3 + 1, 1);
  }

  public LocalDate lastDay() {
    return firstDay().plusMonths(length == Length.MONTH ? 1 : 3).minusDays(1);
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(firstDay()) && !day.isAfter(lastDay());
  }

  public MeetingPeriod previous() {
    return of(length, firstDay().minusDays(1));
  }

  /** As stored: 2026-03, 2026-Q1. */
  public String label() {
    return length == Length.MONTH ? String.format("%d-%02d", year, number) : year + "-Q" + number;
  }

  /** As shown: 2026年3月, 2026年第1季度. */
  public String title() {
    return length == Length.MONTH ? year + "年" + number + "月" : year + "年第" + number + "季度";
  }
}
