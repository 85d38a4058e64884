package org.dangjian.flow.branchlife;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The rules of 述职评议 (spec branch-life.md, "述职评议"), as plain Java: who may evaluate, what a problem raised
 * needs, how the ballots are counted, when the committee must give a reason.
 */
final class SecretaryReviewRules {

  /** 测评 by at least five members and mass representatives of the organization (spec, step 3). */
  static final int MIN_EVALUATORS = 5;
  static final int MAX_PROBLEM_LENGTH = 500;

  /** One problem the committee raised (点评), to be fixed by the secretary by its deadline (整改). */
  record Problem(String text, LocalDate deadline) {
  }

  /** The counts of 测评: rates are over the ballots cast; silence counts as no ballot. */
  record Tally(int good, int fairlyGood, int average, int poor, int named) {

    int cast() {
      return good + fairlyGood + average + poor;
    }

    int missing() {
      return named - cast();
    }

    double goodRate() {
      return rate(good);
    }

    double goodOrFairlyGoodRate() {
      return rate(good + fairlyGood);
    }

    double poorRate() {
      return rate(poor);
    }

    /** 0 when nobody voted: no ballot is no approval, and no disapproval either. */
    private double rate(int count) {
      return cast() == 0 ? 0.0
          : BigDecimal.valueOf(count).divide(BigDecimal.valueOf(cast()), 4, RoundingMode.HALF_UP).doubleValue();
    }

    static Tally of(Map<String, Integer> counts, int named) {
      return new Tally(counts.get("good"), counts.get("fairlyGood"), counts.get("average"), counts.get("poor"),
          named);
    }
  }

  private SecretaryReviewRules() {
  }

  /**
   * The evaluators the committee named: at least {@link #MIN_EVALUATORS}, each of the organization's own evaluators
   * (its members and mass representatives), never the secretary under review. One answer for an unknown account
   * and a stranger, so the refusal tells nothing about other organizations.
   */
  static List<String> evaluatorProblems(List<String> evaluators, String secretary,
      Predicate<String> evaluatorOfTheOrganization, String organizationName) {
    List<String> problems = new ArrayList<>();
    if (evaluators.size() < MIN_EVALUATORS) {
      problems.add("测评人至少" + MIN_EVALUATORS + "名（本组织党员和群众代表），现为" + evaluators.size() + "名");
    }
    if (evaluators.stream().distinct().count() < evaluators.size()) {
      problems.add("测评人不能重复");
    }
    for (String evaluator : evaluators) {
      if (evaluator.equals(secretary)) {
        problems.add("述职的书记不能同时作为测评人（" + evaluator + "）");
      } else if (!evaluatorOfTheOrganization.test(evaluator)) {
        problems.add("“" + evaluator + "”不是" + organizationName + "的测评人，请从本组织测评人名单中选择");
      }
    }
    return problems;
  }

  /** The problems raised, each with its text and a deadline after today; what is wrong goes to {@code problems}. */
  static List<Problem> problemsRaised(List<Map<String, Object>> rows, LocalDate today, List<String> problems) {
    List<Problem> raised = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> row = rows.get(i);
      String number = "第" + (i + 1) + "个问题：";
      Object rawText = row.get("problem");
      String text = rawText == null ? "" : rawText.toString().trim();
      if (text.isEmpty()) {
        problems.add(number + "请填写问题");
      } else if (text.length() > MAX_PROBLEM_LENGTH) {
        problems.add(number + "问题不能超过" + MAX_PROBLEM_LENGTH + "个字");
      }
      Object rawDeadline = row.get("deadline");
      LocalDate deadline = null;
      if (rawDeadline == null || rawDeadline.toString().isBlank()) {
        problems.add(number + "请填写整改期限");
      } else {
        try {
          deadline = LocalDate.parse(rawDeadline.toString().trim());
          if (!deadline.isAfter(today)) {
            problems.add(number + "整改期限应晚于今天（" + today + "）");
          }
        } catch (DateTimeParseException e) {
          problems.add(number + "整改期限“" + rawDeadline + "”不是日期（如 2026-03-05）");
        }
      }
      raised.add(new Problem(text, deadline));
    }
    return raised;
  }

  /** A level other than the one proposed by SecretaryReviewLevelDecision needs the committee's reason. */
  static boolean needsReason(String level, String proposed, String reason) {
    return level != null && !level.equals(proposed) && (reason == null || reason.isBlank());
  }

  static String percent(double rate) {
    return BigDecimal.valueOf(rate * 100).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
  }
}
