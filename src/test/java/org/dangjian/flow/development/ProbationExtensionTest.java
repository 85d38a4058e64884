package org.dangjian.flow.development;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProbationExtensionTest {

  @Test
  void refusesAnExtensionOfFiveMonths() {
    assertThat(ProbationExtension.problems("extend", 5, false)).containsExactly("延长预备期应为6至12个月");
  }

  @ParameterizedTest
  @ValueSource(ints = {6, 9, 12})
  void acceptsAnExtensionOfSixToTwelveMonths(int months) {
    assertThat(ProbationExtension.problems("extend", months, false)).isEmpty();
  }

  @Test
  void refusesAnExtensionOfThirteenMonths() {
    assertThat(ProbationExtension.problems("extend", 13, false)).containsExactly("延长预备期应为6至12个月");
  }

  @Test
  void refusesAnExtensionWithoutMonths() {
    assertThat(ProbationExtension.problems("extend", null, false))
        .containsExactly("延长预备期须填写延长的月数（6至12个月）");
  }

  @Test
  void refusesASecondExtension() {
    assertThat(ProbationExtension.problems("extend", 6, true))
        .containsExactly("预备期只能延长一次，延长期满后只能转正或取消预备党员资格");
  }

  @Test
  void allowsConversionOrCancellationAfterAnExtension() {
    assertThat(ProbationExtension.problems("convert", null, true)).isEmpty();
    assertThat(ProbationExtension.problems("cancel", null, true)).isEmpty();
  }

  @Test
  void ignoresExtensionMonthsUnlessExtending() {
    assertThat(ProbationExtension.problems("convert", 3, false)).isEmpty();
    assertThat(ProbationExtension.problems("cancel", 24, false)).isEmpty();
  }

  @Test
  void refusesAMissingOutcome() {
    assertThat(ProbationExtension.problems(null, null, false))
        .containsExactly("请选择转正讨论结果：转正、延长预备期或取消预备党员资格");
    assertThat(ProbationExtension.problems(" ", null, false))
        .containsExactly("请选择转正讨论结果：转正、延长预备期或取消预备党员资格");
  }

  @ParameterizedTest
  @ValueSource(strings = {"approve", "Extend", "CONVERT", "extend "})
  void refusesAnUnknownOutcome(String outcome) {
    assertThat(ProbationExtension.problems(outcome, 6, false))
        .containsExactly("转正讨论结果（" + outcome + "）无效，应为转正、延长预备期或取消预备党员资格");
  }
}
