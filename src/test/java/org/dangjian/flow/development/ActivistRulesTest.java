package org.dangjian.flow.development;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ActivistRulesTest {

  private static final LocalDate ACTIVIST = LocalDate.of(2024, 3, 15);

  @Test
  void mayProceedExactlyOneYearAfterBecomingActivistWithTwoReviews() {
    assertThat(ActivistRules.mayProceedToTarget(ACTIVIST, LocalDate.of(2025, 3, 15), 2)).isTrue();
  }

  @Test
  void mayNotProceedOneDayBeforeTheYearIsFull() {
    assertThat(ActivistRules.mayProceedToTarget(ACTIVIST, LocalDate.of(2025, 3, 14), 2)).isFalse();
  }

  @Test
  void mayNotProceedWithOnlyOneReviewRecorded() {
    assertThat(ActivistRules.mayProceedToTarget(ACTIVIST, LocalDate.of(2026, 3, 15), 1)).isFalse();
    assertThat(ActivistRules.mayProceedToTarget(ACTIVIST, LocalDate.of(2026, 3, 15), 0)).isFalse();
  }

  @Test
  void mayProceedWithMoreThanTwoReviews() {
    assertThat(ActivistRules.mayProceedToTarget(ACTIVIST, LocalDate.of(2025, 9, 15), 3)).isTrue();
  }

  @Test
  void yearFromALeapDayEndsOnFebruary28() {
    LocalDate leapDay = LocalDate.of(2024, 2, 29);
    assertThat(ActivistRules.mayProceedToTarget(leapDay, LocalDate.of(2025, 2, 27), 2)).isFalse();
    assertThat(ActivistRules.mayProceedToTarget(leapDay, LocalDate.of(2025, 2, 28), 2)).isTrue();
  }

  @Test
  void reviewsFallEverySixMonthsFromTheActivistDate() {
    assertThat(ActivistRules.reviewDueDate(ACTIVIST, 1)).isEqualTo(LocalDate.of(2024, 9, 15));
    assertThat(ActivistRules.reviewDueDate(ACTIVIST, 2)).isEqualTo(LocalDate.of(2025, 3, 15));
    assertThat(ActivistRules.reviewDueDate(ACTIVIST, 3)).isEqualTo(LocalDate.of(2025, 9, 15));
  }

  @Test
  void reviewsOfAnAugust31ActivistReturnToThe31st() {
    LocalDate august31 = LocalDate.of(2024, 8, 31);
    assertThat(ActivistRules.reviewDueDate(august31, 1)).isEqualTo(LocalDate.of(2025, 2, 28));
    assertThat(ActivistRules.reviewDueDate(august31, 2)).isEqualTo(LocalDate.of(2025, 8, 31));
    assertThat(ActivistRules.reviewDueDate(LocalDate.of(2023, 8, 31), 1)).isEqualTo(LocalDate.of(2024, 2, 29));
  }

  @Test
  void secondReviewIsDueWhenTheYearIsFull() {
    assertThat(ActivistRules.reviewDueDate(ACTIVIST, 2))
        .isEqualTo(CalendarRules.monthsAfter(ACTIVIST, ActivistRules.MINIMUM_MONTHS_BEFORE_TARGET));
  }

  @Test
  void refusesAReviewNumberBelowOne() {
    assertThatIllegalArgumentException().isThrownBy(() -> ActivistRules.reviewDueDate(ACTIVIST, 0));
  }
}
