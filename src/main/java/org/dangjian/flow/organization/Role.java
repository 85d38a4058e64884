package org.dangjian.flow.organization;

/**
 * A role within one organization. Each organization has one engine group per role it holds, with the id
 * {@code <organizationId>-<suffix>}: {@code guitu-clerk}, {@code gxq-jg-approver}, {@code gxq-orgdept}.
 */
public enum Role {
  CLERK("clerk", "党务工作者"),
  APPROVER("approver", "审批人"),
  ORG_DEPT("orgdept", "组织部门"),
  SUPERVISOR("supervisor", "督导"),
  AUDITOR("auditor", "审计"),
  /** 书记 of a party organization: self-assesses in the grading. */
  SECRETARY("secretary", "书记"),
  /** Members and mass representatives named to evaluate the organization (党员群众测评). */
  EVALUATOR("evaluator", "测评人"),
  VILLAGE_CLERK("villageclerk", "村务工作者"),
  UNIT_HEAD("unithead", "单位主要负责人"),
  WORK_TEAM("workteam", "驻村工作队");

  private final String suffix;
  private final String title;

  Role(String suffix, String title) {
    this.suffix = suffix;
    this.title = title;
  }

  public String groupOf(String organizationId) {
    return organizationId + "-" + suffix;
  }

  public String title() {
    return title;
  }
}
