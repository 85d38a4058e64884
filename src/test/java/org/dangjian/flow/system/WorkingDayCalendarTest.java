package org.dangjian.flow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class WorkingDayCalendarTest {

  private final WorkingDayCalendar calendar = shipped();

  private static WorkingDayCalendar shipped() {
    try {
      return new WorkingDayCalendar(new ClassPathResource("calendar/cn-holidays.csv"));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static LocalDate d(String date) {
    return LocalDate.parse(date);
  }

  @Test
  void nationalDayWeekIsOffAndItsMakeUpDaysAreWorked() {
    assertThat(calendar.isWorkingDay(d("2026-09-20"))).as("Sunday, make-up working day").isTrue();
    assertThat(calendar.isWorkingDay(d("2026-10-01"))).isFalse();
    assertThat(calendar.isWorkingDay(d("2026-10-07"))).isFalse();
    assertThat(calendar.isWorkingDay(d("2026-10-08"))).isTrue();
    assertThat(calendar.isWorkingDay(d("2026-10-10"))).as("Saturday, make-up working day").isTrue();
    assertThat(calendar.isWorkingDay(d("2026-10-11"))).as("ordinary Sunday").isFalse();
  }

  @Test
  void fiveWorkingDaysAcrossNationalDayEndTheMondayAfterTheMakeUpSaturday() {
    // Sep 30, Oct 8, Oct 9, Oct 10 (make-up Saturday), Oct 12
    assertThat(calendar.endOfWorkingDays(d("2026-09-30"), 5)).isEqualTo(d("2026-10-12"));
    assertThat(calendar.workingDaysBetween(d("2026-09-30"), d("2026-10-11"))).isEqualTo(4);
    assertThat(calendar.workingDaysBetween(d("2026-09-30"), d("2026-10-12"))).isEqualTo(5);
  }

  @Test
  void springFestival2026CountsItsMakeUpSaturdays() {
    assertThat(calendar.workingDaysBetween(d("2026-02-12"), d("2026-02-24"))).isEqualTo(4);
    assertThat(calendar.endOfWorkingDays(d("2026-02-12"), 5)).isEqualTo(d("2026-02-25"));
    assertThat(calendar.isWorkingDay(d("2026-02-28"))).isTrue();
  }

  @Test
  void ordinaryWeeksSkipWeekends() {
    assertThat(calendar.workingDaysBetween(d("2026-03-02"), d("2026-03-08"))).isEqualTo(5);
  }

  @Test
  void aMalformedCalendarIsRejectedWithItsLine() {
    assertThatThrownBy(() -> WorkingDayCalendar.of("date,type,name\n2026-10-01,vacation,国庆节\n"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
  }
}
