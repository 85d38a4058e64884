package org.dangjian.flow.villagehelp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.dangjian.flow.villagehelp.VillageHelp.Events.*;
import static org.dangjian.flow.villagehelp.VillageHelp.Tasks.*;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.dangjian.flow.audit.CaseEventType;
import org.dangjian.flow.system.StepRefusedException;
import org.junit.jupiter.api.Test;

/** A resident's difficulty from opening to a satisfied close: resolved, reopened, escalated. */
class HelpCaseProcessTest extends VillageHelpTestSupport {

  private String assignmentKey;

  private Map<String, Object> helpCase(String category, String targetDate) {
    Map<String, Object> v = new HashMap<>();
    v.put("assignmentKey", assignmentKey);
    v.put("category", category);
    v.put("householdName", "李大山");
    v.put("description", "儿子初中毕业后无业，希望学一门技术");
    v.put("targetDate", targetDate);
    return v;
  }

  private ProcessInstance openCase(String category, String targetDate) {
    assignmentKey = newAssignment().getBusinessKey();
    today("2025-02-01");
    return start(VillageHelp.HELP_CASE_PROCESS_KEY, TEAMMATE, helpCase(category, targetDate));
  }

  @Test
  void aTeamMemberOpensACaseForTheTeamUnderTheAssignment() {
    ProcessInstance pi = openCase("employment", "2025-03-01");
    assertThat(pi.getBusinessKey()).isEqualTo(assignmentKey + "-001");
    assertThat(pi).isWaitingAt(RESOLVE_HELP_CASE);
    assertThat(taskService.getIdentityLinksForTask(task(pi, RESOLVE_HELP_CASE).getId()))
        .extracting(IdentityLink::getGroupId).containsExactly("unit-guitu-workteam");
    VillageHelpRecords.HelpCase c = records.helpCase(pi.getBusinessKey()).orElseThrow();
    assertThat(c.category()).isEqualTo("employment");
    assertThat(c.openedOn()).isEqualTo(LocalDate.of(2025, 2, 1));
  }

  @Test
  void openingIsRefusedToOutsidersForUnknownAssignmentsBadCategoriesAndPastTargets() {
    assignmentKey = newAssignment().getBusinessKey();
    today("2025-02-01");
    // an outsider may not start a help case at all
    assertThatThrownBy(() -> start(VillageHelp.HELP_CASE_PROCESS_KEY, "guitu.clerk", helpCase("water",
        "2025-03-01"))).isInstanceOf(AuthorizationException.class);
    // even with every grant, the start rule wants a member of the work team
    assertThatThrownBy(() -> start(VillageHelp.HELP_CASE_PROCESS_KEY, "admin", helpCase("lottery",
        "2025-01-01"))).isInstanceOf(StepRefusedException.class)
        .hasMessageContaining("困难类别的取值“lottery”无效")
        .hasMessageContaining("目标解决日期（2025-01-01）不能早于今天")
        .hasMessageContaining("须由驻村工作队成员（unit-guitu-workteam）登记");
    Map<String, Object> unknown = helpCase("water", "2025-03-01");
    unknown.put("assignmentKey", "unit-guitu-无此村-2025");
    assertThatThrownBy(() -> start(VillageHelp.HELP_CASE_PROCESS_KEY, TEAMMATE, unknown))
        .isInstanceOf(StepRefusedException.class).hasMessageContaining("不存在");
    today("2026-02-01");
    assertThatThrownBy(() -> start(VillageHelp.HELP_CASE_PROCESS_KEY, TEAMMATE, helpCase("water", "2026-03-01")))
        .isInstanceOf(StepRefusedException.class).hasMessageContaining("不在任期内");
  }

  @Test
  void resolvedAndConfirmedSatisfiedTheCaseCloses() {
    ProcessInstance pi = openCase("schooling", "2025-03-01");
    today("2025-02-20");
    assertThatThrownBy(() -> complete(pi, RESOLVE_HELP_CASE, TEAMMATE, "actionsTaken", "联系职业学校",
        "resolvedDate", "2025-01-20")).isInstanceOf(StepRefusedException.class)
        .hasMessageContaining("不能早于登记日期（2025-02-01）");
    complete(pi, RESOLVE_HELP_CASE, TEAMMATE, "actionsTaken", "联系县职业学校，办理入学", "resolvedDate", "2025-02-18");
    assertThat(pi).isWaitingAt(CONFIRM_SATISFACTION);
    assertThat(taskService.getIdentityLinksForTask(task(pi, CONFIRM_SATISFACTION).getId()))
        .extracting(IdentityLink::getGroupId).containsExactly("donghu-villageclerk");
    complete(pi, CONFIRM_SATISFACTION, VILLAGE_CLERK, "householdSatisfied", "true");
    assertThat(pi).isEnded().hasPassed(HELP_CASE_CLOSED);
    VillageHelpRecords.HelpCase c = records.helpCase(pi.getBusinessKey()).orElseThrow();
    assertThat(c.closedOn()).isEqualTo(LocalDate.of(2025, 2, 20));
    assertThat(c.resolvedDate()).isEqualTo(LocalDate.of(2025, 2, 18));
    assertThat(c.escalationLevel()).isZero();
  }

  @Test
  void aVillageClerkConfirmsOnlyTheirOwnVillagesCases() {
    if (identityService.createUserQuery().userId("xicun.clerk").count() == 0) {
      User user = identityService.newUser("xicun.clerk");
      user.setFirstName("西");
      user.setLastName("村");
      identityService.saveUser(user);
    }
    if (identityService.createGroupQuery().groupId("xicun-villageclerk").count() == 0) {
      identityService.saveGroup(identityService.newGroup("xicun-villageclerk"));
      identityService.createMembership("xicun.clerk", "xicun-villageclerk");
    }
    ProcessInstance pi = openCase("road", "2025-03-01");
    complete(pi, RESOLVE_HELP_CASE, TEAMMATE, "actionsTaken", "硬化入户路", "resolvedDate", "2025-02-01");
    assertThatThrownBy(() -> complete(pi, CONFIRM_SATISFACTION, "xicun.clerk", "householdSatisfied", true))
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("xicun.clerk");
    assertThatThrownBy(() -> complete(pi, CONFIRM_SATISFACTION, "admin", "householdSatisfied", true))
        .isInstanceOf(StepRefusedException.class).hasMessageContaining("不属于本任务的办理组织（donghu-villageclerk）");
    assertThat(pi).isWaitingAt(CONFIRM_SATISFACTION);
  }

  @Test
  void notSatisfiedGoesBackToResolvingWithTheCommentThenCloses() {
    ProcessInstance pi = openCase("water", "2025-03-01");
    complete(pi, RESOLVE_HELP_CASE, TEAMMATE, "actionsTaken", "送水上门", "resolvedDate", "2025-02-01");
    assertThatThrownBy(() -> complete(pi, CONFIRM_SATISFACTION, VILLAGE_CLERK, "householdSatisfied", false))
        .isInstanceOf(StepRefusedException.class).hasMessageContaining("须填写意见");
    complete(pi, CONFIRM_SATISFACTION, VILLAGE_CLERK, "householdSatisfied", "false", "comment", "只是临时送水，未通自来水");
    assertThat(pi).isWaitingAt(RESOLVE_HELP_CASE);
    assertThat(runtimeService.getVariable(pi.getId(), "lastComplaint")).isEqualTo("只是临时送水，未通自来水");
    assertThat(eventsOf(pi, CaseEventType.SEND_BACK)).singleElement()
        .satisfies(e -> assertThat(e.description()).contains("未通自来水"));
    today("2025-02-25");
    complete(pi, RESOLVE_HELP_CASE, FIRST_SECRETARY, "actionsTaken", "协调水利站接通自来水", "resolvedDate", "2025-02-24");
    complete(pi, CONFIRM_SATISFACTION, VILLAGE_CLERK, "householdSatisfied", true);
    assertThat(pi).isEnded().hasPassed(HELP_CASE_CLOSED);
    VillageHelpRecords.HelpCase c = records.helpCase(pi.getBusinessKey()).orElseThrow();
    assertThat(c.reopenCount()).isEqualTo(1);
    assertThat(c.resolvedDate()).isEqualTo(LocalDate.of(2025, 2, 24));
  }

  @Test
  void pastTheTargetDateTheFirstSecretaryTakesOverThenTheCommitteeIsTold() {
    ProcessInstance pi = openCase("medical", "2025-03-01");
    fireTimer(pi, HELP_CASE_OVERDUE);
    assertThat(task(pi, RESOLVE_HELP_CASE).getAssignee()).isEqualTo(FIRST_SECRETARY);
    assertThat(eventsOf(pi, CaseEventType.ESCALATION)).singleElement()
        .satisfies(e -> assertThat(e.description()).contains("转第一书记（donghu.firstsec）督办"));
    assertThat(records.helpCase(pi.getBusinessKey()).orElseThrow().escalationLevel()).isEqualTo(1);

    fireTimer(pi, HELP_CASE_LONG_OVERDUE);
    assertThat(pi).isWaitingAt(RESOLVE_HELP_CASE, SUPERVISE_HELP_CASE);
    assertThat(taskService.getIdentityLinksForTask(task(pi, SUPERVISE_HELP_CASE).getId()))
        .extracting(IdentityLink::getGroupId).containsExactly("gxq-clerk");
    assertThat(eventsOf(pi, CaseEventType.ESCALATION)).hasSize(2);
    assertThat(records.helpCase(pi.getBusinessKey()).orElseThrow().escalationLevel()).isEqualTo(2);
    complete(pi, SUPERVISE_HELP_CASE, COMMITTEE_CLERK, "supervisionNote", "已约谈帮包单位，限一周内解决");

    today("2025-03-12");
    complete(pi, RESOLVE_HELP_CASE, FIRST_SECRETARY, "actionsTaken", "联系县医院办理慢病卡", "resolvedDate", "2025-03-11");
    complete(pi, CONFIRM_SATISFACTION, VILLAGE_CLERK, "householdSatisfied", true);
    assertThat(pi).isEnded();
  }
}
