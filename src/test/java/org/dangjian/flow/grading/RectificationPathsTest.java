package org.dangjian.flow.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.dangjian.flow.grading.Grading.Events.*;
import static org.dangjian.flow.grading.Grading.Tasks.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.dangjian.flow.system.BusinessCalendar;
import org.dangjian.flow.system.StepRefusedException;
import org.junit.jupiter.api.Test;

/** 整顿后进: plan, monthly progress, acceptance, re-plan on failure, the follow-up a year later. */
class RectificationPathsTest extends GradingTestSupport {

  private static final String SECRETARY_OF_ORG = "guitu.secretary";

  /** A backward organization, graded through the whole process, waiting for its rectification plan. */
  private ProcessInstance backward() {
    ProcessInstance grading = newGrading();
    selfAssess(grading, 10);
    evaluate(grading, "unsatisfied");
    decide(grading, "backward");
    fireTimer(grading, PUBLICITY_ENDS);
    today("2026-01-20");
    ProcessInstance rectification = rectificationOf(grading);
    assertThat(rectification).isWaitingAt(RECTIFICATION_PLAN);
    return rectification;
  }

  private void plan(ProcessInstance pi, String deadline) {
    complete(pi, RECTIFICATION_PLAN, COMMITTEE_CLERK, "rectificationItems", Json.of(List.of(
        Map.of("problem", "组织生活不经常", "measure", "每月召开主题党日", "responsible", "马建国"),
        Map.of("problem", "党员管理松散", "measure", "建立党员积分台账", "responsible", "何秀英"))),
        "rectificationDeadline", deadline, "countyLeader", "县领导甲", "townshipLeader", "乡镇领导乙",
        "firstSecretary", "彭涛", "planSummary", "一村一策整顿方案");
  }

  private void accept(ProcessInstance pi, int score, int ballots, int unsatisfied, Object... more) {
    Object[] kv = new Object[10 + more.length];
    Object[] base = {"acceptanceDate", BusinessCalendar.today().toString(), "acceptanceScore", score,
        "acceptanceBallots", ballots, "acceptanceUnsatisfied", unsatisfied, "acceptanceOpinion", "验收意见"};
    System.arraycopy(base, 0, kv, 0, 10);
    System.arraycopy(more, 0, kv, 10, more.length);
    complete(pi, RECTIFICATION_ACCEPTANCE, COMMITTEE_CLERK, kv);
  }

  @Test
  void passedAtTheFirstAcceptanceAfterMonthlyProgressThenFollowedUpAYearLater() {
    ProcessInstance pi = backward();
    plan(pi, "2026-04-30");
    assertThat(pi).isWaitingAt(MONTHLY_PROGRESS);
    assertThat(fireTimer(pi, MONTHLY_PROGRESS)).isEqualTo(BusinessCalendar.startOf(LocalDate.parse("2026-02-20")));
    complete(pi, RECTIFICATION_PROGRESS, SECRETARY_OF_ORG, "closedItemsNow", List.of("1"), "progressNotes", "已召开主题党日");
    assertThat(runtimeService.getVariable(pi.getId(), "closedItemCount")).isEqualTo(1);
    assertThat(runtimeService.getVariable(pi.getId(), "openItemOptions").toString()).doesNotContain("组织生活不经常")
        .contains("党员管理松散");
    assertThat(fireTimer(pi, MONTHLY_PROGRESS)).isEqualTo(BusinessCalendar.startOf(LocalDate.parse("2026-03-20")));
    complete(pi, RECTIFICATION_PROGRESS, SECRETARY_OF_ORG, "progressNotes", "台账建立中");
    fireTimer(pi, MONTHLY_PROGRESS);
    complete(pi, RECTIFICATION_PROGRESS, SECRETARY_OF_ORG, "closedItemsNow", List.of("2"), "progressNotes", "台账已建立");
    // 2026-05-20 would be past the deadline: next comes the acceptance
    assertThat(pi).isWaitingAt(RECTIFICATION_DEADLINE);
    assertThat(fireTimer(pi, RECTIFICATION_DEADLINE)).isEqualTo(BusinessCalendar.endOf(LocalDate.parse("2026-04-30")));
    accept(pi, 85, 20, 3);
    assertThat(pi).isWaitingAt(FOLLOW_UP_DUE);
    assertThat(fireTimer(pi, FOLLOW_UP_DUE)).isEqualTo(BusinessCalendar.startOf(LocalDate.parse("2027-05-01")));
    complete(pi, FOLLOW_UP_REVIEW, COMMITTEE_CLERK, "followUpDate", "2027-05-01", "followUpResult", "consolidated",
        "followUpFindings", "整顿成果巩固");
    assertThat(pi).isEnded().hasPassed(RECTIFICATION_DONE);
  }

  @Test
  void failedAcceptanceSetsANewDeadlineAndGoesBackToThePlanThenPasses() {
    ProcessInstance pi = backward();
    plan(pi, "2026-02-10");
    // a deadline within a month: no monthly report falls due
    assertThat(pi).isWaitingAt(RECTIFICATION_DEADLINE);
    fireTimer(pi, RECTIFICATION_DEADLINE);
    assertThatThrownBy(() -> accept(pi, 65, 20, 3)).isInstanceOf(StepRefusedException.class)
        .hasMessageContaining("请填写新的整改期限");
    accept(pi, 90, 20, 11, "newRectificationDeadline", "2026-03-31");
    assertThat(runtimeService.getVariable(pi.getId(), "rectificationPassed")).isEqualTo(false);
    assertThat(pi).isWaitingAt(RECTIFICATION_PLAN);
    assertThat(runtimeService.getVariable(pi.getId(), "rectificationDeadline")).isEqualTo("2026-03-31");
    plan(pi, "2026-03-31");
    fireTimer(pi, MONTHLY_PROGRESS);
    complete(pi, RECTIFICATION_PROGRESS, SECRETARY_OF_ORG, "closedItemsNow", List.of("1", "2"), "progressNotes", "全部销号");
    fireTimer(pi, RECTIFICATION_DEADLINE);
    accept(pi, 70, 20, 10);
    assertThat(runtimeService.getVariable(pi.getId(), "rectificationPassed")).isEqualTo(true);
    assertThat(pi).isWaitingAt(FOLLOW_UP_DUE);
  }

  @Test
  void thePlanNeedsProblemsWithMeasuresAndResponsiblePeopleAFutureDeadlineAndTheContacts() {
    ProcessInstance pi = backward();
    assertThatThrownBy(() -> complete(pi, RECTIFICATION_PLAN, COMMITTEE_CLERK, "rectificationItems",
        "[{\"problem\":\"组织生活不经常\",\"measure\":\"\"}]", "rectificationDeadline", "2026-01-01",
        "planSummary", "方案")).isInstanceOf(StepRefusedException.class)
        .hasMessageContaining("第1项：请填写整改措施").hasMessageContaining("第1项：请填写责任人")
        .hasMessageContaining("整改期限应晚于今天").hasMessageContaining("请填写联系的县级领导")
        .hasMessageContaining("请填写第一书记");
    assertThat(pi).isWaitingAt(RECTIFICATION_PLAN);
  }

  @Test
  void onlyOpenItemsCanBeClosed() {
    ProcessInstance pi = backward();
    plan(pi, "2026-04-30");
    fireTimer(pi, MONTHLY_PROGRESS);
    complete(pi, RECTIFICATION_PROGRESS, SECRETARY_OF_ORG, "closedItemsNow", List.of("1"), "progressNotes", "销号");
    fireTimer(pi, MONTHLY_PROGRESS);
    assertThatThrownBy(() -> complete(pi, RECTIFICATION_PROGRESS, SECRETARY_OF_ORG, "closedItemsNow",
        List.of("1", "7"), "progressNotes", "再次销号")).isInstanceOf(StepRefusedException.class)
        .hasMessageContaining("整改事项“1”不存在或已销号").hasMessageContaining("整改事项“7”不存在或已销号");
  }

  @Test
  void rectificationEndsTheGradingWhenFollowedUp() {
    ProcessInstance rectification = backward();
    String gradingId = runtimeService.createProcessInstanceQuery().subProcessInstanceId(rectification.getId())
        .singleResult().getId();
    plan(rectification, "2026-02-10");
    fireTimer(rectification, RECTIFICATION_DEADLINE);
    accept(rectification, 80, 10, 0);
    fireTimer(rectification, FOLLOW_UP_DUE);
    complete(rectification, FOLLOW_UP_REVIEW, COMMITTEE_CLERK, "followUpDate", "2027-02-11",
        "followUpResult", "relapsed", "followUpFindings", "有所反弹");
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(gradingId).singleResult()
        .getEndActivityId()).isEqualTo(RECTIFIED);
  }
}
