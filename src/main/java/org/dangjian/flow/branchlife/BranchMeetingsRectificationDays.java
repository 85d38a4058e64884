package org.dangjian.flow.branchlife;

import java.time.LocalDateTime;
import org.dangjian.flow.system.GlobalSettings;
import org.springframework.stereotype.Component;

/**
 * How many days a branch has to put a quarter right after 季审 decides 责令整改 (setting
 * {@code branchMeetingRectificationDays} in {@code global_setting}), edited by an administrator with the rule set.
 * No article sets it: 《中国共产党支部工作条例（试行）》 asks for 三会一课 and its inspection but names no period to
 * rectify in, so {@value #DEFAULT} (a month, local practice) is our default. Read at each review, so a change
 * applies to the rectifications ordered after it; one already ordered keeps its deadline.
 */
@Component
public class BranchMeetingsRectificationDays {

  static final String SETTING = "branchMeetingRectificationDays";
  public static final int DEFAULT = 30;
  public static final int MIN = 1;
  /** Longer than a quarter would run into the next quarter's review. */
  public static final int MAX = 90;

  public record Current(int days, String changedBy, LocalDateTime changedAt) {
  }

  private final GlobalSettings settings;

  BranchMeetingsRectificationDays(GlobalSettings settings) {
    this.settings = settings;
    settings.seedIfMissing(SETTING, String.valueOf(DEFAULT));
  }

  int days() {
    return Integer.parseInt(settings.require(SETTING).value());
  }

  public Current current() {
    GlobalSettings.Setting setting = settings.require(SETTING);
    return new Current(Integer.parseInt(setting.value()), setting.changedBy(), setting.changedAt());
  }

  /**
   * Sets the days inside the caller's transaction; returns the days it replaced. The caller has checked
   * {@code days} against {@link #MIN} and {@link #MAX}.
   */
  public int change(int days, String userId) {
    if (days < MIN || days > MAX) {
      throw new IllegalArgumentException("rectification days " + days + " outside " + MIN + "-" + MAX);
    }
    int before = Integer.parseInt(settings.lock(SETTING).value());
    if (before != days) {
      settings.change(SETTING, String.valueOf(days), userId);
    }
    return before;
  }
}
