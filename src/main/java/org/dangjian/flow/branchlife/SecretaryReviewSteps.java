package org.dangjian.flow.branchlife;

import static org.dangjian.flow.branchlife.SecretaryReview.Tasks.*;
import static org.dangjian.flow.branchlife.SecretaryReview.Vars.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.dangjian.flow.branchlife.SecretaryReviewRules.Problem;
import org.dangjian.flow.organization.EngineIdentity;
import org.dangjian.flow.organization.Role;
import org.dangjian.flow.system.Actor;
import org.dangjian.flow.system.BusinessCalendar;
import org.dangjian.flow.system.SecretBallots;
import org.dangjian.flow.system.StepInput;
import org.springframework.stereotype.Component;

/**
 * The server side of every user task of 述职评议: checks what was submitted (the forms check the same in the
 * browser), computes what must never be typed, and refuses with every problem in Chinese. A refusal leaves the task
 * open and changes nothing.
 */
@Component("secretaryReviewStepCompleted")
class SecretaryReviewSteps implements TaskListener {

  private record Step(DelegateTask task, StepInput in, String actor) {
    void set(String key, Object value) {
      task.setVariable(key, value);
    }

    Object get(String key) {
      return task.getVariable(key);
    }
  }

  private final IdentityService identity;
  private final SecretBallots ballots;
  private final Map<String, Consumer<Step>> handlers = Map.of(
      SECRETARY_REPORT, this::secretaryReport,
      REVIEW_COMMENTS, this::reviewComments,
      SECRETARY_EVALUATION, this::secretaryEvaluation,
      REVIEW_DECISION, this::reviewDecision,
      REVIEW_RECTIFICATION, this::reviewRectification,
      RECTIFICATION_ACCEPTANCE, this::rectificationAcceptance);

  SecretaryReviewSteps(IdentityService identity, SecretBallots ballots) {
    this.identity = identity;
    this.ballots = ballots;
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

  /** 1 述职: the organization's secretary (its 书记 group is the task's only candidate). */
  private void secretaryReport(Step s) {
    StepInput in = s.in();
    in.text(ACHIEVEMENTS, "履职成效", 2000);
    in.text(PROBLEMS, "存在问题", 2000);
    in.text(PLANS, "下步打算", 2000);
    in.pastDate(REPORT_DATE, "述职日期");
    if (!in.hasProblems()) {
      s.set(REPORTED_BY, s.actor());
    }
  }

  /** 2 点评: the committee's comments, the problems to fix, and who evaluates (spec: at least five). */
  private void reviewComments(Step s) {
    StepInput in = s.in();
    in.text(COMMENTS, "点评意见", 2000);
    List<Map<String, Object>> rows = SecretaryReviewValues.rows(s.get(PROBLEMS_RAISED));
    if (rows == null) {
      in.problem("问题清单（" + PROBLEMS_RAISED + "）格式无效");
      rows = List.of();
    }
    List<String> found = new ArrayList<>();
    LocalDate today = BusinessCalendar.today();
    List<Problem> raised = SecretaryReviewRules.problemsRaised(rows, today, found);
    in.problems(found);
    List<String> evaluators = SecretaryReviewValues.strings(s.get(EVALUATORS));
    String evaluatorGroup = Role.EVALUATOR.groupOf((String) s.get(ORGANIZATION_ID));
    in.problems(SecretaryReviewRules.evaluatorProblems(evaluators, (String) s.get(REPORTED_BY),
        e -> EngineIdentity.isMemberOfAny(identity, e, List.of(evaluatorGroup)), (String) s.get(ORGANIZATION_NAME)));
    if (in.hasProblems()) {
      return;
    }
    List<Map<String, String>> stored = new ArrayList<>();
    for (Problem p : raised) {
      Map<String, String> row = new LinkedHashMap<>();
      row.put("problem", p.text());
      row.put("deadline", p.deadline().toString());
      stored.add(row);
    }
    s.set(PROBLEMS_RAISED, SecretaryReviewValues.json(stored));
    s.set(PROBLEM_COUNT, raised.size());
    s.set(PROBLEM_NUMBERS, new ArrayList<>(IntStream.rangeClosed(1, raised.size()).boxed().toList()));
    s.set(EVALUATORS, new ArrayList<>(evaluators));
    s.set("commentedBy", s.actor());
    LocalDate closes = today.plusDays(((Number) s.get(EVALUATION_DAYS)).longValue());
    s.set(EVALUATION_CLOSE_DATE, closes.toString());
    s.set(EVALUATION_CLOSES_AT, BusinessCalendar.endOf(closes));
  }

  /** 3 测评: one secret ballot, by the shared mechanism (the same rules as grading's 党员群众测评). */
  private void secretaryEvaluation(Step s) {
    ballots.cast(SecretaryReview.BALLOT, s.task(), s.in(), s.actor());
  }

  /** 4 评定: the level; one other than SecretaryReviewLevelDecision's proposal needs the committee's reason. */
  private void reviewDecision(Step s) {
    StepInput in = s.in();
    String level = in.choice(REVIEW_LEVEL, "评定等次", SecretaryReview.LEVELS.keySet());
    String reason = in.optionalText(OVERRIDE_REASON, "调整理由", 500);
    String proposed = (String) s.get(PROPOSED_LEVEL);
    if (SecretaryReviewRules.needsReason(level, proposed, reason)) {
      in.problem("评定等次与建议等次（" + s.get(PROPOSED_LEVEL_NAME) + "）不同，须填写调整理由（" + OVERRIDE_REASON + "）",
          OVERRIDE_REASON);
    }
    if (in.hasProblems()) {
      return;
    }
    if (level.equals(proposed)) {
      s.set(OVERRIDE_REASON, null);
    }
    s.set(REVIEW_LEVEL_NAME, SecretaryReview.LEVELS.get(level));
    s.set("decidedOn", BusinessCalendar.today().toString());
    s.set("decidedBy", s.actor());
  }

  /** 5 整改: what the secretary did about one problem raised. */
  private void reviewRectification(Step s) {
    StepInput in = s.in();
    in.text(RECTIFICATION_MEASURES, "整改措施", 2000);
    in.text(RECTIFICATION_RESULT, "整改成效", 2000);
    if (!in.hasProblems()) {
      s.task().setVariableLocal("rectifiedOn", BusinessCalendar.today().toString());
    }
  }

  /** 5a 整改验收: the committee accepts the rectification of one problem, or sends it back. */
  private void rectificationAcceptance(Step s) {
    StepInput in = s.in();
    in.choice(ACCEPTANCE_RESULT, "验收结论", Set.of("accepted", "returned"));
    in.text(ACCEPTANCE_OPINION, "验收意见", 1000);
  }
}
