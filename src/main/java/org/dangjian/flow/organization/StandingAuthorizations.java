package org.dangjian.flow.organization;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * The authorizations every organization's groups hold whatever the case (the engine checks them; cases are
 * granted one by one by {@link CaseAccess}, tasks by the engine to their candidate groups): which webapp a role
 * opens, and who may start which process. Idempotent: runs at every start, after the groups.
 */
@Component
public class StandingAuthorizations {

  /** Who starts each process that a person starts (the others are started by a process). */
  static final Map<String, List<Starter>> STARTERS = Map.of(
      "MemberDevelopmentProcess", List.of(new Starter(OrganizationKind.BRANCH, Role.CLERK),
          new Starter(OrganizationKind.GENERAL_BRANCH, Role.CLERK),
          new Starter(OrganizationKind.PARTY_COMMITTEE, Role.CLERK)),
      "GradingCampaign", List.of(new Starter(OrganizationKind.PARTY_COMMITTEE, Role.CLERK),
          new Starter(OrganizationKind.WORKING_COMMITTEE, Role.CLERK)),
      "SecretaryReviewCampaign", List.of(new Starter(OrganizationKind.PARTY_COMMITTEE, Role.CLERK),
          new Starter(OrganizationKind.WORKING_COMMITTEE, Role.CLERK)),
      "VillageHelpProcess", List.of(new Starter(OrganizationKind.WORKING_COMMITTEE, Role.CLERK)),
      "HelpCaseProcess", List.of(new Starter(OrganizationKind.HELP_UNIT, Role.WORK_TEAM)),
      "BranchMeetingsCampaign", List.of(new Starter(OrganizationKind.PARTY_COMMITTEE, Role.CLERK),
          new Starter(OrganizationKind.WORKING_COMMITTEE, Role.CLERK)));

  record Starter(OrganizationKind kind, Role role) {
  }

  private final AuthorizationService authorizations;
  private final OrganizationRepository organizations;

  StandingAuthorizations(AuthorizationService authorizations, OrganizationRepository organizations) {
    this.authorizations = authorizations;
    this.organizations = organizations;
  }

  public void ensure() {
    for (Organization organization : organizations.findAll()) {
      ensure(organization);
    }
  }

  /** The standing grants of one organization's groups (a new organization, or one whose kind changed). */
  public void ensure(String organizationId) {
    organizations.findById(organizationId).ifPresent(this::ensure);
  }

  private void ensure(Organization organization) {
    for (Role role : organization.kind().roles()) {
      String group = role.groupOf(organization.id());
      // members read their own group: the engine grants this when it creates a group itself, never for the
      // groups of a directory (LDAP), which it does not create
      grant(group, Resources.GROUP, group, Permissions.READ);
      if (role != Role.AUDITOR) {
        // auditors read records (全程纪实), never a task list
        grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(group, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
      }
      if (role == Role.SUPERVISOR) {
        grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      }
      STARTERS.forEach((processKey, starters) -> {
        if (starters.contains(new Starter(organization.kind(), role))) {
          grant(group, Resources.PROCESS_DEFINITION, processKey, Permissions.CREATE_INSTANCE);
          grant(group, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
        }
      });
    }
  }

  /** Everyone logged in may use a filter; what it shows is still only what they may read. */
  void grantToEveryone(Resource resource, String resourceId, Permission permission) {
    Authorization existing = authorizations.createAuthorizationQuery().userIdIn(Authorization.ANY)
        .resourceType(resource).resourceId(resourceId).singleResult();
    if (existing == null) {
      Authorization global = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
      global.setUserId(Authorization.ANY);
      global.setResource(resource);
      global.setResourceId(resourceId);
      global.addPermission(permission);
      authorizations.saveAuthorization(global);
    }
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission permission) {
    grant(authorizations, groupId, resource, resourceId, permission);
  }

  /** Adds the permission to the group's authorization on the resource, creating it if there is none. */
  static void grant(AuthorizationService authorizations, String groupId, Resource resource, String resourceId,
      Permission permission) {
    Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource)
        .resourceId(resourceId).singleResult();
    if (existing != null && existing.isPermissionGranted(permission)) {
      return;
    }
    Authorization grant = existing != null ? existing
        : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(groupId);
    grant.setResource(resource);
    grant.setResourceId(resourceId);
    grant.addPermission(permission);
    authorizations.saveAuthorization(grant);
  }
}
