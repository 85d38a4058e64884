package org.dangjian.flow.system;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dangjian.flow.system.CalendarDays.Day;
import org.dangjian.flow.system.CalendarDays.Kind;

/**
 * One year of the holiday calendar as an administrator saves it, and what makes it invalid: a day outside the year, a
 * day listed twice or as both a holiday and a make-up working day, a make-up working day that is not a Saturday or a
 * Sunday (调休 moves a weekend day's rest, nothing else), a missing or overlong name. The same checks apply to the
 * calendar file that seeds a new database.
 */
public record CalendarYear(int year, List<Day> holidays, List<Day> makeUpWorkdays) {

  public static final int FIRST_YEAR = 2000;
  public static final int LAST_YEAR = 2100;
  public static final int MAX_NAME = 20;
  /** Far more than any year's arrangement (about 30 days); keeps a year's change-log entry within its column. */
  public static final int MAX_DAYS = 100;

  /** A problem with its field as the API names it ({@code holidays[2].date}) and a Chinese message naming it too. */
  public record Problem(String field, String message) {
  }

  public CalendarYear {
    holidays = List.copyOf(holidays);
    makeUpWorkdays = List.copyOf(makeUpWorkdays);
  }

  static CalendarYear of(int year, List<Day> days) {
    return new CalendarYear(year, days.stream().filter(d -> d.kind() == Kind.HOLIDAY).toList(),
        days.stream().filter(d -> d.kind() == Kind.MAKE_UP_WORKDAY).toList());
  }

  public static String field(Kind kind, int index, String part) {
    return (kind == Kind.HOLIDAY ? "holidays" : "makeUpWorkdays") + "[" + index + "]." + part;
  }

  public static String label(Kind kind, int index) {
    return "第" + (index + 1) + "个" + kind.title;
  }

  public List<Day> days() {
    List<Day> all = new ArrayList<>(holidays);
    all.addAll(makeUpWorkdays);
    return all;
  }

  public List<Problem> problems() {
    List<Problem> problems = new ArrayList<>();
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      problems.add(new Problem("year", "年份（year）应在 " + FIRST_YEAR + " 到 " + LAST_YEAR + " 之间，收到 " + year));
      return problems;
    }
    if (holidays.size() + makeUpWorkdays.size() > MAX_DAYS) {
      problems.add(new Problem("holidays", "一年的节假日和调休上班日合计不能超过 " + MAX_DAYS + " 天"));
      return problems;
    }
    Map<LocalDate, String> seen = new HashMap<>();
    check(Kind.HOLIDAY, holidays, seen, problems);
    check(Kind.MAKE_UP_WORKDAY, makeUpWorkdays, seen, problems);
    return problems;
  }

  private void check(Kind kind, List<Day> days, Map<LocalDate, String> seen, List<Problem> problems) {
    for (int i = 0; i < days.size(); i++) {
      Day day = days.get(i);
      String label = label(kind, i);
      String dateField = field(kind, i, "date");
      if (day == null || day.date() == null) {
        problems.add(new Problem(dateField, label + "的日期（" + dateField + "）不能为空"));
        continue;
      }
      LocalDate date = day.date();
      if (date.getYear() != year) {
        problems.add(new Problem(dateField, label + "的日期（" + dateField + "）" + date + "不在" + year + "年内"));
        continue;
      }
      String earlier = seen.putIfAbsent(date, label);
      if (earlier != null) {
        problems.add(new Problem(dateField, label + "的日期（" + dateField + "）" + date + "与" + earlier
            + (earlier.endsWith(kind.title) ? "重复" : "相同：一天不能既是节假日又是调休上班日")));
      }
      DayOfWeek weekday = date.getDayOfWeek();
      if (kind == Kind.MAKE_UP_WORKDAY && weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY) {
        problems.add(new Problem(dateField, label + "的日期（" + dateField + "）" + date + "是" + weekdayTitle(date)
            + "：调休上班日只能是星期六或星期日"));
      }
      String nameField = field(kind, i, "name");
      String name = day.name() == null ? "" : day.name().strip();
      if (name.isEmpty()) {
        problems.add(new Problem(nameField, label + "的名称（" + nameField + "）不能为空"));
      } else if (name.codePointCount(0, name.length()) > MAX_NAME) {
        problems.add(new Problem(nameField, label + "的名称（" + nameField + "）不能超过" + MAX_NAME + "个字"));
      }
    }
  }

  public static String weekdayTitle(LocalDate date) {
    return "星期" + "一二三四五六日".charAt(date.getDayOfWeek().getValue() - 1);
  }
}
