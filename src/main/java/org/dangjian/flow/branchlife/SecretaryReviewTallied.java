package org.dangjian.flow.branchlife;

import static org.dangjian.flow.branchlife.SecretaryReview.Vars.*;

import java.util.Collection;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.dangjian.flow.branchlife.SecretaryReviewRules.Tally;
import org.dangjian.flow.system.SecretBallots;
import org.springframework.stereotype.Component;

/** 测评 closes (all cast or the deadline passed): only counts and rates reach the case, never a ballot. */
@Component("secretaryReviewTallied")
class SecretaryReviewTallied implements JavaDelegate {

  private final SecretBallots ballots;

  SecretaryReviewTallied(SecretBallots ballots) {
    this.ballots = ballots;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Integer> counts = ballots.count(SecretaryReview.BALLOT, execution.getProcessInstanceId());
    Tally tally = Tally.of(counts, ((Collection<?>) execution.getVariable(EVALUATORS)).size());
    execution.setVariable("goodCount", tally.good());
    execution.setVariable("fairlyGoodCount", tally.fairlyGood());
    execution.setVariable("averageCount", tally.average());
    execution.setVariable("poorCount", tally.poor());
    execution.setVariable(BALLOTS_CAST, tally.cast());
    execution.setVariable(BALLOTS_MISSING, tally.missing());
    execution.setVariable(GOOD_RATE, tally.goodRate());
    execution.setVariable(GOOD_OR_FAIRLY_GOOD_RATE, tally.goodOrFairlyGoodRate());
    execution.setVariable(POOR_RATE, tally.poorRate());
    execution.setVariable("goodPercent", SecretaryReviewRules.percent(tally.goodRate()));
    execution.setVariable("goodOrFairlyGoodPercent", SecretaryReviewRules.percent(tally.goodOrFairlyGoodRate()));
    execution.setVariable("poorPercent", SecretaryReviewRules.percent(tally.poorRate()));
  }
}
