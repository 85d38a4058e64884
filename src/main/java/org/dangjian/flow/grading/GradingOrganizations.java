package org.dangjian.flow.grading;

import java.util.List;
import java.util.Optional;
import org.dangjian.flow.organization.Organization;
import org.dangjian.flow.organization.OrganizationKind;
import org.dangjian.flow.organization.OrganizationRepository;
import org.dangjian.flow.system.StepInput;
import org.springframework.stereotype.Component;

/** Which organizations a committee grades: its direct children that are party organizations (not help units). */
@Component
class GradingOrganizations {

  private final OrganizationRepository organizations;

  GradingOrganizations(OrganizationRepository organizations) {
    this.organizations = organizations;
  }

  Organization committee(String committeeId, StepInput in) {
    Optional<Organization> committee = organizations.findById(committeeId);
    if (committee.isEmpty()) {
      in.problem("上级党委“" + committeeId + "”不存在");
      return null;
    }
    OrganizationKind kind = committee.get().kind();
    if (kind != OrganizationKind.WORKING_COMMITTEE && kind != OrganizationKind.PARTY_COMMITTEE) {
      in.problem(committee.get().name() + "不是党委或工委，不能组织分类定级");
    }
    return committee.get();
  }

  List<Organization> gradedBy(String committeeId) {
    return organizations.findAll().stream()
        .filter(o -> committeeId.equals(o.parentId()) && o.kind() != OrganizationKind.HELP_UNIT)
        .toList();
  }

  Optional<Organization> find(String id) {
    return organizations.findById(id);
  }
}
