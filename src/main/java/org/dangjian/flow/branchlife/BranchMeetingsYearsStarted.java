package org.dangjian.flow.branchlife;

import static org.dangjian.flow.branchlife.BranchMeetings.Vars.*;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.dangjian.flow.organization.Organization;
import org.springframework.stereotype.Component;

/** One BranchMeetingsProcess per active branch of the committee that has none for the year, in one transaction. */
@Component("branchMeetingsYearsStarted")
class BranchMeetingsYearsStarted implements JavaDelegate {

  private final BranchMeetingsOrganizations organizations;
  private final BranchMeetingsRepository meetings;

  BranchMeetingsYearsStarted(BranchMeetingsOrganizations organizations, BranchMeetingsRepository meetings) {
    this.organizations = organizations;
    this.meetings = meetings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String committeeId = (String) execution.getVariable(COMMITTEE_ID);
    int year = ((Number) execution.getVariable(YEAR)).intValue();
    // the month the committee chose for every branch; none: each branch from the month it is started in
    Object checkedFrom = execution.getVariable(CHECKED_FROM_MONTH);
    List<String> started = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Organization branch : organizations.branchesOf(committeeId)) {
      if (meetings.year(branch.id(), year).isPresent()) {
        // started before (a branch founded during the year, or an earlier launch): never twice
        skipped.add(branch.name());
        continue;
      }
      BranchMeetingsYears.start(execution.getProcessEngineServices().getRuntimeService(), branch.id(), year,
          checkedFrom instanceof Number month ? month.intValue() : null);
      started.add(branch.name());
    }
    execution.setVariable("campaignSummary", "已为" + started.size() + "个党支部启动" + year + "年度三会一课"
        + (started.isEmpty() ? "" : "：" + String.join("、", started))
        + (skipped.isEmpty() ? "" : "；已启动，未重复启动：" + String.join("、", skipped)));
  }
}
