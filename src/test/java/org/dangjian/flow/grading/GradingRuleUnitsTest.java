package org.dangjian.flow.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The plain rules behind the grading steps. */
class GradingRuleUnitsTest {

  @Test
  void satisfactionCountsBasicallySatisfiedOverTheBallotsCastNotTheEvaluatorsNamed() {
    Evaluation e = new Evaluation(3, 1, 1, 7);
    assertThat(e.cast()).isEqualTo(5);
    assertThat(e.missing()).isEqualTo(2);
    assertThat(e.satisfactionRate()).isEqualTo(0.8);
    assertThat(e.unsatisfiedRate()).isEqualTo(0.2);
    assertThat(Evaluation.percent(e.satisfactionRate())).isEqualTo("80%");
  }

  @Test
  void noBallotCastGivesNoSatisfaction() {
    Evaluation e = new Evaluation(0, 0, 0, 5);
    assertThat(e.satisfactionRate()).isZero();
    assertThat(e.missing()).isEqualTo(5);
  }

  @Test
  void listsAreReadAsTasklistJsonCollectionsOrCommaText() {
    assertThat(SelfAssessment.list("[\"a\",\"b\",\"a\"]")).containsExactly("a", "b");
    assertThat(SelfAssessment.list(List.of("x", " y "))).containsExactly("x", "y");
    assertThat(SelfAssessment.list("u1, u2，u3")).containsExactly("u1", "u2", "u3");
    assertThat(SelfAssessment.list(null)).isEmpty();
  }

  @Test
  void unknownWeakSignsAreNamed() {
    assertThat(SelfAssessment.unknownWeakSigns(List.of("disunity", "laziness"))).containsExactly("laziness");
  }

  @Test
  void acceptancePassesAt70PointsAndAtMostHalfUnsatisfied() {
    assertThat(RectificationAcceptance.passed(70, 0.5)).isTrue();
    assertThat(RectificationAcceptance.passed(69, 0.0)).isFalse();
    assertThat(RectificationAcceptance.passed(100, RectificationAcceptance.unsatisfiedRate(20, 11))).isFalse();
  }
}
