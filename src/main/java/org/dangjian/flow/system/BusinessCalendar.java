package org.dangjian.flow.system;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Dates are calendar dates in Asia/Shanghai. "Today" follows the engine clock so that tests which move
 * the clock for timers move the domain rules with it.
 */
public final class BusinessCalendar {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private BusinessCalendar() {
  }

  public static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ZONE).toLocalDate();
  }

  /** The first instant of a day, for timers and task due dates. */
  public static Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(ZONE).toInstant());
  }

  /** The instant a day is over: a deadline "on or before D" is passed from here on. */
  public static Date endOf(LocalDate day) {
    return startOf(day.plusDays(1));
  }
}
