package org.dangjian.flow.development;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Step 17 上级党委审批: 细则 ch. 4 requires approval within 3 months of the branch meeting and, in special
 * circumstances, allows an extension to at most 6 months.
 */
final class ApprovalDeadline {

  static final int DUE_MONTHS = 3;
  static final int EXTENDED_MONTHS = 6;

  static final String EXTENSION_REASON_MESSAGE = "超过支部大会后3个月审批的，须填写延长审批理由";

  private ApprovalDeadline() {
  }

  static LocalDate dueDate(LocalDate meetingDate) {
    return CalendarRules.monthsAfter(meetingDate, DUE_MONTHS);
  }

  static LocalDate extendedLimit(LocalDate meetingDate) {
    return CalendarRules.monthsAfter(meetingDate, EXTENDED_MONTHS);
  }

  /**
   * Refuses only what the committee can correct on the form. An approval past {@link #extendedLimit}
   * is accepted and recorded through {@link #isViolation}: the committee cannot undo the delay.
   */
  static List<String> problems(LocalDate meetingDate, LocalDate approvalDate, String extensionReason) {
    Objects.requireNonNull(meetingDate, "meetingDate");
    List<String> problems = new ArrayList<>();
    if (approvalDate == null) {
      problems.add("请填写审批日期");
      return problems;
    }
    if (approvalDate.isBefore(meetingDate)) {
      problems.add("审批日期（" + approvalDate + "）不能早于支部大会日期（" + meetingDate + "）");
    } else if (!CalendarRules.onOrBefore(approvalDate, dueDate(meetingDate))
        && (extensionReason == null || extensionReason.isBlank())) {
      problems.add(EXTENSION_REASON_MESSAGE);
    }
    return problems;
  }

  static boolean isViolation(LocalDate meetingDate, LocalDate approvalDate) {
    return !CalendarRules.onOrBefore(approvalDate, extendedLimit(meetingDate));
  }
}
