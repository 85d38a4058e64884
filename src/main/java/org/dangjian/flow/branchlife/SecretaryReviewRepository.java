package org.dangjian.flow.branchlife;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.dangjian.flow.organization.Organization;
import org.dangjian.flow.organization.OrganizationKind;
import org.dangjian.flow.organization.OrganizationRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Campaigns and reviews of 述职评议 (one per committee and year, one per organization and year) and which
 * organizations a committee reviews; the ballots are {@link org.dangjian.flow.system.SecretBallots}'.
 */
@Repository
class SecretaryReviewRepository {

  /** One organization's review of one year: its case, and the level once decided. */
  record Review(String organizationId, int year, String processInstanceId, String reviewLevel) {
  }

  private final JdbcTemplate jdbc;
  private final OrganizationRepository organizations;

  SecretaryReviewRepository(JdbcTemplate jdbc, OrganizationRepository organizations) {
    this.jdbc = jdbc;
    this.organizations = organizations;
  }

  Optional<Timestamp> campaignStartedAt(String committeeId, int year) {
    return jdbc.query("select started_at from secretary_review_campaign where committee_id = ? and campaign_year = ?",
        (rs, n) -> rs.getTimestamp(1), committeeId, year).stream().findFirst();
  }

  /**
   * Checked before (on PostgreSQL a failed insert spoils the engine's whole transaction); a launch that loses the
   * race still fails on the primary key, and the engine rolls it back.
   */
  void addCampaign(String committeeId, int year, String processInstanceId, String startedBy) {
    jdbc.update("insert into secretary_review_campaign (committee_id, campaign_year, process_instance_id,"
        + " started_by, started_at) values (?, ?, ?, ?, ?)", committeeId, year, processInstanceId, startedBy, now());
  }

  Optional<Review> find(String organizationId, int year) {
    return jdbc.query("select * from secretary_review where organization_id = ? and review_year = ?",
        (rs, n) -> new Review(rs.getString("organization_id"), rs.getInt("review_year"),
            rs.getString("process_instance_id"), rs.getString("review_level")), organizationId, year)
        .stream().findFirst();
  }

  /** The primary key (organization, year) keeps a second review of the same year out even in a race. */
  void addReview(String organizationId, int year, String processInstanceId) {
    jdbc.update("insert into secretary_review (organization_id, review_year, process_instance_id, started_at)"
        + " values (?, ?, ?, ?)", organizationId, year, processInstanceId, now());
  }

  void recordLevel(String organizationId, int year, String level, LocalDate decidedOn) {
    jdbc.update("update secretary_review set review_level = ?, decided_on = ? where organization_id = ?"
        + " and review_year = ?", level, Date.valueOf(decidedOn), organizationId, year);
  }

  Optional<Organization> organization(String id) {
    return organizations.findById(id);
  }

  /** A committee reviews the secretaries of its direct children that are party organizations (not help units). */
  List<Organization> reviewedBy(String committeeId) {
    return organizations.findAll().stream()
        .filter(o -> committeeId.equals(o.parentId()) && o.kind() != OrganizationKind.HELP_UNIT).toList();
  }

  static boolean isCommittee(Organization o) {
    return o.kind() == OrganizationKind.WORKING_COMMITTEE || o.kind() == OrganizationKind.PARTY_COMMITTEE;
  }

  /**
   * The working committee (工委) a review's 差 is reported to: the committee itself or the nearest working committee
   * above it; the top of the tree when there is none.
   */
  Organization workingCommitteeOf(Organization committee) {
    Organization current = committee;
    for (int depth = 0; depth < 50; depth++) {
      if (current.kind() == OrganizationKind.WORKING_COMMITTEE || current.parentId() == null) {
        return current;
      }
      Optional<Organization> parent = organizations.findById(current.parentId());
      if (parent.isEmpty()) {
        return current;
      }
      current = parent.get();
    }
    return current;
  }

  private static Timestamp now() {
    return new Timestamp(ClockUtil.getCurrentTime().getTime());
  }
}
