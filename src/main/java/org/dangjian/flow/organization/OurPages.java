package org.dangjian.flow.organization;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.dangjian.flow.organization.Role.CaseReading;
import org.dangjian.flow.system.CurrentUser;
import org.dangjian.flow.system.SystemAccess;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Which of our pages the logged-in user may use, so the welcome page links only those (its script
 * {@code welcome/scripts/our-pages.js} hides the others). Each rule is the one the page's own API applies; the API
 * still refuses whoever calls it without it.
 */
@RestController
class OurPages {

  /** A page: its address, as the welcome page's config.js links it. */
  record Page(String href, String title) {
  }

  /** The kinds of organization that have 发展党员 cases (a village or a help unit has none). */
  private static final Set<OrganizationKind> DEVELOPMENT = Set.of(OrganizationKind.WORKING_COMMITTEE,
      OrganizationKind.PARTY_COMMITTEE, OrganizationKind.GENERAL_BRANCH, OrganizationKind.BRANCH);

  private final OrganizationRepository organizations;
  private final CaseAccess access;
  private final IdentityService identity;
  private final SystemAccess system;
  private final CurrentUser currentUser;

  OurPages(OrganizationRepository organizations, CaseAccess access, IdentityService identity, SystemAccess system,
      CurrentUser currentUser) {
    this.organizations = organizations;
    this.access = access;
    this.identity = identity;
    this.system = system;
    this.currentUser = currentUser;
  }

  @GetMapping("/api/pages")
  List<Page> pages() {
    String userId = currentUser.id();
    List<Organization> open = organizations.findAll().stream().filter(o -> !organizations.isClosed(o.id())).toList();
    Set<String> groups = new LinkedHashSet<>(system.call(() -> identity.createGroupQuery().groupMember(userId)
        .listPage(0, 1000).stream().map(Group::getId).toList()));
    boolean administrator = groups.contains(Groups.CAMUNDA_ADMIN);
    List<Organization> full = access.organizationsRead(userId, open, CaseReading.FULL);
    List<Organization> history = access.organizationsRead(userId, open, CaseReading.HISTORY);
    List<Page> pages = new ArrayList<>();
    // 全程纪实: the cases whose history the user reads (RecordController lists them)
    if (!history.isEmpty()) {
      pages.add(new Page("/records.html", "全程纪实查询"));
    }
    // 逾期待办 and 台账: an organization with development cases whose running cases the user reads
    if (full.stream().anyMatch(o -> DEVELOPMENT.contains(o.kind()))) {
      pages.add(new Page("/overdue.html", "发展党员逾期待办"));
      pages.add(new Page("/register.html", "发展党员台账"));
    }
    // 撤回与转接: the clerks of a branch or a committee (DevelopmentCases acts only for them)
    if (administrator || open.stream().anyMatch(o -> (o.kind() == OrganizationKind.BRANCH
        || o.kind() == OrganizationKind.PARTY_COMMITTEE) && groups.contains(Role.CLERK.groupOf(o.id())))) {
      pages.add(new Page("/development-cases.html", "发展党员案件撤回与转接"));
    }
    // 驻村帮包督导: a working committee whose cases the user reads (VillageHelpController)
    if (history.stream().anyMatch(o -> o.kind() == OrganizationKind.WORKING_COMMITTEE)) {
      pages.add(new Page("/village-help.html", "驻村帮包督导"));
    }
    // 三会一课: a committee (党委 or 工委) whose cases the user reads (BranchMeetingsController)
    if (history.stream().anyMatch(o -> o.kind() == OrganizationKind.PARTY_COMMITTEE
        || o.kind() == OrganizationKind.WORKING_COMMITTEE)) {
      pages.add(new Page("/branch-meetings.html", "三会一课"));
    }
    // 管理: administrators and a working committee's organization department (AdminAccess)
    if (administrator || open.stream().anyMatch(o -> o.kind() == OrganizationKind.WORKING_COMMITTEE
        && groups.contains(Role.ORG_DEPT.groupOf(o.id())))) {
      pages.add(new Page("/admin.html", "管理"));
    }
    // 通知设置: everyone's own (NotificationController answers only for the logged-in user)
    if (userId != null) {
      pages.add(new Page("/notifications.html", "通知设置"));
    }
    return pages;
  }
}
