package org.dangjian.flow.villagehelp;

import java.util.List;

/**
 * The annual assessment (年度考核) of a first secretary against the year's unexcused absences (无故缺勤):
 * one caps the grade below 优秀, two at 基本称职, three or more make it 不称职 and ask the committee to recall.
 */
final class AbsenceRule {

  private AbsenceRule() {
  }

  enum Grade {
    EXCELLENT("excellent", "优秀"),
    COMPETENT("competent", "称职"),
    BASICALLY_COMPETENT("basicallyCompetent", "基本称职"),
    INCOMPETENT("incompetent", "不称职");

    final String key;
    final String title;

    Grade(String key, String title) {
      this.key = key;
      this.title = title;
    }

    static Grade ofKey(String key) {
      for (Grade g : values()) {
        if (g.key.equals(key)) {
          return g;
        }
      }
      throw new IllegalArgumentException(key);
    }
  }

  static final int RECALL_ABSENCES = 3;

  /** The best grade the absences allow. */
  static Grade bestAllowed(int absences) {
    if (absences >= RECALL_ABSENCES) {
      return Grade.INCOMPETENT;
    }
    if (absences == 2) {
      return Grade.BASICALLY_COMPETENT;
    }
    if (absences == 1) {
      return Grade.COMPETENT;
    }
    return Grade.EXCELLENT;
  }

  /** Empty when the grade is allowed, else why not (in Chinese). */
  static List<String> problems(Grade grade, int absences) {
    Grade best = bestAllowed(absences);
    if (grade.ordinal() < best.ordinal()) {
      return List.of("本年度无故缺勤" + absences + "次，考核等次最高为“" + best.title + "”，不能评为“" + grade.title + "”");
    }
    return List.of();
  }

  static boolean recallRequired(int absences) {
    return absences >= RECALL_ABSENCES;
  }
}
