package org.dangjian.flow.development;

import static org.dangjian.flow.development.MemberDevelopment.Vars.BRANCH_ID;
import static org.dangjian.flow.development.MemberDevelopment.Vars.COMMITTEE_ID;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.dangjian.flow.organization.Organization;
import org.dangjian.flow.organization.OrganizationRepository;

/**
 * The 发展党员 cases of an organization, as the case variable that names them and its values: a branch's by
 * branch; above it, by the approving committees at or below it, or where there is none (a 党总支 under its
 * committee) by the branches below it. One rule for the overdue list (逾期待办) and the register (台账).
 */
record CaseScope(String variable, List<String> values) {

  static CaseScope of(Organization organization, OrganizationRepository organizations) {
    if (organization.isBranch()) {
      return new CaseScope(BRANCH_ID, List.of(organization.id()));
    }
    Map<String, Organization> tree = new HashMap<>();
    organizations.findAll().forEach(o -> tree.put(o.id(), o));
    List<String> committees = below(organization, tree, Organization::approvesAdmission);
    return committees.isEmpty() ? new CaseScope(BRANCH_ID, below(organization, tree, Organization::isBranch))
        : new CaseScope(COMMITTEE_ID, committees);
  }

  private static List<String> below(Organization organization, Map<String, Organization> tree,
      Predicate<Organization> kind) {
    return tree.values().stream().filter(o -> kind.test(o) && isAtOrBelow(o, organization.id(), tree))
        .map(Organization::id).sorted().toList();
  }

  private static boolean isAtOrBelow(Organization candidate, String ancestorId, Map<String, Organization> tree) {
    Organization current = candidate;
    for (int depth = 0; current != null && depth < 32; depth++) {
      if (current.id().equals(ancestorId)) {
        return true;
      }
      current = current.parentId() == null ? null : tree.get(current.parentId());
    }
    return false;
  }
}
