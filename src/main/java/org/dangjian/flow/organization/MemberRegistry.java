package org.dangjian.flow.organization;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** 党员名册: people with their status; the development process keeps it up to date. */
@Repository
public class MemberRegistry {

  private static final RowMapper<PartyMember> ROW = (rs, n) -> new PartyMember(
      rs.getLong("id"), rs.getString("name"), rs.getString("id_number"), rs.getString("branch_id"),
      MemberStatus.valueOf(rs.getString("status").toUpperCase()), rs.getString("case_number"),
      localDate(rs.getDate("activist_date")), localDate(rs.getDate("probation_start_date")),
      localDate(rs.getDate("probation_end_date")), localDate(rs.getDate("full_membership_date")));

  private final JdbcTemplate jdbc;
  private final TransactionTemplate savepoint;

  MemberRegistry(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    // a refused insert rolls back to a savepoint only: PostgreSQL would otherwise refuse every later statement
    // of the transaction, and the caller still reads the registry to say why it was refused
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /**
   * Another entry of the same ID number is still open: the database's unique index on open entries refused the
   * insert (two starts of one person at the same moment both pass {@link #findActiveByIdNumber} first).
   */
  public static class IdNumberTakenException extends RuntimeException {
    IdNumberTakenException(String idNumber, DuplicateKeyException cause) {
      super("registry entry with ID number " + idNumber + " still open", cause);
    }
  }

  public record NewPerson(String name, String gender, LocalDate birthDate, String idNumber, String branchId,
      MemberStatus status, LocalDate applicationDate, String caseNumber) {
  }

  /**
   * Enters the person, in the caller's transaction; refused with {@link IdNumberTakenException} while another entry
   * of the same ID number is open.
   */
  public long add(NewPerson p) {
    try {
      return savepoint.execute(tx -> insert(p));
    } catch (DuplicateKeyException e) {
      throw new IdNumberTakenException(p.idNumber(), e);
    }
  }

  private long insert(NewPerson p) {
    var keys = new GeneratedKeyHolder();
    jdbc.update(con -> {
      PreparedStatement ps = con.prepareStatement("insert into party_member (name, gender, birth_date, id_number,"
          + " branch_id, status, application_date, case_number, updated_at, active_id_number)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
      ps.setString(1, p.name());
      ps.setString(2, p.gender());
      ps.setDate(3, sqlDate(p.birthDate()));
      ps.setString(4, p.idNumber());
      ps.setString(5, p.branchId());
      ps.setString(6, p.status().name().toLowerCase());
      ps.setDate(7, sqlDate(p.applicationDate()));
      ps.setString(8, p.caseNumber());
      ps.setTimestamp(9, now());
      ps.setString(10, activeIdNumber(p));
      return ps;
    }, keys);
    return keys.getKey().longValue();
  }

  /** Demo and import data: a person with a fixed registry number. */
  public void addWithId(long id, NewPerson p) {
    jdbc.update("insert into party_member (id, name, gender, birth_date, id_number, branch_id, status,"
        + " application_date, case_number, updated_at, active_id_number) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id, p.name(), p.gender(), sqlDate(p.birthDate()), p.idNumber(), p.branchId(), p.status().name().toLowerCase(),
        sqlDate(p.applicationDate()), p.caseNumber(), now(), activeIdNumber(p));
  }

  /** The key of the unique index on open entries: the ID number while the entry is open, null once it ended. */
  private static String activeIdNumber(NewPerson p) {
    return p.idNumber() == null || p.status() == MemberStatus.ENDED ? null : p.idNumber().toUpperCase(Locale.ROOT);
  }

  public Optional<PartyMember> find(long id) {
    return jdbc.query("select * from party_member where id = ?", ROW, id).stream().findFirst();
  }

  /** Whether the member is under 留党察看 (probation within the Party), as the registry's administrator entered it. */
  public boolean onProbationWithinParty(long id) {
    return jdbc.queryForObject("select count(*) from party_member where id = ? and discipline_status = ?",
        Integer.class, id, "probation_within_party") > 0;
  }

  /**
   * A full member as steps 5 and 9 offer them: with their branch and their 党纪处分 ({@code disciplineStatus} as the
   * spec names it: none, warning, seriousWarning, probationWithinParty).
   */
  public record FullMember(long id, String name, String branchId, String disciplineStatus) {
  }

  /** The full members of these branches, by member number, whatever their discipline. */
  public List<FullMember> fullMembersOf(java.util.Collection<String> branchIds) {
    if (branchIds.isEmpty()) {
      return List.of();
    }
    String marks = String.join(",", java.util.Collections.nCopies(branchIds.size(), "?"));
    return jdbc.query("select id, name, branch_id, discipline_status from party_member where status = 'full'"
        + " and branch_id in (" + marks + ") order by id", (rs, n) -> new FullMember(rs.getLong("id"),
        rs.getString("name"), rs.getString("branch_id"), disciplineKey(rs.getString("discipline_status"))),
        branchIds.toArray());
  }

  /** The member's 党纪处分 as the spec names it (none when the entry has none recorded). */
  public String disciplineStatus(long id) {
    return jdbc.query("select discipline_status from party_member where id = ?",
        (rs, n) -> disciplineKey(rs.getString(1)), id).stream().findFirst().orElse("none");
  }

  private static String disciplineKey(String column) {
    return switch (column == null ? "none" : column) {
      case "warning" -> "warning";
      case "serious_warning" -> "seriousWarning";
      case "probation_within_party" -> "probationWithinParty";
      default -> "none";
    };
  }

  /** Demo data: the member is under 留党察看 (the administration page records it for real members). */
  void placeUnderProbationWithinParty(long id) {
    jdbc.update("update party_member set discipline_status = 'probation_within_party', updated_at = ? where id = ?",
        now(), id);
  }

  /** Registry entries for an ID number that are still alive (not ended). */
  public List<PartyMember> findActiveByIdNumber(String idNumber) {
    return jdbc.query("select * from party_member where upper(id_number) = upper(?) and status <> 'ended'", ROW,
        idNumber);
  }

  /**
   * The branch's full members in good standing, by member number: whom a step may name as contact or introducer
   * (细则 Art. 14; 留党察看 takes away the rights of a member, 《中国共产党纪律处分条例》).
   */
  public List<PartyMember> fullMembersInGoodStanding(String branchId) {
    return jdbc.query("select * from party_member where branch_id = ? and status = 'full'"
        + " and discipline_status <> 'probation_within_party' order by id", ROW, branchId);
  }

  public List<PartyMember> findByBranch(String branchId) {
    return jdbc.query("select * from party_member where branch_id = ? order by id", ROW, branchId);
  }

  public void becomeActivist(long id, LocalDate activistDate) {
    update(id, MemberStatus.ACTIVIST, "activist_date", activistDate);
  }

  public void becomeTarget(long id, LocalDate targetDate) {
    update(id, MemberStatus.TARGET, "target_date", targetDate);
  }

  /** Back to activist when the committee does not consent to a development target. */
  public void backToActivist(long id) {
    jdbc.update("update party_member set status = 'activist', target_date = null, updated_at = ? where id = ?",
        now(), id);
  }

  public void becomeProbationary(long id, LocalDate start, LocalDate end) {
    jdbc.update("update party_member set status = 'probationary', probation_start_date = ?,"
        + " probation_end_date = ?, updated_at = ? where id = ?", sqlDate(start), sqlDate(end), now(), id);
  }

  public void extendProbation(long id, LocalDate newEnd) {
    jdbc.update("update party_member set probation_end_date = ?, updated_at = ? where id = ?", sqlDate(newEnd),
        now(), id);
  }

  public void becomeFull(long id, LocalDate fullMembershipDate) {
    update(id, MemberStatus.FULL, "full_membership_date", fullMembershipDate);
  }

  /** The entry ends short of full membership; its ID number is free for a new application. */
  public void end(long id, String reason) {
    jdbc.update("update party_member set status = 'ended', active_id_number = null, ended_reason = ?,"
        + " updated_at = ? where id = ?", reason, now(), id);
  }

  /** The open entry of a case that was deleted: it ends, its ID number free; a full member's entry stays. */
  public void endOpenCase(String caseNumber, String reason) {
    jdbc.update("update party_member set status = 'ended', active_id_number = null, ended_reason = ?,"
        + " updated_at = ? where case_number = ? and status not in ('ended', 'full')", reason, now(), caseNumber);
  }

  public void moveToBranch(long id, String branchId) {
    jdbc.update("update party_member set branch_id = ?, updated_at = ? where id = ?", branchId, now(), id);
  }

  private void update(long id, MemberStatus status, String dateColumn, LocalDate date) {
    // dateColumn is one of our own constant column names, never user input
    jdbc.update("update party_member set status = ?, " + dateColumn + " = ?, updated_at = ? where id = ?",
        status.name().toLowerCase(), sqlDate(date), now(), id);
  }

  private static Timestamp now() {
    return Timestamp.valueOf(LocalDateTime.now());
  }

  private static Date sqlDate(LocalDate d) {
    return d == null ? null : Date.valueOf(d);
  }

  private static LocalDate localDate(Date d) {
    return d == null ? null : d.toLocalDate();
  }
}
