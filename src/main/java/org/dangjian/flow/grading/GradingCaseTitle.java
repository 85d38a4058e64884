package org.dangjian.flow.grading;

import static org.dangjian.flow.grading.Grading.Vars.ORGANIZATION_NAME;
import static org.dangjian.flow.grading.Grading.Vars.YEAR;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.dangjian.flow.system.CaseTitle;
import org.springframework.stereotype.Component;

/**
 * A grading is the organization and the year: an evaluator of two organizations (or of two years) tells their
 * ballots apart. The ballot carries no evaluator's name in its title; the process already holds them both.
 */
@Component
class GradingCaseTitle implements CaseTitle {

  private static final Map<String, String> WHAT = Map.of(Grading.PROCESS_KEY, "分类定级",
      Grading.BALLOT_KEY, "党员群众测评", Grading.RECTIFICATION_KEY, "整顿后进");

  @Override
  public Set<String> processKeys() {
    return WHAT.keySet();
  }

  @Override
  public String title(String processKey, VariableScope variables) {
    String organization = CaseTitle.text(variables, ORGANIZATION_NAME);
    String year = CaseTitle.text(variables, YEAR);
    return organization == null || year == null ? null
        : organization + " · " + year + "年度" + WHAT.get(processKey);
  }
}
