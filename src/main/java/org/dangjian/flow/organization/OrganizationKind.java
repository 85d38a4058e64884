package org.dangjian.flow.organization;

import java.util.List;

/** The kinds of organization in the tree, each with the roles its people hold. */
public enum OrganizationKind {
  /** 工委, e.g. 高新区工委: its organization department files admissions (step 18). */
  WORKING_COMMITTEE(List.of(Role.ORG_DEPT, Role.SUPERVISOR, Role.AUDITOR)),
  /** 党委 (机关党委, 基层党委): files, trains, approves when it has approval power. */
  PARTY_COMMITTEE(List.of(Role.CLERK, Role.APPROVER)),
  /** 党总支: no approval power over admissions. */
  GENERAL_BRANCH(List.of(Role.CLERK)),
  /** 党支部. */
  BRANCH(List.of(Role.CLERK));

  private final List<Role> roles;

  OrganizationKind(List<Role> roles) {
    this.roles = roles;
  }

  public List<Role> roles() {
    return roles;
  }
}
