package org.dangjian.flow.supervision;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.dangjian.flow.development.MemberDevelopment;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The counts of the supervision view (督导总览), each one aggregate query over the engine's tables and ours, grouped in
 * the database so that a working committee's view reads a few hundred rows whatever the number of cases. Read only.
 * A case belongs to the branch its {@code branchId} variable names (a transfer changes it).
 */
@Component
class SupervisionQueries {

  /** A branch's open steps: (branch, activity, cases). */
  record StepCount(String branchId, String activityId, long cases) {
  }

  /** A branch's cases per stage: (branch, stage, cases), each case once per stage. */
  record StageCount(String branchId, String stageKey, long cases) {
  }

  record BranchCount(String branchId, long count) {
  }

  record Violation(String caseNumber, String processInstanceId, String branchId, String ruleCode, String description,
      LocalDate due, LocalDate actual, Date occurredAt) {
  }

  /** Completed steps: how many, average days taken, average days allowed by the due date, how many finished late. */
  record Duration(String activityId, long completed, double averageDays, Double allowedDays, long late) {
  }

  record Grading(String organizationId, int year, String levelName, LocalDate decidedOn, LocalDate finalizedOn) {
  }

  record Assignment(String assignmentKey, String villageId, String villageName, String helpUnitId, LocalDate termStart,
      LocalDate termEnd, LocalDate visitDeadline, LocalDate visitDate, LocalDate endedOn, long flaggedReports,
      long openHelpCases, String lastGrade) {
  }

  private static final String CASE_BRANCH = " join ACT_RU_VARIABLE v on v.EXECUTION_ID_ = e.PROC_INST_ID_"
      + " and v.NAME_ = 'branchId' and v.TEXT_ in (:branches)";
  private static final String OF_PROCESS = " (select d.ID_ from ACT_RE_PROCDEF d where d.KEY_ = :processKey)";
  /** Leaves of the execution tree: where a case waits (a task, a timer), not the scopes around them. */
  private static final String WAITING = " where e.ACT_ID_ is not null and e.PROC_DEF_ID_ in" + OF_PROCESS
      + " and not exists (select 1 from ACT_RU_EXECUTION c where c.PARENT_ID_ = e.ID_)";

  private final NamedParameterJdbcTemplate jdbc;

  SupervisionQueries(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  List<StepCount> openSteps(Collection<String> branches) {
    if (branches.isEmpty()) {
      return List.of();
    }
    return jdbc.query("select v.TEXT_ b, e.ACT_ID_ a, count(distinct e.PROC_INST_ID_) n from ACT_RU_EXECUTION e"
        + CASE_BRANCH + WAITING + " group by v.TEXT_, e.ACT_ID_", params(branches),
        (rs, i) -> new StepCount(rs.getString("b"), rs.getString("a"), rs.getLong("n")));
  }

  /** Cases per stage: the stage of each wait state as a CASE expression from the models' mapping. */
  List<StageCount> stages(Collection<String> branches, Map<String, String> stageOfActivity) {
    if (branches.isEmpty() || stageOfActivity.isEmpty()) {
      return List.of();
    }
    MapSqlParameterSource params = params(branches);
    StringBuilder stage = new StringBuilder("case");
    Map<String, List<String>> byStage = new java.util.LinkedHashMap<>();
    stageOfActivity.forEach((activity, s) -> byStage.computeIfAbsent(s, k -> new ArrayList<>()).add(activity));
    int i = 0;
    for (Map.Entry<String, List<String>> e : byStage.entrySet()) {
      params.addValue("acts" + i, e.getValue()).addValue("stage" + i, e.getKey());
      stage.append(" when e.ACT_ID_ in (:acts").append(i).append(") then :stage").append(i);
      i++;
    }
    stage.append(" else 'other' end");
    return jdbc.query("select b, s, count(distinct p) n from (select v.TEXT_ b, " + stage + " s, e.PROC_INST_ID_ p"
        + " from ACT_RU_EXECUTION e" + CASE_BRANCH + WAITING + ") w group by b, s", params,
        (rs, n) -> new StageCount(rs.getString("b"), rs.getString("s"), rs.getLong("n")));
  }

  List<BranchCount> overdue(Collection<String> branches, Date now) {
    if (branches.isEmpty()) {
      return List.of();
    }
    return jdbc.query("select v.TEXT_ b, count(*) n from ACT_RU_TASK e" + CASE_BRANCH
        + " where e.DUE_DATE_ < :now and e.PROC_DEF_ID_ in" + OF_PROCESS + " group by v.TEXT_",
        params(branches).addValue("now", new Timestamp(now.getTime())),
        (rs, i) -> new BranchCount(rs.getString("b"), rs.getLong("n")));
  }

  private static final String HISTORIC_BRANCH = " join ACT_HI_VARINST v on v.PROC_INST_ID_ = ce.process_instance_id"
      + " and v.EXECUTION_ID_ = v.PROC_INST_ID_ and v.NAME_ = 'branchId' and v.PROC_DEF_KEY_ = :processKey"
      + " and v.TEXT_ in (:branches)";

  List<BranchCount> violationsPerBranch(Collection<String> branches) {
    if (branches.isEmpty()) {
      return List.of();
    }
    return jdbc.query("select v.TEXT_ b, count(*) n from case_event ce" + HISTORIC_BRANCH
        + " where ce.event_type = 'VIOLATION' group by v.TEXT_", params(branches),
        (rs, i) -> new BranchCount(rs.getString("b"), rs.getLong("n")));
  }

  /** The latest violations, newest first. */
  List<Violation> recentViolations(Collection<String> branches, int max) {
    if (branches.isEmpty()) {
      return List.of();
    }
    MapSqlParameterSource params = params(branches);
    List<Violation> rows = jdbc.query("select ce.case_number, ce.process_instance_id, v.TEXT_ b, ce.rule_code,"
        + " ce.description, ce.due_date, ce.actual_date, ce.occurred_at from case_event ce" + HISTORIC_BRANCH
        + " where ce.event_type = 'VIOLATION' order by ce.occurred_at desc, ce.id desc"
        + " offset 0 rows fetch next " + max + " rows only", params,
        (rs, i) -> new Violation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate(),
            rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate(), rs.getTimestamp(8)));
    return rows;
  }

  /** Steps completed since {@code since}: days taken against the days their due date allowed. */
  List<Duration> durations(Collection<String> branches, Date since) {
    if (branches.isEmpty()) {
      return List.of();
    }
    return jdbc.query("select t.TASK_DEF_KEY_ a, count(*) n, avg(t.DURATION_) d,"
        + " avg(case when t.DUE_DATE_ is not null then extract(epoch from t.DUE_DATE_)"
        + " - extract(epoch from t.START_TIME_) end) allowed,"
        + " sum(case when t.DUE_DATE_ is not null and t.END_TIME_ > t.DUE_DATE_ then 1 else 0 end) late"
        + " from ACT_HI_TASKINST t join ACT_HI_VARINST v on v.PROC_INST_ID_ = t.PROC_INST_ID_"
        + " and v.EXECUTION_ID_ = v.PROC_INST_ID_ and v.NAME_ = 'branchId' and v.TEXT_ in (:branches)"
        + " where t.PROC_DEF_KEY_ = :processKey and t.END_TIME_ >= :since and t.DURATION_ is not null"
        + " group by t.TASK_DEF_KEY_",
        params(branches).addValue("since", new Timestamp(since.getTime())),
        (rs, i) -> {
          Object allowed = rs.getObject("allowed");
          return new Duration(rs.getString("a"), rs.getLong("n"), rs.getDouble("d") / 86_400_000d,
              allowed == null ? null : ((Number) allowed).doubleValue() / 86_400d, rs.getLong("late"));
        });
  }

  /** Each organization's latest grading (分类定级). */
  List<Grading> gradings(Collection<String> organizations) {
    if (organizations.isEmpty()) {
      return List.of();
    }
    return jdbc.query("select g.organization_id, g.grading_year, g.final_level_name, g.decided_on, g.finalized_on"
        + " from organization_grading g where g.organization_id in (:orgs) and g.grading_year ="
        + " (select max(l.grading_year) from organization_grading l where l.organization_id = g.organization_id)",
        new MapSqlParameterSource("orgs", organizations),
        (rs, i) -> new Grading(rs.getString(1), rs.getInt(2), rs.getString(3),
            rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate(),
            rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate()));
  }

  /** 驻村帮包 assignments to villages of the subtree or sent by its committees, with their flags. */
  List<Assignment> assignments(Collection<String> organizations) {
    if (organizations.isEmpty()) {
      return List.of();
    }
    return jdbc.query("select a.assignment_key, a.village_id, a.village_name, a.help_unit_id, a.term_start,"
        + " a.term_end, a.visit_deadline, a.visit_date, a.ended_on,"
        + " (select count(*) from village_monthly_report r where r.assignment_key = a.assignment_key and r.flagged),"
        + " (select count(*) from help_case h where h.assignment_key = a.assignment_key and h.closed_on is null),"
        + " (select max(s.grade) from village_assessment s where s.assignment_key = a.assignment_key"
        + " and s.term_year = (select max(y.term_year) from village_assessment y"
        + " where y.assignment_key = a.assignment_key))"
        + " from village_assignment a where a.committee_id in (:orgs) or a.village_id in (:orgs)"
        + " order by a.village_name, a.term_start desc",
        new MapSqlParameterSource("orgs", organizations),
        (rs, i) -> new Assignment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), date(rs, 5),
            date(rs, 6), date(rs, 7), date(rs, 8), date(rs, 9), rs.getLong(10), rs.getLong(11), rs.getString(12)));
  }

  private static LocalDate date(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
    java.sql.Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }

  private static MapSqlParameterSource params(Collection<String> branches) {
    return new MapSqlParameterSource("branches", branches).addValue("processKey", MemberDevelopment.PROCESS_KEY);
  }
}
