package org.dangjian.flow.development;

import java.time.LocalDate;
import java.util.List;

/**
 * Step 3 (rule set), League recommendation: a league member (共青团员) younger than 28 on {@code recommendationDate}
 * comes, as a rule, through the league's recommendation (团组织推优, {@code leagueRecommendation}).
 */
final class LeagueRecommendation {

  static final String REASON = "recommendationReason";
  static final String LEAGUE = "leagueRecommendation";

  private LeagueRecommendation() {
  }

  /** Younger than 28: the 28th birthday has not come yet on that day (on the birthday itself one is 28). */
  static boolean youngerThanLimit(LocalDate birthDate, LocalDate on) {
    return CalendarRules.ageOn(birthDate, on) < RuleSet.LEAGUE_RECOMMENDATION_AGE_LIMIT;
  }

  /**
   * What is wrong with a league member's recommendation: nothing for a league recommendation or one of 28 and over;
   * otherwise the baseline wants the reason on record and the strict rule set refuses.
   */
  static List<String> problems(RuleSet rules, LocalDate birthDate, LocalDate recommendationDate, String method,
      String reason) {
    if (LEAGUE.equals(method) || birthDate == null || recommendationDate.isBefore(birthDate)
        || !youngerThanLimit(birthDate, recommendationDate)) {
      return List.of();
    }
    String age = "推荐日期（" + recommendationDate + "）未满" + RuleSet.LEAGUE_RECOMMENDATION_AGE_LIMIT + "周岁（"
        + birthDate.plusYears(RuleSet.LEAGUE_RECOMMENDATION_AGE_LIMIT) + " 满" + RuleSet.LEAGUE_RECOMMENDATION_AGE_LIMIT
        + "周岁）的共青团员";
    if (rules.leagueRecommendationOnly) {
      // 1995 中组部意见 ("一般"应经团组织推优), applied without exception by the strict rule set
      return List.of("按本地从严规则，" + age + "须经团组织推优（" + LEAGUE + "）方可确定为入党积极分子");
    }
    if (reason == null) {
      // 1995 中组部《关于进一步加强在青年中发展党员工作的意见》: 发展团员入党"一般"要经过推优 — exceptions on record
      return List.of(age + "一般应经团组织推优；以其他方式推荐的，须填写未经团组织推优的理由（" + REASON + "）");
    }
    return List.of();
  }
}
