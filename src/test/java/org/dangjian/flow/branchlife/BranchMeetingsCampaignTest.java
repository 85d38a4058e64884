package org.dangjian.flow.branchlife;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.dangjian.flow.organization.OrganizationKind;
import org.dangjian.flow.system.StepRefusedException;
import org.junit.jupiter.api.Test;

/** The committee clerk's one action for the year: a BranchMeetingsProcess for every active branch, once. */
class BranchMeetingsCampaignTest extends BranchMeetingsTestSupport {

  private ProcessInstance launch(String user, String committeeId, int year) {
    return launch(user, Map.of("committeeId", committeeId, "year", year));
  }

  private ProcessInstance launch(String user, Map<String, Object> variables) {
    login(user);
    try {
      return runtimeService.startProcessInstanceByKey(BranchMeetings.CAMPAIGN_KEY, variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private long yearsOf(String branchId) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(BranchMeetings.PROCESS_KEY)
        .processInstanceBusinessKeyLike(branchId + "-%").count();
  }

  @Test
  void oneLaunchStartsTheYearForEveryActiveBranchAlsoUnderAGeneralBranchButNotForClosedOnesOrOtherKinds() {
    String committee = newOrganization("gxq", OrganizationKind.PARTY_COMMITTEE);
    join(COMMITTEE_CLERK, committee + "-clerk");
    String a = newOrganization(committee, OrganizationKind.BRANCH);
    String general = newOrganization(committee, OrganizationKind.GENERAL_BRANCH);
    String b = newOrganization(general, OrganizationKind.BRANCH);
    String closed = newOrganization(committee, OrganizationKind.BRANCH);
    jdbc.update("update organization set status = 'closed' where id = ?", closed);
    String village = newOrganization(committee, OrganizationKind.VILLAGE);

    ProcessInstance campaign = launch(COMMITTEE_CLERK, committee, 2025);
    assertThat(campaign).isEnded();
    for (String branch : new String[] {a, b}) {
      ProcessInstance year = runtimeService.createProcessInstanceQuery()
          .processInstanceBusinessKey(branch + "-2025").singleResult();
      assertThat(year).isWaitingAt(BranchMeetings.Tasks.RECORD_MEETING);
      assertThat(runtimeService.getVariable(year.getId(), "committeeClerkGroup")).isEqualTo(committee + "-clerk");
      assertThat(taskService.createTaskQuery().processInstanceId(year.getId()).taskCandidateGroup(branch + "-clerk")
          .count()).isEqualTo(1);
    }
    assertThat(yearsOf(closed)).isZero();
    assertThat(yearsOf(village)).isZero();
    assertThat(yearsOf(general)).isZero();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(campaign.getId())
        .variableName("campaignSummary").singleResult().getValue().toString()).startsWith("已为2个党支部启动2025年度三会一课");
  }

  @Test
  void launchingTheSameYearTwiceStartsNothingAndABranchFoundedSinceIsStartedAlone() {
    String committee = newOrganization("gxq", OrganizationKind.PARTY_COMMITTEE);
    join(COMMITTEE_CLERK, committee + "-clerk");
    String a = newOrganization(committee, OrganizationKind.BRANCH);
    launch(COMMITTEE_CLERK, committee, 2025);
    assertThatThrownBy(() -> launch(COMMITTEE_CLERK, committee, 2025)).isInstanceOf(StepRefusedException.class)
        .hasMessageContaining("2025年度三会一课均已启动，不能重复启动，本次未启动任何流程");
    assertThat(yearsOf(a)).isEqualTo(1);

    String founded = newOrganization(committee, OrganizationKind.BRANCH);
    ProcessInstance again = launch(COMMITTEE_CLERK, committee, 2025);
    assertThat(yearsOf(a)).isEqualTo(1);
    assertThat(yearsOf(founded)).isEqualTo(1);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(again.getId())
        .variableName("campaignSummary").singleResult().getValue().toString())
        .startsWith("已为1个党支部启动").contains("已启动，未重复启动：测试支部" + a);
  }

  @Test
  void onlyTheCommitteesOwnClerkLaunchesAndABranchIsNoCommittee() {
    String committee = newOrganization("gxq", OrganizationKind.PARTY_COMMITTEE);
    String a = newOrganization(committee, OrganizationKind.BRANCH);
    // jg.clerk clerks 高新区机关党委, not this committee
    assertThatThrownBy(() -> launch(COMMITTEE_CLERK, committee, 2025)).isInstanceOf(StepRefusedException.class)
        .hasMessageContaining("须由" + "测试支部" + committee + "的党务工作者");
    // a branch clerk may not start it at all
    assertThatThrownBy(() -> launch(BRANCH_CLERK, committee, 2025)).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> launch(COMMITTEE_CLERK, "guitu", 2025)).isInstanceOf(StepRefusedException.class)
        .hasMessageContaining("不是党委或工委");
    assertThat(yearsOf(a)).isZero();
  }

  @Test
  void aMonthChosenAtTheLaunchIsEveryBranchsFirstMonthCheckedAndWithoutOneEachStartsWithTheLaunchsMonth() {
    today("2025-03-10");
    String committee = newOrganization("gxq", OrganizationKind.PARTY_COMMITTEE);
    join(COMMITTEE_CLERK, committee + "-clerk");
    String a = newOrganization(committee, OrganizationKind.BRANCH);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> launch(COMMITTEE_CLERK,
        Map.of("committeeId", committee, "year", 2025, "checkedFromMonth", 13)))
        .isInstanceOf(org.dangjian.flow.system.StepRefusedException.class).hasMessageContaining("从几月起检查");
    assertThat(yearsOf(a)).isZero();
    launch(COMMITTEE_CLERK, Map.of("committeeId", committee, "year", 2025, "checkedFromMonth", 1));
    assertThat(runtimeService.getVariable(runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(a + "-2025").singleResult().getId(), "checkedFromMonth")).isEqualTo(1);
    String founded = newOrganization(committee, OrganizationKind.BRANCH);
    launch(COMMITTEE_CLERK, committee, 2025);
    assertThat(runtimeService.getVariable(runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(founded + "-2025").singleResult().getId(), "checkedFromMonth")).isEqualTo(3);
  }
}
