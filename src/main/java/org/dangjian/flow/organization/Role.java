package org.dangjian.flow.organization;

/**
 * A role within one organization. Each organization has one engine group per role it holds, with the id
 * {@code <organizationId>-<suffix>}: {@code guitu-clerk}, {@code gxq-jg-approver}, {@code gxq-orgdept}.
 */
public enum Role {
  CLERK("clerk", "党务工作者", CaseReading.FULL),
  APPROVER("approver", "审批人", CaseReading.FULL),
  ORG_DEPT("orgdept", "组织部门", CaseReading.FULL),
  SUPERVISOR("supervisor", "督导", CaseReading.FULL),
  /** Reads the history of its organizations' cases, never an open task. */
  AUDITOR("auditor", "审计", CaseReading.HISTORY),
  /** 书记 of a party organization: self-assesses in the grading. */
  SECRETARY("secretary", "书记", CaseReading.FULL),
  /** Members and mass representatives named to evaluate the organization (党员群众测评): their own ballot only. */
  EVALUATOR("evaluator", "测评人", CaseReading.NONE),
  VILLAGE_CLERK("villageclerk", "村务工作者", CaseReading.FULL),
  UNIT_HEAD("unithead", "单位主要负责人", CaseReading.FULL),
  WORK_TEAM("workteam", "驻村工作队", CaseReading.FULL);

  /** What a role may read of the cases of its organization and of every organization below it. */
  public enum CaseReading {
    /** Nothing beyond the tasks offered to it. */
    NONE,
    /** The history of the cases (全程纪实), not the running cases. */
    HISTORY,
    /** The running cases and their history. */
    FULL
  }

  private final String suffix;
  private final String title;
  private final CaseReading caseReading;

  Role(String suffix, String title, CaseReading caseReading) {
    this.suffix = suffix;
    this.title = title;
    this.caseReading = caseReading;
  }

  public CaseReading caseReading() {
    return caseReading;
  }

  /** The role's name in the API and in its groups' ids: {@code clerk}, {@code orgdept}. */
  public String key() {
    return suffix;
  }

  public String groupOf(String organizationId) {
    return organizationId + "-" + suffix;
  }

  public String title() {
    return title;
  }
}
