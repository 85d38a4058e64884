package org.dangjian.flow.grading;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.dangjian.flow.system.SecretBallots;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Campaigns and gradings (the history, year by year) of 分类定级; its ballots are {@link SecretBallots}'. */
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
  private final SecretBallots ballots;

  GradingRepository(JdbcTemplate jdbc, SecretBallots ballots) {
    this.jdbc = jdbc;
    this.ballots = ballots;
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

  /** The ballots cast for the grading, counted by {@link SecretBallots} (the ballots are secret). */
  BallotCount countBallots(String processInstanceId) {
    Map<String, Integer> counts = ballots.count(Grading.BALLOT, processInstanceId);
    return new BallotCount(counts.get("satisfied"), counts.get("basicallySatisfied"), counts.get("unsatisfied"));
  }

  /** The unsigned comments of the grading's ballots ({@link SecretBallots#comments}). */
  List<String> ballotComments(String processInstanceId) {
    return ballots.comments(processInstanceId);
  }

  private static Timestamp now() {
    return new Timestamp(ClockUtil.getCurrentTime().getTime());
  }

  private static LocalDate localDate(Date d) {
    return d == null ? null : d.toLocalDate();
  }
}
