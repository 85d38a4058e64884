package org.dangjian.flow.organization;

/** An organization of the tree; a branch may keep activist points (积分管理), advice to step 7. */
public record Organization(String id, String name, OrganizationKind kind, String parentId,
    boolean approvesAdmission, boolean activistPointsEnabled) {

  public Organization(String id, String name, OrganizationKind kind, String parentId, boolean approvesAdmission) {
    this(id, name, kind, parentId, approvesAdmission, false);
  }

  public boolean isBranch() {
    return kind == OrganizationKind.BRANCH;
  }
}
