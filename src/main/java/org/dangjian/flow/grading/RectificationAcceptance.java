package org.dangjian.flow.grading;

/** 验收: passed when the score is at least 70 and at most half of the evaluation is unsatisfied. */
final class RectificationAcceptance {

  static final int PASS_SCORE = 70;
  static final double MAX_UNSATISFIED_RATE = 0.5;

  private RectificationAcceptance() {
  }

  static boolean passed(int score, double unsatisfiedRate) {
    return score >= PASS_SCORE && unsatisfiedRate <= MAX_UNSATISFIED_RATE;
  }

  static double unsatisfiedRate(int ballots, int unsatisfied) {
    return ballots == 0 ? 0.0 : (double) unsatisfied / ballots;
  }
}
