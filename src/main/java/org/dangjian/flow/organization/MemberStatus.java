package org.dangjian.flow.organization;

/** A person's standing in the member registry, following their development case. */
public enum MemberStatus {
  APPLICANT("入党申请人"),
  ACTIVIST("入党积极分子"),
  TARGET("发展对象"),
  PROBATIONARY("预备党员"),
  FULL("正式党员"),
  /** The case ended short of full membership (not admitted, cancelled, withdrawn). */
  ENDED("已终止");

  private final String title;

  MemberStatus(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
