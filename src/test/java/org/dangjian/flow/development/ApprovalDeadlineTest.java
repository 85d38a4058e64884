package org.dangjian.flow.development;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ApprovalDeadlineTest {

  private static final LocalDate MEETING = LocalDate.of(2025, 4, 10);
  private static final String REASON_REQUIRED = "超过支部大会后3个月审批的，须填写延长审批理由";

  @Test
  void isDueThreeMonthsAfterTheMeeting() {
    assertThat(ApprovalDeadline.dueDate(MEETING)).isEqualTo(LocalDate.of(2025, 7, 10));
  }

  @Test
  void mayBeExtendedToSixMonthsAfterTheMeeting() {
    assertThat(ApprovalDeadline.extendedLimit(MEETING)).isEqualTo(LocalDate.of(2025, 10, 10));
  }

  @Test
  void clampsDeadlinesAtTheEndOfShortMonths() {
    LocalDate november30 = LocalDate.of(2025, 11, 30);
    assertThat(ApprovalDeadline.dueDate(november30)).isEqualTo(LocalDate.of(2026, 2, 28));
    assertThat(ApprovalDeadline.extendedLimit(LocalDate.of(2025, 8, 31))).isEqualTo(LocalDate.of(2026, 2, 28));
  }

  @Test
  void acceptsApprovalOnTheMeetingDay() {
    assertThat(ApprovalDeadline.problems(MEETING, MEETING, null)).isEmpty();
  }

  @Test
  void refusesApprovalBeforeTheMeeting() {
    assertThat(ApprovalDeadline.problems(MEETING, MEETING.minusDays(1), "换届"))
        .containsExactly("审批日期（2025-04-09）不能早于支部大会日期（2025-04-10）");
  }

  @Test
  void acceptsApprovalExactlyThreeMonthsLaterWithoutReason() {
    assertThat(ApprovalDeadline.problems(MEETING, LocalDate.of(2025, 7, 10), null)).isEmpty();
  }

  @Test
  void requiresAReasonOneDayAfterThreeMonths() {
    assertThat(ApprovalDeadline.problems(MEETING, LocalDate.of(2025, 7, 11), null))
        .containsExactly(REASON_REQUIRED);
    assertThat(ApprovalDeadline.problems(MEETING, LocalDate.of(2025, 7, 11), "  "))
        .containsExactly(REASON_REQUIRED);
  }

  @Test
  void acceptsLateApprovalWithAReason() {
    assertThat(ApprovalDeadline.problems(MEETING, LocalDate.of(2025, 7, 11), "党委换届")).isEmpty();
  }

  @Test
  void acceptsApprovalBeyondSixMonthsWithAReasonButRecordsAViolation() {
    LocalDate approval = LocalDate.of(2025, 10, 11);
    assertThat(ApprovalDeadline.problems(MEETING, approval, "党委换届")).isEmpty();
    assertThat(ApprovalDeadline.isViolation(MEETING, approval)).isTrue();
  }

  @Test
  void stillRequiresAReasonBeyondSixMonths() {
    assertThat(ApprovalDeadline.problems(MEETING, LocalDate.of(2026, 1, 1), null))
        .containsExactly(REASON_REQUIRED);
  }

  @Test
  void approvalExactlySixMonthsLaterIsNoViolation() {
    assertThat(ApprovalDeadline.isViolation(MEETING, LocalDate.of(2025, 10, 10))).isFalse();
  }

  @Test
  void approvalOneDayAfterSixMonthsIsAViolation() {
    assertThat(ApprovalDeadline.isViolation(MEETING, LocalDate.of(2025, 10, 11))).isTrue();
  }

  @Test
  void approvalWithinThreeMonthsIsNoViolation() {
    assertThat(ApprovalDeadline.isViolation(MEETING, MEETING)).isFalse();
    assertThat(ApprovalDeadline.isViolation(MEETING, LocalDate.of(2025, 7, 11))).isFalse();
  }

  @Test
  void asksForAMissingApprovalDate() {
    assertThat(ApprovalDeadline.problems(MEETING, null, null)).containsExactly("请填写审批日期");
  }
}
