package org.dangjian.flow.branchlife;

import static org.dangjian.flow.branchlife.BranchMeetings.Vars.*;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.dangjian.flow.organization.Organization;
import org.dangjian.flow.system.BusinessCalendar;
import org.dangjian.flow.system.SystemAccess;
import org.springframework.stereotype.Component;

/**
 * How a branch's year of 三会一课 is started (spec branch-life.md: "for every active branch of a committee ... or for
 * one branch when it is founded"): the committee's campaign and a branch joining a committee mid-year both come
 * through {@link #start}, so the checks of {@link BranchMeetingsStarted} (one year per branch, who records, who
 * reviews) hold for both.
 */
@Component
public class BranchMeetingsYears {

  private final BranchMeetingsOrganizations organizations;
  private final BranchMeetingsRepository meetings;
  private final RuntimeService runtime;
  private final SystemAccess system;

  BranchMeetingsYears(BranchMeetingsOrganizations organizations, BranchMeetingsRepository meetings,
      RuntimeService runtime, SystemAccess system) {
    this.organizations = organizations;
    this.meetings = meetings;
    this.runtime = runtime;
    this.system = system;
  }

  /** The one start of a branch's year; without {@code checkedFromMonth}, from the month it is started in. */
  static void start(RuntimeService runtime, String branchId, int year, Integer checkedFromMonth) {
    Map<String, Object> variables = new HashMap<>(Map.of(BRANCH_ID, branchId, YEAR, year));
    if (checkedFromMonth != null) {
      variables.put(CHECKED_FROM_MONTH, checkedFromMonth);
    }
    runtime.startProcessInstanceByKey(BranchMeetings.PROCESS_KEY, BranchMeetings.businessKey(branchId, year),
        variables);
  }

  /**
   * Organizations that have just become active branches under a committee, or whose subtree did (founded, moved,
   * reopened, turned into a 党支部): each branch among them whose committee has launched this year's 三会一课 (or
   * next year's already) and that has no such year yet gets it, checked from this month. A committee that has not
   * launched the year starts it for all its branches with its campaign, this one included. Called inside the
   * administrator's transaction, so a refused change starts nothing; returns the business keys started.
   */
  public List<String> branchesJoined(Collection<String> organizationIds) {
    int thisYear = BusinessCalendar.today().getYear();
    List<String> started = new ArrayList<>();
    for (String id : organizationIds) {
      Optional<Organization> branch = organizations.find(id);
      if (branch.isEmpty() || !branch.get().isBranch() || organizations.isClosed(id)) {
        continue;
      }
      Optional<Organization> committee = organizations.committeeOf(branch.get());
      if (committee.isEmpty()) {
        continue;
      }
      for (int year = thisYear; year <= thisYear + 1; year++) {
        if (meetings.launched(committee.get().id(), year) && meetings.year(id, year).isEmpty()) {
          int y = year;
          // the administrator's own access was checked; the engine's check on starting the process is not theirs
          system.run(() -> start(runtime, id, y, null));
          started.add(BranchMeetings.businessKey(id, year));
        }
      }
    }
    return started;
  }
}
