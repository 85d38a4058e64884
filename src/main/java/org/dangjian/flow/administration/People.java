package org.dangjian.flow.administration;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.dangjian.flow.organization.EngineIdentity;
import org.dangjian.flow.organization.Role;
import org.dangjian.flow.organization.StandingAuthorizations;
import org.dangjian.flow.system.AccessDeniedException;
import org.dangjian.flow.system.SystemAccess;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 人员与岗位: the engine's users with their phone, and the roles they hold, a role being the membership of the
 * organization's group {@code <org>-<role>}. The engine is written inside {@link SystemAccess} after the check
 * here: an organization department has no engine identity rights of its own. With users from a directory (LDAP)
 * the engine's identity is read-only: users and roles are read here and changed in the directory.
 */
@Service
class People {

  static final Map<String, Role> ROLES = new LinkedHashMap<>();

  static {
    Arrays.stream(Role.values()).forEach(r -> ROLES.put(r.key(), r));
  }

  private static final Pattern USER_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{1,39}");
  private static final Pattern PHONE = Pattern.compile("[0-9][0-9-]{6,19}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final int MAX_USERS = 5000;
  static final String DIRECTORY_MANAGED = "本系统的用户和岗位来自单位的目录服务（LDAP）：新建或修改用户、任命或免除岗位，"
      + "请在目录中修改用户或其所在的组，此处只能查看";

  record RoleHeld(String organizationId, String organizationName, String role, String title) {
  }

  record View(String userId, String name, String phone, String email, boolean administrator, List<RoleHeld> roles) {
  }

  /** What the change log keeps of a user: never the password. */
  record Logged(String userId, String name, String phone, String email) {
  }

  record UserRequest(String userId, String name, String phone, String email, String password) {
  }

  record RoleRequest(String organizationId, String role) {
  }

  private final JdbcTemplate jdbc;
  private final AdminAccess access;
  private final ChangeLog log;
  private final IdentityService identity;
  private final Organizations organizations;
  private final EngineIdentity engineIdentity;
  private final StandingAuthorizations standing;
  private final SystemAccess system;

  People(JdbcTemplate jdbc, AdminAccess access, ChangeLog log, IdentityService identity, Organizations organizations,
      EngineIdentity engineIdentity, StandingAuthorizations standing, SystemAccess system) {
    this.jdbc = jdbc;
    this.access = access;
    this.log = log;
    this.identity = identity;
    this.organizations = organizations;
    this.engineIdentity = engineIdentity;
    this.standing = standing;
    this.system = system;
  }

  /** Every user for an administrator; for an organization department those with no role outside its subtree. */
  List<View> list() {
    AdminAccess.Scope scope = access.scope();
    return system.call(() -> identity.createUserQuery().orderByUserId().asc().listPage(0, MAX_USERS)).stream()
        .map(this::view).filter(v -> administers(scope, v)).toList();
  }

  @Transactional
  View create(UserRequest request) {
    AdminAccess.Scope scope = access.scope();
    requireWritableIdentity();
    String userId = Input.matching("userId", "用户名", request.userId(), USER_ID,
        "2–40 个字符，以小写字母或数字开头，只能是小写字母、数字、点（.）、下划线和连字符");
    Logged fields = fields(userId, request);
    String password = password(request.password(), true);
    if (system.call(() -> identity.createUserQuery().userId(userId).count()) > 0) {
      throw new AdminRefusal.Conflict("用户名“" + userId + "”已被使用");
    }
    system.run(() -> {
      User user = identity.newUser(userId);
      setName(user, fields);
      user.setPassword(password);
      identity.saveUser(user);
    });
    jdbc.update("insert into user_profile (user_id, name, phone, updated_at) values (?, ?, ?, ?)", userId,
        fields.name(), fields.phone(), now());
    log.append(scope.userId(), "user", userId, "create", null, null, fields);
    return view(userId);
  }

  @Transactional
  View update(String userId, UserRequest request) {
    AdminAccess.Scope scope = access.scope();
    requireWritableIdentity();
    View before = existing(userId);
    requireAdministers(scope, before);
    Logged fields = fields(userId, request);
    String password = password(request.password(), false);
    system.run(() -> {
      User user = identity.createUserQuery().userId(userId).singleResult();
      setName(user, fields);
      if (password != null) {
        user.setPassword(password);
      }
      identity.saveUser(user);
    });
    if (jdbc.update("update user_profile set name = ?, phone = ?, updated_at = ? where user_id = ?", fields.name(),
        fields.phone(), now(), userId) == 0) {
      jdbc.update("insert into user_profile (user_id, name, phone, updated_at) values (?, ?, ?, ?)", userId,
          fields.name(), fields.phone(), now());
    }
    log.append(scope.userId(), "user", userId, password == null ? "update" : "updateWithPassword", null,
        new Logged(before.userId(), before.name(), before.phone(), before.email()), fields);
    return view(userId);
  }

  @Transactional
  View grant(String userId, RoleRequest request) {
    AdminAccess.Scope scope = access.scope();
    requireWritableIdentity();
    Organizations.Row organization = organizations.row(blankToNull(request.organizationId()), "organizationId");
    scope.require(organization.id(), organization.name());
    Role role = Input.choice("role", "岗位", request.role(), ROLES);
    existing(userId);
    if (!organization.kind().roles().contains(role)) {
      throw Input.invalid("role", "岗位", "“" + role.title() + "”不是" + Organizations.KIND_TITLES.get(organization.kind())
          + "的岗位；" + organization.name() + "的岗位有：" + String.join("、",
              organization.kind().roles().stream().map(r -> r.key() + " " + r.title()).toList()));
    }
    if (organization.closed()) {
      throw new AdminRefusal.Conflict(organization.name() + "已撤销，不能再任命岗位");
    }
    String groupId = role.groupOf(organization.id());
    if (system.call(() -> EngineIdentity.isMemberOfAny(identity, userId, List.of(groupId)))) {
      throw new AdminRefusal.Conflict(userId + "已是" + organization.name() + role.title());
    }
    // a group a newer kind brought, or one an older version never made: made with its standing grants
    if (system.call(() -> identity.createGroupQuery().groupId(groupId).count()) == 0) {
      system.asStartup(() -> {
        engineIdentity.synchronizeGroups(organization.id());
        standing.ensure(organization.id());
      });
    }
    system.run(() -> identity.createMembership(userId, groupId));
    log.append(scope.userId(), "role", userId + "@" + groupId, "grant", organization.id(), null,
        new RoleHeld(organization.id(), organization.name(), role.key(), role.title()));
    return view(userId);
  }

  @Transactional
  View withdraw(String userId, String organizationId, String roleKey) {
    AdminAccess.Scope scope = access.scope();
    requireWritableIdentity();
    Organizations.Row organization = organizations.row(organizationId, null);
    scope.require(organization.id(), organization.name());
    Role role = ROLES.get(roleKey);
    existing(userId);
    String groupId = role == null ? null : role.groupOf(organization.id());
    if (groupId == null || !system.call(() -> EngineIdentity.isMemberOfAny(identity, userId, List.of(groupId)))) {
      throw new AdminRefusal.NotFound(userId + "没有担任" + organization.name() + "的岗位“" + roleKey + "”");
    }
    system.run(() -> identity.deleteMembership(userId, groupId));
    log.append(scope.userId(), "role", userId + "@" + groupId, "withdraw", organization.id(),
        new RoleHeld(organization.id(), organization.name(), role.key(), role.title()), null);
    return view(userId);
  }

  /** One user as the list shows them, for someone who administers them (the import matches rows by userId). */
  View get(AdminAccess.Scope scope, String userId) {
    View user = existing(userId);
    requireAdministers(scope, user);
    return user;
  }

  boolean fromDirectory() {
    return identity.isReadOnly();
  }

  /** 409 before anything is checked or written: the directory, not this application, keeps users and roles. */
  private void requireWritableIdentity() {
    if (identity.isReadOnly()) {
      throw new AdminRefusal.Conflict(DIRECTORY_MANAGED);
    }
  }

  private View existing(String userId) {
    if (userId == null || system.call(() -> identity.createUserQuery().userId(userId).count()) == 0) {
      throw new AdminRefusal.NotFound("用户“" + userId + "”不存在");
    }
    return view(userId);
  }

  /** An organization department manages a user only when none of the user's roles lies outside its subtree. */
  private static boolean administers(AdminAccess.Scope scope, View user) {
    return scope.administrator()
        || !user.administrator() && user.roles().stream().allMatch(r -> scope.covers(r.organizationId()));
  }

  private static void requireAdministers(AdminAccess.Scope scope, View user) {
    if (!administers(scope, user)) {
      throw new AccessDeniedException("无权限：用户 " + user.userId() + " 在本工委范围以外担任岗位，只能由系统管理员修改");
    }
  }

  private View view(String userId) {
    return system.call(() -> view(identity.createUserQuery().userId(userId).singleResult()));
  }

  private View view(User user) {
    Map<String, Organizations.Row> byId = new LinkedHashMap<>();
    organizations.rows().forEach(r -> byId.put(r.id(), r));
    List<Group> groups = system.call(() -> identity.createGroupQuery().groupMember(user.getId()).listPage(0, 1000));
    List<RoleHeld> roles = new ArrayList<>();
    boolean administrator = false;
    for (Group group : groups) {
      administrator |= Groups.CAMUNDA_ADMIN.equals(group.getId());
      for (Organizations.Row organization : byId.values()) {
        for (Role role : organization.kind().roles()) {
          if (role.groupOf(organization.id()).equals(group.getId())) {
            roles.add(new RoleHeld(organization.id(), organization.name(), role.key(), role.title()));
          }
        }
      }
    }
    List<Map<String, Object>> profile = jdbc.queryForList("select name, phone from user_profile where user_id = ?",
        user.getId());
    String name = profile.isEmpty() ? join(user.getFirstName(), user.getLastName())
        : (String) profile.get(0).get("name");
    String phone = profile.isEmpty() ? null : (String) profile.get(0).get("phone");
    return new View(user.getId(), name, phone, user.getEmail(), administrator, roles);
  }

  private static Logged fields(String userId, UserRequest request) {
    String name = Input.text("name", "姓名", request.name(), 50);
    String phone = Input.optionalText("phone", "电话", request.phone(), 20);
    if (phone != null && !PHONE.matcher(phone).matches()) {
      throw Input.invalid("phone", "电话", "应为 7–20 位数字（可含连字符），收到“" + phone + "”");
    }
    String email = Input.optionalText("email", "电子邮箱", request.email(), 100);
    if (email != null && !EMAIL.matcher(email).matches()) {
      throw Input.invalid("email", "电子邮箱", "格式不正确，收到“" + email + "”");
    }
    return new Logged(userId, name, phone, email);
  }

  private static String password(String password, boolean required) {
    if (password == null || password.isEmpty()) {
      if (required) {
        throw Input.invalid("password", "初始密码", "不能为空");
      }
      return null;
    }
    if (password.length() < 8 || password.length() > 64) {
      throw Input.invalid("password", "初始密码", "应为 8–64 个字符");
    }
    return password;
  }

  /** Camunda shows "firstName lastName": the family name (姓, the first character) first, as in the demo users. */
  private static void setName(User user, Logged fields) {
    user.setFirstName(fields.name().substring(0, 1));
    user.setLastName(fields.name().substring(1));
    user.setEmail(fields.email());
  }

  private static String join(String first, String last) {
    return (first == null ? "" : first) + (last == null ? "" : last);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static Timestamp now() {
    return Timestamp.valueOf(LocalDateTime.now());
  }
}
