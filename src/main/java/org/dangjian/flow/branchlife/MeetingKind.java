package org.dangjian.flow.branchlife;

import java.util.Arrays;
import java.util.Optional;

/**
 * The meetings of 三会一课 and 主题党日 and how often each is due (branch-life.md, the baseline rule set: at least
 * once a quarter or a month; 党小组会 once a month per 党小组).
 */
public enum MeetingKind {
  GENERAL_MEETING("generalMeeting", "支部党员大会", MeetingPeriod.Length.QUARTER),
  COMMITTEE_MEETING("committeeMeeting", "支部委员会", MeetingPeriod.Length.MONTH),
  GROUP_MEETING("groupMeeting", "党小组会", MeetingPeriod.Length.MONTH),
  PARTY_LECTURE("partyLecture", "党课", MeetingPeriod.Length.QUARTER),
  THEME_DAY("themeDay", "主题党日", MeetingPeriod.Length.MONTH);

  private final String key;
  private final String title;
  private final MeetingPeriod.Length period;

  MeetingKind(String key, String title, MeetingPeriod.Length period) {
    this.key = key;
    this.title = title;
    this.period = period;
  }

  public String key() {
    return key;
  }

  public String title() {
    return title;
  }

  public MeetingPeriod.Length period() {
    return period;
  }

  /** Due once per 党小组 rather than once per branch. */
  public boolean perPartyGroup() {
    return this == GROUP_MEETING;
  }

  public static Optional<MeetingKind> ofKey(String key) {
    return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
  }
}
