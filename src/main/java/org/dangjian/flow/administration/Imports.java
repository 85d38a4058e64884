package org.dangjian.flow.administration;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.dangjian.flow.administration.CaseColumns.CaseSheet;
import org.dangjian.flow.administration.Workbooks.DataRow;
import org.dangjian.flow.administration.Workbooks.Problem;
import org.dangjian.flow.administration.Workbooks.SheetRows;
import org.dangjian.flow.audit.Backfill;
import org.dangjian.flow.development.MemberDevelopment;
import org.dangjian.flow.development.ResidentIdNumber;
import org.dangjian.flow.system.AccessDeniedException;
import org.dangjian.flow.system.SystemAccess;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * POST /api/admin/imports: a workbook of organizations, people, the registry and cases under way, checked row by
 * row with the same rules as the pages and the processes — by doing it: every row is applied for real inside one
 * transaction, each row behind its own savepoint so that a refused row leaves nothing behind for the next one to
 * trip over. A dry run, or any problem at all, rolls the whole transaction back (all or nothing). Rows are matched
 * by id, userId, memberNo or ID number: a row that says what the system already holds changes nothing, so the
 * same workbook imported twice changes nothing the second time.
 */
@Service
class Imports {

  /** An upload larger than this is refused before it is opened (the 2,000-member workbook is about 150 KB). */
  static final int MAX_BYTES = 5 * 1024 * 1024;

  /** Counts of one sheet. */
  static final class Counts {
    public int rows;
    public int created;
    public int updated;
    public int unchanged;
    /** How long the sheet's rows took, checks and engine work included (the import's speed, README). */
    public long millis;
  }

  record Result(boolean dryRun, boolean applied, String fileName, Map<String, Counts> counts, List<Problem> problems,
      List<String> cases) {
  }

  private enum Outcome {
    CREATED, UPDATED, UNCHANGED
  }

  private final AdminAccess access;
  private final Organizations organizations;
  private final People people;
  private final Registry registry;
  private final CaseColumns caseColumns;
  private final CaseBackfill backfillCases;
  private final Backfill backfill;
  private final ChangeLog log;
  private final IdentityService identity;
  private final RuntimeService runtime;
  private final SystemAccess system;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate whole;
  private final TransactionTemplate perRow;

  Imports(AdminAccess access, Organizations organizations, People people, Registry registry, CaseColumns caseColumns,
      CaseBackfill backfillCases, Backfill backfill, ChangeLog log, IdentityService identity, RuntimeService runtime,
      SystemAccess system, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.access = access;
    this.organizations = organizations;
    this.people = people;
    this.registry = registry;
    this.caseColumns = caseColumns;
    this.backfillCases = backfillCases;
    this.backfill = backfill;
    this.log = log;
    this.identity = identity;
    this.runtime = runtime;
    this.system = system;
    this.jdbc = jdbc;
    this.whole = new TransactionTemplate(transactions);
    this.perRow = new TransactionTemplate(transactions);
    this.perRow.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /** The sheets the import reads, by name; the cases' columns are those of the process deployed now. */
  Map<String, Sheets.Sheet> sheets() {
    Map<String, Sheets.Sheet> sheets = new LinkedHashMap<>();
    sheets.put(Sheets.ORGANIZATIONS, Sheets.organizations());
    sheets.put(Sheets.PEOPLE, Sheets.people());
    sheets.put(Sheets.REGISTRY, Sheets.registry());
    sheets.put(Sheets.CASES, caseColumns.current().sheet());
    return sheets;
  }

  Result run(String fileName, byte[] file, boolean dryRun) {
    AdminAccess.Scope scope = access.scope();
    String name = fileName == null || fileName.isBlank() ? "未命名.xlsx" : fileName.strip();
    List<Problem> problems = new ArrayList<>();
    Map<String, Counts> counts = new LinkedHashMap<>();
    if (file == null || file.length == 0) {
      problems.add(new Problem(null, null, null, null, "没有收到文件：请选择要导入的 Excel 工作簿（.xlsx）"));
      return new Result(dryRun, false, name, counts, problems, List.of());
    }
    if (file.length > MAX_BYTES) {
      problems.add(new Problem(null, null, null, null, String.format("文件过大（%.1f MB），上限为 %d MB：请分批导入",
          file.length / 1024.0 / 1024.0, MAX_BYTES / 1024 / 1024)));
      return new Result(dryRun, false, name, counts, problems, List.of());
    }
    if (file.length < 4 || file[0] != 'P' || file[1] != 'K') {
      // an .xlsx is a zip archive; anything else (an .xls, a CSV, a PDF) is refused before POI parses it
      problems.add(new Problem(null, null, null, null, "文件不是 Excel 工作簿（.xlsx）：请用导入模板填写，保存为 .xlsx 后导入"));
      return new Result(dryRun, false, name, counts, problems, List.of());
    }
    Map<String, Sheets.Sheet> known = sheets();
    List<SheetRows> sheets = Workbooks.read(file, known, problems);
    Map<String, SheetRows> byName = new HashMap<>();
    sheets.forEach(s -> byName.put(s.sheet().name(), s));
    for (String sheet : Sheets.NAMES) {
      if (byName.containsKey(sheet)) {
        Counts c = new Counts();
        c.rows = byName.get(sheet).rows().size();
        counts.put(sheet, c);
      }
    }
    duplicates(byName, problems);
    if (!problems.isEmpty()) {
      return new Result(dryRun, false, name, counts, problems, List.of());
    }
    List<String> cases = new ArrayList<>();
    Boolean applied = AdminAccess.within(scope, () -> whole.execute(status -> {
      LocalDateTime now = LocalDateTime.ofInstant(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime()
          .toInstant(), org.dangjian.flow.system.BusinessCalendar.ZONE);
      long importId = backfill.newImport(scope.userId(), now, name, sha256(file));
      Backfill.Source source = new Backfill.Source(importId, scope.userId(), now, name);
      timed(counts.get(Sheets.ORGANIZATIONS), () ->
          organizationRows(byName.get(Sheets.ORGANIZATIONS), counts.get(Sheets.ORGANIZATIONS), problems));
      timed(counts.get(Sheets.PEOPLE), () ->
          each(byName.get(Sheets.PEOPLE), counts.get(Sheets.PEOPLE), problems, row -> person(scope, row)));
      timed(counts.get(Sheets.REGISTRY), () -> registry.batch(() ->
          each(byName.get(Sheets.REGISTRY), counts.get(Sheets.REGISTRY), problems, this::member)));
      if (byName.containsKey(Sheets.CASES)) {
        CaseSheet caseSheet = caseColumns.current();
        timed(counts.get(Sheets.CASES), () -> each(byName.get(Sheets.CASES), counts.get(Sheets.CASES), problems,
            row -> developmentCase(scope, caseSheet, source, row, cases)));
      }
      if (dryRun || !problems.isEmpty()) {
        status.setRollbackOnly();
        return false;
      }
      String summary = summary(counts);
      backfill.summarize(importId, summary);
      log.append(scope.userId(), "import", String.valueOf(importId), "import", null, null,
          Map.of("fileName", name, "counts", counts));
      return true;
    }));
    return new Result(dryRun, Boolean.TRUE.equals(applied), name, counts, problems,
        Boolean.TRUE.equals(applied) ? cases : List.of());
  }

  /** The sheet's rows, when the workbook has the sheet, with the time they took. */
  private static void timed(Counts counts, Runnable work) {
    if (counts == null) {
      return;
    }
    long start = System.nanoTime();
    work.run();
    counts.millis = (System.nanoTime() - start) / 1_000_000;
  }

  // ---- rows

  private interface RowWork {
    Outcome apply(DataRow row);
  }

  /** Rows are applied in chunks of this many behind one savepoint; a chunk with a refused row again row by row. */
  private static final int CHUNK = 25;

  /**
   * Each refused row rolled back alone, so that the others are still checked. A savepoint per row would do, but
   * Spring tells every transaction synchronization of the transaction about each savepoint, and the engine adds
   * one per command: thousands of savepoints over hundreds of thousands of synchronizations made a 2,000-member
   * import take many minutes. So rows go in chunks behind one savepoint, and only a chunk with a refused row is
   * rolled back and done again row by row.
   */
  private void each(SheetRows sheet, Counts counts, List<Problem> problems, RowWork work) {
    List<DataRow> rows = sheet.rows();
    for (int from = 0; from < rows.size(); from += CHUNK) {
      List<DataRow> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
      List<Outcome> outcomes;
      try {
        outcomes = perRow.execute(status -> chunk.stream().map(work::apply).toList());
      } catch (RuntimeException refusedInChunk) {
        for (DataRow row : chunk) {
          one(sheet.sheet(), row, counts, problems, work);
        }
        continue;
      }
      outcomes.forEach(outcome -> count(counts, outcome));
    }
  }

  private static void count(Counts counts, Outcome outcome) {
    switch (outcome) {
      case CREATED -> counts.created++;
      case UPDATED -> counts.updated++;
      case UNCHANGED -> counts.unchanged++;
    }
  }

  private boolean one(Sheets.Sheet sheet, DataRow row, Counts counts, List<Problem> problems, RowWork work) {
    try {
      count(counts, perRow.execute(status -> work.apply(row)));
      return true;
    } catch (CaseBackfill.RowRefused e) {
      problems.addAll(e.problems);
    } catch (AdminRefusal.InvalidInput e) {
      problems.add(new Problem(sheet.name(), row.number(), column(sheet, e.field), null, e.getMessage()));
    } catch (AdminRefusal e) {
      problems.add(new Problem(sheet.name(), row.number(), null, null, e.getMessage()));
    } catch (AccessDeniedException e) {
      problems.add(new Problem(sheet.name(), row.number(), null, null, e.getMessage()));
    } catch (org.dangjian.flow.system.StepRefusedException e) {
      for (String p : e.problems()) {
        problems.add(new Problem(sheet.name(), row.number(), null, null, p));
      }
    }
    return false;
  }

  /** The API's field names are the sheets' keys, but for the password and the parts of a role. */
  private static String column(Sheets.Sheet sheet, String field) {
    if (field == null) {
      return null;
    }
    return switch (field) {
      case "password" -> "initialPassword";
      case "organizationId", "role" -> "roles";
      default -> sheet.column(field) != null ? field : null;
    };
  }

  // ---- 组织

  /**
   * Parents before children, whatever the order of the rows: a row waits until its parent exists (in the system or
   * from an earlier row). What is left when nothing moves has a parent that exists nowhere, or is part of a cycle.
   */
  private void organizationRows(SheetRows sheet, Counts counts, List<Problem> problems) {
    List<DataRow> pending = new ArrayList<>(sheet.rows());
    Set<String> failed = new HashSet<>();
    boolean moved = true;
    while (!pending.isEmpty() && moved) {
      moved = false;
      for (DataRow row : new ArrayList<>(pending)) {
        String parent = row.get("parentId");
        boolean parentReady = parent == null || exists(parent) && pending.stream()
            .noneMatch(other -> other != row && parent.equals(other.get("id")));
        if (parentReady || failed.contains(parent)) {
          pending.remove(row);
          moved = true;
          if (!one(sheet.sheet(), row, counts, problems, this::organization) && row.get("id") != null) {
            failed.add(row.get("id"));
          }
        }
      }
    }
    Map<String, DataRow> byId = new HashMap<>();
    pending.forEach(r -> byId.put(r.get("id"), r));
    for (DataRow row : pending) {
      List<String> chain = new ArrayList<>();
      String at = row.get("id");
      while (at != null && byId.containsKey(at) && !chain.contains(at)) {
        chain.add(at);
        at = byId.get(at).get("parentId");
      }
      String message = at != null && chain.contains(at)
          ? "组织树成环：" + String.join(" → ", chain.subList(chain.indexOf(at), chain.size())) + " → " + at
              + "（上级组织不能是本组织或其下级组织）"
          : "上级组织“" + at + "”不存在：既不在系统中，也不在本表中";
      problems.add(new Problem(Sheets.ORGANIZATIONS, row.number(), "parentId", null, message));
    }
  }

  private boolean exists(String organizationId) {
    return !jdbc.queryForList("select id from organization where id = ?", String.class, organizationId).isEmpty();
  }

  private Outcome organization(DataRow row) {
    String id = row.get("id");
    if (id == null) {
      throw Input.invalid("id", "组织编号", "不能为空");
    }
    boolean closed = "closed".equals(row.get("status"));
    boolean approvalPower = "true".equals(row.get("approvalPower"));
    if (!exists(id)) {
      organizations.create(new Organizations.NewOrganization(id, row.get("name"), row.get("kind"), row.get("parentId"),
          approvalPower), !closed);
      if (closed) {
        organizations.close(id);
      }
      return Outcome.CREATED;
    }
    Organizations.Row before = organizations.row(id, null);
    boolean changed = false;
    String name = Input.text("name", "组织名称", row.get("name"), 100);
    if (!name.equals(before.name())) {
      organizations.rename(id, name);
      changed = true;
    }
    if (!Objects.equals(row.get("parentId"), before.parentId())) {
      organizations.move(id, row.get("parentId"));
      changed = true;
    }
    String kind = row.get("kind");
    if (kind == null) {
      throw Input.invalid("kind", "组织类型", "不能为空");
    }
    if (!kind.equals(Organizations.apiKind(before.kind())) || approvalPower != before.approvalPower()) {
      organizations.setKind(id, kind, approvalPower);
      changed = true;
    }
    if (closed && !before.closed()) {
      organizations.close(id);
      changed = true;
    } else if (!closed && before.closed()) {
      organizations.reopen(id);
      changed = true;
    }
    return changed ? Outcome.UPDATED : Outcome.UNCHANGED;
  }

  // ---- 人员

  private Outcome person(AdminAccess.Scope scope, DataRow row) {
    String userId = row.get("userId");
    if (userId == null) {
      throw Input.invalid("userId", "用户名", "不能为空");
    }
    List<String[]> wanted = Sheets.roles(row.get("roles"));
    for (String[] role : wanted) {
      if (role[1] == null) {
        throw Input.invalid("roles", "岗位", "“" + role[0] + "”的格式应为 组织编号:岗位，如 guitu:clerk");
      }
    }
    boolean exists = system.call(() -> identity.createUserQuery().userId(userId).count()) > 0;
    Outcome outcome;
    People.UserRequest request = new People.UserRequest(userId, row.get("name"), row.get("phone"), row.get("email"),
        null);
    People.View before;
    if (!exists) {
      people.create(new People.UserRequest(userId, row.get("name"), row.get("phone"), row.get("email"),
          row.get("initialPassword")));
      outcome = Outcome.CREATED;
      before = people.get(scope, userId);
    } else {
      before = people.get(scope, userId);
      // the password is never changed by an import: an existing user's column is ignored
      boolean same = Objects.equals(blank(request.name()), before.name())
          && Objects.equals(blank(request.phone()), before.phone()) && Objects.equals(blank(request.email()),
              before.email());
      if (!same) {
        people.update(userId, request);
      }
      outcome = same ? Outcome.UNCHANGED : Outcome.UPDATED;
    }
    // the roles the row lists are the user's roles within the importer's reach: missing ones granted, others withdrawn
    Set<String> held = new HashSet<>();
    before.roles().forEach(r -> held.add(r.organizationId() + ":" + r.role()));
    Set<String> listed = new HashSet<>();
    boolean rolesChanged = false;
    for (String[] role : wanted) {
      listed.add(role[0] + ":" + role[1]);
      if (!held.contains(role[0] + ":" + role[1])) {
        people.grant(userId, new People.RoleRequest(role[0], role[1]));
        held.add(role[0] + ":" + role[1]);
        rolesChanged = true;
      }
    }
    for (People.RoleHeld r : before.roles()) {
      if (!listed.contains(r.organizationId() + ":" + r.role()) && scope.covers(r.organizationId())) {
        people.withdraw(userId, r.organizationId(), r.role());
        rolesChanged = true;
      }
    }
    return outcome == Outcome.UNCHANGED && rolesChanged ? Outcome.UPDATED : outcome;
  }

  // ---- 党员名册

  private Outcome member(DataRow row) {
    Registry.MemberRequest request = new Registry.MemberRequest(row.get("name"), row.get("gender"),
        row.get("birthDate"), row.get("idNumber"), row.get("branchId"), row.get("partyGroup"), row.get("status"),
        row.get("fullMembershipDate"), row.get("disciplineStatus"));
    String memberNo = row.get("memberNo");
    Registry.Member existing;
    if (memberNo != null) {
      existing = registry.byMemberNo(memberNo).orElseThrow(() -> Input.invalid("memberNo", "党员编号",
          "“" + memberNo + "”不存在：新登记的人员请留空，由系统编号"));
    } else {
      existing = row.get("idNumber") == null ? null : registry.byIdNumber(row.get("idNumber")).orElse(null);
    }
    if (existing == null) {
      registry.create(request);
      return Outcome.CREATED;
    }
    if (same(existing, request)) {
      return Outcome.UNCHANGED;
    }
    registry.update(existing.memberNo(), request);
    return Outcome.UPDATED;
  }

  private static boolean same(Registry.Member m, Registry.MemberRequest r) {
    return Objects.equals(m.name(), blank(r.name())) && Objects.equals(m.gender(), blank(r.gender()))
        && Objects.equals(text(m.birthDate()), blank(r.birthDate()))
        && Objects.equals(m.idNumber(), r.idNumber() == null ? null : r.idNumber().strip().toUpperCase())
        && Objects.equals(m.branchId(), blank(r.branchId())) && Objects.equals(m.partyGroup(), blank(r.partyGroup()))
        && Objects.equals(m.status(), blank(r.status()))
        && Objects.equals(text(m.fullMembershipDate()), blank(r.fullMembershipDate()))
        && Objects.equals(m.disciplineStatus(), r.disciplineStatus() == null ? "none" : r.disciplineStatus());
  }

  // ---- 在办发展党员

  private Outcome developmentCase(AdminAccess.Scope scope, CaseSheet sheet, Backfill.Source source, DataRow row,
      List<String> cases) {
    String idNumber = row.get("idNumber");
    String branchId = row.get("branchId");
    if (branchId != null && exists(branchId)) {
      Organizations.Row branch = organizations.row(branchId, null);
      scope.require(branch.id(), branch.name());
    }
    if (idNumber != null) {
      Registry.Member existing = registry.byIdNumber(idNumber).orElse(null);
      String caseNumber = existing == null ? null : existing.caseNumber();
      String processInstanceId = caseNumber == null ? null : system.call(() -> runtime.createProcessInstanceQuery()
          .processDefinitionKey(MemberDevelopment.PROCESS_KEY).processInstanceBusinessKey(caseNumber)
          .listPage(0, 1).stream().map(pi -> pi.getId()).findFirst().orElse(null));
      if (processInstanceId != null) {
        // the case is in the system already (imported before, or started in Tasklist): the row must say what it holds
        Map<String, String> held = backfillCases.row(sheet, processInstanceId, caseNumber);
        List<String> differing = differing(sheet, memberNumbers(row.values()), held);
        if (differing.isEmpty()) {
          cases.add(caseNumber);
          return Outcome.UNCHANGED;
        }
        throw new CaseBackfill.RowRefused(List.of(new Problem(Sheets.CASES, row.number(), differing.get(0), null,
            "身份证号码为 " + idNumber + " 的申请人已有在办案件 " + caseNumber + "，本行与其记录不一致（" + String.join("、",
                differing.subList(0, Math.min(5, differing.size()))) + "）：补录只用于新案件，在办案件的后续步骤请在任务列表中办理")));
      }
      if (existing == null) {
        List<String> idProblems = row.get("birthDate") == null ? List.of()
            : ResidentIdNumber.problems(idNumber.toUpperCase(), java.time.LocalDate.parse(row.get("birthDate")));
        if (!idProblems.isEmpty()) {
          throw new CaseBackfill.RowRefused(List.of(new Problem(Sheets.CASES, row.number(), "idNumber", null,
              "居民身份证号码有误：" + String.join("；", idProblems))));
        }
      }
    }
    String caseNumber = backfillCases.replay(sheet, row, source, scope.userId());
    cases.add(caseNumber);
    return Outcome.CREATED;
  }

  /** The row with members named by ID number replaced by their member numbers, as the case holds them. */
  private Map<String, String> memberNumbers(Map<String, String> row) {
    Map<String, String> values = new LinkedHashMap<>(row);
    values.replaceAll((key, value) -> key.endsWith("MemberId") && value.matches("[0-9]{17}[0-9Xx]")
        ? registry.byIdNumber(value).map(Registry.Member::memberNo).orElse(value) : value);
    return values;
  }

  /** The columns where the row says something else than the case holds; an unticked box equals an empty cell. */
  private static List<String> differing(CaseSheet sheet, Map<String, String> row, Map<String, String> held) {
    List<String> keys = new ArrayList<>();
    for (Sheets.Column c : sheet.sheet().columns()) {
      String key = c.key();
      if ("caseNumber".equals(key)) {
        continue;
      }
      String a = normalized(c, row.get(key));
      String b = normalized(c, held.get(key));
      if (!Objects.equals(a, b)) {
        keys.add(key);
      }
    }
    return keys;
  }

  private static String normalized(Sheets.Column c, String value) {
    if (value == null || c.type() == Sheets.Type.BOOLEAN && "false".equals(value)) {
      return null;
    }
    return c.key().equals("idNumber") ? value.toUpperCase() : value;
  }

  // ---- duplicates within the workbook

  private static void duplicates(Map<String, SheetRows> sheets, List<Problem> problems) {
    duplicate(sheets.get(Sheets.ORGANIZATIONS), "id", "组织编号", problems);
    duplicate(sheets.get(Sheets.PEOPLE), "userId", "用户名", problems);
    duplicate(sheets.get(Sheets.REGISTRY), "memberNo", "党员编号", problems);
    duplicate(sheets.get(Sheets.REGISTRY), "idNumber", "居民身份证号码", problems);
    duplicate(sheets.get(Sheets.CASES), "idNumber", "居民身份证号码", problems);
    SheetRows registry = sheets.get(Sheets.REGISTRY);
    SheetRows cases = sheets.get(Sheets.CASES);
    if (registry != null && cases != null) {
      Map<String, Integer> inRegistry = new HashMap<>();
      registry.rows().forEach(r -> {
        if (r.get("idNumber") != null) {
          inRegistry.put(r.get("idNumber").toUpperCase(), r.number());
        }
      });
      for (DataRow r : cases.rows()) {
        String id = r.get("idNumber");
        if (id != null && inRegistry.containsKey(id.toUpperCase()) && r.get("caseNumber") == null) {
          problems.add(new Problem(Sheets.CASES, r.number(), "idNumber", null, "身份证号码 " + id + " 也在党员名册表第"
              + inRegistry.get(id.toUpperCase()) + "行：在办发展党员只填在本表，由补录建立名册记录"));
        }
      }
    }
  }

  private static void duplicate(SheetRows sheet, String key, String title, List<Problem> problems) {
    if (sheet == null) {
      return;
    }
    Map<String, Integer> first = new HashMap<>();
    for (DataRow row : sheet.rows()) {
      String value = row.get(key);
      if (value == null) {
        continue;
      }
      Integer earlier = first.putIfAbsent(value.toUpperCase(), row.number());
      if (earlier != null) {
        problems.add(new Problem(sheet.sheet().name(), row.number(), key, null, title + "“" + value + "”与第" + earlier
            + "行重复"));
      }
    }
  }

  // ---- helpers

  private static String summary(Map<String, Counts> counts) {
    List<String> parts = new ArrayList<>();
    counts.forEach((sheet, c) -> parts.add(sheet + "：新增" + c.created + "，修改" + c.updated + "，未变" + c.unchanged));
    return String.join("；", parts);
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String text(java.time.LocalDate date) {
    return date == null ? null : date.toString();
  }

  private static String sha256(byte[] file) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
