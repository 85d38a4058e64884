package org.dangjian.flow.grading;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The counts of 党员群众测评: rates are over the ballots cast; silence counts as no ballot. */
record Evaluation(int satisfied, int basicallySatisfied, int unsatisfied, int named) {

  int cast() {
    return satisfied + basicallySatisfied + unsatisfied;
  }

  int missing() {
    return named - cast();
  }

  /** (satisfied + basically satisfied) ÷ ballots cast; 0 when nobody voted, no ballot being no approval. */
  double satisfactionRate() {
    return rate(satisfied + basicallySatisfied);
  }

  double unsatisfiedRate() {
    return rate(unsatisfied);
  }

  private double rate(int count) {
    if (cast() == 0) {
      return 0.0;
    }
    return BigDecimal.valueOf(count).divide(BigDecimal.valueOf(cast()), 4, RoundingMode.HALF_UP).doubleValue();
  }

  static String percent(double rate) {
    return BigDecimal.valueOf(rate * 100).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
  }
}
