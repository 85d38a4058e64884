package org.dangjian.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.dangjian.flow.system.BusinessCalendar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Drives processes on the real engine and database the way Tasklist does (a logged-in user completes the
 * task with the form's values), moving the engine clock for timers. The job executor is off in tests.
 */
@SpringBootTest
public abstract class ProcessTestSupport {

  @Autowired protected ProcessEngine processEngine;
  @Autowired protected RuntimeService runtimeService;
  @Autowired protected TaskService taskService;
  @Autowired protected ManagementService managementService;
  @Autowired protected HistoryService historyService;
  @Autowired protected IdentityService identityService;
  @Autowired protected RepositoryService repositoryService;

  @BeforeEach
  void initAssertions() {
    BpmnAwareTests.init(processEngine);
    addressThisContextsEngine(processEngine);
  }

  /**
   * Several Spring contexts live in one test JVM (StrictRuleSetTest's has its own property), each with an engine
   * named "default". The engine REST API and the webapps find their engine by that name in Camunda's static
   * registry (ProcessEngines), where the context created last wins: a REST test whose context was created before
   * another one would talk to the other engine (no logged-in user there, none of its grants). Each test makes its
   * own context's engine the one found by name.
   */
  public static void addressThisContextsEngine(ProcessEngine engine) {
    ProcessEngines.registerProcessEngine(engine);
  }

  /** The memberships {@link #join} made in this test, removed after it. */
  private final List<String[]> joined = new java.util.ArrayList<>();

  @AfterEach
  void resetClockAndUser() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  /**
   * Makes the user a member of the group for this test (the group is made if missing). The demo users are shared by
   * every test of the JVM: a guitu.clerk left a clerk of a test's branch reads that branch in every later test,
   * which made the tests pass or fail by the order they ran in. So the membership is removed after the test.
   */
  protected void join(String userId, String group) {
    if (identityService.createGroupQuery().groupId(group).count() == 0) {
      identityService.saveGroup(identityService.newGroup(group));
    }
    if (identityService.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
      identityService.createMembership(userId, group);
      joined.add(new String[] {userId, group});
    }
  }

  @AfterEach
  void leaveTheGroupsJoined() {
    for (String[] membership : joined) {
      identityService.deleteMembership(membership[0], membership[1]);
    }
    joined.clear();
  }

  /** Moves the engine clock, and with it the business calendar's today, to the start of that day. */
  protected static void today(String date) {
    ClockUtil.setCurrentTime(BusinessCalendar.startOf(LocalDate.parse(date)));
  }

  protected static LocalDateTime local(Date date) {
    return LocalDateTime.ofInstant(date.toInstant(), BusinessCalendar.ZONE);
  }

  /** The one open task of the case at that element. */
  protected Task task(ProcessInstance pi, String taskKey) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).list();
    assertThat(tasks).as("open tasks %s", taskKey).hasSize(1);
    return tasks.get(0);
  }

  /**
   * Logs the user in as Tasklist and the REST API do: with their groups, so the engine's authorization checks
   * apply to what the test does next. Cleared after each test.
   */
  protected void login(String userId) {
    identityService.clearAuthentication();
    List<String> groups = identityService.createGroupQuery().groupMember(userId).listPage(0, 100).stream()
        .map(org.camunda.bpm.engine.identity.Group::getId).toList();
    identityService.setAuthentication(userId, groups);
  }

  /** Completes the task as the given user with the form's values (key, value, key, value, ...). */
  protected void complete(Task task, String user, Object... keyValues) {
    Map<String, Object> vars = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      vars.put((String) keyValues[i], keyValues[i + 1]);
    }
    login(user);
    try {
      taskService.complete(task.getId(), vars);
    } finally {
      identityService.clearAuthentication();
    }
  }

  protected void complete(ProcessInstance pi, String taskKey, String user, Object... keyValues) {
    complete(task(pi, taskKey), user, keyValues);
  }

  /**
   * What the job executor does while the clock stands still (it is off in tests): executes the case's jobs that are
   * due now, again until none is, since a fired timer may lead to another one already due. Returns how many ran.
   */
  protected int runDueJobs(ProcessInstance pi) {
    int ran = 0;
    for (int round = 0; round < 50; round++) {
      List<Job> due = managementService.createJobQuery().processInstanceId(pi.getId()).executable().listPage(0, 100);
      if (due.isEmpty()) {
        return ran;
      }
      for (Job job : due) {
        managementService.executeJob(job.getId());
        ran++;
      }
    }
    throw new AssertionError("due jobs of " + pi.getId() + " keep coming");
  }

  /** Moves the clock to when the timer at the element is due and fires it; returns the due date. */
  protected Date fireTimer(ProcessInstance pi, String activityId) {
    Job job = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
    assertThat(job).as("timer job at %s", activityId).isNotNull();
    if (job.getDuedate().after(ClockUtil.getCurrentTime())) {
      ClockUtil.setCurrentTime(job.getDuedate());
    }
    managementService.executeJob(job.getId());
    return job.getDuedate();
  }
}
