package org.dangjian.flow.development;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dangjian.flow.system.GlobalSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which rule set a development case started now gets (setting {@code ruleSet} in {@code global_setting}). An
 * administrator changes it at run time; {@code dangjian.rules.profile} is only the first value, on the first start.
 * A case keeps the rule set it was started under (variable {@code ruleSet}), so a change applies to cases started
 * afterwards.
 *
 * <p>Read from the database at each start, not cached: it is one primary-key read, the same a cache would need to
 * learn whether another node changed it.
 */
@Component
public class RuleSetSetting {

  static final String SETTING = "ruleSet";

  /** A rule set as the administration page explains it. */
  public record Option(String key, String title, List<String> rules) {
  }

  public record Current(String key, String changedBy, LocalDateTime changedAt) {
  }

  private final GlobalSettings settings;

  RuleSetSetting(GlobalSettings settings, @Value("${dangjian.rules.profile:baseline}") String initial) {
    this.settings = settings;
    // a wrong property still stops the first start, as it did when it was the only source
    settings.seedIfMissing(SETTING, RuleSet.fromKey(initial).key());
  }

  RuleSet ruleSet() {
    return RuleSet.fromKey(settings.require(SETTING).value());
  }

  public Current current() {
    GlobalSettings.Setting setting = settings.require(SETTING);
    return new Current(setting.value(), setting.changedBy(), setting.changedAt());
  }

  /** The keys an administrator may choose, {@code baseline} first. */
  public static List<String> keys() {
    return Arrays.stream(RuleSet.values()).map(RuleSet::key).toList();
  }

  /**
   * Sets the rule set of cases started from now on, inside the caller's transaction; returns the one it replaced.
   * The caller has checked {@code key} against {@link #keys()}.
   */
  public String change(String key, String userId) {
    String before = settings.lock(SETTING).value();
    if (!before.equals(key)) {
      settings.change(SETTING, RuleSet.fromKey(key).key(), userId);
    }
    return before;
  }

  public static List<Option> options() {
    return Arrays.stream(RuleSet.values()).map(r -> new Option(r.key(), title(r), rules(r))).toList();
  }

  private static String title(RuleSet r) {
    return switch (r) {
      case BASELINE -> "全国基准（《中国共产党发展党员工作细则》，2014年）";
      case STRICT -> "从严（本地从严做法）";
    };
  }

  /** What the rule set means at each step it touches, said from its own values so the page cannot drift. */
  private static List<String> rules(RuleSet r) {
    List<String> rules = new ArrayList<>();
    rules.add(r.minimumMonthsToActivist == 0
        ? "第3步：递交入党申请书后，经推荐和支委会研究即可确定为入党积极分子，不设最短期限"
        : "第3步：递交入党申请书满" + r.minimumMonthsToActivist + "个月后方可确定为入党积极分子");
    rules.add(r.leagueRecommendationOnly
        ? "第3步：推荐之日未满" + RuleSet.LEAGUE_RECOMMENDATION_AGE_LIMIT + "周岁的共青团员须经团组织推优，方可确定为入党积极分子"
        : "第3步：推荐之日未满" + RuleSet.LEAGUE_RECOMMENDATION_AGE_LIMIT + "周岁的共青团员一般经团组织推优；"
            + "经其他方式推荐的，须填写未经团组织推优的理由");
    rules.add(r.targetPublicityRequired
        ? "第7a步：确定发展对象后公示不少于" + RuleSet.PUBLICITY_WORKING_DAYS
            + "个工作日（工作日按“节假日”页签的放假和调休安排计算），公示无异议后报上级党委"
        : "第7步后：确定发展对象后直接报上级党委备案，不设公示期");
    rules.add(r.targetConsentRequired
        ? "第8步：上级党委须对发展对象表示同意，不同意的退回支部重新确定"
        : "第8步：上级党委对发展对象备案即可");
    rules.add(r.admissionMeetingWithinMonthOfPreReview
        ? "第15步：支部大会须在上级党委预审后一个月内讨论接收预备党员"
        : "第15步：支部大会讨论接收预备党员，不受预审后一个月的限制");
    rules.add(r.committeeStepsPublicityRequired
        ? "第12a、23a步：报上级党委预审前、报上级党委审批转正前各公示不少于" + RuleSet.PUBLICITY_WORKING_DAYS + "个工作日"
        : "第13、24步前：不设公示期");
    return rules;
  }
}
