package org.dangjian.flow.development;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dangjian.flow.development.MemberDevelopment.Tasks.*;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Dates in order across a case ("Across the process", Chronology), the rule alone. */
class ChronologyTest {

  private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);

  private final Map<String, Map<String, LocalDate>> recorded = new LinkedHashMap<>();
  private final Map<String, LocalDate> variables = new LinkedHashMap<>();
  private final Function<String, LocalDate> known = variables::get;

  private void record(String step, String key, String date) {
    recorded.computeIfAbsent(step, k -> new LinkedHashMap<>()).put(key, LocalDate.parse(date));
  }

  private List<Chronology.Problem> submit(String step, String key, String date) {
    return Chronology.problems(step, Map.of(key, LocalDate.parse(date)), recorded, known, TODAY);
  }

  @Test
  void aProbationReviewDatedBeforeAConversionMeetingAlreadyRecordedIsRefusedNamingBothStepsAndDates() {
    // the case: a review of 2022-10-25 after the conversion meeting of 2024-01-26 that extended the probation
    record(OATH, "oathDate", "2022-07-10");
    record(PROBATION_REVIEW, "reviewDate", "2023-09-30");
    record(CONVERSION_MEETING, "conversionMeetingDate", "2024-01-26");
    assertThat(submit(PROBATION_REVIEW, "reviewDate", "2022-10-25")).containsExactly(new Chronology.Problem(
        "reviewDate", "21 继续教育考察的考察日期 2022-10-25 早于本案上一次记录的 21 继续教育考察 考察日期 2023-09-30"
            + "（日期须按办理顺序，不能倒退）"));
    recorded.remove(PROBATION_REVIEW);
    assertThat(submit(PROBATION_REVIEW, "reviewDate", "2022-10-25")).containsExactly(new Chronology.Problem(
        "reviewDate", "21 继续教育考察的考察日期 2022-10-25 早于已记录的 23 支部大会讨论转正 支部大会日期 2024-01-26"
            + "（日期须按办理顺序，不能倒退）"));
  }

  @Test
  void aSecondConversionApplicationDatedBeforeTheFirstIsRefusedNamingBothDates() {
    // the case: an application of 2023-07-20 after one of 2024-01-20
    record(CONVERSION_APPLICATION, "conversionApplicationDate", "2024-01-20");
    assertThat(submit(CONVERSION_APPLICATION, "conversionApplicationDate", "2023-07-20")).extracting(
        Chronology.Problem::message).containsExactly("22 提出转正申请的转正申请日期 2023-07-20 早于本案上一次记录的 "
            + "22 提出转正申请 转正申请日期 2024-01-20（日期须按办理顺序，不能倒退）");
  }

  @Test
  void aDateOnTheDayOfTheLatestRecordedOneIsInOrder() {
    record(CONVERSION_MEETING, "conversionMeetingDate", "2024-01-26");
    assertThat(submit(CONVERSION_APPROVAL, "conversionApprovalDate", "2024-01-26")).isEmpty();
    assertThat(submit(CONVERSION_APPROVAL, "conversionApprovalDate", "2024-01-25")).extracting(
        Chronology.Problem::message).containsExactly("24 上级党委审批转正的审批日期 2024-01-25 早于已记录的 "
            + "23 支部大会讨论转正 支部大会日期 2024-01-26（日期须按办理顺序，不能倒退）");
  }

  @Test
  void aStepIsComparedWithTheLatestDateOfEveryOtherStepWhateverTheirOrderInTheModel() {
    // after an approved extension the case is back at step 21: it comes after step 24's approval of it
    record(CONVERSION_MEETING, "conversionMeetingDate", "2024-01-26");
    record(CONVERSION_APPROVAL, "conversionApprovalDate", "2024-02-05");
    assertThat(submit(PROBATION_REVIEW, "reviewDate", "2024-02-01")).extracting(Chronology.Problem::message)
        .containsExactly("21 继续教育考察的考察日期 2024-02-01 早于已记录的 24 上级党委审批转正 审批日期 2024-02-05"
            + "（日期须按办理顺序，不能倒退）");
  }

  @Test
  void aDateAfterTodayIsRefused() {
    assertThat(submit(FILE_ACTIVIST, "activistFilingDate", "2024-06-02")).extracting(Chronology.Problem::message)
        .containsExactly("备案日期不能晚于今天（2024-06-01）");
  }

  @Test
  void anActivistReviewMustFollowTheActivistDate() {
    variables.put("activistDate", LocalDate.parse("2024-01-10"));
    assertThat(submit(ACTIVIST_REVIEW, "reviewDate", "2024-01-10")).extracting(Chronology.Problem::message)
        .containsExactly("6 培养教育考察的考察日期 2024-01-10 须晚于确定为入党积极分子的日期 2024-01-10");
    assertThat(submit(ACTIVIST_REVIEW, "reviewDate", "2024-01-11")).isEmpty();
  }

  @Test
  void aProbationReviewMustLieWithinTheCurrentProbation() {
    variables.put("probationStartDate", LocalDate.parse("2023-01-20"));
    variables.put("probationEndDate", LocalDate.parse("2024-01-20"));
    assertThat(submit(PROBATION_REVIEW, "reviewDate", "2024-01-21")).extracting(Chronology.Problem::message)
        .containsExactly("21 继续教育考察的考察日期 2024-01-21 不在本案当前的预备期（2023-01-20 至 2024-01-20）内");
    // an approved extension moves the end: the same date is then within it
    variables.put("probationEndDate", LocalDate.parse("2024-07-20"));
    assertThat(submit(PROBATION_REVIEW, "reviewDate", "2024-01-21")).isEmpty();
  }

  @Test
  void theNewStepsOfTheApprovalsModelAreInTheTable() {
    record(CONVERSION_MEETING, "conversionMeetingDate", "2024-01-26");
    assertThat(submit(CONVERSION_PUBLICITY, "publicityStartDate", "2024-01-25")).hasSize(1);
    record(PROBATION_REVIEW, "reviewDate", "2023-10-20");
    recorded.remove(CONVERSION_MEETING);
    assertThat(submit(CANCELLATION_MEETING, "cancellationMeetingDate", "2023-10-19")).extracting(
        Chronology.Problem::message).containsExactly("23b 支部大会讨论取消预备党员资格的支部大会日期 2023-10-19 早于已记录的 "
            + "21 继续教育考察 考察日期 2023-10-20（日期须按办理顺序，不能倒退）");
    recorded.clear();
    record(BRANCH_COMMITTEE_REVIEW, "branchReviewDate", "2023-03-01");
    assertThat(submit(PRE_REVIEW_PUBLICITY, "publicityStartDate", "2023-03-01")).isEmpty();
  }

  @Test
  void theRecordKeepsEachStepsLatestDate() {
    record(PROBATION_REVIEW, "reviewDate", "2023-04-20");
    Map<String, Map<String, LocalDate>> next = Chronology.recordedAfter(PROBATION_REVIEW,
        Map.of("reviewDate", LocalDate.parse("2023-07-20")), recorded);
    assertThat(next.get(PROBATION_REVIEW)).containsEntry("reviewDate", LocalDate.parse("2023-07-20"));
    assertThat(recorded.get(PROBATION_REVIEW)).containsEntry("reviewDate", LocalDate.parse("2023-04-20"));
  }

  @Test
  void aCaseStartedBeforeTheRecordWasKeptIsReadFromItsVariablesLeavingOutTheStepBeingCompleted() {
    variables.put("applicationDate", LocalDate.parse("2023-01-10"));
    variables.put("conversionMeetingDate", LocalDate.parse("2024-01-26"));
    Map<String, Map<String, LocalDate>> fromVariables = Chronology.fromVariables(CONVERSION_MEETING, known);
    assertThat(fromVariables).containsOnlyKeys(Chronology.START);
    assertThat(Chronology.fromVariables(PROBATION_REVIEW, known)).containsKeys(Chronology.START, CONVERSION_MEETING);
  }
}
