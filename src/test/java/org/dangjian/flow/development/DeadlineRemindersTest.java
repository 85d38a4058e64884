package org.dangjian.flow.development;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.dangjian.flow.system.BusinessCalendar;
import org.dangjian.flow.system.CalendarDays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The grace of a step opened after its deadline: until the end of the next working day after it opened. */
class DeadlineRemindersTest {

  private final DeadlineReminders reminders = new DeadlineReminders(CalendarDays.parseCsv("""
      2026-10-01,holiday
      2026-10-02,holiday
      2026-10-05,holiday
      2026-10-10,workday
      """, "test")::isWorkingDay);

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static Date at(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(BusinessCalendar.ZONE).toInstant());
  }

  @Test
  void aDeadlineStillAheadIsKept() {
    ClockUtil.setCurrentTime(at("2026-12-02T09:00"));
    assertThat(reminders.at(at("2026-12-02T23:59"))).isEqualTo(at("2026-12-02T23:59"));
  }

  @Test
  void aPassedDeadlineWaitsUntilTheEndOfTheNextWorkingDay() {
    ClockUtil.setCurrentTime(at("2026-12-02T09:00"));
    assertThat(reminders.at(at("2026-10-02T00:00"))).isEqualTo(at("2026-12-04T00:00"));
    // a deadline that passed this very instant counts as passed
    assertThat(reminders.at(at("2026-12-02T09:00"))).isEqualTo(at("2026-12-04T00:00"));
  }

  @Test
  void theGraceSkipsWeekendsAndHolidaysAndCountsMakeUpWorkingDays() {
    ClockUtil.setCurrentTime(at("2026-12-04T15:00"));
    assertThat(reminders.at(at("2026-01-01T00:00"))).as("Friday → Monday").isEqualTo(at("2026-12-08T00:00"));
    assertThat(reminders.nextWorkingDayAfter(LocalDate.parse("2026-09-30"))).isEqualTo("2026-10-06");
    assertThat(reminders.nextWorkingDayAfter(LocalDate.parse("2026-10-09"))).as("调休上班 on a Saturday")
        .isEqualTo("2026-10-10");
  }
}
