package org.dangjian.flow.branchlife;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.dangjian.flow.organization.Organization;
import org.dangjian.flow.system.BusinessCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo 三会一课: this year started for every branch of 高新区机关党委, and 规土局党支部's months so far about half
 * recorded by its clerk, so the committee sees violations, reminders, escalations and a quarterly review waiting.
 * Only where the job executor runs: the demo is a year whose period ends have passed, and only the job executor
 * closes them (tests run without it and drive timers themselves). Idempotent: a branch's year starts once.
 */
@Component
class BranchMeetingsDemoData {

  static final String COMMITTEE = "gxq-jg";
  static final String BRANCH = "guitu";
  static final String CLERK = "guitu.clerk";
  static final String GROUP = "第一党小组";

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identity;
  private final BranchMeetingsOrganizations organizations;
  private final BranchMeetingsRepository meetings;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final boolean enabled;

  BranchMeetingsDemoData(RuntimeService runtime, TaskService tasks, IdentityService identity,
      BranchMeetingsOrganizations organizations, BranchMeetingsRepository meetings, JdbcTemplate jdbc,
      TransactionTemplate transaction, @Value("${dangjian.demo.enabled}") boolean demo,
      @Value("${camunda.bpm.job-execution.enabled:true}") boolean jobExecutor) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.identity = identity;
    this.organizations = organizations;
    this.meetings = meetings;
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.enabled = demo && jobExecutor;
  }

  @EventListener(ApplicationReadyEvent.class)
  void load() {
    if (!enabled || organizations.find(BRANCH).isEmpty()) {
      return;
    }
    int year = BusinessCalendar.today().getYear();
    // one transaction: the period ends already past are closed by the job executor only after the meetings are in
    transaction.executeWithoutResult(status -> {
      if (meetings.year(BRANCH, year).isPresent()) {
        return;
      }
      // the demo members of 规土局 form one 党小组 (党员名册), so 党小组会 fall due there
      jdbc.update("update party_member set party_group = ? where branch_id = ? and party_group is null", GROUP,
          BRANCH);
      for (Organization branch : organizations.branchesOf(COMMITTEE)) {
        if (meetings.year(branch.id(), year).isEmpty()) {
          runtime.startProcessInstanceByKey(BranchMeetings.PROCESS_KEY, BranchMeetings.businessKey(branch.id(), year),
              // a year kept here since January: its past months are judged
              Map.of(BranchMeetings.Vars.BRANCH_ID, branch.id(), BranchMeetings.Vars.YEAR, year,
                  BranchMeetings.Vars.CHECKED_FROM_MONTH, 1));
        }
      }
      recordHalfTheYear(BRANCH, year, BusinessCalendar.today(), CLERK);
    });
  }

  /**
   * The months before this one, about half of what fell due: 支委会 every month, 主题党日 in odd months, 党小组会 in
   * even ones, 党员大会 in the first and third quarters, 党课 in the second. Returns how many were recorded.
   */
  int recordHalfTheYear(String branchId, int year, LocalDate today, String clerk) {
    ProcessInstance pi = runtime.createProcessInstanceQuery().processDefinitionKey(BranchMeetings.PROCESS_KEY)
        .processInstanceBusinessKey(BranchMeetings.businessKey(branchId, year)).singleResult();
    List<String> groups = meetings.partyGroups(branchId);
    int recorded = 0;
    for (int month = 1; month <= 12 && LocalDate.of(year, month, 1).plusMonths(1).isBefore(today.plusDays(1));
        month++) {
      List<Object[]> held = new ArrayList<>();
      held.add(new Object[] {"committeeMeeting", 8, "研究本月党建工作和发展党员工作"});
      held.add(new Object[] {month % 2 == 1 ? "themeDay" : "groupMeeting", 18,
          month % 2 == 1 ? "主题党日：重温入党誓词" : "党小组学习讨论"});
      if (month == 2 || month == 8) {
        held.add(new Object[] {"generalMeeting", 22, "支部党员大会：通报上半年工作"});
      }
      if (month == 5) {
        held.add(new Object[] {"partyLecture", 25, "书记讲党课：加强作风建设"});
      }
      for (Object[] m : held) {
        if (m[0].equals("groupMeeting") && groups.isEmpty()) {
          continue;
        }
        record(pi, clerk, (String) m[0], LocalDate.of(year, month, (Integer) m[1]), (String) m[2],
            groups.isEmpty() ? null : groups.get(0));
        recorded++;
      }
    }
    return recorded;
  }

  private void record(ProcessInstance pi, String clerk, String kind, LocalDate date, String topic, String group) {
    Task task = tasks.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(BranchMeetings.Tasks.RECORD_MEETING).singleResult();
    Map<String, Object> values = new java.util.HashMap<>(Map.of("meetingKind", kind, "meetingDate",
        date.toString(), "topic", topic, "firstTopic", "学习习近平总书记最新重要讲话精神", "attendeesEntitled", 4,
        "attendeesPresent", 3, "absentees", "林晓燕（外出培训）", "minutes", topic + "。与会党员逐一发言，形成会议记录。"));
    if (kind.equals("groupMeeting")) {
      values.put("partyGroup", group);
    }
    if (kind.equals("partyLecture")) {
      values.put("lecturer", "马建国");
    }
    List<String> groupIds = identity.createGroupQuery().groupMember(clerk).listPage(0, 100).stream()
        .map(Group::getId).toList();
    identity.setAuthentication(clerk, groupIds);
    try {
      tasks.complete(task.getId(), values);
    } finally {
      identity.clearAuthentication();
    }
  }
}
