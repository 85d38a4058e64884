package org.dangjian.flow.branchlife;

import static org.dangjian.flow.branchlife.BranchMeetings.Vars.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.SpinValues;
import org.dangjian.flow.branchlife.BranchMeetingRules.Due;
import org.dangjian.flow.branchlife.BranchMeetingRules.Meeting;
import org.springframework.stereotype.Component;

/**
 * Each opening of a task of 三会一课: its inputs are emptied (the record's declared in the task's own execution, so
 * what it submits stays with this recording), so the form opens blank, not with the last values; the record form gets the
 * branch's 党小组 as they are today, the review the quarter's meetings side by side with what was due.
 */
@Component("branchMeetingTaskOpened")
class BranchMeetingsTaskOpened implements TaskListener {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> RECORD_FIELDS = List.of(MEETING_KIND, MEETING_DATE, PARTY_GROUP, TOPIC, FIRST_TOPIC,
      ATTENDEES_ENTITLED, ATTENDEES_PRESENT, ABSENTEES, LECTURER, MINUTES);

  private final BranchMeetingsRepository meetings;

  BranchMeetingsTaskOpened(BranchMeetingsRepository meetings) {
    this.meetings = meetings;
  }

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    switch (task.getTaskDefinitionKey()) {
      case BranchMeetings.Tasks.RECORD_MEETING -> {
        RECORD_FIELDS.forEach(key -> execution.setVariableLocal(key, null));
        offerPartyGroups(execution, (String) execution.getVariable(BRANCH_ID));
      }
      case BranchMeetings.Tasks.QUARTERLY_REVIEW -> {
        // the process's own: the rectification that may follow shows them (its execution is not this one's)
        execution.getProcessInstance().setVariable(REVIEW_RESULT, null);
        execution.getProcessInstance().setVariable(REVIEW_NOTE, null);
        summarize(execution);
      }
      case BranchMeetings.Tasks.RECTIFICATION -> execution.setVariableLocal(RECTIFICATION_REPORT, null);
      default -> throw new IllegalStateException("no opening for " + task.getTaskDefinitionKey());
    }
  }

  /** The 党小组 of the branch as options of the record form (process-wide: the form of every recording reads it). */
  void offerPartyGroups(VariableScope scope, String branchId) {
    List<Map<String, String>> options = new ArrayList<>();
    for (String group : meetings.partyGroups(branchId)) {
      Map<String, String> option = new LinkedHashMap<>();
      option.put("label", group);
      option.put("value", group);
      options.add(option);
    }
    try {
      scope.setVariable(PARTY_GROUP_OPTIONS, SpinValues.jsonValue(JSON.writeValueAsString(options)).create());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The quarter's meetings against what was due, as the review form shows them (a Markdown table). */
  private void summarize(DelegateExecution execution) {
    String branchId = (String) execution.getVariable(BRANCH_ID);
    int year = ((Number) execution.getVariable(YEAR)).intValue();
    MeetingPeriod quarter = MeetingPeriod.quarter(year, ((Number) execution.getVariable(QUARTER_REVIEWED)).intValue());
    List<Meeting> held = meetings.meetings(branchId, quarter.firstDay(), quarter.lastDay());
    List<Due> due = BranchMeetingRules.dueInQuarter(quarter, meetings.partyGroups(branchId));
    StringBuilder table = new StringBuilder("| 周期 | 应开会议 | 召开情况 |\n| --- | --- | --- |\n");
    int done = 0;
    for (Due d : due) {
      long times = held.stream().filter(m -> BranchMeetingRules.held(d, List.of(m))).count();
      done += times > 0 ? 1 : 0;
      table.append("| ").append(d.period().title()).append(" | ")
          .append(d.partyGroup().isEmpty() ? "" : d.partyGroup()).append(d.kind().title()).append(" | ")
          .append(times > 0 ? "已召开 " + times + " 次" : "**未召开**").append(" |\n");
    }
    String summary = "本季度记录会议 **" + held.size() + "** 次，出勤率 " + BranchMeetingRules.percent(
        BranchMeetingRules.attendanceRate(held)) + "；应开 " + due.size() + " 项，已开 " + done + " 项，未开 **"
        + (due.size() - done) + "** 项。\n\n" + table;
    execution.getProcessInstance().setVariable("reviewQuarterTitle", quarter.title());
    execution.setVariableLocal(REVIEW_SUMMARY, summary);
  }
}
