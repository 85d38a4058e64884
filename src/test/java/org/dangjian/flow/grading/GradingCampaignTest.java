package org.dangjian.flow.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.dangjian.flow.organization.OrganizationKind;
import org.dangjian.flow.system.StepRefusedException;
import org.junit.jupiter.api.Test;

/** 启动年度定级 in one action, once per committee and year. */
class GradingCampaignTest extends GradingTestSupport {

  private ProcessInstance launch(String committeeId, int year) {
    joinClerks(COMMITTEE_CLERK, committeeId);
    login(COMMITTEE_CLERK);
    try {
      return runtimeService.startProcessInstanceByKey(Grading.CAMPAIGN_KEY,
          Map.of("committeeId", committeeId, "year", year, "evaluationDays", 7));
    } finally {
      identityService.clearAuthentication();
    }
  }

  private long gradingsOf(String organizationId) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(Grading.PROCESS_KEY)
        .processInstanceBusinessKeyLike(organizationId + "-%").count();
  }

  @Test
  void oneLaunchStartsAGradingForEveryOrganizationUnderTheCommitteeButNotForHelpUnits() {
    String committee = newOrganization("gxq", OrganizationKind.PARTY_COMMITTEE);
    String a = newOrganization(committee, OrganizationKind.BRANCH);
    String b = newOrganization(committee, OrganizationKind.BRANCH);
    String village = newOrganization(committee, OrganizationKind.VILLAGE);
    String unit = newOrganization(committee, OrganizationKind.HELP_UNIT);
    ProcessInstance campaign = launch(committee, 2025);
    assertThat(campaign).isEnded();
    for (String org : new String[] {a, b, village}) {
      ProcessInstance grading = runtimeService.createProcessInstanceQuery()
          .processInstanceBusinessKey(org + "-2025").singleResult();
      assertThat(grading).isWaitingAt(Grading.Tasks.SELF_ASSESSMENT);
      assertThat(runtimeService.getVariable(grading.getId(), "committeeClerkGroup")).isEqualTo(committee + "-clerk");
      assertThat(runtimeService.getVariable(grading.getId(), "evaluationDays")).isEqualTo(7);
      assertThat(taskService.createTaskQuery().processInstanceId(grading.getId()).taskCandidateGroup(org + "-secretary")
          .count()).isEqualTo(1);
    }
    assertThat(gradingsOf(unit)).isZero();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(campaign.getId())
        .variableName("campaignSummary").singleResult().getValue().toString()).startsWith("已为3个党组织启动2025年度分类定级");
  }

  @Test
  void launchingTheSameYearTwiceStartsNothingNewAndSaysSo() {
    String committee = newOrganization("gxq", OrganizationKind.PARTY_COMMITTEE);
    String a = newOrganization(committee, OrganizationKind.BRANCH);
    launch(committee, 2025);
    assertThatThrownBy(() -> launch(committee, 2025)).isInstanceOf(StepRefusedException.class)
        .hasMessageContaining("2025年度分类定级已于").hasMessageContaining("不能重复启动，本次未启动任何定级");
    assertThat(gradingsOf(a)).isEqualTo(1);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(a + "-2025").count()).isEqualTo(1);
  }

  @Test
  void anOrganizationAlreadyBeingGradedIsLeftAloneByTheCampaign() {
    String committee = newOrganization("gxq", OrganizationKind.PARTY_COMMITTEE);
    String a = newOrganization(committee, OrganizationKind.BRANCH);
    String b = newOrganization(committee, OrganizationKind.BRANCH);
    startGrading(a, 2025);
    ProcessInstance campaign = launch(committee, 2025);
    assertThat(gradingsOf(a)).isEqualTo(1);
    assertThat(gradingsOf(b)).isEqualTo(1);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(campaign.getId())
        .variableName("campaignSummary").singleResult().getValue().toString()).contains("未重复启动：测试党组织" + a);
  }

  @Test
  void aBranchIsNoCommitteeToLaunchFrom() {
    assertThatThrownBy(() -> launch("guitu", 2025)).isInstanceOf(StepRefusedException.class)
        .hasMessageContaining("不是党委或工委");
  }
}
