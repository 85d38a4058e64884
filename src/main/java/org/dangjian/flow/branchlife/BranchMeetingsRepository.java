package org.dangjian.flow.branchlife;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.dangjian.flow.branchlife.BranchMeetingRules.Meeting;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The years, meetings, periods not held and reviews of 三会一课, written in the transaction of the step. */
@Repository
class BranchMeetingsRepository {

  record Year(String branchId, int year, String committeeId, String processInstanceId, int checkedFromMonth) {
  }

  record Miss(String branchId, MeetingKind kind, String partyGroup, String period, boolean escalated) {
  }

  record Review(String branchId, int year, int quarter, String result, String note, String reviewedBy,
      LocalDate reviewedOn, LocalDate rectificationDeadline, LocalDate rectifiedOn) {
  }

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;

  BranchMeetingsRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.named = new NamedParameterJdbcTemplate(jdbc);
  }

  // ---- years

  /** Claims the branch's year; false when it is taken (the same branch and year never twice). */
  boolean claimYear(String branchId, int year, String committeeId, String processInstanceId, String startedBy,
      int checkedFromMonth) {
    if (year(branchId, year).isPresent()) {
      return false;
    }
    try {
      jdbc.update("insert into branch_meeting_year (branch_id, meeting_year, committee_id, process_instance_id,"
          + " started_by, started_at, checked_from_month) values (?, ?, ?, ?, ?, ?, ?)", branchId, year, committeeId,
          processInstanceId, startedBy, now(), checkedFromMonth);
      return true;
    } catch (DuplicateKeyException raced) {
      return false;
    }
  }

  /** Whether the committee's 三会一课 of the year was launched: some branch's year was started under it. */
  boolean launched(String committeeId, int year) {
    return !jdbc.queryForList("select branch_id from branch_meeting_year where committee_id = ? and meeting_year = ?"
        + " fetch first 1 rows only", String.class, committeeId, year).isEmpty();
  }

  Optional<Year> year(String branchId, int year) {
    return jdbc.query("select * from branch_meeting_year where branch_id = ? and meeting_year = ?",
        (rs, n) -> new Year(rs.getString("branch_id"), rs.getInt("meeting_year"), rs.getString("committee_id"),
            rs.getString("process_instance_id"), rs.getInt("checked_from_month")), branchId, year).stream().findFirst();
  }

  /** Of these branches' years: the first month checked, by branch (a branch without the year is absent). */
  Map<String, Integer> checkedFrom(Collection<String> branchIds, int year) {
    if (branchIds.isEmpty()) {
      return Map.of();
    }
    Map<String, Integer> from = new java.util.HashMap<>();
    named.query("select branch_id, checked_from_month from branch_meeting_year where branch_id in (:ids)"
        + " and meeting_year = :year", new MapSqlParameterSource("ids", branchIds).addValue("year", year),
        (org.springframework.jdbc.core.RowCallbackHandler) rs -> from.put(rs.getString("branch_id"),
            rs.getInt("checked_from_month")));
    return from;
  }

  // ---- meetings

  void addMeeting(String branchId, int year, String processInstanceId, MeetingKind kind, LocalDate date,
      String partyGroup, String topic, String firstTopic, int entitled, int present, String lecturer,
      String recordedBy) {
    jdbc.update("insert into branch_meeting (branch_id, meeting_year, process_instance_id, meeting_kind,"
        + " meeting_date, party_group, topic, first_topic, attendees_entitled, attendees_present, lecturer,"
        + " recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", branchId, year,
        processInstanceId, kind.key(), Date.valueOf(date), partyGroup, topic, firstTopic, entitled, present,
        lecturer, recordedBy, now());
  }

  List<Meeting> meetings(String branchId, LocalDate from, LocalDate to) {
    return jdbc.query("select * from branch_meeting where branch_id = ? and meeting_date between ? and ?"
        + " order by meeting_date, id", (rs, n) -> new Meeting(MeetingKind.ofKey(rs.getString("meeting_kind"))
            .orElseThrow(), rs.getDate("meeting_date").toLocalDate(), rs.getString("party_group"),
            rs.getInt("attendees_entitled"), rs.getInt("attendees_present")), branchId, Date.valueOf(from),
        Date.valueOf(to));
  }

  /** The 党小组 of the branch's members (党员名册: probationary and full members). */
  List<String> partyGroups(String branchId) {
    return partyGroupsOf(List.of(branchId)).getOrDefault(branchId, List.of());
  }

  /** The 党小组 of these branches, by branch, in one query: what the committee's page needs for all its branches. */
  Map<String, List<String>> partyGroupsOf(Collection<String> branchIds) {
    Map<String, List<String>> groups = new java.util.HashMap<>();
    if (branchIds.isEmpty()) {
      return groups;
    }
    named.query("select distinct branch_id, party_group from party_member where branch_id in (:ids)"
        + " and status in ('probationary', 'full') and party_group is not null and party_group <> ''"
        + " order by branch_id, party_group", new MapSqlParameterSource("ids", branchIds),
        (org.springframework.jdbc.core.RowCallbackHandler) rs -> groups.computeIfAbsent(rs.getString("branch_id"),
            b -> new java.util.ArrayList<>()).add(rs.getString("party_group")));
    return groups;
  }

  // ---- periods not held

  void addMiss(String branchId, int year, String processInstanceId, BranchMeetingRules.Due due, boolean escalated) {
    jdbc.update("insert into branch_meeting_miss (branch_id, meeting_kind, party_group, period, meeting_year,"
        + " process_instance_id, escalated, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)", branchId,
        due.kind().key(), due.partyGroup(), due.period().label(), year, processInstanceId, escalated, now());
  }

  boolean missed(String branchId, MeetingKind kind, String partyGroup, MeetingPeriod period) {
    return jdbc.queryForObject("select count(*) from branch_meeting_miss where branch_id = ? and meeting_kind = ?"
        + " and party_group = ? and period = ?", Integer.class, branchId, kind.key(), partyGroup, period.label()) > 0;
  }

  List<Miss> misses(Collection<String> branchIds, int year) {
    if (branchIds.isEmpty()) {
      return List.of();
    }
    return named.query("select * from branch_meeting_miss where branch_id in (:ids) and meeting_year = :year"
        + " order by branch_id, period", new MapSqlParameterSource("ids", branchIds).addValue("year", year),
        (rs, n) -> new Miss(rs.getString("branch_id"), MeetingKind.ofKey(rs.getString("meeting_kind"))
            .orElseThrow(), rs.getString("party_group"), rs.getString("period"), rs.getBoolean("escalated")));
  }

  // ---- reviews

  void addReview(String branchId, int year, int quarter, String processInstanceId, String result, String note,
      String reviewedBy, LocalDate reviewedOn, LocalDate rectificationDeadline) {
    jdbc.update("insert into branch_meeting_review (branch_id, meeting_year, quarter, process_instance_id,"
        + " review_result, review_note, reviewed_by, reviewed_on, rectification_deadline)"
        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)", branchId, year, quarter, processInstanceId, result, note,
        reviewedBy, Date.valueOf(reviewedOn), rectificationDeadline == null ? null
            : Date.valueOf(rectificationDeadline));
  }

  void rectified(String branchId, int year, int quarter, LocalDate on) {
    jdbc.update("update branch_meeting_review set rectified_on = ? where branch_id = ? and meeting_year = ?"
        + " and quarter = ?", Date.valueOf(on), branchId, year, quarter);
  }

  List<Review> reviews(Collection<String> branchIds, int year) {
    if (branchIds.isEmpty()) {
      return List.of();
    }
    return named.query("select * from branch_meeting_review where branch_id in (:ids) and meeting_year = :year"
        + " order by branch_id, quarter", new MapSqlParameterSource("ids", branchIds).addValue("year", year),
        (rs, n) -> new Review(rs.getString("branch_id"), rs.getInt("meeting_year"), rs.getInt("quarter"),
            rs.getString("review_result"), rs.getString("review_note"), rs.getString("reviewed_by"),
            local(rs.getDate("reviewed_on")), local(rs.getDate("rectification_deadline")),
            local(rs.getDate("rectified_on"))));
  }

  /** The meetings of several branches in a year, for the committee's view. */
  List<Object[]> meetingsOf(Collection<String> branchIds, int year) {
    if (branchIds.isEmpty()) {
      return List.of();
    }
    return named.query("select branch_id, meeting_kind, meeting_date, party_group, attendees_entitled,"
        + " attendees_present from branch_meeting where branch_id in (:ids) and meeting_year = :year"
        + " order by branch_id, meeting_date", new MapSqlParameterSource("ids", branchIds).addValue("year", year),
        (rs, n) -> new Object[] {rs.getString("branch_id"), new Meeting(MeetingKind.ofKey(rs.getString(
            "meeting_kind")).orElseThrow(), rs.getDate("meeting_date").toLocalDate(), rs.getString("party_group"),
            rs.getInt("attendees_entitled"), rs.getInt("attendees_present"))});
  }

  private static Timestamp now() {
    return new Timestamp(ClockUtil.getCurrentTime().getTime());
  }

  private static LocalDate local(Date d) {
    return d == null ? null : d.toLocalDate();
  }
}
