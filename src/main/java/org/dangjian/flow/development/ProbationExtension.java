package org.dangjian.flow.development;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Step 23 转正讨论: the outcome and, for {@code extend}, the length of the extension. */
final class ProbationExtension {

  static final String CONVERT = "convert";
  static final String EXTEND = "extend";
  static final String CANCEL = "cancel";

  static final int MINIMUM_MONTHS = 6;
  static final int MAXIMUM_MONTHS = 12;

  static final String ONLY_ONCE_MESSAGE = "预备期只能延长一次，延长期满后只能转正或取消预备党员资格";
  static final String RANGE_MESSAGE = "延长预备期应为6至12个月";

  private static final Set<String> OUTCOMES = Set.of(CONVERT, EXTEND, CANCEL);

  private ProbationExtension() {
  }

  /**
   * 党章 Art. 7 and 细则 Art. 32: the probation may be extended once, by no less than half a year and
   * no more than one year. {@code extensionMonths} is ignored unless the outcome is {@code extend}.
   */
  static List<String> problems(String conversionOutcome, Integer extensionMonths, boolean alreadyExtended) {
    List<String> problems = new ArrayList<>();
    if (conversionOutcome == null || conversionOutcome.isBlank()) {
      problems.add("请选择转正讨论结果：转正、延长预备期或取消预备党员资格");
      return problems;
    }
    if (!OUTCOMES.contains(conversionOutcome)) {
      problems.add("转正讨论结果（" + conversionOutcome + "）无效，应为转正、延长预备期或取消预备党员资格");
      return problems;
    }
    if (!EXTEND.equals(conversionOutcome)) {
      return problems;
    }
    if (alreadyExtended) {
      problems.add(ONLY_ONCE_MESSAGE);
    } else if (extensionMonths == null) {
      problems.add("延长预备期须填写延长的月数（6至12个月）");
    } else if (extensionMonths < MINIMUM_MONTHS || extensionMonths > MAXIMUM_MONTHS) {
      problems.add(RANGE_MESSAGE);
    }
    return problems;
  }
}
