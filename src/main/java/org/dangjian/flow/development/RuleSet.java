package org.dangjian.flow.development;

import java.util.Locale;

/**
 * The rules that differ between the national baseline (《中国共产党发展党员工作细则》, 2014) and stricter local
 * practice. An administrator chooses the one for new cases ({@link RuleSetSetting}); a case keeps the rule set it was
 * started under.
 */
enum RuleSet {
  BASELINE(0, false, false, false, false, false),
  STRICT(6, true, true, true, true, true);

  /** Minimum months from application to being determined an activist. */
  final int minimumMonthsToActivist;
  /**
   * 1995 中组部《关于进一步加强在青年中发展党员工作的意见》 (March 1995): a league member younger than 28 "一般" comes through the
   * league's recommendation (团组织推优). Baseline: another route needs recommendationReason on record; strict: only
   * the league's recommendation.
   */
  final boolean leagueRecommendationOnly;
  /** 5 working days of publicity (公示) before a development target is filed. */
  final boolean targetPublicityRequired;
  /** The higher committee must consent to a development target, not only file it. */
  final boolean targetConsentRequired;
  /** The admission meeting is held within one month of the pre-review. */
  final boolean admissionMeetingWithinMonthOfPreReview;
  /** The same 5 working days of publicity before the pre-review (step 13) and before the conversion approval (24). */
  final boolean committeeStepsPublicityRequired;

  RuleSet(int minimumMonthsToActivist, boolean leagueRecommendationOnly, boolean targetPublicityRequired,
      boolean targetConsentRequired, boolean admissionMeetingWithinMonthOfPreReview,
      boolean committeeStepsPublicityRequired) {
    this.minimumMonthsToActivist = minimumMonthsToActivist;
    this.leagueRecommendationOnly = leagueRecommendationOnly;
    this.targetPublicityRequired = targetPublicityRequired;
    this.targetConsentRequired = targetConsentRequired;
    this.admissionMeetingWithinMonthOfPreReview = admissionMeetingWithinMonthOfPreReview;
    this.committeeStepsPublicityRequired = committeeStepsPublicityRequired;
  }

  /** "28周岁以下": younger than 28, i.e. before the 28th birthday (on recommendationDate). */
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
