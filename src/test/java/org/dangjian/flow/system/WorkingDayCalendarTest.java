package org.dangjian.flow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class WorkingDayCalendarTest {

  /** The file that seeds a new database, with the arithmetic the database's calendar uses. */
  private final CalendarDays calendar = shipped();

  private static CalendarDays shipped() {
    try (java.io.InputStream in = new ClassPathResource("calendar/cn-holidays.csv").getInputStream()) {
      return CalendarDays.parseCsv(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), "shipped");
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
    assertThatThrownBy(() -> CalendarDays.parseCsv("date,type,name\n2026-10-01,vacation,国庆节\n", "inline"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
  }

  @Test
  void aSeedFileIsCheckedLikeAYearSavedOnThePage() {
    assertThatThrownBy(() -> CalendarDays.parseCsv("2026-03-04,workday,周三调休\n", "inline"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("只能是星期六或星期日");
    assertThatThrownBy(() -> CalendarDays.parseCsv("2026-01-03,holiday,元旦\n2026-01-03,workday,调休\n", "inline"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("不能既是节假日又是调休上班日");
    assertThat(CalendarDays.parseCsv("2026-01-01,holiday\n", "inline").daysOf(2026))
        .extracting(CalendarDays.Day::name).containsExactly("节假日");
  }

  @Test
  void aYearsProblemsNameTheirFields() {
    CalendarYear year = new CalendarYear(2026,
        java.util.List.of(new CalendarDays.Day(d("2026-01-01"), CalendarDays.Kind.HOLIDAY, "元旦"),
            new CalendarDays.Day(d("2027-01-01"), CalendarDays.Kind.HOLIDAY, "元旦")),
        java.util.List.of(new CalendarDays.Day(d("2026-01-01"), CalendarDays.Kind.MAKE_UP_WORKDAY, "调休")));
    assertThat(year.problems()).extracting(CalendarYear.Problem::field)
        .containsExactly("holidays[1].date", "makeUpWorkdays[0].date", "makeUpWorkdays[0].date");
    assertThat(new CalendarYear(1999, java.util.List.of(), java.util.List.of()).problems())
        .extracting(CalendarYear.Problem::field).containsExactly("year");
  }
}
