package org.dangjian.flow.grading;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Step 1 自评: the "五个好" scores, their total and the signs of a weak and lax organization (软弱涣散). */
final class SelfAssessment {

  /** The five indicators, 0–20 each. */
  static final Map<String, String> SCORES = new LinkedHashMap<>();
  static final Map<String, String> WEAK_SIGNS = new LinkedHashMap<>();
  static final int MAX_SCORE = 20;
  static final int MIN_EVALUATORS = 5;

  static {
    SCORES.put("leadershipScore", "领导班子好");
    SCORES.put("membershipScore", "党员队伍好");
    SCORES.put("mechanismScore", "工作机制好");
    SCORES.put("performanceScore", "工作业绩好");
    SCORES.put("reputationScore", "群众反映好");
    WEAK_SIGNS.put("incompleteTeam", "班子不健全、书记长期空缺");
    WEAK_SIGNS.put("unfitSecretary", "书记不胜任");
    WEAK_SIGNS.put("disunity", "班子不团结");
    WEAK_SIGNS.put("rulesOnPaper", "制度空转");
    WEAK_SIGNS.put("externalInterference", "宗族宗教黑恶势力干扰");
    WEAK_SIGNS.put("affairsDisorder", "村务财务混乱");
    WEAK_SIGNS.put("petitionConflicts", "信访矛盾突出");
  }

  private SelfAssessment() {
  }

  static int total(Collection<Integer> scores) {
    return scores.stream().mapToInt(Integer::intValue).sum();
  }

  /** A list as Tasklist (Json array), a REST client (collection) or a person (comma list) submits it. */
  static List<String> list(Object raw) {
    Set<String> values = new LinkedHashSet<>();
    if (raw instanceof Collection<?> c) {
      c.forEach(v -> values.add(String.valueOf(v).trim()));
    } else if (raw != null) {
      for (String part : raw.toString().replaceAll("[\\[\\]\"\\s]", "").split("[,，]")) {
        values.add(part);
      }
    }
    values.remove("");
    return new ArrayList<>(values);
  }

  static List<String> unknownWeakSigns(List<String> signs) {
    return signs.stream().filter(s -> !WEAK_SIGNS.containsKey(s)).toList();
  }
}
