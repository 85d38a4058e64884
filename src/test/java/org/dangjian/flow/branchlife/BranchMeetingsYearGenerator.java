package org.dangjian.flow.branchlife;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.dangjian.flow.organization.MemberRegistry;
import org.dangjian.flow.organization.MemberStatus;
import org.dangjian.flow.system.BusinessCalendar;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A branch's year of 三会一课 for the scale benchmark, made through the product's own paths: the branch's members
 * in the 党员名册 (one 党小组, so 党小组会 fall due), about half of what fell due recorded by the branch clerk (the
 * demo's {@link BranchMeetingsDemoData#recordHalfTheYear}: each a completion of Task_RecordMeeting), then the
 * period-end timers already due fired one by one as the job executor would fire them (月查 writes the violations,
 * each quarter's end opens Task_QuarterlyMeetingReview), and every quarter's review but the latest completed by the
 * committee clerk (some 责令整改, rectified by the branch clerk); the latest quarter's review stays open, on the
 * committee clerk's desk. The year itself is started by the committee clerk's campaign, outside this class.
 */
public final class BranchMeetingsYearGenerator {

  public static final String GROUP = "第一党小组";
  static final int MEMBERS_PER_BRANCH = 6;
  /** Of the quarters reviewed, about one in four is sent back for rectification (责令整改). */
  static final int RECTIFY_PER_100_REVIEWS = 25;

  /** What one branch's year became. */
  public record Year(int recorded, int timersFired, int reviewsDone, int rectifications) {
  }

  private final BranchMeetingsDemoData demo;
  private final MemberRegistry registry;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final IdentityService identity;

  public BranchMeetingsYearGenerator(ApplicationContext context) {
    this.demo = context.getBean(BranchMeetingsDemoData.class);
    this.registry = context.getBean(MemberRegistry.class);
    this.jdbc = context.getBean(JdbcTemplate.class);
    this.transactions = context.getBean(TransactionTemplate.class);
    this.runtime = context.getBean(RuntimeService.class);
    this.tasks = context.getBean(TaskService.class);
    this.management = context.getBean(ManagementService.class);
    this.identity = context.getBean(IdentityService.class);
  }

  /** The branch's full members, in one 党小组: before its year starts, which offers the 党小组 to the record form. */
  public void addMembers(String branchId, String namePrefix) {
    transactions.executeWithoutResult(tx -> {
      for (int i = 1; i <= MEMBERS_PER_BRANCH; i++) {
        long id = registry.add(new MemberRegistry.NewPerson(namePrefix + i, i % 2 == 0 ? "female" : "male",
            LocalDate.of(1975, 1, 1).plusDays(i * 997L), null, branchId, MemberStatus.FULL, null, null));
        jdbc.update("update party_member set party_group = ? where id = ?", GROUP, id);
      }
    });
  }

  /** The quarters that have ended by today in the year (0 to 4). */
  public static int quartersEnded(int year, LocalDate today) {
    if (today.getYear() != year) {
      return today.getYear() > year ? 4 : 0;
    }
    return (today.getMonthValue() - 1) / 3;
  }

  /**
   * Records about half the year's meetings so far as the branch clerk, then fires the due period ends and reviews
   * the quarters as the committee clerk, until only the latest ended quarter's review is open.
   */
  public Year makeYear(String branchId, String committeeId, int year, String branchClerk, String committeeClerk,
      Random random) {
    LocalDate today = BusinessCalendar.today();
    // one transaction, as the demo: every meeting is in before any period end is closed
    int recorded = transactions.execute(tx -> demo.recordHalfTheYear(branchId, year, today, branchClerk));
    ProcessInstance pi = runtime.createProcessInstanceQuery().processDefinitionKey(BranchMeetings.PROCESS_KEY)
        .processInstanceBusinessKey(BranchMeetings.businessKey(branchId, year)).singleResult();
    int lastEnded = quartersEnded(year, today);
    int fired = 0;
    int reviews = 0;
    int rectifications = 0;
    boolean progressed = true;
    while (progressed) {
      progressed = false;
      List<Job> due = management.createJobQuery().processInstanceId(pi.getId()).timers()
          .duedateLowerThan(ClockUtil.getCurrentTime()).list();
      for (Job job : due) {
        management.executeJob(job.getId());
        fired++;
        progressed = true;
      }
      Task review = tasks.createTaskQuery().processInstanceId(pi.getId())
          .taskDefinitionKey(BranchMeetings.Tasks.QUARTERLY_REVIEW).singleResult();
      if (review != null && ((Number) runtime.getVariable(pi.getId(), BranchMeetings.Vars.QUARTER_REVIEWED))
          .intValue() < lastEnded) {
        boolean rectify = random.nextInt(100) < RECTIFY_PER_100_REVIEWS;
        complete(review, committeeClerk, List.of(committeeId + "-clerk"), rectify
            ? Map.of(BranchMeetings.Vars.REVIEW_RESULT, "rectify", BranchMeetings.Vars.REVIEW_NOTE,
                "党员大会、党课未按时召开，党小组会次数不足，限期补开")
            : Map.of(BranchMeetings.Vars.REVIEW_RESULT, "pass", BranchMeetings.Vars.REVIEW_NOTE, "基本符合要求"));
        reviews++;
        if (rectify) {
          Task rectification = tasks.createTaskQuery().processInstanceId(pi.getId())
              .taskDefinitionKey(BranchMeetings.Tasks.RECTIFICATION).singleResult();
          complete(rectification, branchClerk, List.of(branchId + "-clerk"),
              Map.of(BranchMeetings.Vars.RECTIFICATION_REPORT, "已补开支部党员大会和党课，党小组会列入计划"));
          rectifications++;
        }
        progressed = true;
      }
    }
    return new Year(recorded, fired, reviews, rectifications);
  }

  private void complete(Task task, String user, List<String> groups, Map<String, Object> values) {
    if (task == null) {
      throw new IllegalStateException("三会一课: the task " + user + " should complete is not open");
    }
    identity.setAuthentication(user, groups);
    try {
      tasks.complete(task.getId(), values);
    } finally {
      identity.clearAuthentication();
    }
  }
}
