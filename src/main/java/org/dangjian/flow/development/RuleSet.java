package org.dangjian.flow.development;

import java.util.Locale;

/**
 * The rules that differ between the national baseline (《中国共产党发展党员工作细则》, 2014) and stricter local
 * practice. An administrator chooses the one for new cases ({@link RuleSetSetting}); a case keeps the rule set it was
 * started under.
 */
enum RuleSet {
  BASELINE(0, true, false, false, false),
  STRICT(6, true, true, true, true);

  /** Minimum months from application to being determined an activist. */
  final int minimumMonthsToActivist;
  /** 细则 Art. 8: a league member under 28 is recommended by the league (团组织推优). */
  final boolean leagueRecommendationRequired;
  /** 5 working days of publicity (公示) before a development target is filed. */
  final boolean targetPublicityRequired;
  /** The higher committee must consent to a development target, not only file it. */
  final boolean targetConsentRequired;
  /** The admission meeting is held within one month of the pre-review. */
  final boolean admissionMeetingWithinMonthOfPreReview;

  RuleSet(int minimumMonthsToActivist, boolean leagueRecommendationRequired, boolean targetPublicityRequired,
      boolean targetConsentRequired, boolean admissionMeetingWithinMonthOfPreReview) {
    this.minimumMonthsToActivist = minimumMonthsToActivist;
    this.leagueRecommendationRequired = leagueRecommendationRequired;
    this.targetPublicityRequired = targetPublicityRequired;
    this.targetConsentRequired = targetConsentRequired;
    this.admissionMeetingWithinMonthOfPreReview = admissionMeetingWithinMonthOfPreReview;
  }

  static final int LEAGUE_RECOMMENDATION_AGE_LIMIT = 28;
  static final int PUBLICITY_WORKING_DAYS = 5;

  String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  static RuleSet fromKey(String key) {
    for (RuleSet r : values()) {
      if (r.key().equals(key)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown rule set '" + key + "', expected baseline or strict");
  }
}
