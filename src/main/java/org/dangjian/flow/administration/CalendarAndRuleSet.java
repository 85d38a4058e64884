package org.dangjian.flow.administration;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.dangjian.flow.branchlife.BranchMeetingsRectificationDays;
import org.dangjian.flow.development.RuleSetSetting;
import org.dangjian.flow.system.AccessDeniedException;
import org.dangjian.flow.system.CalendarDays.Day;
import org.dangjian.flow.system.CalendarDays.Kind;
import org.dangjian.flow.system.CalendarYear;
import org.dangjian.flow.system.GlobalSettings;
import org.dangjian.flow.system.WorkingDayCalendar;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 节假日与规则: the holiday calendar year by year and the rule set of new development cases. Both are global: every
 * organization's deadlines count by the same calendar, every new case gets the same rule set. Administrators change
 * them; an organization department reads them (its deadlines depend on them) but changes nothing.
 */
@Service
class CalendarAndRuleSet {

  record DayRequest(String date, String name) {
  }

  record YearRequest(List<DayRequest> holidays, List<DayRequest> makeUpWorkdays) {
  }

  /** meetingRectificationDays optional (unchanged when absent); a text so that "abc" gets our message, not a parser's. */
  record RuleSetRequest(String ruleSet, String meetingRectificationDays) {
  }

  record DayView(String date, String weekday, String name) {
  }

  record YearView(int year, List<DayView> holidays, List<DayView> makeUpWorkdays, List<Integer> years,
      boolean editable, String changedBy, LocalDateTime changedAt) {
  }

  record RuleSetView(String ruleSet, List<RuleSetSetting.Option> options, boolean editable, String changedBy,
      LocalDateTime changedAt, MeetingRectificationView meetingRectification) {
  }

  /** 三会一课: the days to rectify after 季审 decides 责令整改, and the bounds the page checks as well. */
  record MeetingRectificationView(int days, int min, int max, int defaultDays, String changedBy,
      LocalDateTime changedAt) {
  }

  /** What the change log keeps of a year: its days by date and name. */
  record LoggedDay(String date, String name) {
  }

  record LoggedYear(List<LoggedDay> holidays, List<LoggedDay> makeUpWorkdays) {
  }

  record LoggedRuleSet(String ruleSet) {
  }

  record LoggedDays(int days) {
  }

  private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
  private static final Pattern DAYS = Pattern.compile("-?[0-9]+");
  private static final String CALENDAR_SETTING = "calendar";

  private final WorkingDayCalendar calendar;
  private final RuleSetSetting ruleSets;
  private final BranchMeetingsRectificationDays meetingRectificationDays;
  private final GlobalSettings settings;
  private final AdminAccess access;
  private final ChangeLog log;

  CalendarAndRuleSet(WorkingDayCalendar calendar, RuleSetSetting ruleSets,
      BranchMeetingsRectificationDays meetingRectificationDays, GlobalSettings settings, AdminAccess access,
      ChangeLog log) {
    this.calendar = calendar;
    this.ruleSets = ruleSets;
    this.meetingRectificationDays = meetingRectificationDays;
    this.settings = settings;
    this.access = access;
    this.log = log;
  }

  // ---- 节假日

  YearView year(String yearText) {
    AdminAccess.Scope scope = access.scope();
    int year = parseYear(yearText);
    GlobalSettings.Setting setting = settings.require(CALENDAR_SETTING);
    List<Day> days = calendar.current().daysOf(year);
    return new YearView(year, views(days, Kind.HOLIDAY), views(days, Kind.MAKE_UP_WORKDAY), calendar.years(),
        scope.administrator(), setting.changedBy(), setting.changedAt());
  }

  /** Replaces the year's days as a whole; nothing is changed (nor logged) when the year already has exactly these. */
  @Transactional
  YearView saveYear(String yearText, YearRequest request) {
    AdminAccess.Scope scope = administrator();
    int year = parseYear(yearText);
    if (request == null) {
      throw Input.invalid("holidays", "节假日", "缺少请求内容：应提交 holidays 和 makeUpWorkdays 两个列表");
    }
    CalendarYear saved = new CalendarYear(year, days(request.holidays(), Kind.HOLIDAY, "holidays"),
        days(request.makeUpWorkdays(), Kind.MAKE_UP_WORKDAY, "makeUpWorkdays"));
    List<CalendarYear.Problem> problems = saved.problems();
    if (!problems.isEmpty()) {
      throw new AdminRefusal.InvalidInput(problems.get(0).field(), problems.get(0).message());
    }
    settings.lock(CALENDAR_SETTING);
    LoggedYear before = logged(calendar.current().daysOf(year));
    LoggedYear after = logged(saved.days());
    if (!before.equals(after)) {
      calendar.replace(saved, scope.userId());
      log.append(scope.userId(), "calendar", String.valueOf(year), "update", null, before, after);
    }
    return year(yearText);
  }

  private static int parseYear(String text) {
    if (text == null || !YEAR.matcher(text).matches()) {
      throw Input.invalid("year", "年份", "应为四位数字的年份，收到“" + (text == null ? "" : text) + "”");
    }
    int year = Integer.parseInt(text);
    if (year < CalendarYear.FIRST_YEAR || year > CalendarYear.LAST_YEAR) {
      throw Input.invalid("year", "年份", "应在 " + CalendarYear.FIRST_YEAR + " 到 " + CalendarYear.LAST_YEAR
          + " 之间，收到 " + year);
    }
    return year;
  }

  /** The request's days with cleaned names; the year's own rules are {@link CalendarYear#problems}. */
  private static List<Day> days(List<DayRequest> requested, Kind kind, String field) {
    if (requested == null) {
      throw Input.invalid(field, kind.title, "不能缺少：没有" + kind.title + "时请提交空列表 []");
    }
    if (requested.size() > CalendarYear.MAX_DAYS) {
      throw Input.invalid(field, kind.title, "不能超过 " + CalendarYear.MAX_DAYS + " 天");
    }
    List<Day> days = new ArrayList<>();
    for (int i = 0; i < requested.size(); i++) {
      DayRequest day = requested.get(i);
      String label = CalendarYear.label(kind, i);
      if (day == null) {
        throw Input.invalid(field + "[" + i + "]", label, "不能为空");
      }
      String dateField = CalendarYear.field(kind, i, "date");
      LocalDate date = Input.date(dateField, label + "的日期", day.date());
      if (date == null) {
        throw Input.invalid(dateField, label + "的日期", "不能为空");
      }
      String name = Input.text(CalendarYear.field(kind, i, "name"), label + "的名称", day.name(),
          CalendarYear.MAX_NAME);
      days.add(new Day(date, kind, name));
    }
    return days;
  }

  private static List<DayView> views(List<Day> days, Kind kind) {
    return days.stream().filter(d -> d.kind() == kind)
        .map(d -> new DayView(d.date().toString(), CalendarYear.weekdayTitle(d.date()), d.name())).toList();
  }

  private static LoggedYear logged(List<Day> days) {
    return new LoggedYear(logged(days, Kind.HOLIDAY), logged(days, Kind.MAKE_UP_WORKDAY));
  }

  private static List<LoggedDay> logged(List<Day> days, Kind kind) {
    return days.stream().filter(d -> d.kind() == kind).sorted((a, b) -> a.date().compareTo(b.date()))
        .map(d -> new LoggedDay(d.date().toString(), d.name())).toList();
  }

  // ---- 规则

  RuleSetView ruleSet() {
    AdminAccess.Scope scope = access.scope();
    RuleSetSetting.Current current = ruleSets.current();
    BranchMeetingsRectificationDays.Current days = meetingRectificationDays.current();
    return new RuleSetView(current.key(), RuleSetSetting.options(), scope.administrator(), current.changedBy(),
        current.changedAt(), new MeetingRectificationView(days.days(), BranchMeetingsRectificationDays.MIN,
            BranchMeetingsRectificationDays.MAX, BranchMeetingsRectificationDays.DEFAULT, days.changedBy(),
            days.changedAt()));
  }

  /**
   * The rule set applies to development cases started from now on (each running case keeps the one it started
   * under); 三会一课's rectification days to the 责令整改 decided from now on. Both are checked before either changes.
   */
  @Transactional
  RuleSetView saveRuleSet(RuleSetRequest request) {
    AdminAccess.Scope scope = administrator();
    Map<String, String> keys = new LinkedHashMap<>();
    RuleSetSetting.keys().forEach(k -> keys.put(k, k));
    String chosen = Input.choice("ruleSet", "规则", request == null ? null : request.ruleSet(), keys);
    Integer days = request.meetingRectificationDays() == null ? null
        : rectificationDays(request.meetingRectificationDays());
    String before = ruleSets.change(chosen, scope.userId());
    if (!before.equals(chosen)) {
      log.append(scope.userId(), "ruleSet", "ruleSet", "update", null, new LoggedRuleSet(before),
          new LoggedRuleSet(chosen));
    }
    if (days != null) {
      int daysBefore = meetingRectificationDays.change(days, scope.userId());
      if (daysBefore != days) {
        log.append(scope.userId(), "ruleSet", "meetingRectificationDays", "update", null, new LoggedDays(daysBefore),
            new LoggedDays(days));
      }
    }
    return ruleSet();
  }

  private static int rectificationDays(String text) {
    String label = "三会一课整改期限（天）";
    String trimmed = text.strip();
    if (!DAYS.matcher(trimmed).matches()) {
      throw Input.invalid("meetingRectificationDays", label, "应为整数天数，收到“" + text + "”");
    }
    long days = trimmed.length() > 9 ? Long.MAX_VALUE : Long.parseLong(trimmed);
    if (days < BranchMeetingsRectificationDays.MIN || days > BranchMeetingsRectificationDays.MAX) {
      throw Input.invalid("meetingRectificationDays", label, "应在 " + BranchMeetingsRectificationDays.MIN + " 到 "
          + BranchMeetingsRectificationDays.MAX + " 天之间，收到 " + trimmed);
    }
    return (int) days;
  }

  /** Only administrators change global settings: an organization department's reach is its own subtree. */
  private AdminAccess.Scope administrator() {
    AdminAccess.Scope scope = access.scope();
    if (!scope.administrator()) {
      throw new AccessDeniedException("无权限：节假日安排和规则是全局设置，只有系统管理员可以修改；"
          + "用户 " + scope.userId() + " 可以查看");
    }
    return scope;
  }
}
