package org.dangjian.flow.administration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.dangjian.flow.branchlife.BranchMeetingsYears;
import org.dangjian.flow.development.DevelopmentCases;
import org.dangjian.flow.development.MemberDevelopment;
import org.dangjian.flow.organization.CaseAccess;
import org.dangjian.flow.organization.EngineIdentity;
import org.dangjian.flow.organization.OrganizationKind;
import org.dangjian.flow.organization.Role;
import org.dangjian.flow.organization.StandingAuthorizations;
import org.dangjian.flow.system.SystemAccess;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 组织: the tree as administrators keep it. The tree rules (which kind may stand under which):
 * a working committee (工委) is a root; a committee (党委) stands under a working committee or a committee; a general
 * branch (党总支) under a committee; a branch (党支部) under a committee or a general branch; a help unit (帮包单位)
 * under a working committee; a village (村) under a working committee or a committee. Only a committee may have
 * approval power (基层党委). Nothing stands under a closed organization.
 */
@Service
class Organizations {

  /** The API's kinds and the tree's. */
  static final Map<String, OrganizationKind> KINDS = new LinkedHashMap<>();

  static {
    KINDS.put("workingCommittee", OrganizationKind.WORKING_COMMITTEE);
    KINDS.put("committee", OrganizationKind.PARTY_COMMITTEE);
    KINDS.put("generalBranch", OrganizationKind.GENERAL_BRANCH);
    KINDS.put("branch", OrganizationKind.BRANCH);
    KINDS.put("helpUnit", OrganizationKind.HELP_UNIT);
    KINDS.put("village", OrganizationKind.VILLAGE);
  }

  static final Map<OrganizationKind, String> KIND_TITLES = Map.of(OrganizationKind.WORKING_COMMITTEE, "工委",
      OrganizationKind.PARTY_COMMITTEE, "党委", OrganizationKind.GENERAL_BRANCH, "党总支",
      OrganizationKind.BRANCH, "党支部", OrganizationKind.HELP_UNIT, "帮包单位", OrganizationKind.VILLAGE, "村");

  /** Which kinds each kind may stand under (none: a root). */
  static final Map<OrganizationKind, Set<OrganizationKind>> PARENTS = Map.of(
      OrganizationKind.WORKING_COMMITTEE, Set.of(),
      OrganizationKind.PARTY_COMMITTEE, Set.of(OrganizationKind.WORKING_COMMITTEE, OrganizationKind.PARTY_COMMITTEE),
      OrganizationKind.GENERAL_BRANCH, Set.of(OrganizationKind.PARTY_COMMITTEE),
      OrganizationKind.BRANCH, Set.of(OrganizationKind.PARTY_COMMITTEE, OrganizationKind.GENERAL_BRANCH),
      OrganizationKind.HELP_UNIT, Set.of(OrganizationKind.WORKING_COMMITTEE),
      OrganizationKind.VILLAGE, Set.of(OrganizationKind.WORKING_COMMITTEE, OrganizationKind.PARTY_COMMITTEE));

  private static final Pattern ID = Pattern.compile("[a-z0-9-]{2,40}");
  private static final int MAX_CASES = 1000;

  record Row(String id, String name, OrganizationKind kind, String parentId, boolean approvalPower, String status,
      int sortOrder) {
    boolean closed() {
      return "closed".equals(status);
    }
  }

  record RoleView(String role, String title) {
  }

  record View(String id, String name, String kind, String kindTitle, String parentId, String parentName,
      boolean approvalPower, String status, int depth, List<RoleView> roles) {
  }

  /** What the change log keeps of an organization. */
  record Logged(String id, String name, String kind, String parentId, boolean approvalPower, String status) {
  }

  record NewOrganization(String id, String name, String kind, String parentId, Boolean approvalPower) {
  }

  private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getString("id"), rs.getString("name"),
      OrganizationKind.valueOf(rs.getString("kind").toUpperCase()), rs.getString("parent_id"),
      rs.getBoolean("approves_admission"), rs.getString("status"), rs.getInt("sort_order"));

  private final JdbcTemplate jdbc;
  private final AdminAccess access;
  private final ChangeLog log;
  private final EngineIdentity engineIdentity;
  private final StandingAuthorizations standing;
  private final IdentityService identity;
  private final RuntimeService runtime;
  private final DevelopmentCases developmentCases;
  private final CaseAccess caseAccess;
  private final SystemAccess system;
  private final BranchMeetingsYears branchMeetings;

  Organizations(JdbcTemplate jdbc, AdminAccess access, ChangeLog log, EngineIdentity engineIdentity,
      StandingAuthorizations standing, IdentityService identity, RuntimeService runtime,
      DevelopmentCases developmentCases, CaseAccess caseAccess, SystemAccess system,
      BranchMeetingsYears branchMeetings) {
    this.jdbc = jdbc;
    this.access = access;
    this.log = log;
    this.engineIdentity = engineIdentity;
    this.standing = standing;
    this.identity = identity;
    this.runtime = runtime;
    this.developmentCases = developmentCases;
    this.caseAccess = caseAccess;
    this.system = system;
    this.branchMeetings = branchMeetings;
  }

  static String apiKind(OrganizationKind kind) {
    return KINDS.entrySet().stream().filter(e -> e.getValue() == kind).findFirst().orElseThrow().getKey();
  }

  List<Row> rows() {
    return jdbc.query("select * from organization order by sort_order, id", ROW);
  }

  Row row(String id, String field) {
    if (id == null && field != null) {
      throw Input.invalid(field, "组织", "不能为空");
    }
    List<Row> found = id == null ? List.of() : jdbc.query("select * from organization where id = ?", ROW, id);
    if (found.isEmpty()) {
      if (field != null) {
        throw Input.invalid(field, "组织", "“" + id + "”不存在");
      }
      throw new AdminRefusal.NotFound("组织“" + id + "”不存在");
    }
    return found.get(0);
  }

  /** The organizations the caller administers, in tree order (each parent before its children). */
  List<View> list() {
    AdminAccess.Scope scope = access.scope();
    List<Row> rows = rows();
    Map<String, Row> byId = new LinkedHashMap<>();
    rows.forEach(r -> byId.put(r.id(), r));
    List<View> views = new ArrayList<>();
    for (Row root : rows) {
      if (root.parentId() == null || !byId.containsKey(root.parentId())) {
        addInTreeOrder(root, 0, rows, byId, scope, views);
      }
    }
    return views;
  }

  private void addInTreeOrder(Row row, int depth, List<Row> rows, Map<String, Row> byId, AdminAccess.Scope scope,
      List<View> views) {
    if (scope.covers(row.id())) {
      Row parent = row.parentId() == null ? null : byId.get(row.parentId());
      views.add(new View(row.id(), row.name(), apiKind(row.kind()), KIND_TITLES.get(row.kind()), row.parentId(),
          parent == null ? null : parent.name(), row.approvalPower(), row.status(), depth,
          row.kind().roles().stream().map(r -> new RoleView(r.key(), r.title())).toList()));
    }
    for (Row child : rows) {
      if (row.id().equals(child.parentId())) {
        addInTreeOrder(child, depth + 1, rows, byId, scope, views);
      }
    }
  }

  @Transactional
  View create(NewOrganization request) {
    return create(request, true);
  }

  /**
   * {@code active} false: created to be closed at once in the same transaction (an import's closed row), so it
   * gets no 三会一课 year that would then stand in the way of closing it.
   */
  @Transactional
  View create(NewOrganization request, boolean active) {
    AdminAccess.Scope scope = access.scope();
    String id = Input.matching("id", "组织编号", request.id(), ID, "2–40 个字符，只能是小写字母、数字和连字符（-）");
    String name = Input.text("name", "组织名称", request.name(), 100);
    OrganizationKind kind = Input.choice("kind", "组织类型", request.kind(), KINDS);
    boolean approvalPower = Boolean.TRUE.equals(request.approvalPower());
    Row parent = request.parentId() == null || request.parentId().isBlank() ? null : row(request.parentId(), "parentId");
    if (parent == null) {
      if (kind != OrganizationKind.WORKING_COMMITTEE) {
        throw Input.invalid("parentId", "上级组织", "不能为空：只有工委是最上级组织");
      }
      if (!scope.administrator()) {
        throw new org.dangjian.flow.system.AccessDeniedException("无权限：只有系统管理员可以新建工委");
      }
    } else {
      scope.require(parent.id(), parent.name());
    }
    checkPlace(kind, parent, approvalPower);
    if (!jdbc.query("select id from organization where id = ?", (rs, n) -> rs.getString(1), id).isEmpty()) {
      throw new AdminRefusal.Conflict("组织编号“" + id + "”已被使用：组织编号不能重复，已撤销组织的编号也不再使用");
    }
    Integer last = jdbc.queryForObject("select max(sort_order) from organization", Integer.class);
    jdbc.update("insert into organization (id, name, kind, parent_id, approves_admission, sort_order, status)"
        + " values (?, ?, ?, ?, ?, ?, 'active')", id, name, kind.name().toLowerCase(),
        parent == null ? null : parent.id(), approvalPower, last == null ? 0 : last + 1);
    // its roles' engine groups and the standing grants every organization's groups hold
    system.asStartup(() -> {
      engineIdentity.synchronizeGroups(id);
      standing.ensure(id);
    });
    Row created = row(id, null);
    log.append(scope.userId(), "organization", id, "create", id, null, logged(created));
    if (active) {
      branchMeetings.branchesJoined(List.of(id));
    }
    return view(created);
  }

  @Transactional
  View rename(String id, String newName) {
    AdminAccess.Scope scope = access.scope();
    Row before = row(id, null);
    scope.require(id, before.name());
    String name = Input.text("name", "组织名称", newName, 100);
    jdbc.update("update organization set name = ? where id = ?", name, id);
    // the groups' display names follow (a directory's groups keep the directory's names); the cases keep the
    // name they were recorded with
    system.run(() -> {
      if (identity.isReadOnly()) {
        return;
      }
      for (Role role : before.kind().roles()) {
        Group group = identity.createGroupQuery().groupId(role.groupOf(id)).singleResult();
        if (group != null) {
          group.setName(name + " " + role.title());
          identity.saveGroup(group);
        }
      }
    });
    return logged(scope, before, "rename");
  }

  @Transactional
  View move(String id, String parentId) {
    AdminAccess.Scope scope = access.scope();
    Row before = row(id, null);
    scope.require(id, before.name());
    if (parentId == null || parentId.isBlank()) {
      throw Input.invalid("parentId", "上级组织", "不能为空");
    }
    Row parent = row(parentId, "parentId");
    scope.require(parent.id(), parent.name());
    if (subtree(id).contains(parent.id())) {
      throw Input.invalid("parentId", "上级组织", "不能是" + before.name() + "本身或其下级组织（组织树不能成环）");
    }
    checkPlace(before.kind(), parent, before.approvalPower());
    jdbc.update("update organization set parent_id = ? where id = ?", parent.id(), id);
    followTree(id, scope.userId());
    branchMeetings.branchesJoined(subtree(id));
    return logged(scope, before, "move");
  }

  @Transactional
  View setKind(String id, String kindValue, Boolean approvalPowerValue) {
    AdminAccess.Scope scope = access.scope();
    Row before = row(id, null);
    scope.require(id, before.name());
    OrganizationKind kind = Input.choice("kind", "组织类型", kindValue, KINDS);
    boolean approvalPower = Boolean.TRUE.equals(approvalPowerValue);
    Row parent = before.parentId() == null ? null : row(before.parentId(), null);
    checkPlace(kind, parent, approvalPower);
    if (kind != before.kind()) {
      for (Row child : rows()) {
        if (id.equals(child.parentId()) && !child.closed() && !PARENTS.get(child.kind()).contains(kind)) {
          throw Input.invalid("kind", "组织类型", "不能改为" + KIND_TITLES.get(kind) + "：下级组织" + child.name() + "（"
              + KIND_TITLES.get(child.kind()) + "）不能隶属于" + KIND_TITLES.get(kind));
        }
      }
      List<String> open = openCases(id);
      if (!open.isEmpty()) {
        throw new AdminRefusal.Conflict(before.name() + "有进行中的案件，不能改变组织类型：" + String.join("、", open), open);
      }
    }
    jdbc.update("update organization set kind = ?, approves_admission = ? where id = ?", kind.name().toLowerCase(),
        approvalPower, id);
    system.asStartup(() -> {
      engineIdentity.synchronizeGroups(id);
      standing.ensure(id);
    });
    if (approvalPower != before.approvalPower()) {
      followTree(id, scope.userId());
    }
    if (kind != before.kind()) {
      // a 党总支 turned into a 党支部, or a committee level put in or taken out above branches
      branchMeetings.branchesJoined(subtree(id));
    }
    return logged(scope, before, "setKind");
  }

  @Transactional
  View close(String id) {
    AdminAccess.Scope scope = access.scope();
    Row before = row(id, null);
    scope.require(id, before.name());
    if (before.closed()) {
      throw new AdminRefusal.Conflict(before.name() + "已经撤销");
    }
    List<String> activeChildren = rows().stream().filter(r -> id.equals(r.parentId()) && !r.closed())
        .map(Row::name).toList();
    if (!activeChildren.isEmpty()) {
      throw new AdminRefusal.Conflict(before.name() + "还有下级组织，请先撤销或移走：" + String.join("、", activeChildren));
    }
    List<String> open = openCases(id);
    if (!open.isEmpty()) {
      throw new AdminRefusal.Conflict(before.name() + "有进行中的案件，不能撤销：" + String.join("、", open), open);
    }
    jdbc.update("update organization set status = 'closed' where id = ?", id);
    return logged(scope, before, "close");
  }

  /**
   * 恢复: an organization closed by mistake is active again, with its id, groups and history as they were. Not under
   * a closed parent (the parent is reopened first), and only where the tree rules still allow it there.
   */
  @Transactional
  View reopen(String id) {
    AdminAccess.Scope scope = access.scope();
    Row before = row(id, null);
    scope.require(id, before.name());
    if (!before.closed()) {
      throw new AdminRefusal.Conflict(before.name() + "未撤销，无需恢复");
    }
    Row parent = before.parentId() == null ? null : row(before.parentId(), null);
    if (parent != null && parent.closed()) {
      throw new AdminRefusal.Conflict("上级组织" + parent.name() + "已撤销：请先恢复上级组织");
    }
    checkPlace(before.kind(), parent, before.approvalPower());
    jdbc.update("update organization set status = 'active' where id = ?", id);
    branchMeetings.branchesJoined(List.of(id));
    return logged(scope, before, "reopen");
  }

  private View logged(AdminAccess.Scope scope, Row before, String action) {
    Row after = row(before.id(), null);
    log.append(scope.userId(), "organization", before.id(), action, before.id(), logged(before), logged(after));
    return view(after);
  }

  private View view(Row row) {
    return list().stream().filter(v -> v.id().equals(row.id())).findFirst().orElseThrow();
  }

  private static Logged logged(Row r) {
    return new Logged(r.id(), r.name(), apiKind(r.kind()), r.parentId(), r.approvalPower(), r.status());
  }

  private static void checkPlace(OrganizationKind kind, Row parent, boolean approvalPower) {
    if (approvalPower && kind != OrganizationKind.PARTY_COMMITTEE) {
      // 只有基层党委可以审批接收预备党员; 党总支、党支部无审批权
      throw Input.invalid("approvalPower", "审批权", "只有党委可以具有审批权，" + KIND_TITLES.get(kind) + "不能");
    }
    if (parent == null) {
      if (kind != OrganizationKind.WORKING_COMMITTEE) {
        throw Input.invalid("parentId", "上级组织", "不能为空：只有工委是最上级组织");
      }
      return;
    }
    if (parent.closed()) {
      throw Input.invalid("parentId", "上级组织", "“" + parent.name() + "”已撤销，不能再设下级组织");
    }
    if (!PARENTS.get(kind).contains(parent.kind())) {
      throw Input.invalid("parentId", "上级组织", "不符合组织树规则：" + KIND_TITLES.get(kind) + "不能隶属于"
          + KIND_TITLES.get(parent.kind()) + "（" + parent.name() + "）");
    }
  }

  /** The organization and every organization below it. */
  Set<String> subtree(String id) {
    List<Row> rows = rows();
    Set<String> ids = new LinkedHashSet<>();
    ids.add(id);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Row r : rows) {
        if (r.parentId() != null && ids.contains(r.parentId()) && ids.add(r.id())) {
          grew = true;
        }
      }
    }
    return ids;
  }

  /** The case numbers of the open cases of every process that name the organization in one of their variables. */
  List<String> openCases(String organizationId) {
    return instancesNaming(Set.of(organizationId)).stream()
        .map(pi -> pi.getBusinessKey() != null ? pi.getBusinessKey() : pi.getId()).distinct().sorted().toList();
  }

  private List<ProcessInstance> instancesNaming(Set<String> organizationIds) {
    return system.call(() -> {
      Map<String, ProcessInstance> found = new LinkedHashMap<>();
      for (String organizationId : organizationIds) {
        for (String variable : CaseAccess.ORGANIZATION_VARIABLES) {
          runtime.createProcessInstanceQuery().variableValueEquals(variable, organizationId).listPage(0, MAX_CASES)
              .forEach(pi -> found.putIfAbsent(pi.getId(), pi));
        }
      }
      return new ArrayList<>(found.values());
    });
  }

  /**
   * The tree above the subtree changed: development cases of its branches are handled by the committee and
   * organization department above them now; every other case of the subtree is granted to its new readers.
   * All or nothing: when a branch would be left without an approving committee, nothing changes.
   */
  private void followTree(String id, String userId) {
    List<String> problems = new ArrayList<>();
    for (ProcessInstance pi : instancesNaming(subtree(id))) {
      // a definition id is <key>:<version>:<id>
      String processKey = pi.getProcessDefinitionId().split(":")[0];
      if (MemberDevelopment.PROCESS_KEY.equals(processKey)) {
        problems.addAll(developmentCases.followTree(pi.getId(), userId));
      } else {
        Map<String, Object> variables = system.call(() -> runtime.getVariables(pi.getId(),
            CaseAccess.ORGANIZATION_VARIABLES));
        caseAccess.regrant(pi.getId(), variables.values().stream().filter(v -> v instanceof String)
            .map(String.class::cast).distinct().toList());
      }
    }
    if (!problems.isEmpty()) {
      throw new AdminRefusal.Conflict("调整后以下进行中的案件将无人审批，未作任何修改：" + String.join("；",
          problems.stream().distinct().toList()));
    }
  }
}
