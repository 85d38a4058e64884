package org.dangjian.flow.development;

import java.time.LocalDate;
import java.util.Objects;

/** Stage 2: the cultivation of an activist (入党积极分子) before becoming a development target. */
final class ActivistRules {

  static final int MINIMUM_MONTHS_BEFORE_TARGET = 12;
  static final int MINIMUM_REVIEWS_BEFORE_TARGET = 2;
  static final int MONTHS_BETWEEN_REVIEWS = 6;

  private ActivistRules() {
  }

  /**
   * 细则 Art. 13: at least one year of cultivation, and (Art. 11, one review every half year) two reviews
   * on record. The year ends on {@link CalendarRules#monthsAfter}, so an activist from Feb 29 may move on
   * from Feb 28 of the next year, the same reading as the step 7 date check.
   */
  static boolean mayProceedToTarget(LocalDate activistDate, LocalDate on, int reviewsRecorded) {
    Objects.requireNonNull(on, "on");
    LocalDate yearCompleted = CalendarRules.monthsAfter(activistDate, MINIMUM_MONTHS_BEFORE_TARGET);
    return !on.isBefore(yearCompleted) && reviewsRecorded >= MINIMUM_REVIEWS_BEFORE_TARGET;
  }

  /**
   * 细则 Art. 11: the n-th half-yearly review (n ≥ 1). Counted from the activist date each time, so
   * reviews of an Aug 31 activist fall on Feb 28/29 and then on Aug 31 again, not Aug 28.
   */
  static LocalDate reviewDueDate(LocalDate activistDate, int reviewNumber) {
    if (reviewNumber < 1) {
      throw new IllegalArgumentException("reviewNumber starts at 1: " + reviewNumber);
    }
    return CalendarRules.monthsAfter(activistDate, MONTHS_BETWEEN_REVIEWS * reviewNumber);
  }
}
