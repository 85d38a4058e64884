package org.dangjian.flow.system;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One version of the holiday calendar: the public holidays and the make-up working days (调休) of every year it
 * holds. Immutable, so a computation sees one version from its first day to its last. Working days skip weekends and
 * public holidays and count the make-up working days.
 */
public final class CalendarDays {

  public enum Kind {
    HOLIDAY("holiday", "节假日"),
    MAKE_UP_WORKDAY("makeUpWorkday", "调休上班日");

    /** The value in the API and the database. */
    public final String key;
    public final String title;

    Kind(String key, String title) {
      this.key = key;
      this.title = title;
    }

    public static Kind ofKey(String key) {
      for (Kind kind : values()) {
        if (kind.key.equals(key)) {
          return kind;
        }
      }
      throw new IllegalArgumentException("unknown calendar day kind '" + key + "'");
    }
  }

  public record Day(LocalDate date, Kind kind, String name) {
  }

  static final CalendarDays EMPTY = new CalendarDays(List.of());

  private final Map<LocalDate, Day> days;

  CalendarDays(Collection<Day> days) {
    this.days = days.stream().collect(Collectors.toMap(Day::date, Function.identity(), (a, b) -> {
      throw new IllegalArgumentException("calendar day " + a.date() + " listed twice");
    }, TreeMap::new));
  }

  /**
   * The calendar file as shipped ({@code calendar/cn-holidays.csv}: {@code date,type,name}, type {@code holiday} or
   * {@code workday}), each year checked like a year saved on the administration page.
   */
  public static CalendarDays parseCsv(String csv, String source) {
    List<Day> days = new ArrayList<>();
    int lineNo = 0;
    for (String line : csv.split("\\R")) {
      lineNo++;
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("date,")) {
        continue;
      }
      String[] parts = trimmed.split(",", 3);
      LocalDate date;
      try {
        date = LocalDate.parse(parts[0].strip());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("holiday calendar " + source + " line " + lineNo + ": bad date", e);
      }
      String type = parts.length > 1 ? parts[1].strip() : "";
      Kind kind = switch (type) {
        case "holiday" -> Kind.HOLIDAY;
        case "workday" -> Kind.MAKE_UP_WORKDAY;
        default -> throw new IllegalArgumentException(
            "holiday calendar " + source + " line " + lineNo + ": type must be holiday or workday, was '" + type + "'");
      };
      String name = parts.length > 2 && !parts[2].isBlank() ? parts[2].strip()
          : kind == Kind.HOLIDAY ? "节假日" : "调休上班";
      days.add(new Day(date, kind, name));
    }
    Map<Integer, List<Day>> byYear = days.stream().collect(Collectors.groupingBy(d -> d.date().getYear(),
        TreeMap::new, Collectors.toList()));
    for (Map.Entry<Integer, List<Day>> year : byYear.entrySet()) {
      List<CalendarYear.Problem> problems = CalendarYear.of(year.getKey(), year.getValue()).problems();
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException("holiday calendar " + source + ": " + problems.stream()
            .map(CalendarYear.Problem::message).collect(Collectors.joining("；")));
      }
    }
    return new CalendarDays(days);
  }

  /** Every day, in date order. */
  public List<Day> days() {
    return List.copyOf(days.values());
  }

  public List<Day> daysOf(int year) {
    return days.values().stream().filter(d -> d.date().getYear() == year)
        .sorted(Comparator.comparing(Day::date)).toList();
  }

  public boolean isWorkingDay(LocalDate date) {
    Day listed = days.get(date);
    if (listed != null) {
      return listed.kind() == Kind.MAKE_UP_WORKDAY;
    }
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
  }

  /** Working days in [start, end], both included. */
  public int workingDaysBetween(LocalDate start, LocalDate end) {
    int count = 0;
    for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
      if (isWorkingDay(d)) {
        count++;
      }
    }
    return count;
  }

  /** The date on which a period of n working days starting on (or after) start ends. */
  public LocalDate endOfWorkingDays(LocalDate start, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("a period has at least one working day: " + n);
    }
    LocalDate d = start;
    int counted = 0;
    while (true) {
      if (isWorkingDay(d) && ++counted == n) {
        return d;
      }
      d = d.plusDays(1);
    }
  }
}
