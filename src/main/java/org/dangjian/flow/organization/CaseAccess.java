package org.dangjian.flow.organization;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.identity.Group;
import org.dangjian.flow.organization.Role.CaseReading;
import org.dangjian.flow.system.SystemAccess;
import org.springframework.stereotype.Component;

/**
 * Who may read a case: the groups of the organizations the case names and of every organization above them
 * (a committee sees its branches' cases), each as far as its role reads ({@link CaseReading}). Granted as
 * engine authorizations on the process instance and its history when the case starts, so Tasklist, Cockpit, the
 * REST API and the full-process record all apply the same rule; tasks are granted by the engine to their
 * candidate groups.
 */
@Component
public class CaseAccess {

  /** Process variables naming the organizations a case belongs to, in every process. */
  public static final List<String> ORGANIZATION_VARIABLES =
      List.of("branchId", "organizationId", "committeeId", "villageId", "helpUnitId");

  /** A case has a few dozen grants; bounded queries (query-max-results-limit). */
  private static final int MAX_GRANTS = 1000;

  private final AuthorizationService authorizations;
  private final IdentityService identity;
  private final OrganizationRepository organizations;
  private final SystemAccess system;

  CaseAccess(AuthorizationService authorizations, IdentityService identity, OrganizationRepository organizations,
      SystemAccess system) {
    this.authorizations = authorizations;
    this.identity = identity;
    this.organizations = organizations;
    this.system = system;
  }

  /** The organizations a case belongs to, as its variables name them. */
  public static Set<String> organizationsOf(VariableScope caseScope) {
    Set<String> organizationIds = new LinkedHashSet<>();
    for (String name : ORGANIZATION_VARIABLES) {
      if (caseScope.getVariable(name) instanceof String id && !id.isBlank()) {
        organizationIds.add(id);
      }
    }
    return organizationIds;
  }

  /** The groups that read the cases of these organizations, each with how far it reads. */
  public Map<String, CaseReading> readersOf(Collection<String> organizationIds) {
    return readersAmong(withAncestors(organizationIds));
  }

  /** The groups that read the cases of these organizations, given with every organization above them. */
  private static Map<String, CaseReading> readersAmong(List<Organization> withAncestors) {
    Map<String, CaseReading> readers = new LinkedHashMap<>();
    for (Organization organization : withAncestors) {
      for (Role role : organization.kind().roles()) {
        if (role.caseReading() != CaseReading.NONE) {
          readers.merge(role.groupOf(organization.id()), role.caseReading(),
              (a, b) -> a == CaseReading.FULL || b == CaseReading.FULL ? CaseReading.FULL : CaseReading.HISTORY);
        }
      }
    }
    return readers;
  }

  /** Grants a case to the readers of its organizations (at its start; again after a transfer). */
  public void grant(String processInstanceId, Collection<String> organizationIds) {
    Map<String, CaseReading> readers = readersOf(organizationIds);
    system.bookkeeping(() -> readers.forEach((groupId, reading) -> {
      ensure(groupId, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId, HistoricProcessInstancePermissions.READ);
      if (reading == CaseReading.FULL) {
        ensure(groupId, Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ);
      }
    }));
  }

  /**
   * The supervisors (督导) of the case's organizations and of every organization above them read its open task:
   * who holds which step, in Cockpit's task views. Read only: no claim, no completion, no variable change. The engine
   * removes a task's grants with the task, so only open tasks carry them. Grading ballots are never granted (their
   * holders are the secret evaluators).
   */
  public void grantTaskToSupervisors(String taskId, Collection<String> organizationIds) {
    Set<String> groups = new LinkedHashSet<>();
    for (Organization organization : withAncestors(organizationIds)) {
      if (organization.kind().roles().contains(Role.SUPERVISOR)) {
        groups.add(Role.SUPERVISOR.groupOf(organization.id()));
      }
    }
    if (!groups.isEmpty()) {
      system.bookkeeping(() -> groups.forEach(g -> ensure(g, Resources.TASK, taskId, Permissions.READ)));
    }
  }

  /**
   * Whether the user supervises (督导) the organization: a supervisor of it or of an organization above it, or an
   * administrator. Narrower than reading its cases: a clerk reads them, only supervisors get the supervision view.
   */
  public boolean supervises(String userId, String organizationId) {
    if (userId == null) {
      return false;
    }
    List<String> groups = new ArrayList<>();
    for (Organization organization : withAncestors(List.of(organizationId))) {
      if (organization.kind().roles().contains(Role.SUPERVISOR)) {
        groups.add(Role.SUPERVISOR.groupOf(organization.id()));
      }
    }
    return inAnyOrAdministrator(userId, groups);
  }

  /** The case now belongs to other organizations (组织关系转接): the old readers lose it, the new ones get it. */
  public void regrant(String processInstanceId, Collection<String> organizationIds) {
    Set<String> keep = readersOf(organizationIds).keySet();
    system.bookkeeping(() -> {
      for (Resource resource : List.of(Resources.PROCESS_INSTANCE, Resources.HISTORIC_PROCESS_INSTANCE)) {
        for (Authorization a : authorizations.createAuthorizationQuery().resourceType(resource)
            .resourceId(processInstanceId).listPage(0, MAX_GRANTS)) {
          if (a.getGroupId() != null && !keep.contains(a.getGroupId())) {
            authorizations.deleteAuthorization(a.getId());
          }
        }
      }
    });
    grant(processInstanceId, organizationIds);
  }

  /** A task handed from one group to another: the engine keeps the old group's grant unless it is removed. */
  public void revokeTask(String taskId, String groupId) {
    system.bookkeeping(() -> {
      for (Resource resource : List.of(Resources.TASK, Resources.HISTORIC_TASK)) {
        for (Authorization a : authorizations.createAuthorizationQuery().resourceType(resource).resourceId(taskId)
            .groupIdIn(groupId).listPage(0, MAX_GRANTS)) {
          authorizations.deleteAuthorization(a.getId());
        }
      }
    });
  }

  /** The groups that may read the case's history: kept with the archived record once the history is gone. */
  public List<String> historyReaders(String processInstanceId) {
    return system.call(() -> authorizations.createAuthorizationQuery()
        .resourceType(Resources.HISTORIC_PROCESS_INSTANCE).resourceId(processInstanceId).listPage(0, MAX_GRANTS)
        .stream().map(Authorization::getGroupId).filter(g -> g != null).distinct().toList());
  }

  /** Whether the user may read the case's history (its full-process record). */
  public boolean canReadHistory(String userId, String processInstanceId) {
    return userId != null && system.call(() -> authorizations.isUserAuthorized(userId, groupsOf(userId),
        HistoricProcessInstancePermissions.READ, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId));
  }

  /** For an archived case whose engine history is gone: the readers kept with it, and administrators. */
  public boolean canReadArchived(String userId, Collection<String> readerGroups) {
    return inAnyOrAdministrator(userId, readerGroups);
  }

  /** Whether the user reads (as far as the given reading) the cases of the organization. */
  public boolean readsOrganization(String userId, String organizationId, CaseReading atLeast) {
    return inAnyOrAdministrator(userId, readersOf(List.of(organizationId)).entrySet().stream()
        .filter(e -> e.getValue().compareTo(atLeast) >= 0).map(Map.Entry::getKey).toList());
  }

  /**
   * Of these organizations, those whose cases the user reads (as far as the given reading): what a page offers the
   * user to choose. The user's groups are read once, not once per organization.
   */
  public List<Organization> organizationsRead(String userId, Collection<Organization> candidates,
      CaseReading atLeast) {
    if (userId == null) {
      return List.of();
    }
    Set<String> groups = new LinkedHashSet<>(groupsOf(userId));
    if (groups.contains(Groups.CAMUNDA_ADMIN)) {
      return List.copyOf(candidates);
    }
    // the tree read once for all candidates (a committee chooser lists every committee)
    Map<String, Organization> tree = organizations.tree();
    return candidates.stream().filter(o -> readersAmong(OrganizationRepository.withAncestors(o.id(), tree))
        .entrySet().stream()
        .anyMatch(e -> e.getValue().compareTo(atLeast) >= 0 && groups.contains(e.getKey()))).toList();
  }

  private boolean inAnyOrAdministrator(String userId, Collection<String> groupIds) {
    List<String> groups = new ArrayList<>(groupIds);
    groups.add(Groups.CAMUNDA_ADMIN);
    return system.call(() -> EngineIdentity.isMemberOfAny(identity, userId, groups));
  }

  private List<String> groupsOf(String userId) {
    return system.call(() -> identity.createGroupQuery().groupMember(userId).listPage(0, MAX_GRANTS).stream()
        .map(Group::getId).toList());
  }

  /** The organizations and every organization above each, once each (a broken tree with a cycle ends). */
  private List<Organization> withAncestors(Collection<String> organizationIds) {
    Map<String, Organization> found = new LinkedHashMap<>();
    for (String organizationId : organizationIds) {
      Optional<Organization> current = organizations.findById(organizationId);
      while (current.isPresent() && found.putIfAbsent(current.get().id(), current.get()) == null) {
        Organization organization = current.get();
        current = organization.parentId() == null ? Optional.empty() : organizations.findById(organization.parentId());
      }
    }
    return List.copyOf(found.values());
  }

  private void ensure(String groupId, Resource resource, String resourceId, Permission permission) {
    StandingAuthorizations.grant(authorizations, groupId, resource, resourceId, permission);
  }

}
