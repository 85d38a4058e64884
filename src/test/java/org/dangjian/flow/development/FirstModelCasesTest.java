package org.dangjian.flow.development;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.dangjian.flow.development.MemberDevelopment.Events.*;
import static org.dangjian.flow.development.MemberDevelopment.Tasks.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.dangjian.flow.system.StepRefusedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Cases started under the first model (before the committee's vote and its approval of every resolution, issue 16)
 * run to their end on it after the new model is deployed: a process instance keeps the version it was started on
 * (Camunda's default, nothing is migrated), and formRefBinding="deployment" finds its forms in the deployment of
 * that version. The first model is main's BPMN and forms as they were (src/test/resources/legacy/model-revision-1,
 * named so that the auto-deployment does not pick them up), deployed here as an older version.
 */
class FirstModelCasesTest extends DevelopmentTestSupport {

  private static final String LEGACY = "legacy/model-revision-1/";
  private static final List<String> LEGACY_FORMS = List.of("taskAdmissionApprovalForm", "taskConversionMeetingForm",
      "taskConversionApprovalForm");

  @Autowired FormService formService;

  /** Set while cases of the first model are being started; newCase() then starts on it. */
  private String firstModelDefinitionId;

  @AfterEach
  void currentModelIsTheLatestAgain() {
    ProcessDefinition latest = latest();
    if (MemberDevelopment.modelRevision(repositoryService.getBpmnModelInstance(latest.getId())) < 2) {
      deployCurrentModel(latest.getDeploymentId());
    }
  }

  @Override
  public ProcessInstance newCase() {
    if (firstModelDefinitionId == null) {
      return super.newCase();
    }
    today("2025-01-20");
    login(BRANCH_CLERK);
    try {
      return runtimeService.startProcessInstanceById(firstModelDefinitionId, application("2025-01-10", "1995-05-05"));
    } finally {
      identityService.clearAuthentication();
    }
  }

  private ProcessDefinition latest() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(MemberDevelopment.PROCESS_KEY)
        .latestVersion().singleResult();
  }

  private static byte[] resource(String name) {
    try (InputStream in = FirstModelCasesTest.class.getClassLoader().getResourceAsStream(LEGACY + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first model: its BPMN and its forms of 17, 23 and 24, with the current deployment's other forms. */
  private ProcessDefinition deployFirstModel(String currentDeploymentId) {
    DeploymentBuilder builder = repositoryService.createDeployment().name("发展党员（第一版模型，测试）")
        .addInputStream("MemberDevelopmentProcess.bpmn",
            new java.io.ByteArrayInputStream(resource("MemberDevelopmentProcess.bpmn.xml")));
    for (String name : repositoryService.getDeploymentResourceNames(currentDeploymentId)) {
      String form = name.substring(name.lastIndexOf('/') + 1).replace(".form", "");
      if (name.endsWith(".form") && !LEGACY_FORMS.contains(form)) {
        builder.addInputStream(name, repositoryService.getResourceAsStream(currentDeploymentId, name));
      }
    }
    LEGACY_FORMS.forEach(f -> builder.addInputStream(f + ".form",
        new java.io.ByteArrayInputStream(resource(f + ".form.json"))));
    Deployment deployment = builder.deploy();
    return repositoryService.createProcessDefinitionQuery().deploymentId(deployment.getId())
        .processDefinitionKey(MemberDevelopment.PROCESS_KEY).singleResult();
  }

  /** What an upgrade does: the current model and its forms deployed again, as the newest version. */
  private void deployCurrentModel(String fromDeploymentId) {
    List<String> names = repositoryService.getDeploymentResourceNames(fromDeploymentId).stream()
        .filter(n -> n.endsWith(".form") || n.endsWith("MemberDevelopmentProcess.bpmn")).toList();
    repositoryService.createDeployment().name("发展党员（当前模型）")
        .addDeploymentResourcesByName(fromDeploymentId, names).deploy();
  }

  private String formOf(ProcessInstance pi, String taskKey) throws IOException {
    try (InputStream form = formService.getDeployedTaskForm(task(pi, taskKey).getId())) {
      return new String(form.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void casesOfTheFirstModelRunToTheirEndOnItAfterTheNewModelIsDeployed() throws IOException {
    ProcessDefinition current = latest();
    assertThat(MemberDevelopment.modelRevision(repositoryService.getBpmnModelInstance(current.getId()))).isEqualTo(2);
    ProcessDefinition first = deployFirstModel(current.getDeploymentId());
    assertThat(MemberDevelopment.modelRevision(repositoryService.getBpmnModelInstance(first.getId()))).isEqualTo(1);
    firstModelDefinitionId = first.getId();
    ProcessInstance atApproval = caseAt(ADMISSION_APPROVAL);
    ProcessInstance atConversionMeeting = caseAt(CONVERSION_MEETING);
    firstModelDefinitionId = null;

    // the upgrade: the new model is the latest version again; the running cases stay on theirs
    deployCurrentModel(current.getDeploymentId());
    ProcessDefinition upgraded = latest();
    assertThat(upgraded.getVersion()).isGreaterThan(first.getVersion());
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(atApproval.getId()).singleResult()
        .getProcessDefinitionId()).isEqualTo(first.getId());
    ProcessInstance newer = caseAt(ADMISSION_APPROVAL);
    assertThat(newer.getProcessDefinitionId()).isEqualTo(upgraded.getId());

    // each case's step 17 opens its own version's form: the old one without the committee's vote
    assertThat(formOf(atApproval, ADMISSION_APPROVAL)).contains("admissionDecision").doesNotContain("approvalMembersEntitled");
    assertThat(formOf(newer, ADMISSION_APPROVAL)).contains("approvalMembersEntitled");
    // ... and the server asks of it what that form asks: a vote its form cannot send is not required
    approveAdmission(atApproval);
    assertThat(atApproval).isWaitingAt(ASSIGN_BRANCH_GROUP);
    assertThatThrownBy(() -> complete(newer, ADMISSION_APPROVAL, APPROVER, "admissionApprovalDate", "2026-02-27",
        "admissionDecision", "approve")).isInstanceOf(StepRefusedException.class).hasMessageContaining("应到会党委委员人数");

    // the old case goes on to full membership under the first model's rules
    swearIn(atApproval);
    probationReviewsAndApplication(atApproval);
    conversionMeeting(atApproval, "2027-02-26", "convert");
    assertThat(formOf(atApproval, CONVERSION_APPROVAL)).doesNotContain("approvalMembersEntitled");
    approveConversionAndArchive(atApproval, "2027-02-28");
    assertThat(atApproval).isEnded().hasPassed(FULL_MEMBER);

    // on the first model an extension took effect at the branch meeting: it still does for its cases
    conversionMeeting(atConversionMeeting, "2027-02-26", "extend", "extensionMonths", 6, "decisionReason", "需继续考察");
    assertThat(registry.find(memberId(atConversionMeeting)).orElseThrow().probationEndDate()).hasToString("2027-08-25");
    assertThat(atConversionMeeting).isWaitingAt(PROBATION_REVIEW_DUE);
    // a cancellation during probation is the new model's: the old case is refused with the reason
    assertThatThrownBy(() -> developmentCases.requestProbationCancellation(atConversionMeeting.getBusinessKey(), "违纪",
        BRANCH_CLERK)).isInstanceOf(StepRefusedException.class).hasMessageContaining("不在预备期考察阶段");
    probationReviewsAndApplication(atConversionMeeting);
    conversionMeeting(atConversionMeeting, "2027-08-26", "convert");
    approveConversionAndArchive(atConversionMeeting, "2027-08-30");
    assertThat(atConversionMeeting).isEnded().hasPassed(FULL_MEMBER);
    assertThat(registry.find(memberId(atConversionMeeting)).orElseThrow().fullMembershipDate())
        .hasToString("2027-08-25");
  }

  @Autowired DevelopmentCases developmentCases;
}
