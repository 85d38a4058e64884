package org.dangjian.flow.development;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The 18-character resident ID number (居民身份证号码, GB 11643-1999) as recorded at step 1. */
public final class ResidentIdNumber {

  static final String FORMAT_MESSAGE = "居民身份证号码应为18位，前17位为数字，最后一位为数字或X";
  static final String CHECK_DIGIT_MESSAGE = "居民身份证号码校验位不正确";

  // ASCII only on purpose: \d would not, but full-width digits must be refused as well.
  private static final Pattern FORMAT = Pattern.compile("[0-9]{17}[0-9Xx]");

  // ISO 7064 MOD 11-2, as prescribed by GB 11643-1999.
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK_CHARACTERS = "10X98765432";

  private ResidentIdNumber() {
  }

  static boolean hasValidCheckDigit(String idNumber) {
    if (!hasValidFormat(idNumber)) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < WEIGHTS.length; i++) {
      sum += (idNumber.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK_CHARACTERS.charAt(sum % 11) == Character.toUpperCase(idNumber.charAt(17));
  }

  /** Characters 7–14 as yyyyMMdd; empty when the number is malformed or the date does not exist. */
  static Optional<LocalDate> birthDate(String idNumber) {
    if (!hasValidFormat(idNumber)) {
      return Optional.empty();
    }
    int year = Integer.parseInt(idNumber.substring(6, 10));
    int month = Integer.parseInt(idNumber.substring(10, 12));
    int day = Integer.parseInt(idNumber.substring(12, 14));
    try {
      return Optional.of(LocalDate.of(year, month, day));
    } catch (DateTimeException notACalendarDate) {
      return Optional.empty();
    }
  }

  /**
   * Problems to show the clerk, empty when the number is fine. The comparison with {@code birthDate}
   * is skipped when no birth date was entered; that field reports its own absence.
   */
  public static List<String> problems(String idNumber, LocalDate birthDate) {
    List<String> problems = new ArrayList<>();
    if (!hasValidFormat(idNumber)) {
      problems.add(FORMAT_MESSAGE);
      return problems;
    }
    if (!hasValidCheckDigit(idNumber)) {
      problems.add(CHECK_DIGIT_MESSAGE);
    }
    Optional<LocalDate> encoded = birthDate(idNumber);
    if (encoded.isEmpty()) {
      problems.add("居民身份证号码中的出生日期（" + encodedDateText(idNumber) + "）不是有效日期");
    } else if (birthDate != null && !encoded.get().equals(birthDate)) {
      problems.add("居民身份证号码中的出生日期（" + encoded.get() + "）与填写的出生日期（"
          + birthDate + "）不一致");
    }
    return problems;
  }

  private static boolean hasValidFormat(String idNumber) {
    return idNumber != null && FORMAT.matcher(idNumber).matches();
  }

  private static String encodedDateText(String idNumber) {
    return idNumber.substring(6, 10) + "-" + idNumber.substring(10, 12) + "-" + idNumber.substring(12, 14);
  }
}
