package org.dangjian.flow.branchlife;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dangjian.flow.organization.Organization;
import org.dangjian.flow.organization.OrganizationKind;
import org.dangjian.flow.organization.OrganizationRepository;
import org.springframework.stereotype.Component;

/**
 * Whose meetings a committee inspects: the active branches (党支部) under it, directly or through a 党总支, up to
 * the next committee below; and for a branch, the committee (党委 or 工委) nearest above it. Each reads the tree and
 * its closed organizations once (a committee's page at 1,000 branches asked once per organization before).
 */
@Component
class BranchMeetingsOrganizations {

  private final OrganizationRepository organizations;

  BranchMeetingsOrganizations(OrganizationRepository organizations) {
    this.organizations = organizations;
  }

  Optional<Organization> find(String id) {
    return organizations.findById(id);
  }

  boolean isClosed(String id) {
    return organizations.isClosed(id);
  }

  static boolean isCommittee(Organization o) {
    return o.kind() == OrganizationKind.PARTY_COMMITTEE || o.kind() == OrganizationKind.WORKING_COMMITTEE;
  }

  /** The open committees (党委, 工委) of the tree. */
  List<Organization> committees() {
    Set<String> closed = organizations.closedIds();
    return organizations.findAll().stream().filter(o -> isCommittee(o) && !closed.contains(o.id())).toList();
  }

  /** The active branches whose nearest committee is this one, in the tree's order. */
  List<Organization> branchesOf(String committeeId) {
    List<Organization> all = organizations.findAll();
    Map<String, Organization> byId = byId(all);
    Set<String> closed = organizations.closedIds();
    List<Organization> branches = new ArrayList<>();
    for (Organization o : all) {
      if (o.isBranch() && !closed.contains(o.id())
          && committeeOf(o, byId).map(c -> c.id().equals(committeeId)).orElse(false)) {
        branches.add(o);
      }
    }
    return branches;
  }

  Optional<Organization> committeeOf(Organization branch) {
    return committeeOf(branch, byId(organizations.findAll()));
  }

  private static Map<String, Organization> byId(List<Organization> all) {
    return all.stream().collect(Collectors.toMap(Organization::id, Function.identity()));
  }

  private static Optional<Organization> committeeOf(Organization branch, Map<String, Organization> byId) {
    String parentId = branch.parentId();
    // a broken tree with a cycle ends after as many steps as there are organizations
    for (int i = 0; parentId != null && i < byId.size(); i++) {
      Optional<Organization> parent = Optional.ofNullable(byId.get(parentId));
      if (parent.isEmpty()) {
        return Optional.empty();
      }
      if (isCommittee(parent.get())) {
        return parent;
      }
      parentId = parent.get().parentId();
    }
    return Optional.empty();
  }
}
