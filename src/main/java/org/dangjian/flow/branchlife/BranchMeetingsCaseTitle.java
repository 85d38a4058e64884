package org.dangjian.flow.branchlife;

import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.dangjian.flow.system.CaseTitle;
import org.springframework.stereotype.Component;

/** A year of 三会一课 is the branch and the year ("规土局党支部 · 2026年度三会一课"). */
@Component
class BranchMeetingsCaseTitle implements CaseTitle {

  @Override
  public Set<String> processKeys() {
    return Set.of(BranchMeetings.PROCESS_KEY);
  }

  @Override
  public String title(String processKey, VariableScope variables) {
    String branch = CaseTitle.text(variables, BranchMeetings.Vars.BRANCH_NAME);
    String year = CaseTitle.text(variables, BranchMeetings.Vars.YEAR);
    return branch == null || year == null ? null : branch + " · " + year + "年度三会一课";
  }
}
