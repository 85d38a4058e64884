package org.dangjian.flow.development;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Step 11 集中培训: 细则 Art. 17, "一般不少于三天（或不少于二十四个学时）". */
final class TrainingRule {

  static final int MINIMUM_DAYS = 3;
  static final int MINIMUM_HOURS = 24;

  private TrainingRule() {
  }

  /** Days count both ends (a training from the 1st to the 3rd is 3 days); an end before the start never suffices. */
  static boolean isSufficient(LocalDate start, LocalDate end, int hours) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (end.isBefore(start)) {
      return false;
    }
    return days(start, end) >= MINIMUM_DAYS || hours >= MINIMUM_HOURS;
  }

  /** Missing hours count as 0: a training of 3 days or more needs no class hours recorded. */
  static List<String> problems(LocalDate start, LocalDate end, Integer hours) {
    List<String> problems = new ArrayList<>();
    if (start == null) {
      problems.add("请填写培训开始日期");
    }
    if (end == null) {
      problems.add("请填写培训结束日期");
    }
    int classHours = hours == null ? 0 : hours;
    if (classHours < 0) {
      problems.add("培训学时不能为负数");
    }
    if (start == null || end == null) {
      return problems;
    }
    if (end.isBefore(start)) {
      problems.add("培训结束日期（" + end + "）不能早于开始日期（" + start + "）");
    } else if (classHours >= 0 && !isSufficient(start, end, classHours)) {
      problems.add("集中培训时间不少于3天或不少于24个学时（本次为" + days(start, end) + "天、"
          + classHours + "学时）");
    }
    return problems;
  }

  private static long days(LocalDate start, LocalDate end) {
    return ChronoUnit.DAYS.between(start, end) + 1;
  }
}
