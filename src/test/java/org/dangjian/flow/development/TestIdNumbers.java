package org.dangjian.flow.development;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/** Valid, unique resident ID numbers for test applicants (the suite also runs on a kept PostgreSQL database). */
public final class TestIdNumbers {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK = "10X98765432";

  private TestIdNumbers() {
  }

  public static String forBirthDate(LocalDate birthDate) {
    String body = String.format("%06d", ThreadLocalRandom.current().nextInt(110000, 659000))
        + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE)
        + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (body.charAt(i) - '0') * WEIGHTS[i];
    }
    return body + CHECK.charAt(sum % 11);
  }
}
