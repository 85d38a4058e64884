package org.dangjian.flow.development;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TrainingRuleTest {

  private static final LocalDate START = LocalDate.of(2025, 5, 12);

  @Test
  void refusesTwoDaysAnd23Hours() {
    assertThat(TrainingRule.isSufficient(START, START.plusDays(1), 23)).isFalse();
    assertThat(TrainingRule.problems(START, START.plusDays(1), 23))
        .containsExactly("集中培训时间不少于3天或不少于24个学时（本次为2天、23学时）");
  }

  @Test
  void acceptsThreeDaysWithoutClassHours() {
    assertThat(TrainingRule.isSufficient(START, START.plusDays(2), 0)).isTrue();
    assertThat(TrainingRule.problems(START, START.plusDays(2), 0)).isEmpty();
    assertThat(TrainingRule.problems(START, START.plusDays(2), null)).isEmpty();
  }

  @Test
  void acceptsOneDayWith24Hours() {
    assertThat(TrainingRule.isSufficient(START, START, 24)).isTrue();
    assertThat(TrainingRule.problems(START, START, 24)).isEmpty();
  }

  @Test
  void countsBothTheFirstAndTheLastDay() {
    assertThat(TrainingRule.isSufficient(START, START.plusDays(1), 0)).isFalse();
    assertThat(TrainingRule.isSufficient(START, START.plusDays(2), 0)).isTrue();
  }

  @Test
  void countsDaysAcrossAMonthEnd() {
    assertThat(TrainingRule.isSufficient(LocalDate.of(2025, 2, 27), LocalDate.of(2025, 3, 1), 0)).isTrue();
    assertThat(TrainingRule.isSufficient(LocalDate.of(2024, 2, 28), LocalDate.of(2024, 3, 1), 0)).isTrue();
    assertThat(TrainingRule.isSufficient(LocalDate.of(2025, 2, 28), LocalDate.of(2025, 3, 1), 0)).isFalse();
  }

  @Test
  void refusesOneDayWithoutHoursAndSaysHowMuchThereWas() {
    assertThat(TrainingRule.problems(START, START, null))
        .containsExactly("集中培训时间不少于3天或不少于24个学时（本次为1天、0学时）");
  }

  @Test
  void refusesAnEndBeforeTheStart() {
    assertThat(TrainingRule.isSufficient(START, START.minusDays(1), 40)).isFalse();
    assertThat(TrainingRule.problems(START, START.minusDays(1), 40))
        .containsExactly("培训结束日期（2025-05-11）不能早于开始日期（2025-05-12）");
  }

  @Test
  void refusesNegativeHours() {
    assertThat(TrainingRule.problems(START, START.plusDays(4), -1)).containsExactly("培训学时不能为负数");
    assertThat(TrainingRule.problems(START, START, -1)).containsExactly("培训学时不能为负数");
  }

  @Test
  void asksForMissingDates() {
    assertThat(TrainingRule.problems(null, null, 24)).containsExactly("请填写培训开始日期", "请填写培训结束日期");
    assertThat(TrainingRule.problems(START, null, 24)).containsExactly("请填写培训结束日期");
  }
}
