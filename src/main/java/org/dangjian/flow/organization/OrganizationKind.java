package org.dangjian.flow.organization;

import java.util.List;

/** The kinds of organization in the tree, each with the roles its people hold. */
public enum OrganizationKind {
  /** 工委, e.g. 高新区工委: its organization department files admissions (step 18); sends help units to villages. */
  WORKING_COMMITTEE(List.of(Role.CLERK, Role.ORG_DEPT, Role.SUPERVISOR, Role.AUDITOR)),
  /**
   * 党委 (机关党委, 基层党委): files, trains, approves when it has approval power, decides gradings; its supervisors
   * (督导) watch its own branches only.
   */
  PARTY_COMMITTEE(List.of(Role.CLERK, Role.APPROVER, Role.SECRETARY, Role.EVALUATOR, Role.SUPERVISOR)),
  /** 党总支: no approval power over admissions. */
  GENERAL_BRANCH(List.of(Role.CLERK, Role.SECRETARY, Role.EVALUATOR)),
  /** 党支部. */
  BRANCH(List.of(Role.CLERK, Role.SECRETARY, Role.EVALUATOR)),
  /** 村 (its party organization): the village clerk confirms residents' help cases. */
  VILLAGE(List.of(Role.VILLAGE_CLERK, Role.SECRETARY, Role.EVALUATOR)),
  /** 帮包单位, an agency sent to a village: its head (一把手) and its village work team (驻村工作队). */
  HELP_UNIT(List.of(Role.UNIT_HEAD, Role.WORK_TEAM));

  private final List<Role> roles;

  OrganizationKind(List<Role> roles) {
    this.roles = roles;
  }

  public List<Role> roles() {
    return roles;
  }
}
