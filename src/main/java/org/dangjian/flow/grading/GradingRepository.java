package org.dangjian.flow.grading;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Campaigns, gradings (the history, year by year) and ballots of 分类定级. */
@Repository
class GradingRepository {

  /** One line of an organization's grading history. */
  record GradingRecord(String organizationId, int year, String processInstanceId, Integer selfTotal,
      Integer committeeScore, String finalLevel, String finalLevelName, LocalDate decidedOn, LocalDate finalizedOn) {
  }

  record BallotCount(int satisfied, int basicallySatisfied, int unsatisfied) {
    int cast() {
      return satisfied + basicallySatisfied + unsatisfied;
    }
  }

  private final JdbcTemplate jdbc;

  GradingRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Timestamp> campaignStartedAt(String committeeId, int year) {
    return jdbc.query("select started_at from grading_campaign where committee_id = ? and campaign_year = ?",
        (rs, n) -> rs.getTimestamp(1), committeeId, year).stream().findFirst();
  }

  /**
   * Checks before inserting: on PostgreSQL a failed insert spoils the engine's whole transaction. A start that
   * loses the race still fails on the primary key, and the engine rolls it back.
   */
  void addCampaign(String committeeId, int year, String processInstanceId, String startedBy) {
    jdbc.update("insert into grading_campaign (committee_id, campaign_year, process_instance_id, started_by,"
        + " started_at) values (?, ?, ?, ?, ?)", committeeId, year, processInstanceId, startedBy, now());
  }

  Optional<GradingRecord> find(String organizationId, int year) {
    return jdbc.query("select * from organization_grading where organization_id = ? and grading_year = ?",
        (rs, n) -> new GradingRecord(rs.getString("organization_id"), rs.getInt("grading_year"),
            rs.getString("process_instance_id"), (Integer) rs.getObject("self_total", Integer.class),
            (Integer) rs.getObject("committee_score", Integer.class), rs.getString("final_level"),
            rs.getString("final_level_name"), localDate(rs.getDate("decided_on")),
            localDate(rs.getDate("finalized_on"))), organizationId, year).stream().findFirst();
  }

  List<GradingRecord> history(String organizationId) {
    return jdbc.query("select * from organization_grading where organization_id = ? and final_level is not null"
        + " order by grading_year", (rs, n) -> new GradingRecord(rs.getString("organization_id"),
            rs.getInt("grading_year"), rs.getString("process_instance_id"),
            (Integer) rs.getObject("self_total", Integer.class),
            (Integer) rs.getObject("committee_score", Integer.class), rs.getString("final_level"),
            rs.getString("final_level_name"), localDate(rs.getDate("decided_on")),
            localDate(rs.getDate("finalized_on"))), organizationId);
  }

  /** The primary key (organization, year) keeps a second grading of the same year out even in a race. */
  void addGrading(String organizationId, int year, String processInstanceId) {
    jdbc.update("insert into organization_grading (organization_id, grading_year, process_instance_id, started_at)"
        + " values (?, ?, ?, ?)", organizationId, year, processInstanceId, now());
  }

  void recordResult(String organizationId, int year, int selfTotal, int committeeScore, String finalLevel,
      String finalLevelName, LocalDate decidedOn, LocalDate finalizedOn) {
    jdbc.update("update organization_grading set self_total = ?, committee_score = ?, final_level = ?,"
        + " final_level_name = ?, decided_on = ?, finalized_on = ? where organization_id = ? and grading_year = ?",
        selfTotal, committeeScore, finalLevel, finalLevelName, Date.valueOf(decidedOn), Date.valueOf(finalizedOn),
        organizationId, year);
  }

  void addBallot(String processInstanceId, String evaluatorId, String satisfaction, String comment) {
    jdbc.update("insert into grading_ballot (process_instance_id, evaluator_id, satisfaction, comment_text, cast_at)"
        + " values (?, ?, ?, ?, ?)", processInstanceId, evaluatorId, satisfaction, comment, now());
  }

  BallotCount countBallots(String processInstanceId) {
    int[] counts = new int[3];
    jdbc.query("select satisfaction, count(*) from grading_ballot where process_instance_id = ? group by satisfaction",
        rs -> {
          int n = rs.getInt(2);
          switch (rs.getString(1)) {
            case "satisfied" -> counts[0] = n;
            case "basicallySatisfied" -> counts[1] = n;
            default -> counts[2] = n;
          }
        }, processInstanceId);
    return new BallotCount(counts[0], counts[1], counts[2]);
  }

  /**
   * The comments, without who wrote them and in an order that says nothing of when: the case's history shows when
   * each evaluator's ballot ended, so an order by time would name the writers.
   */
  List<String> ballotComments(String processInstanceId) {
    return jdbc.queryForList("select comment_text from grading_ballot where process_instance_id = ?"
        + " and comment_text is not null", String.class, processInstanceId).stream().sorted().toList();
  }

  private static Timestamp now() {
    return new Timestamp(ClockUtil.getCurrentTime().getTime());
  }

  private static LocalDate localDate(Date d) {
    return d == null ? null : d.toLocalDate();
  }
}
