package org.dangjian.flow.villagehelp;

import static org.dangjian.flow.villagehelp.VillageHelp.Tasks.*;
import static org.dangjian.flow.villagehelp.VillageHelp.Vars.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.dangjian.flow.audit.CaseEventLog;
import org.dangjian.flow.audit.CaseEventType;
import org.dangjian.flow.system.BusinessCalendar;
import org.dangjian.flow.system.StepInput;
import org.springframework.stereotype.Component;

/**
 * The server side of every user task of VillageHelpProcess: who may complete it, what must be submitted,
 * what is recorded. A refusal leaves the task open and changes nothing.
 */
@Component("villageHelpStepCompleted")
class AssignmentSteps implements TaskListener {

  static final Set<String> GRADES = Arrays.stream(AbsenceRule.Grade.values()).map(g -> g.key)
      .collect(Collectors.toCollection(LinkedHashSet::new));
  /** Inputs of one completion only, so that the next form of the loop does not open prefilled. */
  private static final List<String> ONE_STEP_INPUTS = List.of("daysInVillage", "workSummary", "unexcusedAbsences",
      "assessmentGrade", "assessmentComment", "recallDecision", "replacementUserId", "recallNote", "chaseNote");

  /** One step being completed. */
  private record Step(DelegateTask task, StepInput in, String actor) {
    String assignmentKey() {
      return (String) task.getVariable(ASSIGNMENT_KEY);
    }

    String var(String key) {
      Object value = task.getVariable(key);
      return value == null ? null : value.toString();
    }
  }

  private final VillageHelpRecords records;
  private final CaseEventLog events;
  private final Actors actors;
  private final Map<String, Consumer<Step>> handlers = Map.of(
      UNIT_HEAD_VISIT, this::unitHeadVisit,
      CHASE_OVERDUE_VISIT, this::chaseOverdueVisit,
      MONTHLY_REPORT, this::monthlyReport,
      ANNUAL_ASSESSMENT, this::annualAssessment,
      CONSIDER_RECALL, this::considerRecall,
      VILLAGE_SATISFACTION, this::villageSatisfaction,
      UNIT_SATISFACTION, this::unitSatisfaction,
      COMMITTEE_SATISFACTION, this::committeeSatisfaction);

  AssignmentSteps(VillageHelpRecords records, CaseEventLog events, Actors actors) {
    this.records = records;
    this.events = events;
    this.actors = actors;
  }

  @Override
  public void notify(DelegateTask task) {
    Consumer<Step> handler = handlers.get(task.getTaskDefinitionKey());
    if (handler == null) {
      throw new IllegalStateException("no rules for task " + task.getTaskDefinitionKey());
    }
    Step step = new Step(task, new StepInput(task), actors.of(task));
    handler.accept(step);
    step.in().refuseIfAnyProblem();
    task.getExecution().removeVariables(ONE_STEP_INPUTS);
  }

  private void committeeClerk(Step s) {
    actors.requireMember(s.in(), s.actor(), s.var(COMMITTEE_CLERK_GROUP), s.var(COMMITTEE_NAME) + "党务工作者");
  }

  // ---- 2 单位一把手走访

  private void unitHeadVisit(Step s) {
    actors.requireUser(s.in(), s.actor(), s.var("unitHeadUserId"), "帮包单位一把手");
    Term term = AssignmentSchedules.termOf(s.task());
    LocalDate visitDate = s.in().pastDate("visitDate", "走访日期");
    s.in().text("visitFindings", "村情民意（发现的问题）", 2000);
    s.in().integer("householdsVisited", "走访农户数", 1, 10000);
    if (visitDate != null && !term.contains(visitDate)) {
      s.in().problem("走访日期（" + visitDate + "）应在任期内（" + term.start() + " 至 " + term.end() + "）");
    }
    if (s.in().hasProblems()) {
      return;
    }
    records.visited(s.assignmentKey(), visitDate);
    LocalDate deadline = LocalDate.parse(s.var("visitDeadline"));
    if (visitDate.isAfter(deadline) && !Boolean.TRUE.equals(s.task().getVariable("visitOverdueRecorded"))) {
      record(s, CaseEventType.VIOLATION, "UNIT_HEAD_VISIT_DEADLINE", "帮包单位一把手走访晚于期限", deadline, visitDate);
      s.task().setVariable("visitOverdueRecorded", true);
    }
  }

  private void chaseOverdueVisit(Step s) {
    committeeClerk(s);
    s.in().text("chaseNote", "督促情况", 1000);
  }

  // ---- 3 月度工作报告

  private void monthlyReport(Step s) {
    actors.requireUser(s.in(), s.actor(), s.var("firstSecretaryUserId"), "第一书记");
    Term term = AssignmentSchedules.termOf(s.task());
    int index = AssignmentSchedules.count(s.task(), REPORTS_DONE);
    Term.ReportMonth month = term.reportMonths().get(index);
    String submittedMonth = s.in().optionalText("reportMonth", "报告月份", 7);
    if (submittedMonth != null && !submittedMonth.equals(month.label())) {
      s.in().problem("本任务是 " + month.label() + " 的月度工作报告，收到报告月份 " + submittedMonth);
    }
    Integer days = s.in().integer("daysInVillage", "本月驻村天数", 0, month.termDays());
    s.in().text("workSummary", "工作小结", 2000);
    Integer absences = s.in().integer("unexcusedAbsences", "无故缺勤次数", 0, month.termDays());
    if (s.in().hasProblems()) {
      return;
    }
    boolean flagged = days < month.requiredDays();
    records.saveReport(s.assignmentKey(), month, days, absences, flagged, s.actor());
    if (flagged) {
      record(s, CaseEventType.VIOLATION, "DAYS_IN_VILLAGE_PER_MONTH", month.label() + " 驻村" + days + "天，少于"
          + month.requiredDays() + "天", month.to(), null);
    }
    s.task().setVariable("reportMonth", month.label());
    s.task().setVariable(REPORTS_DONE, index + 1);
  }

  // ---- 4 年度考核

  private void annualAssessment(Step s) {
    committeeClerk(s);
    int year = AssignmentSchedules.count(s.task(), TERM_YEAR);
    Term term = AssignmentSchedules.termOf(s.task());
    List<String> missing = new ArrayList<>(term.reportMonthsOfYear(year).stream().map(Term.ReportMonth::label)
        .toList());
    missing.removeAll(records.reportedMonths(s.assignmentKey(), year));
    if (!missing.isEmpty()) {
      s.in().problem("第" + year + "任期年度尚有月度工作报告未提交（" + String.join("、", missing) + "），请督促第一书记提交后再考核");
    }
    String gradeKey = s.in().choice("assessmentGrade", "考核等次", GRADES);
    s.in().optionalText("assessmentComment", "考核意见", 1000);
    if (s.in().hasProblems()) {
      return;
    }
    int absences = records.absences(s.assignmentKey(), year);
    AbsenceRule.Grade grade = AbsenceRule.Grade.ofKey(gradeKey);
    s.in().problems(AbsenceRule.problems(grade, absences));
    if (s.in().hasProblems()) {
      return;
    }
    boolean recall = grade == AbsenceRule.Grade.INCOMPETENT;
    records.saveAssessment(s.assignmentKey(), year, gradeKey, absences, recall, s.actor());
    if (recall) {
      record(s, CaseEventType.ESCALATION, "RECALL_FIRST_SECRETARY", "第" + year + "任期年度考核不称职（无故缺勤"
          + absences + "次）：提请工委研究召回第一书记 " + s.var("firstSecretaryUserId"), null, BusinessCalendar.today());
    }
    s.task().setVariable(RECALL_REQUIRED, recall);
    s.task().setVariable("lastAssessmentGrade", gradeKey);
    s.task().setVariable(YEARS_DONE, year);
  }

  /** 4a: recall (naming a replacement from the unit's work team) or keep, with the reasons on record. */
  private void considerRecall(Step s) {
    committeeClerk(s);
    String decision = s.in().choice("recallDecision", "研究决定", Set.of("recall", "keep"));
    String note = s.in().text("recallNote", "研究意见", 1000);
    String current = s.var("firstSecretaryUserId");
    String replacement = null;
    if ("recall".equals(decision)) {
      replacement = s.in().text("replacementUserId", "接任第一书记", 64);
      if (replacement != null && replacement.equals(current)) {
        s.in().problem("接任第一书记不能是被召回的第一书记本人");
      } else if (replacement != null && !actors.isMember(replacement, s.var(WORK_TEAM_GROUP))) {
        s.in().problem("接任第一书记“" + replacement + "”不在驻村工作队（" + s.var(WORK_TEAM_GROUP) + "）中");
      }
    }
    if (s.in().hasProblems()) {
      return;
    }
    if ("recall".equals(decision)) {
      records.firstSecretaryReplaced(s.assignmentKey(), replacement);
      s.task().setVariable("firstSecretaryUserId", replacement);
      TaskService tasks = s.task().getProcessEngineServices().getTaskService();
      for (Task open : tasks.createTaskQuery().processInstanceId(s.task().getProcessInstanceId())
          .taskDefinitionKey(MONTHLY_REPORT).listPage(0, 100)) { // bounded: query-max-results-limit
        tasks.setAssignee(open.getId(), replacement);
      }
      record(s, CaseEventType.RECALL, "RECALL_FIRST_SECRETARY", "召回第一书记 " + current + "，由 " + replacement
          + " 接任：" + note, null, BusinessCalendar.today());
    } else {
      record(s, CaseEventType.RECALL, "RECALL_FIRST_SECRETARY", "研究决定不召回第一书记 " + current + "：" + note, null,
          BusinessCalendar.today());
    }
  }

  // ---- 5 任期届满满意度

  private void villageSatisfaction(Step s) {
    actors.requireMember(s.in(), s.actor(), s.var(VILLAGE_CLERK_GROUP), "本村村务工作者");
    satisfaction(s, "villageSatisfied", "villageComment", "village_satisfied", "村");
  }

  private void unitSatisfaction(Step s) {
    actors.requireUser(s.in(), s.actor(), s.var("unitHeadUserId"), "帮包单位一把手");
    satisfaction(s, "unitSatisfied", "unitComment", "unit_satisfied", "建设单位");
  }

  private void committeeSatisfaction(Step s) {
    committeeClerk(s);
    satisfaction(s, "committeeSatisfied", "committeeComment", "committee_satisfied", "工委领导");
  }

  private void satisfaction(Step s, String key, String commentKey, String column, String who) {
    if (s.task().getVariable(key) == null) {
      s.in().problem("请选择" + who + "是否满意（" + key + "）");
    }
    boolean satisfied = s.in().flag(key);
    String comment = s.in().optionalText(commentKey, "意见", 1000);
    if (!satisfied && comment == null) {
      s.in().problem(who + "不满意时须填写意见（" + commentKey + "）");
    }
    if (s.in().hasProblems()) {
      return;
    }
    records.satisfaction(s.assignmentKey(), column, satisfied);
    if (!satisfied) {
      record(s, CaseEventType.DISSATISFACTION, "TERM_END_SATISFACTION", who + "不满意：" + comment, null,
          BusinessCalendar.today());
    }
  }

  private void record(Step s, CaseEventType type, String rule, String text, LocalDate due, LocalDate actual) {
    events.append(new CaseEventLog.Entry(s.task().getProcessInstanceId(), s.assignmentKey(), type, rule,
        s.task().getTaskDefinitionKey(), text, due, actual, s.actor()));
  }
}
