package org.dangjian.flow.audit;

/** What can happen to a case besides completing a step (the steps themselves are in the engine's history). */
public enum CaseEventType {
  REMINDER("提醒"),
  ESCALATION("督办上报"),
  VIOLATION("违规记录"),
  SEND_BACK("退回"),
  MEETING_VOID("会议无效"),
  TRANSFER("组织关系转接"),
  WITHDRAWAL("撤回或终止"),
  /** The organization tree above the case's branch changed: its committee steps have other handlers. */
  HANDLERS_CHANGED("承办组织调整"),
  /** 驻村帮包: the committee's decision on recalling a first secretary. */
  RECALL("召回研究"),
  /** 发展党员: the branch opened the cancellation of a probationary membership during probation (细则 Art. 32). */
  CANCELLATION_REQUEST("预备期内取消预备党员资格"),
  /** 驻村帮包: a party not satisfied at the end of a term or with a help case. */
  DISSATISFACTION("不满意");

  private final String title;

  CaseEventType(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
