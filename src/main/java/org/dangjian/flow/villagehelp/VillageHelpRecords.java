package org.dangjian.flow.villagehelp;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.dangjian.flow.audit.CaseEvent;
import org.dangjian.flow.audit.CaseEventType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The assignments, reports, assessments and help cases, written in the transaction of the step. */
@Repository
class VillageHelpRecords {

  record Assignment(String key, String processInstanceId, String committeeId, String helpUnitId, String villageId,
      String villageName, String townshipName, String firstSecretaryId, String unitHeadId, LocalDate termStart,
      LocalDate termEnd, LocalDate visitDeadline, LocalDate visitDate, LocalDate endedOn) {

    Term term() {
      return new Term(termStart, termEnd);
    }
  }

  record HelpCase(String key, String processInstanceId, String assignmentKey, String category, String householdName,
      LocalDate targetDate, LocalDate openedOn, int escalationLevel, int reopenCount, LocalDate resolvedDate,
      LocalDate closedOn) {
  }

  private static final RowMapper<Assignment> ASSIGNMENT = (rs, n) -> new Assignment(rs.getString("assignment_key"),
      rs.getString("process_instance_id"), rs.getString("committee_id"), rs.getString("help_unit_id"),
      rs.getString("village_id"), rs.getString("village_name"), rs.getString("township_name"),
      rs.getString("first_secretary_id"), rs.getString("unit_head_id"), local(rs.getDate("term_start")),
      local(rs.getDate("term_end")), local(rs.getDate("visit_deadline")), local(rs.getDate("visit_date")),
      local(rs.getDate("ended_on")));

  private static final RowMapper<HelpCase> HELP_CASE = (rs, n) -> new HelpCase(rs.getString("case_key"),
      rs.getString("process_instance_id"), rs.getString("assignment_key"), rs.getString("category"),
      rs.getString("household_name"), local(rs.getDate("target_date")), local(rs.getDate("opened_on")),
      rs.getInt("escalation_level"), rs.getInt("reopen_count"), local(rs.getDate("resolved_date")),
      local(rs.getDate("closed_on")));

  private static final RowMapper<CaseEvent> EVENT = (rs, n) -> new CaseEvent(rs.getLong("id"),
      rs.getString("process_instance_id"), rs.getString("case_number"),
      CaseEventType.valueOf(rs.getString("event_type")), rs.getString("rule_code"), rs.getString("activity_id"),
      rs.getString("description"), local(rs.getDate("due_date")), local(rs.getDate("actual_date")),
      rs.getString("user_id"), rs.getTimestamp("occurred_at").toLocalDateTime());

  private final JdbcTemplate jdbc;

  VillageHelpRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  // ---- assignments

  void insertAssignment(Assignment a) {
    jdbc.update("insert into village_assignment (assignment_key, process_instance_id, committee_id, help_unit_id,"
        + " village_id, village_name, township_name, first_secretary_id, unit_head_id, term_start, term_end,"
        + " visit_deadline, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", a.key(), a.processInstanceId(),
        a.committeeId(), a.helpUnitId(), a.villageId(), a.villageName(), a.townshipName(), a.firstSecretaryId(),
        a.unitHeadId(), sql(a.termStart()), sql(a.termEnd()), sql(a.visitDeadline()), now());
  }

  Optional<Assignment> assignment(String key) {
    return jdbc.query("select * from village_assignment where assignment_key = ?", ASSIGNMENT, key).stream()
        .findFirst();
  }

  List<Assignment> assignmentsOf(String committeeId) {
    return jdbc.query("select * from village_assignment where committee_id = ? order by term_start desc,"
        + " assignment_key", ASSIGNMENT, committeeId);
  }

  void visited(String key, LocalDate visitDate) {
    jdbc.update("update village_assignment set visit_date = ? where assignment_key = ?", sql(visitDate), key);
  }

  void firstSecretaryReplaced(String key, String userId) {
    jdbc.update("update village_assignment set first_secretary_id = ? where assignment_key = ?", userId, key);
  }

  /** Which of the three term-end confirmations: village_satisfied, unit_satisfied or committee_satisfied. */
  void satisfaction(String key, String column, boolean satisfied) {
    if (!List.of("village_satisfied", "unit_satisfied", "committee_satisfied").contains(column)) {
      throw new IllegalArgumentException(column);
    }
    jdbc.update("update village_assignment set " + column + " = ? where assignment_key = ?", satisfied, key);
  }

  void ended(String key, LocalDate day) {
    jdbc.update("update village_assignment set ended_on = ? where assignment_key = ?", sql(day), key);
  }

  // ---- monthly reports and assessments

  void saveReport(String key, Term.ReportMonth month, int days, int absences, boolean flagged, String userId) {
    jdbc.update("insert into village_monthly_report (assignment_key, report_month, term_year, days_in_village,"
        + " unexcused_absences, flagged, submitted_by, submitted_at) values (?, ?, ?, ?, ?, ?, ?, ?)", key,
        month.label(), month.termYear(), days, absences, flagged, userId, now());
  }

  List<String> reportedMonths(String key, int termYear) {
    return jdbc.queryForList("select report_month from village_monthly_report where assignment_key = ?"
        + " and term_year = ? order by report_month", String.class, key, termYear);
  }

  int absences(String key, int termYear) {
    Integer sum = jdbc.queryForObject("select coalesce(sum(unexcused_absences), 0) from village_monthly_report"
        + " where assignment_key = ? and term_year = ?", Integer.class, key, termYear);
    return sum == null ? 0 : sum;
  }

  int flaggedReports(String key) {
    return jdbc.queryForObject("select count(*) from village_monthly_report where assignment_key = ? and flagged",
        Integer.class, key);
  }

  void saveAssessment(String key, int termYear, String grade, int absences, boolean recall, String userId) {
    jdbc.update("insert into village_assessment (assignment_key, term_year, grade, unexcused_absences,"
        + " recall_requested, assessed_by, assessed_at) values (?, ?, ?, ?, ?, ?, ?)", key, termYear, grade, absences,
        recall, userId, now());
  }

  // ---- help cases

  /** The next free number of a case of the assignment: {@code <assignmentKey>-<3 digits>}. */
  String nextCaseKey(String assignmentKey) {
    Integer count = jdbc.queryForObject("select count(*) from help_case where assignment_key = ?", Integer.class,
        assignmentKey);
    return assignmentKey + "-" + String.format("%03d", count + 1);
  }

  void insertCase(HelpCase c, String openedBy) {
    jdbc.update("insert into help_case (case_key, process_instance_id, assignment_key, category, household_name,"
        + " target_date, opened_on, opened_by) values (?, ?, ?, ?, ?, ?, ?, ?)", c.key(), c.processInstanceId(),
        c.assignmentKey(), c.category(), c.householdName(), sql(c.targetDate()), sql(c.openedOn()), openedBy);
  }

  Optional<HelpCase> helpCase(String key) {
    return jdbc.query("select * from help_case where case_key = ?", HELP_CASE, key).stream().findFirst();
  }

  List<HelpCase> helpCasesOf(String assignmentKey) {
    return jdbc.query("select * from help_case where assignment_key = ? order by case_key", HELP_CASE,
        assignmentKey);
  }

  void escalated(String key, int level) {
    jdbc.update("update help_case set escalation_level = ? where case_key = ? and escalation_level < ?", level, key,
        level);
  }

  void resolved(String key, LocalDate resolvedDate) {
    jdbc.update("update help_case set resolved_date = ? where case_key = ?", sql(resolvedDate), key);
  }

  void reopened(String key) {
    jdbc.update("update help_case set reopen_count = reopen_count + 1, resolved_date = null where case_key = ?",
        key);
  }

  void closed(String key, LocalDate day) {
    jdbc.update("update help_case set closed_on = ? where case_key = ?", sql(day), key);
  }

  /** The case events of an assignment and of its help cases, newest first. */
  List<CaseEvent> eventsOf(String assignmentKey) {
    return jdbc.query("select e.* from case_event e where e.process_instance_id in (select a.process_instance_id"
        + " from village_assignment a where a.assignment_key = ? union select c.process_instance_id from help_case c"
        + " where c.assignment_key = ?) order by e.occurred_at desc, e.id desc", EVENT, assignmentKey, assignmentKey);
  }

  private static Timestamp now() {
    return new Timestamp(ClockUtil.getCurrentTime().getTime());
  }

  private static Date sql(LocalDate d) {
    return d == null ? null : Date.valueOf(d);
  }

  private static LocalDate local(Date d) {
    return d == null ? null : d.toLocalDate();
  }
}
