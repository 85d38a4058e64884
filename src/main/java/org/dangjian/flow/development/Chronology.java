package org.dangjian.flow.development;

import static org.dangjian.flow.development.MemberDevelopment.Tasks.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Dates in order ("Across the process", Chronology): no step's date is earlier than a date the case already
 * recorded at another step (a review before the previous review, an application before the meeting it follows),
 * and none is after today; probation reviews (21) lie within the current probation period, activist reviews (6)
 * after the activist date. One table of every step's dates, so a new date is one line here; the case's record of
 * what was dated is kept by {@link DevelopmentSteps} (variable {@link #RECORDED}) as the steps complete.
 *
 * <p>Loops are read from the record, not from the model: a repeated step (reviews, a meeting held again, a step sent
 * back to) is compared with its own previous dates field by field, and with the latest date of every other step
 * recorded so far, whichever came first in the model — a probation review after an extension comes after the
 * conversion meeting that extended it.
 */
final class Chronology {

  /** The case's record of dates: step id → field key → the latest date that step recorded (yyyy-MM-dd). */
  static final String RECORDED = "recordedStepDates";
  static final String START = "StartEvent_ApplicationSubmitted";

  record DateField(String key, String label) {
  }

  record StepDates(String step, String title, List<DateField> fields) {
  }

  /** Each step's dates as its form records them, in step order; only days that happened (no revisit date). */
  static final Map<String, StepDates> TABLE = new LinkedHashMap<>();

  static {
    add(START, "1 递交入党申请书", "applicationDate", "递交入党申请书日期");
    add(APPLICANT_TALK, "2 党组织派人谈话", "talkDate", "谈话日期");
    add(DETERMINE_ACTIVIST, "3 推荐和确定入党积极分子", "recommendationDate", "推荐日期",
        "committeeMeetingDate", "支委会研究日期");
    add(FILE_ACTIVIST, "4 上级党委备案", "activistFilingDate", "备案日期");
    add(ACTIVIST_REVIEW, "6 培养教育考察", "reviewDate", "考察日期");
    add(DETERMINE_TARGET, "7 确定发展对象", "opinionsCollectedDate", "听取意见日期",
        "committeeMeetingDate", "支委会研究日期");
    add(TARGET_PUBLICITY, "7a 发展对象公示", "publicityStartDate", "公示开始日期", "publicityEndDate", "公示结束日期");
    add(FILE_TARGET, "8 报上级党委备案", "targetFilingDate", "备案日期");
    add(POLITICAL_REVIEW, "10 政治审查", "politicalReviewDate", "政审日期");
    add(CONCENTRATED_TRAINING, "11 开展集中培训", "trainingStartDate", "培训开始日期", "trainingEndDate", "培训结束日期");
    add(BRANCH_COMMITTEE_REVIEW, "12 支部委员会审查", "branchReviewDate", "审查日期");
    add(PRE_REVIEW_PUBLICITY, "12a 预审前公示", "publicityStartDate", "公示开始日期", "publicityEndDate", "公示结束日期");
    add(PRE_REVIEW, "13 上级党委预审", "preReviewDate", "预审日期");
    add(ADMISSION_ON_HOLD, "13a 暂缓接收", "resumeDate", "恢复日期");
    add(FILL_VOLUNTEER_FORM, "14 填写入党志愿书", "volunteerFormDate", "填写日期");
    add(ADMISSION_MEETING, "15 支部大会讨论", "meetingDate", "支部大会日期");
    add(COMMITTEE_TALK, "16 上级党委派人谈话", "committeeTalkDate", "谈话日期");
    add(ADMISSION_APPROVAL, "17 上级党委审批", "admissionApprovalDate", "审批日期");
    add(FILE_WITH_ORG_DEPT, "18 再上一级党委组织部门备案", "orgDeptFilingDate", "备案日期");
    add(OATH, "20 入党宣誓", "oathDate", "宣誓日期");
    add(PROBATION_REVIEW, "21 继续教育考察", "reviewDate", "考察日期");
    add(CONVERSION_APPLICATION, "22 提出转正申请", "conversionApplicationDate", "转正申请日期");
    add(CONVERSION_MEETING, "23 支部大会讨论转正", "conversionMeetingDate", "支部大会日期");
    add(CONVERSION_PUBLICITY, "23a 拟转正公示", "publicityStartDate", "公示开始日期", "publicityEndDate", "公示结束日期");
    add(CANCELLATION_MEETING, "23b 支部大会讨论取消预备党员资格", "cancellationMeetingDate", "支部大会日期");
    add(CONVERSION_APPROVAL, "24 上级党委审批转正", "conversionApprovalDate", "审批日期");
    add(ARCHIVE, "25 材料归档", "archiveDate", "归档日期");
  }

  private static void add(String step, String title, String... keysAndLabels) {
    List<DateField> fields = new ArrayList<>();
    for (int i = 0; i < keysAndLabels.length; i += 2) {
      fields.add(new DateField(keysAndLabels[i], keysAndLabels[i + 1]));
    }
    TABLE.put(step, new StepDates(step, title, List.copyOf(fields)));
  }

  /** One refusal, and the form field it is about. */
  record Problem(String field, String message) {
  }

  private Chronology() {
  }

  /**
   * What is wrong with the dates a step submits.
   *
   * @param submitted the step's dates as submitted (an unreadable or missing one absent: the step reports it)
   * @param recorded the case's record: step → field → date, see {@link #RECORDED}
   * @param known the case's current variables, for the activist date and the probation period
   */
  static List<Problem> problems(String step, Map<String, LocalDate> submitted,
      Map<String, Map<String, LocalDate>> recorded, Function<String, LocalDate> known, LocalDate today) {
    StepDates dates = TABLE.get(step);
    List<Problem> problems = new ArrayList<>();
    if (dates == null) {
      return problems;
    }
    // the latest date of every other step, and where it came from
    LocalDate latest = null;
    String latestStep = null;
    String latestLabel = null;
    for (Map.Entry<String, Map<String, LocalDate>> other : recorded.entrySet()) {
      if (other.getKey().equals(step) || !TABLE.containsKey(other.getKey())) {
        continue;
      }
      for (DateField f : TABLE.get(other.getKey()).fields()) {
        LocalDate d = other.getValue().get(f.key());
        if (d != null && (latest == null || d.isAfter(latest))) {
          latest = d;
          latestStep = TABLE.get(other.getKey()).title();
          latestLabel = f.label();
        }
      }
    }
    Map<String, LocalDate> previous = recorded.getOrDefault(step, Map.of());
    for (DateField f : dates.fields()) {
      LocalDate d = submitted.get(f.key());
      if (d == null) {
        continue;
      }
      String what = dates.title() + "的" + f.label() + " " + d;
      if (d.isAfter(today)) {
        // the same words as StepInput.pastDate, so the two say it once
        problems.add(new Problem(f.key(), f.label() + "不能晚于今天（" + today + "）"));
        continue;
      }
      LocalDate before = previous.get(f.key());
      if (before != null && d.isBefore(before)) {
        problems.add(new Problem(f.key(), what + " 早于本案上一次记录的 " + dates.title() + " " + f.label() + " "
            + before + "（日期须按办理顺序，不能倒退）"));
      } else if (latest != null && d.isBefore(latest)) {
        problems.add(new Problem(f.key(), what + " 早于已记录的 " + latestStep + " " + latestLabel + " " + latest
            + "（日期须按办理顺序，不能倒退）"));
      }
    }
    if (ACTIVIST_REVIEW.equals(step)) {
      LocalDate activist = known.apply("activistDate");
      LocalDate d = submitted.get("reviewDate");
      if (d != null && activist != null && !d.isAfter(activist)) {
        // 细则 Art. 11: 党组织每半年对入党积极分子进行一次考察 — a review of the time since the activist date
        problems.add(new Problem("reviewDate", "6 培养教育考察的考察日期 " + d + " 须晚于确定为入党积极分子的日期 "
            + activist));
      }
    }
    if (PROBATION_REVIEW.equals(step)) {
      LocalDate start = known.apply("probationStartDate");
      LocalDate end = known.apply("probationEndDate");
      LocalDate d = submitted.get("reviewDate");
      if (d != null && start != null && end != null && (d.isBefore(start) || d.isAfter(end))) {
        // 细则 Art. 30: 党组织对预备党员应当认真教育和考察 — during the probation, which runs to probationEndDate
        problems.add(new Problem("reviewDate", "21 继续教育考察的考察日期 " + d + " 不在本案当前的预备期（" + start
            + " 至 " + end + "）内"));
      }
    }
    return problems;
  }

  /** The record after a step completed with these dates: its own entry holds the latest of each field. */
  static Map<String, Map<String, LocalDate>> recordedAfter(String step, Map<String, LocalDate> submitted,
      Map<String, Map<String, LocalDate>> recorded) {
    Map<String, Map<String, LocalDate>> next = new LinkedHashMap<>();
    recorded.forEach((k, v) -> next.put(k, new LinkedHashMap<>(v)));
    if (!TABLE.containsKey(step)) {
      return next;
    }
    Map<String, LocalDate> own = next.computeIfAbsent(step, k -> new LinkedHashMap<>());
    submitted.forEach((key, date) -> {
      if (date != null) {
        own.merge(key, date, (a, b) -> b.isAfter(a) ? b : a);
      }
    });
    return next;
  }

  /**
   * The record of a case started before it was kept: each step's dates the case still holds as variables (the
   * one-step inputs, such as review dates, are gone and so cannot be compared). The step being completed is left
   * out: what it holds now is what it submits.
   */
  static Map<String, Map<String, LocalDate>> fromVariables(String currentStep, Function<String, LocalDate> known) {
    Map<String, Map<String, LocalDate>> recorded = new LinkedHashMap<>();
    java.util.Set<String> submittedKeys = new java.util.HashSet<>();
    if (TABLE.containsKey(currentStep)) {
      TABLE.get(currentStep).fields().forEach(f -> submittedKeys.add(f.key()));
    }
    for (StepDates s : TABLE.values()) {
      if (s.step().equals(currentStep)) {
        continue;
      }
      for (DateField f : s.fields()) {
        LocalDate d = submittedKeys.contains(f.key()) ? null : known.apply(f.key());
        if (d != null) {
          recorded.computeIfAbsent(s.step(), k -> new LinkedHashMap<>()).put(f.key(), d);
        }
      }
    }
    return recorded;
  }

  /** A date as a step submitted it, or null when it is not one (the step's own check says so). */
  static LocalDate parse(Object raw) {
    if (raw instanceof java.util.Date d) {
      return d.toInstant().atZone(org.dangjian.flow.system.BusinessCalendar.ZONE).toLocalDate();
    }
    if (raw == null || !raw.toString().trim().matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
      return null;
    }
    try {
      return LocalDate.parse(raw.toString().trim());
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }
}
