package org.dangjian.flow.branchlife;

import static org.dangjian.flow.branchlife.BranchMeetings.Tasks.*;
import static org.dangjian.flow.branchlife.BranchMeetings.Vars.*;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.dangjian.flow.system.Actor;
import org.dangjian.flow.system.BusinessCalendar;
import org.dangjian.flow.system.StepInput;
import org.springframework.stereotype.Component;

/**
 * The server side of every user task of 三会一课: checks what was submitted (the forms check what they can in the
 * browser) with {@link BranchMeetingRules}, writes the meeting or the review, and refuses with every problem in
 * Chinese. A refusal leaves the task open and changes nothing.
 */
@Component("branchMeetingStepCompleted")
class BranchMeetingsSteps implements TaskListener {

  static final Set<String> KIND_KEYS = Arrays.stream(MeetingKind.values()).map(MeetingKind::key)
      .collect(Collectors.toUnmodifiableSet());

  private record Step(DelegateTask task, StepInput in, String actor) {
    Object get(String key) {
      return task.getVariable(key);
    }

    String branchId() {
      return (String) get(BRANCH_ID);
    }

    int year() {
      return ((Number) get(YEAR)).intValue();
    }
  }

  private final BranchMeetingsRepository meetings;
  private final BranchMeetingsRectificationDays rectificationDays;
  private final Map<String, Consumer<Step>> handlers = Map.of(
      RECORD_MEETING, this::recordMeeting,
      QUARTERLY_REVIEW, this::quarterlyReview,
      RECTIFICATION, this::rectification);

  BranchMeetingsSteps(BranchMeetingsRepository meetings, BranchMeetingsRectificationDays rectificationDays) {
    this.meetings = meetings;
    this.rectificationDays = rectificationDays;
  }

  @Override
  public void notify(DelegateTask task) {
    Consumer<Step> handler = handlers.get(task.getTaskDefinitionKey());
    if (handler == null) {
      throw new IllegalStateException("no rules for task " + task.getTaskDefinitionKey());
    }
    Step step = new Step(task, new StepInput(task), Actor.of(task));
    handler.accept(step);
    step.in().refuseIfAnyProblem();
  }

  private void recordMeeting(Step s) {
    StepInput in = s.in();
    String kindKey = in.choice(MEETING_KIND, "会议类型", KIND_KEYS);
    LocalDate date = in.date(MEETING_DATE, "会议日期");
    MeetingKind kind = kindKey == null ? null : MeetingKind.ofKey(kindKey).orElseThrow();
    String partyGroup = kind == MeetingKind.GROUP_MEETING ? in.optionalText(PARTY_GROUP, "党小组", 50) : null;
    String topic = in.text(TOPIC, "会议主题", 200);
    String firstTopic = in.optionalText(FIRST_TOPIC, "第一议题", 200);
    Integer entitled = in.integer(ATTENDEES_ENTITLED, "应到人数", 1, 10000);
    Integer present = in.integer(ATTENDEES_PRESENT, "实到人数", 0, 10000);
    String absentees = in.optionalText(ABSENTEES, "缺席人员及原因", 1000);
    String lecturer = kind == MeetingKind.PARTY_LECTURE ? in.optionalText(LECTURER, "授课人", 50) : null;
    in.text(MINUTES, "会议记录", 3000);
    in.problems(BranchMeetingRules.check(new BranchMeetingRules.Recorded(kind, date, partyGroup, entitled, present,
        absentees, lecturer), BusinessCalendar.today(), s.year(), meetings.partyGroups(s.branchId())));
    if (in.hasProblems()) {
      return;
    }
    // a field that does not belong to this kind of meeting is not kept, whatever was submitted for it
    if (kind != MeetingKind.GROUP_MEETING) {
      s.task().setVariable(PARTY_GROUP, null);
    }
    if (kind != MeetingKind.PARTY_LECTURE) {
      s.task().setVariable(LECTURER, null);
    }
    meetings.addMeeting(s.branchId(), s.year(), s.task().getProcessInstanceId(), kind, date, partyGroup, topic,
        firstTopic, entitled, present, lecturer, s.actor());
    DelegateExecution process = s.task().getExecution().getProcessInstance();
    process.setVariable(MEETINGS_RECORDED, ((Number) process.getVariable(MEETINGS_RECORDED)).intValue() + 1);
  }

  private void quarterlyReview(Step s) {
    StepInput in = s.in();
    String result = in.choice(REVIEW_RESULT, "审核结果", Set.of("pass", "rectify"));
    String note = in.optionalText(REVIEW_NOTE, "审核意见", 1000);
    if ("rectify".equals(result) && note == null) {
      in.problem("责令整改须在审核意见中写明须整改的问题（" + REVIEW_NOTE + "）");
    }
    if (in.hasProblems()) {
      return;
    }
    LocalDate today = BusinessCalendar.today();
    LocalDate deadline = "rectify".equals(result) ? today.plusDays(rectificationDays.days()) : null;
    meetings.addReview(s.branchId(), s.year(), ((Number) s.get(QUARTER_REVIEWED)).intValue(),
        s.task().getProcessInstanceId(), result, note, s.actor(), today, deadline);
    if (deadline != null) {
      s.task().setVariable(RECTIFICATION_DEADLINE, deadline.toString());
      s.task().setVariable(RECTIFICATION_DUE_AT, BusinessCalendar.endOf(deadline));
    }
  }

  private void rectification(Step s) {
    s.in().text(RECTIFICATION_REPORT, "整改情况", 2000);
    if (!s.in().hasProblems()) {
      meetings.rectified(s.branchId(), s.year(), ((Number) s.get(QUARTER_REVIEWED)).intValue(),
          BusinessCalendar.today());
    }
  }
}
