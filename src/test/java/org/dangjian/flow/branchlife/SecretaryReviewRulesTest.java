package org.dangjian.flow.branchlife;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dangjian.flow.branchlife.SecretaryReviewRules.Tally;
import org.junit.jupiter.api.Test;

class SecretaryReviewRulesTest {

  private static final Set<String> OWN = Set.of("a", "b", "c", "d", "e", "f");

  @Test
  void fiveOwnEvaluatorsAreEnoughAndFourAreNot() {
    assertThat(SecretaryReviewRules.evaluatorProblems(List.of("a", "b", "c", "d", "e"), "s", OWN::contains, "支部"))
        .isEmpty();
    assertThat(SecretaryReviewRules.evaluatorProblems(List.of("a", "b", "c", "d"), "s", OWN::contains, "支部"))
        .containsExactly("测评人至少5名（本组织党员和群众代表），现为4名");
  }

  @Test
  void strangersRepeatsAndTheSecretaryAreNoEvaluators() {
    assertThat(SecretaryReviewRules.evaluatorProblems(List.of("a", "a", "b", "x", "s"), "s", OWN::contains, "支部"))
        .containsExactly("测评人不能重复", "“x”不是支部的测评人，请从本组织测评人名单中选择", "述职的书记不能同时作为测评人（s）");
  }

  @Test
  void aProblemNeedsItsTextAndADeadlineAfterToday() {
    List<String> problems = new ArrayList<>();
    LocalDate today = LocalDate.of(2026, 1, 5);
    var raised = SecretaryReviewRules.problemsRaised(List.of(Map.of("problem", "问题一", "deadline", "2026-03-31"),
        Map.of("problem", " ", "deadline", "2026-01-05"), Map.of("problem", "问题三", "deadline", "明天")), today,
        problems);
    assertThat(raised.get(0)).isEqualTo(new SecretaryReviewRules.Problem("问题一", LocalDate.of(2026, 3, 31)));
    assertThat(problems).containsExactly("第2个问题：请填写问题", "第2个问题：整改期限应晚于今天（2026-01-05）",
        "第3个问题：整改期限“明天”不是日期（如 2026-03-05）");
  }

  @Test
  void ratesAreOverTheBallotsCastAndZeroWhenNoneWas() {
    Tally tally = new Tally(3, 1, 1, 1, 8);
    assertThat(tally.cast()).isEqualTo(6);
    assertThat(tally.missing()).isEqualTo(2);
    assertThat(tally.goodRate()).isEqualTo(0.5);
    assertThat(tally.goodOrFairlyGoodRate()).isEqualTo(0.6667);
    assertThat(tally.poorRate()).isEqualTo(0.1667);
    assertThat(new Tally(0, 0, 0, 0, 5).poorRate()).isZero();
    assertThat(SecretaryReviewRules.percent(0.6667)).isEqualTo("66.7%");
  }

  @Test
  void onlyALevelOtherThanTheProposalNeedsAReason() {
    assertThat(SecretaryReviewRules.needsReason("good", "good", null)).isFalse();
    assertThat(SecretaryReviewRules.needsReason("average", "good", " ")).isTrue();
    assertThat(SecretaryReviewRules.needsReason("average", "good", "理由")).isFalse();
  }
}
