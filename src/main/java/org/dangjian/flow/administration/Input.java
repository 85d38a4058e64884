package org.dangjian.flow.administration;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Pattern;
import org.dangjian.flow.system.BusinessCalendar;
import org.dangjian.flow.system.FormContract;

/** Checks of the administration's request fields; each refusal names the field by its key and Chinese label. */
final class Input {

  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  private Input() {
  }

  static AdminRefusal.InvalidInput invalid(String field, String label, String problem) {
    return new AdminRefusal.InvalidInput(field, label + "（" + field + "）" + problem);
  }

  static String text(String field, String label, String value, int maxLength) {
    String text = optionalText(field, label, value, maxLength);
    if (text == null) {
      throw invalid(field, label, "不能为空");
    }
    return text;
  }

  static String optionalText(String field, String label, String value, int maxLength) {
    if (value == null) {
      return null;
    }
    String text;
    try {
      // the same text rules as every form (a name of zero-width characters is empty, no control characters)
      text = FormContract.cleanText(value, false);
    } catch (IllegalArgumentException e) {
      throw invalid(field, label, e.getMessage());
    }
    if (text != null && text.codePointCount(0, text.length()) > maxLength) {
      throw invalid(field, label, "不能超过" + maxLength + "个字");
    }
    return text;
  }

  static String matching(String field, String label, String value, Pattern pattern, String rule) {
    String text = text(field, label, value, 200);
    if (!pattern.matcher(text).matches()) {
      throw invalid(field, label, "“" + echo(text) + "”不符合要求：" + rule);
    }
    return text;
  }

  /** One of the API's values, e.g. {@code branch}; the refusal lists the accepted ones. */
  static <T> T choice(String field, String label, String value, Map<String, T> choices) {
    if (value == null || value.isBlank()) {
      throw invalid(field, label, "不能为空，应为以下之一：" + String.join("、", choices.keySet()));
    }
    T chosen = choices.get(value.trim());
    if (chosen == null) {
      throw invalid(field, label, "的值“" + echo(value) + "”无效，应为以下之一：" + String.join("、", choices.keySet()));
    }
    return chosen;
  }

  /** A real calendar day as exactly YYYY-MM-DD (no 2026-02-30, no 2026-2-3), or null when missing. */
  static LocalDate date(String field, String label, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      if (!DATE.matcher(value).matches()) {
        throw new DateTimeParseException(value, value, 0);
      }
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw invalid(field, label, "应为日期（YYYY-MM-DD），收到“" + echo(value) + "”");
    }
  }

  /** A real calendar day as exactly YYYY-MM-DD, not after today. */
  static LocalDate pastDate(String field, String label, String value) {
    LocalDate date = date(field, label, value);
    if (date == null) {
      return null;
    }
    if (date.isAfter(BusinessCalendar.today())) {
      throw invalid(field, label, "不能晚于今天");
    }
    return date;
  }

  private static String echo(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }
}
