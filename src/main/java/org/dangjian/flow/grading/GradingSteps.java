package org.dangjian.flow.grading;

import static org.dangjian.flow.grading.Grading.Tasks.*;
import static org.dangjian.flow.grading.Grading.Vars.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.dangjian.flow.organization.EngineIdentity;
import org.dangjian.flow.organization.Role;
import org.dangjian.flow.system.Actor;
import org.dangjian.flow.system.BusinessCalendar;
import org.dangjian.flow.system.SecretBallots;
import org.dangjian.flow.system.StepInput;
import org.dangjian.flow.system.WorkingDayCalendar;
import org.springframework.stereotype.Component;

/**
 * The server side of every user task of 分类定级 and 整顿后进: checks what was submitted (the forms check the same
 * in the browser), computes what must never be typed, and refuses with every problem in Chinese. A refusal leaves
 * the task open and changes nothing.
 */
@Component("gradingStepCompleted")
class GradingSteps implements TaskListener {

  static final int PUBLICITY_WORKING_DAYS = 5;

  private record Step(DelegateTask task, StepInput in, String actor) {
    void set(String key, Object value) {
      task.setVariable(key, value);
    }

    Object get(String key) {
      return task.getVariable(key);
    }
  }

  private final GradingLevels levels;
  private final WorkingDayCalendar workingDays;
  private final IdentityService identity;
  private final SecretBallots ballots;
  private final Map<String, Consumer<Step>> handlers = Map.of(
      SELF_ASSESSMENT, this::selfAssessment,
      MASS_EVALUATION, this::massEvaluation,
      COMMITTEE_DECISION, this::committeeDecision,
      HANDLE_OBJECTION, this::handleObjection,
      RECTIFICATION_PLAN, this::rectificationPlan,
      RECTIFICATION_PROGRESS, this::rectificationProgress,
      RECTIFICATION_ACCEPTANCE, this::rectificationAcceptance,
      FOLLOW_UP_REVIEW, this::followUpReview);

  GradingSteps(GradingLevels levels, WorkingDayCalendar workingDays,
      IdentityService identity, SecretBallots ballots) {
    this.ballots = ballots;
    this.levels = levels;
    this.workingDays = workingDays;
    this.identity = identity;
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

  // ---- OrganizationGradingProcess

  private void selfAssessment(Step s) {
    StepInput in = s.in();
    List<Integer> scores = new ArrayList<>();
    SelfAssessment.SCORES.forEach((key, label) -> scores.add(in.integer(key, label + "得分", 0,
        SelfAssessment.MAX_SCORE)));
    List<String> signs = SelfAssessment.list(s.get(WEAK_SIGNS));
    for (String unknown : SelfAssessment.unknownWeakSigns(signs)) {
      in.problem("软弱涣散情形“" + unknown + "”无效");
    }
    in.text("selfReport", "自评报告", 2000);
    List<String> evaluators = SelfAssessment.list(s.get(EVALUATORS));
    if (evaluators.size() < SelfAssessment.MIN_EVALUATORS) {
      in.problem("测评人至少" + SelfAssessment.MIN_EVALUATORS + "名（党员和群众代表），现为" + evaluators.size() + "名");
    }
    // the organization's own members and mass representatives (its evaluator group), never the self-assessor;
    // one answer for an unknown account and a stranger, so the refusal tells nothing about other organizations
    String evaluatorGroup = Role.EVALUATOR.groupOf((String) s.get(ORGANIZATION_ID));
    for (String evaluator : evaluators) {
      if (evaluator.equals(s.actor())) {
        in.problem("自评人不能同时作为测评人（" + evaluator + "）");
      } else if (!EngineIdentity.isMemberOfAny(identity, evaluator, List.of(evaluatorGroup))) {
        in.problem("“" + evaluator + "”不是" + s.get(ORGANIZATION_NAME) + "的测评人，请从本组织测评人名单中选择");
      }
    }
    if (in.hasProblems()) {
      return;
    }
    // selfTotal is the sum of the five, whatever was submitted for it
    s.set(SELF_TOTAL, SelfAssessment.total(scores));
    s.set(WEAK_SIGNS, Json.of(signs));
    s.set(WEAK_SIGN_COUNT, signs.size());
    s.set("weakSignNames", String.join("、", signs.stream().map(SelfAssessment.WEAK_SIGNS::get).toList()));
    s.set(EVALUATORS, new ArrayList<>(evaluators));
    s.set(SELF_ASSESSED_BY, s.actor());
    LocalDate closes = BusinessCalendar.today().plusDays(((Number) s.get(EVALUATION_DAYS)).longValue());
    s.set("evaluationCloseDate", closes.toString());
    s.set(EVALUATION_CLOSES_AT, BusinessCalendar.endOf(closes));
  }

  private void massEvaluation(Step s) {
    ballots.cast(Grading.BALLOT, s.task(), s.in(), s.actor());
  }

  private void committeeDecision(Step s) {
    StepInput in = s.in();
    if (s.actor().equals(s.get(SELF_ASSESSED_BY))) {
      in.problem("评定人不能是本组织的自评人（" + s.actor() + "，四眼原则）");
    }
    in.integer(COMMITTEE_SCORE, "党委评定得分", 0, 100);
    Map<String, GradingLevels.Level> known = levels.current();
    String level = in.choice(FINAL_LEVEL, "评定等次", known.keySet());
    String suggested = (String) s.get(SUGGESTED_LEVEL);
    String reason = in.optionalText(OVERRIDE_REASON, "调整理由", 500);
    if (level != null && !level.equals(suggested) && reason == null) {
      in.problem("评定等次与建议等次（" + s.get(SUGGESTED_LEVEL_NAME) + "）不同，须填写调整理由（" + OVERRIDE_REASON + "）");
    }
    if (in.hasProblems()) {
      return;
    }
    if (level.equals(suggested)) {
      s.set(OVERRIDE_REASON, null);
    }
    GradingLevels.Level chosen = known.get(level);
    LocalDate today = BusinessCalendar.today();
    // 公示 five working days from the next day; holidays and make-up working days from the calendar file
    LocalDate start = today.plusDays(1);
    LocalDate end = workingDays.endOfWorkingDays(start, PUBLICITY_WORKING_DAYS);
    s.set(FINAL_LEVEL_NAME, chosen.name());
    s.set(RECTIFICATION_REQUIRED, chosen.rectification());
    s.set("decidedOn", today.toString());
    s.set("decidedBy", s.actor());
    s.set("publicityStartDate", workingDays.endOfWorkingDays(start, 1).toString());
    s.set(PUBLICITY_END_DATE, end.toString());
    s.set(PUBLICITY_ENDS_AT, BusinessCalendar.endOf(end));
  }

  private void handleObjection(Step s) {
    StepInput in = s.in();
    in.text(OBJECTION_FINDING, "核查情况", 1000);
    in.choice(OBJECTION_OUTCOME, "处理结果", Set.of("uphold", "redecide"));
  }

  // ---- RectificationProcess

  private void rectificationPlan(Step s) {
    StepInput in = s.in();
    List<Map<String, Object>> items = Json.objects(s.get("rectificationItems"));
    if (items == null || items.isEmpty()) {
      in.problem("请至少列出一个问题及其整改措施和责任人（rectificationItems）");
      items = List.of();
    }
    List<Map<String, String>> options = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Map<String, Object> item = items.get(i);
      String problem = itemText(in, item, "problem", "问题", i, 500);
      itemText(in, item, "measure", "整改措施", i, 500);
      itemText(in, item, "responsible", "责任人", i, 50);
      Map<String, String> option = new LinkedHashMap<>();
      option.put("label", (i + 1) + ". " + problem);
      option.put("value", String.valueOf(i + 1));
      options.add(option);
    }
    LocalDate deadline = in.date(RECTIFICATION_DEADLINE, "整改期限");
    if (deadline != null && !deadline.isAfter(BusinessCalendar.today())) {
      in.problem("整改期限应晚于今天（" + BusinessCalendar.today() + "）");
    }
    in.text("countyLeader", "联系的县级领导", 50);
    in.text("townshipLeader", "包村的乡镇领导", 50);
    in.text("firstSecretary", "第一书记", 50);
    in.text("planSummary", "整顿方案", 2000);
    if (in.hasProblems()) {
      return;
    }
    s.set("rectificationItems", Json.of(items));
    s.set("itemCount", items.size());
    s.set("openItemOptions", Json.of(options));
    s.set("closedItems", Json.of(List.of()));
    s.set("closedItemCount", 0);
    s.set("planDate", BusinessCalendar.today().toString());
    s.set("progressNumber", 0);
    s.set(RECTIFICATION_DEADLINE, deadline.toString());
    s.set("rectificationDeadlineAt", BusinessCalendar.endOf(deadline));
  }

  private static String itemText(StepInput in, Map<String, Object> item, String key, String label, int index,
      int maxLength) {
    Object raw = item.get(key);
    String text = raw == null ? "" : raw.toString().trim();
    if (text.isEmpty()) {
      in.problem("第" + (index + 1) + "项：请填写" + label);
    } else if (text.length() > maxLength) {
      in.problem("第" + (index + 1) + "项：" + label + "不能超过" + maxLength + "个字");
    }
    return text;
  }

  private void rectificationProgress(Step s) {
    StepInput in = s.in();
    List<Map<String, Object>> open = Json.objects(s.get("openItemOptions"));
    Set<String> openIds = new LinkedHashSet<>();
    open.forEach(o -> openIds.add(String.valueOf(o.get("value"))));
    List<String> closedNow = SelfAssessment.list(s.get("closedItemsNow"));
    for (String id : closedNow) {
      if (!openIds.contains(id)) {
        in.problem("整改事项“" + id + "”不存在或已销号");
      }
    }
    in.text("progressNotes", "整改进展", 2000);
    if (in.hasProblems()) {
      return;
    }
    List<String> closed = new ArrayList<>(SelfAssessment.list(s.get("closedItems")));
    closed.addAll(closedNow);
    s.set("closedItems", Json.of(closed));
    s.set("closedItemCount", closed.size());
    s.set("openItemOptions", Json.of(open.stream().filter(o -> !closedNow.contains(String.valueOf(o.get("value"))))
        .toList()));
    s.set("closedItemsNow", null);
    s.set("progressNumber", ((Number) s.get("progressNumber")).intValue() + 1);
  }

  private void rectificationAcceptance(Step s) {
    StepInput in = s.in();
    in.pastDate("acceptanceDate", "验收日期");
    Integer score = in.integer("acceptanceScore", "验收得分", 0, 100);
    Integer ballots = in.integer("acceptanceBallots", "测评票数", 1, 100000);
    Integer unsatisfied = in.integer("acceptanceUnsatisfied", "不满意票数", 0, 100000);
    in.text("acceptanceOpinion", "验收意见", 2000);
    if (ballots != null && unsatisfied != null && unsatisfied > ballots) {
      in.problem("不满意票数（" + unsatisfied + "）不能多于测评票数（" + ballots + "）");
    }
    if (in.hasProblems()) {
      return;
    }
    double rate = RectificationAcceptance.unsatisfiedRate(ballots, unsatisfied);
    boolean passed = RectificationAcceptance.passed(score, rate);
    LocalDate today = BusinessCalendar.today();
    if (!passed) {
      LocalDate newDeadline = in.date("newRectificationDeadline", "新的整改期限");
      if (newDeadline != null && !newDeadline.isAfter(today)) {
        in.problem("新的整改期限应晚于今天（" + today + "）");
      }
      if (in.hasProblems()) {
        return;
      }
      s.set(RECTIFICATION_DEADLINE, newDeadline.toString());
      s.set("rectificationDeadlineAt", BusinessCalendar.endOf(newDeadline));
    } else {
      LocalDate followUp = today.plusYears(1);
      s.set("followUpDueDate", followUp.toString());
      s.set("followUpAt", BusinessCalendar.startOf(followUp));
    }
    s.set(UNSATISFIED_RATE, rate);
    s.set("acceptanceUnsatisfiedPercent", Evaluation.percent(rate));
    s.set(RECTIFICATION_PASSED, passed);
  }

  private void followUpReview(Step s) {
    StepInput in = s.in();
    in.pastDate("followUpDate", "回头看日期");
    in.choice("followUpResult", "回头看结论", Set.of("consolidated", "relapsed"));
    in.text("followUpFindings", "回头看情况", 2000);
  }
}
