package org.dangjian.flow.development;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdNumberTest {

  // The GB 11643-1999 sample number; check digit verified independently (sum % 11 = 2 -> X).
  private static final String VALID = "11010519491231002X";
  private static final LocalDate VALID_BIRTH_DATE = LocalDate.of(1949, 12, 31);

  @Test
  void acceptsTheStandardSampleNumberWithCheckDigitX() {
    assertThat(ResidentIdNumber.hasValidCheckDigit(VALID)).isTrue();
  }

  @Test
  void acceptsLowerCaseXAsCheckDigit() {
    assertThat(ResidentIdNumber.hasValidCheckDigit("11010519491231002x")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"110105200802290011", "110105200001010016", "110105200001011238"})
  void acceptsNumbersWithNumericCheckDigits(String idNumber) {
    assertThat(ResidentIdNumber.hasValidCheckDigit(idNumber)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"110105194912310020", "110105194912310021", "110105200001010017",
      "110105200001011230"})
  void rejectsAWrongCheckDigit(String idNumber) {
    assertThat(ResidentIdNumber.hasValidCheckDigit(idNumber)).isFalse();
  }

  @Test
  void rejectsASwapOfTwoDigitsThatKeepsTheCheckDigit() {
    assertThat(ResidentIdNumber.hasValidCheckDigit("11010519491213002X")).isFalse();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"11010519491231002", "11010519491231002X0", "1101051949123100XX",
      "11010519491231002Y", " 11010519491231002X", "11010519491231002X ", "１1010519491231002X",
      "110105-9491231002X"})
  void rejectsMalformedNumbers(String idNumber) {
    assertThat(ResidentIdNumber.hasValidCheckDigit(idNumber)).isFalse();
    assertThat(ResidentIdNumber.birthDate(idNumber)).isEmpty();
    assertThat(ResidentIdNumber.problems(idNumber, VALID_BIRTH_DATE))
        .containsExactly("居民身份证号码应为18位，前17位为数字，最后一位为数字或X");
  }

  @Test
  void readsTheBirthDateFromCharacters7To14() {
    assertThat(ResidentIdNumber.birthDate(VALID)).contains(VALID_BIRTH_DATE);
  }

  @Test
  void readsALeapDayBirthDate() {
    assertThat(ResidentIdNumber.birthDate("110105200802290011")).contains(LocalDate.of(2008, 2, 29));
  }

  @ParameterizedTest
  @ValueSource(strings = {"440300202302300011", "110105200702290011", "110105200013010011",
      "110105200000010011", "110105200004310011", "110105200001000011"})
  void hasNoBirthDateWhenTheDigitsAreNotACalendarDate(String idNumber) {
    assertThat(ResidentIdNumber.birthDate(idNumber)).isEmpty();
  }

  @Test
  void reportsNoProblemsForAValidNumberMatchingTheBirthDate() {
    assertThat(ResidentIdNumber.problems(VALID, VALID_BIRTH_DATE)).isEmpty();
    assertThat(ResidentIdNumber.problems("11010519491231002x", VALID_BIRTH_DATE)).isEmpty();
  }

  @Test
  void reportsAWrongCheckDigit() {
    assertThat(ResidentIdNumber.problems("110105194912310021", VALID_BIRTH_DATE))
        .containsExactly("居民身份证号码校验位不正确");
  }

  @Test
  void reportsABirthDateMismatchWithBothDates() {
    assertThat(ResidentIdNumber.problems(VALID, LocalDate.of(1949, 12, 30)))
        .containsExactly("居民身份证号码中的出生日期（1949-12-31）与填写的出生日期（1949-12-30）不一致");
  }

  @Test
  void reportsWrongCheckDigitAndMismatchTogether() {
    assertThat(ResidentIdNumber.problems("110105194912310021", LocalDate.of(1950, 1, 1)))
        .containsExactly("居民身份证号码校验位不正确",
            "居民身份证号码中的出生日期（1949-12-31）与填写的出生日期（1950-01-01）不一致");
  }

  @Test
  void reportsABirthDateThatDoesNotExistEvenWithACorrectCheckDigit() {
    assertThat(ResidentIdNumber.hasValidCheckDigit("440300202302300011")).isTrue();
    assertThat(ResidentIdNumber.problems("440300202302300011", LocalDate.of(2023, 2, 28)))
        .containsExactly("居民身份证号码中的出生日期（2023-02-30）不是有效日期");
  }

  @Test
  void skipsTheBirthDateComparisonWhenNoBirthDateWasEntered() {
    assertThat(ResidentIdNumber.problems(VALID, null)).isEmpty();
  }
}
