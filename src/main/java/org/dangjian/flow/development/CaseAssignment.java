package org.dangjian.flow.development;

import static org.dangjian.flow.development.MemberDevelopment.Vars.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dangjian.flow.organization.Organization;
import org.dangjian.flow.organization.OrganizationRepository;
import org.dangjian.flow.organization.Role;
import org.springframework.stereotype.Component;

/**
 * Who handles a case: its branch, the nearest committee with approval power over admissions and the
 * working committee's organization department, as process variables the candidate groups refer to.
 */
@Component
class CaseAssignment {

  private final OrganizationRepository organizations;

  CaseAssignment(OrganizationRepository organizations) {
    this.organizations = organizations;
  }

  record Handlers(Organization branch, Organization committee, Organization workingCommittee) {
    Map<String, Object> variables() {
      return Map.of(
          BRANCH_ID, branch.id(),
          BRANCH_NAME, branch.name(),
          COMMITTEE_ID, committee.id(),
          COMMITTEE_NAME, committee.name(),
          ORG_DEPT_ID, workingCommittee.id(),
          BRANCH_CLERK_GROUP, Role.CLERK.groupOf(branch.id()),
          COMMITTEE_CLERK_GROUP, Role.CLERK.groupOf(committee.id()),
          COMMITTEE_APPROVER_GROUP, Role.APPROVER.groupOf(committee.id()),
          ORG_DEPT_GROUP, Role.ORG_DEPT.groupOf(workingCommittee.id()),
          ACTIVIST_POINTS_ENABLED, branch.activistPointsEnabled());
    }
  }

  /** The handlers of a branch's cases, or the problems (in Chinese) why the branch cannot have cases. */
  Handlers forBranch(String branchId, List<String> problems) {
    Organization branch = organizations.findById(branchId).filter(Organization::isBranch).orElse(null);
    if (branch == null) {
      problems.add("党支部“" + branchId + "”不存在");
      return null;
    }
    if (organizations.isClosed(branchId)) {
      problems.add(branch.name() + "已撤销，不能再办理发展党员");
      return null;
    }
    List<String> missing = new ArrayList<>();
    Organization committee = organizations.approvingCommitteeOf(branchId).orElse(null);
    if (committee == null) {
      missing.add("具有审批权的上级党委");
    }
    Organization working = organizations.workingCommitteeOf(branchId).orElse(null);
    if (working == null) {
      missing.add("上级工委组织部门");
    }
    if (!missing.isEmpty()) {
      problems.add(branch.name() + "没有" + String.join("和", missing) + "，无法办理发展党员");
      return null;
    }
    return new Handlers(branch, committee, working);
  }
}
