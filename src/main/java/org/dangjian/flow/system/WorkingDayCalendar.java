package org.dangjian.flow.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Working days skip weekends and public holidays and count the official make-up working days (调休). The
 * calendar is a data file an administrator updates each year ({@code dangjian.calendar.holidays-file}).
 */
@Component
public class WorkingDayCalendar {

  private final Set<LocalDate> holidays = new HashSet<>();
  private final Set<LocalDate> makeUpWorkdays = new HashSet<>();

  @Autowired
  WorkingDayCalendar(@Value("${dangjian.calendar.holidays-file:classpath:calendar/cn-holidays.csv}") Resource file)
      throws IOException {
    try (InputStream in = file.getInputStream()) {
      load(new String(in.readAllBytes(), StandardCharsets.UTF_8), file.getDescription());
    }
  }

  /** For tests and tools: a calendar from CSV text. */
  public static WorkingDayCalendar of(String csv) {
    return new WorkingDayCalendar(csv);
  }

  private WorkingDayCalendar(String csv) {
    load(csv, "inline");
  }

  private void load(String csv, String source) {
    int lineNo = 0;
    for (String line : csv.split("\\R")) {
      lineNo++;
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("date,")) {
        continue;
      }
      String[] parts = trimmed.split(",");
      try {
        LocalDate date = LocalDate.parse(parts[0].strip());
        String type = parts.length > 1 ? parts[1].strip() : "";
        switch (type) {
          case "holiday" -> holidays.add(date);
          case "workday" -> makeUpWorkdays.add(date);
          default -> throw new IllegalArgumentException(
              "holiday calendar " + source + " line " + lineNo + ": type must be holiday or workday, was '" + type + "'");
        }
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("holiday calendar " + source + " line " + lineNo + ": bad date", e);
      }
    }
  }

  public boolean isWorkingDay(LocalDate date) {
    if (makeUpWorkdays.contains(date)) {
      return true;
    }
    if (holidays.contains(date)) {
      return false;
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
