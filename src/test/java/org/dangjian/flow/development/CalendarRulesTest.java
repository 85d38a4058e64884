package org.dangjian.flow.development;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CalendarRulesTest {

  @Test
  void monthsAfterKeepsTheDayOfMonth() {
    assertThat(CalendarRules.monthsAfter(LocalDate.of(2025, 3, 15), 1)).isEqualTo(LocalDate.of(2025, 4, 15));
    assertThat(CalendarRules.monthsAfter(LocalDate.of(2025, 11, 30), 3)).isEqualTo(LocalDate.of(2026, 2, 28));
    assertThat(CalendarRules.monthsAfter(LocalDate.of(2025, 3, 15), 12)).isEqualTo(LocalDate.of(2026, 3, 15));
  }

  @Test
  void monthsAfterClampsJanuary31ToTheEndOfFebruary() {
    assertThat(CalendarRules.monthsAfter(LocalDate.of(2025, 1, 31), 1)).isEqualTo(LocalDate.of(2025, 2, 28));
    assertThat(CalendarRules.monthsAfter(LocalDate.of(2024, 1, 31), 1)).isEqualTo(LocalDate.of(2024, 2, 29));
  }

  @Test
  void monthsAfterCountsFromTheOriginalDateWithoutDrift() {
    LocalDate january31 = LocalDate.of(2025, 1, 31);
    assertThat(CalendarRules.monthsAfter(january31, 2)).isEqualTo(LocalDate.of(2025, 3, 31));
    assertThat(CalendarRules.monthsAfter(CalendarRules.monthsAfter(january31, 1), 1))
        .isEqualTo(LocalDate.of(2025, 3, 28));
  }

  @Test
  void monthsAfterZeroIsTheSameDay() {
    assertThat(CalendarRules.monthsAfter(LocalDate.of(2025, 5, 5), 0)).isEqualTo(LocalDate.of(2025, 5, 5));
  }

  @Test
  void monthsAfterRefusesNegativeMonths() {
    assertThatIllegalArgumentException().isThrownBy(() -> CalendarRules.monthsAfter(LocalDate.of(2025, 5, 5), -1));
  }

  @Test
  void onOrBeforeIncludesTheLimitDay() {
    LocalDate limit = LocalDate.of(2025, 6, 30);
    assertThat(CalendarRules.onOrBefore(limit.minusDays(1), limit)).isTrue();
    assertThat(CalendarRules.onOrBefore(limit, limit)).isTrue();
    assertThat(CalendarRules.onOrBefore(limit.plusDays(1), limit)).isFalse();
  }

  @Test
  void withinOneMonthOfApplicationEndsOnTheSameDayNextMonth() {
    LocalDate application = LocalDate.of(2025, 3, 10);
    LocalDate due = CalendarRules.monthsAfter(application, 1);
    assertThat(CalendarRules.onOrBefore(LocalDate.of(2025, 4, 10), due)).isTrue();
    assertThat(CalendarRules.onOrBefore(LocalDate.of(2025, 4, 11), due)).isFalse();
  }

  @Test
  void ageCountsFullYears() {
    LocalDate birth = LocalDate.of(2007, 3, 15);
    assertThat(CalendarRules.ageOn(birth, LocalDate.of(2025, 3, 14))).isEqualTo(17);
    assertThat(CalendarRules.ageOn(birth, LocalDate.of(2025, 3, 15))).isEqualTo(18);
    assertThat(CalendarRules.ageOn(birth, LocalDate.of(2026, 3, 14))).isEqualTo(18);
    assertThat(CalendarRules.ageOn(birth, birth)).isZero();
  }

  @Test
  void leapDayBornTurnsOlderOnMarch1InNonLeapYears() {
    LocalDate birth = LocalDate.of(2008, 2, 29);
    assertThat(CalendarRules.ageOn(birth, LocalDate.of(2026, 2, 28))).isEqualTo(17);
    assertThat(CalendarRules.ageOn(birth, LocalDate.of(2026, 3, 1))).isEqualTo(18);
  }

  @Test
  void leapDayBornTurnsOlderOnFebruary29InLeapYears() {
    LocalDate birth = LocalDate.of(2008, 2, 29);
    assertThat(CalendarRules.ageOn(birth, LocalDate.of(2028, 2, 28))).isEqualTo(19);
    assertThat(CalendarRules.ageOn(birth, LocalDate.of(2028, 2, 29))).isEqualTo(20);
  }

  @Test
  void bornAfterFebruaryOfALeapYearTurnsOlderOnTheSameDate() {
    LocalDate birth = LocalDate.of(2008, 3, 15);
    assertThat(CalendarRules.ageOn(birth, LocalDate.of(2026, 3, 14))).isEqualTo(17);
    assertThat(CalendarRules.ageOn(birth, LocalDate.of(2026, 3, 15))).isEqualTo(18);
    assertThat(CalendarRules.isAdultOn(birth, LocalDate.of(2026, 3, 15))).isTrue();
  }

  @Test
  void ageBeforeBirthIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CalendarRules.ageOn(LocalDate.of(2000, 1, 2), LocalDate.of(2000, 1, 1)));
  }

  @Test
  void rejectsApplicantUnder18() {
    assertThat(CalendarRules.isAdultOn(LocalDate.of(2007, 3, 15), LocalDate.of(2025, 3, 14))).isFalse();
  }

  @Test
  void acceptsApplicantOnTheirEighteenthBirthday() {
    assertThat(CalendarRules.isAdultOn(LocalDate.of(2007, 3, 15), LocalDate.of(2025, 3, 15))).isTrue();
  }

  @Test
  void leapDayBornApplicantIsAdultOnlyFromMarch1() {
    LocalDate birth = LocalDate.of(2008, 2, 29);
    assertThat(CalendarRules.isAdultOn(birth, LocalDate.of(2026, 2, 28))).isFalse();
    assertThat(CalendarRules.isAdultOn(birth, LocalDate.of(2026, 3, 1))).isTrue();
  }

  @Test
  void isNotAdultBeforeBirth() {
    assertThat(CalendarRules.isAdultOn(LocalDate.of(2030, 1, 1), LocalDate.of(2025, 1, 1))).isFalse();
  }
}
