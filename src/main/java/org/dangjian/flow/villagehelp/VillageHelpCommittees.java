package org.dangjian.flow.villagehelp;

import java.util.List;
import org.dangjian.flow.organization.CaseAccess;
import org.dangjian.flow.organization.Organization;
import org.dangjian.flow.organization.OrganizationKind;
import org.dangjian.flow.organization.OrganizationRepository;
import org.dangjian.flow.organization.Role.CaseReading;
import org.dangjian.flow.system.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The working committees (工委) whose village help the user may view, by name: what the page offers to choose. */
@RestController
class VillageHelpCommittees {

  record Committee(String id, String name) {
  }

  private final OrganizationRepository organizations;
  private final CaseAccess access;
  private final CurrentUser currentUser;

  VillageHelpCommittees(OrganizationRepository organizations, CaseAccess access, CurrentUser currentUser) {
    this.organizations = organizations;
    this.access = access;
    this.currentUser = currentUser;
  }

  @GetMapping("/api/village-help/committees")
  List<Committee> committees() {
    List<Organization> committees = organizations.findAll().stream()
        .filter(o -> o.kind() == OrganizationKind.WORKING_COMMITTEE && !organizations.isClosed(o.id())).toList();
    return access.organizationsRead(currentUser.id(), committees, CaseReading.HISTORY).stream()
        .map(o -> new Committee(o.id(), o.name())).toList();
  }
}
