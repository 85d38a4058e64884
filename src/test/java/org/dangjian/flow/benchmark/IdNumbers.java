package org.dangjian.flow.benchmark;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Valid resident ID numbers for the benchmark's applicants, unique per applicant number within a region. */
public final class IdNumbers {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

  private IdNumbers() {
  }

  /** Region (first two digits 11 to 65) + birth date + sequence; the applicant number picks county and sequence. */
  public static String of(int region, LocalDate birthDate, int applicant) {
    String body = String.format("%02d%04d", region, applicant / 1000) + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE)
        + String.format("%03d", applicant % 1000);
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (body.charAt(i) - '0') * WEIGHTS[i];
    }
    return body + "10X98765432".charAt(sum % 11);
  }
}
