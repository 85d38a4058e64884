package org.dangjian.flow.branchlife;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.dangjian.flow.system.CaseTitle;
import org.springframework.stereotype.Component;

/** A review is the organization and the year; its ballot carries no evaluator's name in its title. */
@Component
class SecretaryReviewCaseTitle implements CaseTitle {

  private static final Map<String, String> WHAT = Map.of(SecretaryReview.PROCESS_KEY, "书记述职评议",
      SecretaryReview.BALLOT_KEY, "书记述职评议测评");

  @Override
  public Set<String> processKeys() {
    return WHAT.keySet();
  }

  @Override
  public String title(String processKey, VariableScope variables) {
    String organization = CaseTitle.text(variables, SecretaryReview.Vars.ORGANIZATION_NAME);
    String year = CaseTitle.text(variables, SecretaryReview.Vars.YEAR);
    return organization == null || year == null ? null
        : organization + " · " + year + "年度" + WHAT.get(processKey);
  }
}
