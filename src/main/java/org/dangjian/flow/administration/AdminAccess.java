package org.dangjian.flow.administration;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.dangjian.flow.organization.Organization;
import org.dangjian.flow.organization.OrganizationKind;
import org.dangjian.flow.organization.OrganizationRepository;
import org.dangjian.flow.organization.Role;
import org.dangjian.flow.system.AccessDeniedException;
import org.dangjian.flow.system.CurrentUser;
import org.dangjian.flow.system.SystemAccess;
import org.springframework.stereotype.Component;

/**
 * Who may administer what: administrators ({@code camunda-admin}) everything; a working committee's organization
 * department ({@code <workingCommittee>-orgdept}) the organizations of its own subtree; nobody else anything.
 * Checked here, before the engine work runs inside {@link SystemAccess} (an organization department has no engine
 * identity rights of its own).
 */
@Component
class AdminAccess {

  /** The logged-in administrator or organization-department user and how far they reach. */
  record Scope(String userId, boolean administrator, Set<String> workingCommittees,
      OrganizationRepository organizations) {

    boolean covers(String organizationId) {
      if (administrator) {
        return true;
      }
      if (organizationId == null) {
        return false;
      }
      if (workingCommittees.contains(organizationId)) {
        return true;
      }
      return organizations.workingCommitteeOf(organizationId).map(w -> workingCommittees.contains(w.id()))
          .orElse(false);
    }

    void require(String organizationId, String name) {
      if (!covers(organizationId)) {
        throw new AccessDeniedException("无权限：用户 " + userId + " 只能管理本工委范围内的组织，不能管理" + name);
      }
    }
  }

  private final IdentityService identity;
  private final OrganizationRepository organizations;
  private final SystemAccess system;
  private final CurrentUser currentUser;

  AdminAccess(IdentityService identity, OrganizationRepository organizations, SystemAccess system,
      CurrentUser currentUser) {
    this.identity = identity;
    this.organizations = organizations;
    this.system = system;
    this.currentUser = currentUser;
  }

  /** The scope an import works under, row after row: found once, not again for each of its thousands of rows. */
  private static final ThreadLocal<Scope> FIXED = new ThreadLocal<>();

  static <T> T within(Scope scope, java.util.function.Supplier<T> work) {
    FIXED.set(scope);
    try {
      return work.get();
    } finally {
      FIXED.remove();
    }
  }

  /** The caller's scope; 403 for anyone who is neither an administrator nor in an organization department. */
  Scope scope() {
    Scope fixed = FIXED.get();
    if (fixed != null) {
      return fixed;
    }
    String userId = currentUser.id();
    if (userId == null) {
      throw new AccessDeniedException("请先登录");
    }
    List<String> groups = system.call(() -> identity.createGroupQuery().groupMember(userId).listPage(0, 1000)
        .stream().map(Group::getId).toList());
    boolean administrator = groups.contains(Groups.CAMUNDA_ADMIN);
    Set<String> workingCommittees = organizations.findAll().stream()
        .filter(o -> o.kind() == OrganizationKind.WORKING_COMMITTEE)
        .map(Organization::id).filter(id -> groups.contains(Role.ORG_DEPT.groupOf(id))).collect(Collectors.toSet());
    if (!administrator && workingCommittees.isEmpty()) {
      throw new AccessDeniedException("无权限：管理功能只对系统管理员和工委组织部门开放");
    }
    return new Scope(userId, administrator, workingCommittees, organizations);
  }
}
