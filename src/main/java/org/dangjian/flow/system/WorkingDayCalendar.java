package org.dangjian.flow.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.dangjian.flow.system.CalendarDays.Day;
import org.dangjian.flow.system.CalendarDays.Kind;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Working days skip weekends and public holidays and count the official make-up working days (调休). The calendar
 * is kept in the database (table {@code calendar_day}) and edited by administrators year by year; the file
 * {@code dangjian.calendar.holidays-file} seeds it on the first start only.
 *
 * <p>The days are cached. Each computation first reads the calendar's version (one primary-key read of
 * {@code global_setting}) and loads the days again only when it changed, so a year saved on any node of a cluster
 * counts on every node from its next computation on, with no stale period and no message between the nodes.
 */
@Component
public class WorkingDayCalendar {

  static final String SETTING = "calendar";

  private record Cached(long version, CalendarDays days) {
  }

  private final JdbcTemplate jdbc;
  private final GlobalSettings settings;
  private volatile Cached cached = new Cached(-1, CalendarDays.EMPTY);

  WorkingDayCalendar(JdbcTemplate jdbc, GlobalSettings settings, PlatformTransactionManager transactions,
      @Value("${dangjian.calendar.holidays-file:classpath:calendar/cn-holidays.csv}") Resource file) throws IOException {
    this.jdbc = jdbc;
    this.settings = settings;
    if (settings.read(SETTING).isEmpty()) {
      CalendarDays seed;
      try (InputStream in = file.getInputStream()) {
        seed = CalendarDays.parseCsv(new String(in.readAllBytes(), StandardCharsets.UTF_8), file.getDescription());
      }
      new TransactionTemplate(transactions).executeWithoutResult(tx -> {
        if (settings.seed(SETTING, null)) {
          insert(seed.days());
        } else {
          tx.setRollbackOnly();
        }
      });
    }
  }

  /** The calendar as it is now, loaded again if any node changed it since this node last looked. */
  public CalendarDays current() {
    long version = settings.require(SETTING).version();
    Cached known = cached;
    if (known.version() != version) {
      // read after the version: the days are at least as new as the version they are cached under
      known = new Cached(version, new CalendarDays(jdbc.query(
          "select calendar_date, kind, name from calendar_day order by calendar_date",
          (rs, n) -> new Day(rs.getDate("calendar_date").toLocalDate(), Kind.ofKey(rs.getString("kind")),
              rs.getString("name")))));
      cached = known;
    }
    return known.days();
  }

  public boolean isWorkingDay(LocalDate date) {
    return current().isWorkingDay(date);
  }

  /** Working days in [start, end], both included. */
  public int workingDaysBetween(LocalDate start, LocalDate end) {
    return current().workingDaysBetween(start, end);
  }

  /** The date on which a period of n working days starting on (or after) start ends. */
  public LocalDate endOfWorkingDays(LocalDate start, int n) {
    return current().endOfWorkingDays(start, n);
  }

  /** The years that have days, in order. */
  public List<Integer> years() {
    return current().days().stream().map(d -> d.date().getYear()).distinct().sorted().toList();
  }

  /**
   * Replaces one year's days, inside the caller's transaction, after {@link GlobalSettings#lock} of
   * {@link #SETTING}: the caller reads the year, compares and logs under that lock.
   */
  public void replace(CalendarYear year, String userId) {
    jdbc.update("delete from calendar_day where calendar_date >= ? and calendar_date < ?",
        Date.valueOf(LocalDate.of(year.year(), 1, 1)), Date.valueOf(LocalDate.of(year.year() + 1, 1, 1)));
    insert(year.days());
    settings.change(SETTING, null, userId);
  }

  private void insert(List<Day> days) {
    jdbc.batchUpdate("insert into calendar_day (calendar_date, kind, name) values (?, ?, ?)", days, 200,
        (ps, day) -> {
          ps.setDate(1, Date.valueOf(day.date()));
          ps.setString(2, day.kind().key);
          ps.setString(3, day.name());
        });
  }
}
