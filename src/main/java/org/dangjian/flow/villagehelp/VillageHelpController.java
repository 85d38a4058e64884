package org.dangjian.flow.villagehelp;

import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.dangjian.flow.organization.CaseAccess;
import org.dangjian.flow.organization.Organization;
import org.dangjian.flow.organization.OrganizationRepository;
import org.dangjian.flow.organization.Role.CaseReading;
import org.dangjian.flow.system.AccessDeniedException;
import org.dangjian.flow.system.ApiError;
import org.dangjian.flow.system.CurrentUser;
import org.dangjian.flow.system.SystemAccess;
import org.dangjian.flow.villagehelp.CommitteeView.AssignmentRow;
import org.dangjian.flow.villagehelp.CommitteeView.CategoryRow;
import org.dangjian.flow.villagehelp.CommitteeView.EventRow;
import org.dangjian.flow.villagehelp.CommitteeView.UnknownCommitteeException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The committee's view of village help (also shown by /village-help.html). */
@RestController
@RequestMapping("/api/village-help/committees/{committeeId}")
class VillageHelpController {

  private final CommitteeView view;
  private final CaseAccess access;
  private final CurrentUser currentUser;
  private final OrganizationRepository organizations;
  private final IdentityService identity;
  private final SystemAccess system;

  VillageHelpController(CommitteeView view, CaseAccess access, CurrentUser currentUser,
      OrganizationRepository organizations, IdentityService identity, SystemAccess system) {
    this.organizations = organizations;
    this.identity = identity;
    this.system = system;
    this.view = view;
    this.access = access;
    this.currentUser = currentUser;
  }

  @GetMapping("/assignments")
  List<AssignmentRow> assignments(@PathVariable String committeeId,
      @RequestParam(defaultValue = "false") boolean activeOnly) {
    checkReader(committeeId);
    return view.assignments(committeeId, activeOnly);
  }

  @GetMapping("/help-cases")
  List<CategoryRow> helpCases(@PathVariable String committeeId) {
    checkReader(committeeId);
    return view.helpCaseSummary(committeeId);
  }

  /** 违规与督办记录: what went wrong or was escalated, newest first. */
  @GetMapping("/events")
  List<EventRow> events(@PathVariable String committeeId, @RequestParam(defaultValue = "false") boolean activeOnly) {
    checkReader(committeeId);
    return view.events(committeeId, activeOnly);
  }

  /**
   * The names of the people the view names by account (first secretaries, unit heads, who recorded an event), so
   * the page shows 姓名 rather than login ids.
   */
  @GetMapping("/people")
  Map<String, String> people(@PathVariable String committeeId) {
    checkReader(committeeId);
    Set<String> userIds = new HashSet<>();
    for (AssignmentRow a : view.assignments(committeeId, false)) {
      userIds.add(a.firstSecretaryUserId());
      userIds.add(a.unitHeadUserId());
    }
    view.events(committeeId, false).forEach(e -> userIds.add(e.userId()));
    userIds.remove(null);
    if (userIds.isEmpty()) {
      return Map.of();
    }
    Map<String, String> names = new TreeMap<>();
    system.call(() -> identity.createUserQuery().userIdIn(userIds.toArray(String[]::new)).listPage(0, userIds.size()))
        .forEach(u -> names.put(u.getId(), ((u.getFirstName() == null ? "" : u.getFirstName())
            + (u.getLastName() == null ? "" : u.getLastName())).trim()));
    return names;
  }

  /** The committee's own people (and those above it) read its view; an unknown committee is a 404. */
  private void checkReader(String committeeId) {
    view.committee(committeeId);
    if (!access.readsOrganization(currentUser.id(), committeeId, CaseReading.HISTORY)) {
      String name = organizations.findById(committeeId).map(Organization::name).orElse(committeeId);
      throw new AccessDeniedException("无权查看“" + name + "”的驻村帮包情况：只有本工委及上级组织的相关人员可以查看");
    }
  }

  @ExceptionHandler(UnknownCommitteeException.class)
  ResponseEntity<Map<String, Object>> unknown(UnknownCommitteeException e) {
    return ApiError.response(HttpStatus.NOT_FOUND, e);
  }
}
