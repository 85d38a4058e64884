package org.dangjian.flow.organization;

public record Organization(String id, String name, OrganizationKind kind, String parentId,
    boolean approvesAdmission) {

  public boolean isBranch() {
    return kind == OrganizationKind.BRANCH;
  }
}
