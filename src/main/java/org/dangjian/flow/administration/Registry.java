package org.dangjian.flow.administration;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.dangjian.flow.development.MemberDevelopment;
import org.dangjian.flow.development.MemberOptions;
import org.dangjian.flow.development.ResidentIdNumber;
import org.dangjian.flow.organization.MemberRegistry;
import org.dangjian.flow.organization.MemberRegistry.IdNumberTakenException;
import org.dangjian.flow.organization.MemberRegistry.NewPerson;
import org.dangjian.flow.organization.MemberStatus;
import org.dangjian.flow.organization.OrganizationKind;
import org.dangjian.flow.system.SystemAccess;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 党员名册 as the administrator keeps it: the people a branch has when it goes live. The member number
 * (党员编号, the registry's id) is assigned here; the steps name contacts and introducers by it. The entries of
 * running development cases are the process's: their status and branch are not edited here.
 */
@Service
class Registry {

  static final Map<String, MemberStatus> STATUSES = new LinkedHashMap<>();
  static final Map<String, String> DISCIPLINE = new LinkedHashMap<>();
  static final Map<String, String> GENDERS = new LinkedHashMap<>();

  static {
    for (MemberStatus s : List.of(MemberStatus.APPLICANT, MemberStatus.ACTIVIST, MemberStatus.TARGET,
        MemberStatus.PROBATIONARY, MemberStatus.FULL)) {
      STATUSES.put(s.name().toLowerCase(Locale.ROOT), s);
    }
    // API value -> column value
    DISCIPLINE.put("none", "none");
    DISCIPLINE.put("warning", "warning");
    DISCIPLINE.put("seriousWarning", "serious_warning");
    DISCIPLINE.put("probationWithinParty", "probation_within_party");
    GENDERS.put("male", "male");
    GENDERS.put("female", "female");
  }

  record Member(String memberNo, String name, String gender, LocalDate birthDate, String idNumber, String branchId,
      String branchName, String partyGroup, String status, String statusTitle, LocalDate fullMembershipDate,
      String disciplineStatus, String caseNumber) {
  }

  record MemberRequest(String name, String gender, String birthDate, String idNumber, String branchId,
      String partyGroup, String status, String fullMembershipDate, String disciplineStatus) {
  }

  private static final RowMapper<Member> ROW = (rs, n) -> new Member(String.valueOf(rs.getLong("id")),
      rs.getString("name"), rs.getString("gender"), localDate(rs.getDate("birth_date")), rs.getString("id_number"),
      rs.getString("branch_id"), rs.getString("branch_name"), rs.getString("party_group"), apiStatus(rs.getString("status")),
      MemberStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)).title(),
      localDate(rs.getDate("full_membership_date")), apiDiscipline(rs.getString("discipline_status")),
      rs.getString("case_number"));

  private static final String SELECT = "select m.*, o.name as branch_name from party_member m"
      + " join organization o on o.id = m.branch_id";

  private final JdbcTemplate jdbc;
  private final AdminAccess access;
  private final ChangeLog log;
  private final Organizations organizations;
  private final MemberRegistry registry;
  private final RuntimeService runtime;
  private final SystemAccess system;
  private final MemberOptions memberOptions;

  Registry(JdbcTemplate jdbc, AdminAccess access, ChangeLog log, Organizations organizations, MemberRegistry registry,
      RuntimeService runtime, SystemAccess system, MemberOptions memberOptions) {
    this.jdbc = jdbc;
    this.access = access;
    this.log = log;
    this.organizations = organizations;
    this.registry = registry;
    this.runtime = runtime;
    this.system = system;
    this.memberOptions = memberOptions;
  }

  List<Member> list(String branchId) {
    AdminAccess.Scope scope = access.scope();
    Organizations.Row branch = organizations.row(branchId, null);
    scope.require(branch.id(), branch.name());
    return jdbc.query(SELECT + " where m.branch_id = ? order by m.id", ROW, branch.id());
  }

  /** The entry with this member number, if any (no scope check: the caller's own check comes first). */
  java.util.Optional<Member> byMemberNo(String memberNo) {
    if (memberNo == null || !memberNo.matches("[0-9]{1,12}")) {
      return java.util.Optional.empty();
    }
    return jdbc.query(SELECT + " where m.id = ?", ROW, Long.parseLong(memberNo)).stream().findFirst();
  }

  /** The open entry of this ID number, if any. */
  java.util.Optional<Member> byIdNumber(String idNumber) {
    return jdbc.query(SELECT + " where m.active_id_number = ?", ROW, idNumber.toUpperCase(Locale.ROOT)).stream()
        .findFirst();
  }

  /** Every entry of the branches the caller administers, for the export. */
  List<Member> all(java.util.function.Predicate<String> branchCovered) {
    return jdbc.query(SELECT + " order by m.branch_id, m.id", ROW).stream()
        .filter(m -> branchCovered.test(m.branchId())).toList();
  }

  /** Many changes in a row (an import): the steps naming contacts and introducers are refreshed once, after. */
  void batch(Runnable work) {
    memberOptions.refreshingOnce(work);
  }

  @Transactional
  Member create(MemberRequest request) {
    AdminAccess.Scope scope = access.scope();
    Checked in = check(scope, request, null);
    if (in.idNumber() != null && !registry.findActiveByIdNumber(in.idNumber()).isEmpty()) {
      throw new AdminRefusal.Conflict("身份证号码为 " + in.idNumber() + " 的人员已在党员名册中登记");
    }
    long id;
    try {
      id = registry.add(new NewPerson(in.name(), in.gender(), in.birthDate(), in.idNumber(), in.branchId(),
          in.status(), null, null));
    } catch (IdNumberTakenException e) {
      throw new AdminRefusal.Conflict("身份证号码为 " + in.idNumber() + " 的人员已在党员名册中登记");
    }
    jdbc.update("update party_member set party_group = ?, discipline_status = ?, full_membership_date = ?"
        + " where id = ?", in.partyGroup(), in.discipline(), sqlDate(in.fullMembershipDate()), id);
    Member created = find(id);
    log.append(scope.userId(), "member", created.memberNo(), "create", created.branchId(), null, created);
    memberOptions.refreshBranches(List.of(created.branchId()));
    return created;
  }

  @Transactional
  Member update(String memberNo, MemberRequest request) {
    AdminAccess.Scope scope = access.scope();
    Member before = find(parseMemberNo(memberNo));
    Organizations.Row oldBranch = organizations.row(before.branchId(), null);
    scope.require(oldBranch.id(), oldBranch.name());
    Checked in = check(scope, request, before);
    String openCase = openCase(before);
    if (openCase != null && (!in.branchId().equals(before.branchId())
        || !apiStatus(in.status().name()).equals(before.status()))) {
      throw new AdminRefusal.Conflict(before.name() + "有进行中的发展党员案件（" + openCase + "），名册中的状态和所在支部由"
          + "流程维护，不能在此修改；转支部请办理组织关系转接");
    }
    if (in.idNumber() != null && registry.findActiveByIdNumber(in.idNumber()).stream()
        .anyMatch(p -> p.id() != Long.parseLong(before.memberNo()))) {
      throw new AdminRefusal.Conflict("身份证号码为 " + in.idNumber() + " 的人员已在党员名册中登记");
    }
    jdbc.update("update party_member set name = ?, gender = ?, birth_date = ?, id_number = ?, branch_id = ?,"
        + " party_group = ?, status = ?, full_membership_date = ?, discipline_status = ?, active_id_number = ?,"
        + " updated_at = ? where id = ?", in.name(), in.gender(), sqlDate(in.birthDate()), in.idNumber(),
        in.branchId(), in.partyGroup(), in.status().name().toLowerCase(Locale.ROOT), sqlDate(in.fullMembershipDate()),
        in.discipline(), in.idNumber() == null ? null : in.idNumber().toUpperCase(Locale.ROOT),
        Timestamp.valueOf(LocalDateTime.now()), Long.parseLong(before.memberNo()));
    Member after = find(Long.parseLong(before.memberNo()));
    log.append(scope.userId(), "member", after.memberNo(), "update", after.branchId(), before, after);
    // the steps naming contacts and introducers offer whom the registry now holds, in both branches of a move
    memberOptions.refreshBranches(List.of(before.branchId(), after.branchId()));
    return after;
  }

  private record Checked(String name, String gender, LocalDate birthDate, String idNumber, String branchId,
      String partyGroup, MemberStatus status, LocalDate fullMembershipDate, String discipline) {
  }

  private Checked check(AdminAccess.Scope scope, MemberRequest r, Member before) {
    String name = Input.text("name", "姓名", r.name(), 50);
    String gender = r.gender() == null || r.gender().isBlank() ? null : Input.choice("gender", "性别", r.gender(), GENDERS);
    LocalDate birthDate = Input.pastDate("birthDate", "出生日期", r.birthDate());
    String idNumber = Input.optionalText("idNumber", "居民身份证号码", r.idNumber(), 18);
    if (idNumber != null) {
      idNumber = idNumber.toUpperCase(Locale.ROOT);
      List<String> problems = ResidentIdNumber.problems(idNumber, birthDate);
      if (!problems.isEmpty()) {
        throw Input.invalid("idNumber", "居民身份证号码", "有误：" + String.join("；", problems));
      }
    }
    Organizations.Row branch = organizations.row(r.branchId() == null || r.branchId().isBlank() ? null
        : r.branchId().trim(), "branchId");
    if (branch.kind() != OrganizationKind.BRANCH) {
      throw Input.invalid("branchId", "所在党支部", "应为党支部，" + branch.name() + "是"
          + Organizations.KIND_TITLES.get(branch.kind()));
    }
    scope.require(branch.id(), branch.name());
    if (branch.closed() && (before == null || !branch.id().equals(before.branchId()))) {
      throw Input.invalid("branchId", "所在党支部", "“" + branch.name() + "”已撤销");
    }
    String partyGroup = Input.optionalText("partyGroup", "党小组", r.partyGroup(), 50);
    MemberStatus status = Input.choice("status", "党员状态", r.status(), STATUSES);
    LocalDate full = Input.pastDate("fullMembershipDate", "转为正式党员日期", r.fullMembershipDate());
    if (full != null && status != MemberStatus.FULL) {
      throw Input.invalid("fullMembershipDate", "转为正式党员日期", "只有正式党员才填写");
    }
    if (full != null && birthDate != null && !full.isAfter(birthDate.plusYears(18))) {
      throw Input.invalid("fullMembershipDate", "转为正式党员日期", "应在年满18周岁之后");
    }
    String discipline = r.disciplineStatus() == null || r.disciplineStatus().isBlank() ? "none"
        : Input.choice("disciplineStatus", "党纪处分", r.disciplineStatus(), DISCIPLINE);
    if (!"none".equals(discipline) && status != MemberStatus.FULL && status != MemberStatus.PROBATIONARY) {
      throw Input.invalid("disciplineStatus", "党纪处分", "只适用于正式党员和预备党员");
    }
    return new Checked(name, gender, birthDate, idNumber, branch.id(), partyGroup, status, full, discipline);
  }

  /** The case number of the member's running development case, if any. */
  private String openCase(Member member) {
    if (member.caseNumber() == null) {
      return null;
    }
    long running = system.call(() -> runtime.createProcessInstanceQuery()
        .processDefinitionKey(MemberDevelopment.PROCESS_KEY).processInstanceBusinessKey(member.caseNumber()).count());
    return running > 0 ? member.caseNumber() : null;
  }

  private Member find(long id) {
    return jdbc.query(SELECT + " where m.id = ?", ROW, id).stream().findFirst()
        .orElseThrow(() -> new AdminRefusal.NotFound("党员名册中没有编号为" + id + "的人员"));
  }

  private static long parseMemberNo(String memberNo) {
    if (memberNo == null || !memberNo.matches("[0-9]{1,12}")) {
      throw new AdminRefusal.NotFound("党员名册中没有编号为" + memberNo + "的人员");
    }
    return Long.parseLong(memberNo);
  }

  private static String apiStatus(String column) {
    return column.toLowerCase(Locale.ROOT);
  }

  private static String apiDiscipline(String column) {
    return DISCIPLINE.entrySet().stream().filter(e -> e.getValue().equals(column)).map(Map.Entry::getKey)
        .findFirst().orElse(column);
  }

  private static Date sqlDate(LocalDate d) {
    return d == null ? null : Date.valueOf(d);
  }

  private static LocalDate localDate(Date d) {
    return d == null ? null : d.toLocalDate();
  }
}
