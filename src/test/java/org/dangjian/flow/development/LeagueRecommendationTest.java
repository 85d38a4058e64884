package org.dangjian.flow.development;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The under-28 league recommendation (1995 中组部意见: "一般"应经团组织推优) in both rule sets, at its boundary. */
class LeagueRecommendationTest {

  private static final LocalDate RECOMMENDED = LocalDate.of(2025, 2, 1);
  /** 27 on the recommendation date: the 28th birthday is the day after. */
  private static final LocalDate AGED_27 = LocalDate.of(1997, 2, 2);
  /** 28 on the recommendation date: it is the 28th birthday. */
  private static final LocalDate AGED_28 = LocalDate.of(1997, 2, 1);
  private static final LocalDate AGED_29 = LocalDate.of(1995, 12, 1);

  @Test
  void theDayBeforeThe28thBirthdayIsYoungerThan28AndTheBirthdayItselfIsNot() {
    assertThat(LeagueRecommendation.youngerThanLimit(AGED_27, RECOMMENDED)).isTrue();
    assertThat(LeagueRecommendation.youngerThanLimit(AGED_28, RECOMMENDED)).isFalse();
    assertThat(LeagueRecommendation.youngerThanLimit(AGED_29, RECOMMENDED)).isFalse();
  }

  @Test
  void baselineAsksA27YearOldRecommendedOtherwiseForTheReason() {
    assertThat(LeagueRecommendation.problems(RuleSet.BASELINE, AGED_27, RECOMMENDED, "memberRecommendation", null))
        .containsExactly("推荐日期（2025-02-01）未满28周岁（2025-02-02 满28周岁）的共青团员一般应经团组织推优；"
            + "以其他方式推荐的，须填写未经团组织推优的理由（recommendationReason）");
  }

  @Test
  void baselineAcceptsA27YearOldRecommendedOtherwiseWithTheReasonOnRecord() {
    assertThat(LeagueRecommendation.problems(RuleSet.BASELINE, AGED_27, RECOMMENDED, "massOrgRecommendation",
        "所在单位未建立团组织")).isEmpty();
  }

  @Test
  void strictRefusesA27YearOldRecommendedOtherwiseEvenWithAReason() {
    assertThat(LeagueRecommendation.problems(RuleSet.STRICT, AGED_27, RECOMMENDED, "memberRecommendation",
        "所在单位未建立团组织")).containsExactly("按本地从严规则，推荐日期（2025-02-01）未满28周岁（2025-02-02 满28周岁）"
            + "的共青团员须经团组织推优（leagueRecommendation）方可确定为入党积极分子");
  }

  @ParameterizedTest
  @EnumSource(RuleSet.class)
  void neitherRuleSetAsksAnythingOfA28Or29YearOld(RuleSet rules) {
    assertThat(LeagueRecommendation.problems(rules, AGED_28, RECOMMENDED, "memberRecommendation", null)).isEmpty();
    assertThat(LeagueRecommendation.problems(rules, AGED_29, RECOMMENDED, "memberRecommendation", null)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(RuleSet.class)
  void theLeaguesRecommendationIsAlwaysTheUsualRoute(RuleSet rules) {
    assertThat(LeagueRecommendation.problems(rules, AGED_27, RECOMMENDED, "leagueRecommendation", null)).isEmpty();
  }

  @Test
  void theRuleSetsDifferOnlyInWhetherTheExceptionIsAllowed() {
    assertThat(RuleSet.BASELINE.leagueRecommendationOnly).isFalse();
    assertThat(RuleSet.STRICT.leagueRecommendationOnly).isTrue();
  }
}
