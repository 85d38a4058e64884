package org.dangjian.flow.development;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;

/** Calendar arithmetic shared by the deadlines and minimum periods of the development process. */
final class CalendarRules {

  static final int ADULT_AGE = 18;

  private CalendarRules() {
  }

  /**
   * The same day {@code months} calendar months later; "within N months of D" means on or before
   * {@code monthsAfter(D, N)}. Like {@link LocalDate#plusMonths}, a day that the target month lacks
   * is clamped to its last day (Jan 31 + 1 month = Feb 28, or Feb 29 in a leap year): a deadline never
   * spills into the following month, which is the stricter reading. Always count from the original date:
   * chaining (Jan 31 + 1 + 1 = Mar 28) drifts, whereas {@code monthsAfter(Jan 31, 2)} is Mar 31.
   */
  static LocalDate monthsAfter(LocalDate date, int months) {
    Objects.requireNonNull(date, "date");
    if (months < 0) {
      throw new IllegalArgumentException("months must not be negative: " + months);
    }
    return date.plusMonths(months);
  }

  /** Whether {@code actual} meets a deadline: the limit day itself still counts. */
  static boolean onOrBefore(LocalDate actual, LocalDate limit) {
    Objects.requireNonNull(actual, "actual");
    Objects.requireNonNull(limit, "limit");
    return !actual.isAfter(limit);
  }

  /**
   * Age in full years. Someone born on Feb 29 turns a year older on Mar 1 in non-leap years
   * (what {@link Period#between} gives), never on Feb 28.
   */
  static int ageOn(LocalDate birthDate, LocalDate date) {
    Objects.requireNonNull(birthDate, "birthDate");
    Objects.requireNonNull(date, "date");
    if (date.isBefore(birthDate)) {
      throw new IllegalArgumentException("date " + date + " is before birth date " + birthDate);
    }
    return Period.between(birthDate, date).getYears();
  }

  /** 党章 Art. 1 and 细则 Art. 5: only those who have reached 18 may apply. False before birth. */
  static boolean isAdultOn(LocalDate birthDate, LocalDate date) {
    Objects.requireNonNull(birthDate, "birthDate");
    Objects.requireNonNull(date, "date");
    return !date.isBefore(birthDate) && ageOn(birthDate, date) >= ADULT_AGE;
  }
}
