package org.dangjian.flow.audit;

import java.util.List;

/**
 * 全程纪实: one case as an auditor reads it, built from the engine's history or read back from the archive.
 * Times are text in Asia/Shanghai ("2026-02-25 09:30") so an archived record reads the same forever.
 */
public record CaseRecord(String processInstanceId, String processKey, String processName, String caseNumber,
    String subject, String startTime, String startUser, String endTime, String endActivityId, String endName,
    List<Entry> entries, String source) {

  /** Where a record was read from. */
  public static final String FROM_HISTORY = "history";
  public static final String FROM_ARCHIVE = "archive";

  public boolean ended() {
    return endTime != null;
  }

  public CaseRecord from(String newSource) {
    return new CaseRecord(processInstanceId, processKey, processName, caseNumber, subject, startTime, startUser,
        endTime, endActivityId, endName, entries, newSource);
  }

  /** START, STEP (a user task), EVENT (case_event: send-back, reminder, violation...), END. */
  public enum Kind {
    START("开始"), STEP("步骤"), EVENT("事件"), END("结束");

    private final String title;

    Kind(String title) {
      this.title = title;
    }

    public String title() {
      return title;
    }
  }

  /**
   * One line of the record. For a step: its number and name as in the model ("15", "支部大会讨论"), who completed
   * it, its own date (the main date its form recorded, {@code dateLabel} that field's label: "谈话日期") and when it
   * was entered ({@code time}), the values entered. For an event: its type in Chinese, the date it concerns (实际日期)
   * and the description. A case recorded after the fact (补录) is entered today about what happened then: both show.
   */
  public record Entry(int seq, Kind kind, String stepNumber, String name, String activityId, String actor,
      String date, String dateLabel, String time, String open, List<Field> values, String note) {
  }

  /** A value as the clerk saw it: the form's label and the option's label. */
  public record Field(String key, String label, String value) {
  }
}
