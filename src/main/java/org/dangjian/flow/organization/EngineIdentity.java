package org.dangjian.flow.organization;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * Derives the engine's groups from the organization tree (one group per role per organization) and
 * creates the Tasklist filters. Idempotent: runs at every start. With users and groups from a directory (LDAP)
 * the engine's identity service is read-only: the directory holds users, groups and memberships, so nothing here
 * writes them (the grants naming the groups are still written, by {@link StandingAuthorizations}).
 */
@Component
public class EngineIdentity {

  static final String GROUP_TYPE = "WORKFLOW";

  private final IdentityService identityService;
  private final FilterService filterService;
  private final TaskService taskService;
  private final OrganizationRepository organizations;

  EngineIdentity(IdentityService identityService, FilterService filterService, TaskService taskService,
      OrganizationRepository organizations) {
    this.identityService = identityService;
    this.filterService = filterService;
    this.taskService = taskService;
    this.organizations = organizations;
  }

  /** Whether the user belongs to any of the groups: the one membership question every access rule asks. */
  public static boolean isMemberOfAny(IdentityService identity, String userId, Collection<String> groupIds) {
    return userId != null && groupIds.stream().filter(g -> g != null)
        .anyMatch(g -> identity.createUserQuery().userId(userId).memberOfGroup(g).count() > 0);
  }

  public void synchronizeGroups() {
    if (identityService.isReadOnly()) {
      return;
    }
    for (Organization organization : organizations.findAll()) {
      synchronizeGroups(organization);
    }
  }

  /**
   * The groups of one organization's roles: what creating it or changing its kind needs, without checking every
   * other organization's groups again (an import of fifty branches would check them fifty times over).
   */
  public void synchronizeGroups(String organizationId) {
    if (!identityService.isReadOnly()) {
      organizations.findById(organizationId).ifPresent(this::synchronizeGroups);
    }
  }

  private void synchronizeGroups(Organization organization) {
    for (Role role : organization.kind().roles()) {
      String groupId = role.groupOf(organization.id());
      if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
        Group group = identityService.newGroup(groupId);
        group.setName(organization.name() + " " + role.title());
        group.setType(GROUP_TYPE);
        identityService.saveGroup(group);
      }
    }
  }

  /** The user with these groups; nothing with a read-only identity (a directory's users are the directory's). */
  public void ensureUser(String userId, String firstName, String lastName, String password, String... groupIds) {
    if (identityService.isReadOnly()) {
      return;
    }
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      User user = identityService.newUser(userId);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setPassword(password);
      identityService.saveUser(user);
    }
    for (String groupId : groupIds) {
      if (!isMemberOfAny(identityService, userId, List.of(groupId))) {
        identityService.createMembership(userId, groupId);
      }
    }
  }

  /**
   * Tasklist shows no list until a filter exists; these are the four every clerk needs. Returns their ids.
   * 本组待办 keeps the tasks a colleague has claimed (the card names who holds them): a claimed task that vanished
   * from the group's list looked lost to everyone else. The two due-date filters split what is still to be met from
   * what is already late.
   */
  public List<String> ensureTasklistFilters() {
    return List.of(ensureFilter("我的待办", "已认领、由我办理的任务", -10,
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}")),
        ensureFilter("本组待办", "本组织的全部任务，含同事已认领的（卡片上显示办理人）", -5,
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()),
        ensureFilter("即将到期", "三日内到期的我的任务和本组任务", 0,
        mineOrMyGroups().dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusDays(3)}")),
        ensureFilter("已逾期", "已过办理期限、尚未办理的我的任务和本组任务", 5,
        mineOrMyGroups().dueBeforeExpression("${now()}")));
  }

  private TaskQuery mineOrMyGroups() {
    return taskService.createTaskQuery().or()
        .taskAssigneeExpression("${currentUser()}")
        .taskCandidateGroupInExpression("${currentUserGroups()}")
        .endOr();
  }

  /**
   * What the filters were last changed for: an installation whose filters are older gets their queries anew (the
   * first version hid claimed tasks from 本组待办 and mixed late tasks into 即将到期).
   */
  static final int FILTERS_REVISION = 2;

  /**
   * The task cards' lines: what the case is about (the applicant and case number, the organization and year of a
   * grading, the village of a help case; see CaseTitle) and the branch. A variable a case lacks is not shown.
   */
  private static final List<Map<String, String>> CARD_VARIABLES = List.of(
      Map.of("name", "caseTitle", "label", "事项"),
      Map.of("name", "branchName", "label", "党支部"));

  private String ensureFilter(String name, String description, int priority, TaskQuery query) {
    Map<String, Object> properties = Map.of("description", description, "priority", priority, "refresh", true,
        "variables", CARD_VARIABLES, "revision", FILTERS_REVISION);
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filterService.saveFilter(filterService.newTaskFilter(name).setProperties(properties).setQuery(query));
    } else if (!properties.equals(filter.getProperties())) {
      // an older version created it: its cards, and its query when that changed since
      Object revision = filter.getProperties() == null ? null : filter.getProperties().get("revision");
      if (!(revision instanceof Number n) || n.intValue() < FILTERS_REVISION) {
        filter.setQuery(query);
      }
      filterService.saveFilter(filter.setProperties(properties));
    }
    return filter.getId();
  }
}
