package org.dangjian.flow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.dangjian.flow.ProcessTestSupport;
import org.dangjian.flow.system.CalendarDays.Day;
import org.dangjian.flow.system.CalendarDays.Kind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two nodes on one database: each caches the calendar, and a year saved on one counts on the other from its next
 * computation, because every computation compares the calendar's version first. 2099 is a year nobody else uses.
 */
class WorkingDayCalendarClusterTest extends ProcessTestSupport {

  private static final LocalDate MONDAY = LocalDate.parse("2099-06-01");

  @Autowired WorkingDayCalendar calendar;
  @Autowired GlobalSettings settings;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

  private void save(CalendarYear year) {
    new TransactionTemplate(transactions).executeWithoutResult(tx -> {
      settings.lock(WorkingDayCalendar.SETTING);
      calendar.replace(year, "test");
    });
  }

  @Test
  void aYearSavedOnOneNodeCountsOnTheOtherFromItsNextComputation() throws IOException {
    // the database is seeded already: the second node does not read its (empty) file
    WorkingDayCalendar otherNode = new WorkingDayCalendar(jdbc, settings, transactions,
        new ByteArrayResource(new byte[0]));
    assertThat(otherNode.isWorkingDay(LocalDate.parse("2026-10-01"))).isFalse();
    assertThat(otherNode.isWorkingDay(MONDAY)).isTrue();
    try {
      save(new CalendarYear(2099, List.of(new Day(MONDAY, Kind.HOLIDAY, "测试假日")), List.of()));
      assertThat(otherNode.isWorkingDay(MONDAY)).isFalse();
      assertThat(otherNode.endOfWorkingDays(MONDAY, 1)).isEqualTo(MONDAY.plusDays(1));
      assertThat(otherNode.years()).contains(2026, 2099);

      // the version, not the rows, tells a node to reload: a row changed behind the application's back is not seen
      jdbc.update("delete from calendar_day where calendar_date = ?", java.sql.Date.valueOf(MONDAY));
      assertThat(otherNode.isWorkingDay(MONDAY)).isFalse();
      assertThat(new WorkingDayCalendar(jdbc, settings, transactions, new ByteArrayResource(new byte[0]))
          .isWorkingDay(MONDAY)).as("a node started afresh").isTrue();
    } finally {
      save(new CalendarYear(2099, List.of(), List.of()));
    }
    assertThat(otherNode.isWorkingDay(MONDAY)).isTrue();
    assertThat(calendar.isWorkingDay(MONDAY)).isTrue();
  }
}
