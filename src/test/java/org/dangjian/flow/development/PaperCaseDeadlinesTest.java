package org.dangjian.flow.development;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.dangjian.flow.development.MemberDevelopment.Events.*;
import static org.dangjian.flow.development.MemberDevelopment.Tasks.*;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.dangjian.flow.audit.CaseEvent;
import org.dangjian.flow.audit.CaseEventType;
import org.dangjian.flow.system.BusinessCalendar;
import org.junit.jupiter.api.Test;

/**
 * A paper case recorded after the fact in Tasklist (补录, administration.md): a deadline its recorded dates met leaves
 * no reminder, escalation, supervision task or violation; one they missed leaves the violation with the recorded
 * dates; reminders and escalations are for cases late today, after the grace of DeadlineReminders (the end of the
 * next working day after the step opened). Today is Wednesday 2026-12-02: the grace ends at 2026-12-04 00:00.
 */
class PaperCaseDeadlinesTest extends DevelopmentTestSupport {

  private static final String TODAY = "2026-12-02";
  private static final LocalDateTime GRACE_ENDS = LocalDateTime.parse("2026-12-04T00:00");

  private List<CaseEvent> deadlineEvents(ProcessInstance pi) {
    return events.forProcessInstance(pi.getId()).stream().filter(e -> e.type() == CaseEventType.REMINDER
        || e.type() == CaseEventType.ESCALATION || e.type() == CaseEventType.VIOLATION).toList();
  }

  private Job timer(ProcessInstance pi, String activityId) {
    Job job = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
    assertThat(job).as("timer at %s", activityId).isNotNull();
    return job;
  }

  private long supervisionTasks(ProcessInstance pi) {
    return historyService.createHistoricTaskInstanceQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(TALK_OVERDUE_SUPERVISION).count();
  }

  private static void clockAt(LocalDateTime instant) {
    ClockUtil.setCurrentTime(Date.from(instant.atZone(BusinessCalendar.ZONE).toInstant()));
  }

  /** Applied for on 2026-09-01, three months ago: the talk was due by 2026-10-01. */
  private ProcessInstance paperApplication() {
    today(TODAY);
    ProcessInstance pi = start(application("2026-09-01", "1995-05-05"));
    runDueJobs(pi);
    return pi;
  }

  private void recordTalk(ProcessInstance pi, String talkDate) {
    complete(pi, APPLICANT_TALK, BRANCH_CLERK, "talkDate", talkDate, "talkerName", "马建国", "talkRecord", "谈话记录");
    runDueJobs(pi);
  }

  // ---- step 2 谈话

  @Test
  void talkRecordedOnTimeLeavesNoReminderEscalationSupervisionOrViolation() {
    ProcessInstance pi = paperApplication();
    assertThat(local(timer(pi, TALK_OVERDUE).getDuedate())).isEqualTo(GRACE_ENDS);
    // Tasklist and 逾期待办 keep the true deadline: the end of 2026-10-01
    assertThat(local(task(pi, APPLICANT_TALK).getDueDate())).isEqualTo(LocalDateTime.parse("2026-10-02T00:00"));

    recordTalk(pi, "2026-09-15");

    assertThat(deadlineEvents(pi)).isEmpty();
    assertThat(supervisionTasks(pi)).isZero();
    assertThat(pi).isWaitingAt(DETERMINE_ACTIVIST);
  }

  @Test
  void lateTalkRecordedWithinTheGraceIsOneViolationWithTheRecordedDates() {
    ProcessInstance pi = paperApplication();
    clockAt(GRACE_ENDS.minusHours(1));
    runDueJobs(pi);
    recordTalk(pi, "2026-11-20");

    assertThat(deadlineEvents(pi)).singleElement().satisfies(v -> {
      assertThat(v.type()).isEqualTo(CaseEventType.VIOLATION);
      assertThat(v.ruleCode()).isEqualTo("TALK_WITHIN_ONE_MONTH");
      assertThat(v.dueDate()).hasToString("2026-10-01");
      assertThat(v.actualDate()).hasToString("2026-11-20");
    });
    assertThat(supervisionTasks(pi)).isZero();
  }

  @Test
  void talkNotRecordedWithinTheGraceIsRemindedEscalatedAndSupervisedAsALateCase() {
    ProcessInstance pi = paperApplication();
    clockAt(GRACE_ENDS);
    runDueJobs(pi);

    assertThat(deadlineEvents(pi)).extracting(CaseEvent::type)
        .containsExactly(CaseEventType.REMINDER, CaseEventType.ESCALATION);
    assertThat(deadlineEvents(pi)).allSatisfy(e -> {
      assertThat(e.dueDate()).hasToString("2026-10-01");
      assertThat(e.actualDate()).hasToString("2026-12-04");
    });
    assertThat(task(pi, TALK_OVERDUE_SUPERVISION)).hasCandidateGroup("gxq-jg-clerk");
    assertThat(pi).isWaitingAt(APPLICANT_TALK);
  }

  @Test
  void talkOpenedBeforeItsDeadlineIsRemindedAtTheDeadline() {
    today("2026-11-20");
    ProcessInstance pi = start(application("2026-11-10", "1995-05-05"));
    assertThat(local(timer(pi, TALK_OVERDUE).getDuedate())).isEqualTo(LocalDateTime.parse("2026-12-11T00:00"));
  }

  // ---- step 17 上级党委审批, a whole paper path up to it

  @Test
  void admissionApprovalRecordedInTimeLeavesNothingInTheRecord() {
    ProcessInstance pi = paperCaseAt(ADMISSION_APPROVAL, TODAY);
    assertThat(local(timer(pi, APPROVAL_OVERDUE).getDuedate())).isEqualTo(GRACE_ENDS);
    assertThat(local(task(pi, ADMISSION_APPROVAL).getDueDate())).isEqualTo(LocalDateTime.parse("2026-05-26T00:00"));

    complete(pi, ADMISSION_APPROVAL, APPROVER, voted("admissionApprovalDate", "2026-02-27", "admissionDecision", "approve"));
    runDueJobs(pi);

    assertThat(deadlineEvents(pi)).isEmpty();
    assertThat(supervisionTasks(pi)).isZero();
    assertThat(pi).isWaitingAt(FILE_WITH_ORG_DEPT);
  }

  @Test
  void admissionApprovalPastTheLimitIsOneViolationWithTheRecordedDates() {
    ProcessInstance pi = paperCaseAt(ADMISSION_APPROVAL, TODAY);
    complete(pi, ADMISSION_APPROVAL, APPROVER, voted("admissionApprovalDate", "2026-09-01", "admissionDecision", "approve",
        "approvalExtensionReason", "外调函未及时回复"));
    runDueJobs(pi);

    assertThat(deadlineEvents(pi)).singleElement().satisfies(v -> {
      assertThat(v.type()).isEqualTo(CaseEventType.VIOLATION);
      assertThat(v.ruleCode()).isEqualTo("ADMISSION_APPROVAL_WITHIN_6_MONTHS");
      assertThat(v.dueDate()).hasToString("2026-08-25");
      assertThat(v.actualDate()).hasToString("2026-09-01");
    });
  }

  @Test
  void admissionApprovalNotRecordedWithinTheGraceIsRemindedAndEscalated() {
    ProcessInstance pi = paperCaseAt(ADMISSION_APPROVAL, TODAY);
    clockAt(GRACE_ENDS.minusMinutes(1));
    assertThat(runDueJobs(pi)).isZero();
    clockAt(GRACE_ENDS);
    runDueJobs(pi);

    assertThat(deadlineEvents(pi)).extracting(CaseEvent::type)
        .containsExactly(CaseEventType.REMINDER, CaseEventType.ESCALATION);
    assertThat(deadlineEvents(pi)).allSatisfy(e -> {
      assertThat(e.ruleCode()).isEqualTo("ADMISSION_APPROVAL_WITHIN_3_MONTHS");
      assertThat(e.dueDate()).hasToString("2026-05-25");
      assertThat(e.actualDate()).hasToString("2026-12-04");
    });
    assertThat(pi).isWaitingAt(ADMISSION_APPROVAL);
  }

  // ---- steps 22 and 24

  @Test
  void probationEndReminderAfterTheGraceNamesTheDayTheProbationEnded() {
    // Wednesday 2027-03-10: step 22 opens after the probation ended on 2027-02-25
    ProcessInstance pi = paperCaseAt(CONVERSION_APPLICATION, "2027-03-10");
    assertThat(local(timer(pi, PROBATION_ENDS).getDuedate())).isEqualTo(LocalDateTime.parse("2027-03-12T00:00"));
    assertThat(deadlineEvents(pi)).isEmpty();
    clockAt(LocalDateTime.parse("2027-03-12T00:00"));
    runDueJobs(pi);

    assertThat(deadlineEvents(pi)).singleElement().satisfies(r -> {
      assertThat(r.type()).isEqualTo(CaseEventType.REMINDER);
      assertThat(r.description()).startsWith("预备期已于 2027-02-25 期满").doesNotContain("今日");
      assertThat(r.dueDate()).hasToString("2027-02-25");
      assertThat(r.actualDate()).hasToString("2027-03-12");
    });
  }

  @Test
  void lateConversionApprovalOfAPaperCaseIsOnlyTheViolationWithTheRecordedDates() {
    ProcessInstance pi = paperCaseAt(CONVERSION_APPROVAL, "2027-07-01");
    complete(pi, CONVERSION_APPROVAL, APPROVER, voted("conversionApprovalDate", "2027-06-30", "conversionDecision", "approve"));
    runDueJobs(pi);

    assertThat(deadlineEvents(pi)).singleElement().satisfies(v -> {
      assertThat(v.type()).isEqualTo(CaseEventType.VIOLATION);
      assertThat(v.ruleCode()).isEqualTo("CONVERSION_APPROVAL_WITHIN_3_MONTHS");
      assertThat(v.dueDate()).hasToString("2027-05-26");
      assertThat(v.actualDate()).hasToString("2027-06-30");
    });
    assertThat(pi).isWaitingAt(ARCHIVE);
  }
}
