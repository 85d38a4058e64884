package org.dangjian.flow.development;

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
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.dangjian.flow.audit.CaseEventLog;
import org.dangjian.flow.organization.MemberRegistry;
import org.dangjian.flow.system.BusinessCalendar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Drives MemberDevelopmentProcess on the real engine and database, moving the engine clock for timers. */
@SpringBootTest
abstract class DevelopmentTestSupport {

  static final String BRANCH_CLERK = "guitu.clerk";
  static final String BRANCH_CLERK_2 = "guitu.clerk2";
  static final String COMMITTEE_CLERK = "jg.clerk";
  static final String APPROVER = "jg.approver";
  static final String ORG_DEPT = "gxq.orgdept";

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired MemberRegistry registry;
  @Autowired CaseEventLog events;

  @BeforeEach
  void initAssertions() {
    BpmnAwareTests.init(processEngine);
  }

  @AfterEach
  void resetClockAndUser() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  static void today(String date) {
    ClockUtil.setCurrentTime(BusinessCalendar.startOf(LocalDate.parse(date)));
  }

  static Map<String, Object> application(String applicationDate, String birthDate) {
    Map<String, Object> v = new HashMap<>();
    v.put("candidateName", "测试申请人");
    v.put("gender", "female");
    v.put("ethnicity", "汉族");
    v.put("birthDate", birthDate);
    v.put("idNumber", TestIdNumbers.forBirthDate(LocalDate.parse(birthDate)));
    v.put("education", "bachelor");
    v.put("occupation", "工程师");
    v.put("phone", "13800138000");
    v.put("leagueMember", false);
    v.put("branchId", "guitu");
    v.put("applicationDate", applicationDate);
    return v;
  }

  ProcessInstance start(Map<String, Object> variables) {
    identityService.setAuthenticatedUserId(BRANCH_CLERK);
    try {
      return runtimeService.startProcessInstanceByKey(MemberDevelopment.PROCESS_KEY, variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  Task task(ProcessInstance pi, String taskKey) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).list();
    assertThat(tasks).as("open tasks %s", taskKey).hasSize(1);
    return tasks.get(0);
  }

  /** Completes the case's open task as the given user, the way Tasklist does (claim, then submit). */
  void complete(ProcessInstance pi, String taskKey, String user, Object... keyValues) {
    Task task = task(pi, taskKey);
    Map<String, Object> vars = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      vars.put((String) keyValues[i], keyValues[i + 1]);
    }
    identityService.setAuthenticatedUserId(user);
    try {
      taskService.complete(task.getId(), vars);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** Moves the clock to when the timer at the element is due and fires it. */
  Date fireTimer(ProcessInstance pi, String activityId) {
    Job job = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
    assertThat(job).as("timer job at %s", activityId).isNotNull();
    if (job.getDuedate().after(ClockUtil.getCurrentTime())) {
      ClockUtil.setCurrentTime(job.getDuedate());
    }
    managementService.executeJob(job.getId());
    return job.getDuedate();
  }

  static LocalDateTime local(Date date) {
    return LocalDateTime.ofInstant(date.toInstant(), BusinessCalendar.ZONE);
  }
}
