package org.dangjian.flow.branchlife;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.List;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both models deployed with their forms, drawn, named in Chinese; the spec's task ids and field keys. */
class BranchMeetingsDeploymentTest extends BranchMeetingsTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {BranchMeetings.PROCESS_KEY, BranchMeetings.CAMPAIGN_KEY})
  void everyElementIsDrawnNamedInChineseAndEveryFormIsDeployedWithChineseLabels(String processKey) throws Exception {
    ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(processKey).latestVersion().singleResult();
    assertThat(definition.getHistoryTimeToLive()).isPositive();
    BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
    List<String> drawn = model.getModelElementsByType(BpmnShape.class).stream()
        .map(s -> s.getBpmnElement().getId()).toList();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      assertThat(drawn).as("%s drawn", node.getId()).contains(node.getId());
      assertThat(node.getName()).as("name of %s", node.getId()).isNotBlank().matches(".*\\p{IsHan}.*");
    }
    List<String> forms = new java.util.ArrayList<>();
    model.getModelElementsByType(UserTask.class).forEach(t -> forms.add(t.getCamundaFormRef()));
    model.getModelElementsByType(StartEvent.class).stream().map(StartEvent::getCamundaFormRef)
        .filter(f -> f != null).forEach(forms::add);
    List<String> resources = repositoryService.getDeploymentResourceNames(definition.getDeploymentId());
    for (String formRef : forms) {
      String resource = resources.stream().filter(r -> r.endsWith("/" + formRef + ".form") || r.equals(formRef
          + ".form")).findFirst().orElseThrow(() -> new AssertionError(formRef + " not deployed"));
      try (InputStream in = repositoryService.getResourceAsStream(definition.getDeploymentId(), resource)) {
        JsonNode form = JSON.readTree(in);
        assertThat(form.get("id").asText()).isEqualTo(formRef);
        for (JsonNode component : form.get("components")) {
          if (component.has("key")) {
            assertThat(component.get("label").asText()).as("label of %s", component.get("key"))
                .matches(".*\\p{IsHan}.*");
          }
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"taskRecordMeetingForm:meetingKind,meetingDate,partyGroup,topic,firstTopic,"
      + "attendeesEntitled,attendeesPresent,absentees,lecturer,minutes",
      "taskQuarterlyMeetingReviewForm:reviewResult,reviewNote"})
  void theFormsAcceptExactlyTheSpecsFieldKeys(String formAndKeys) throws Exception {
    String[] parts = formAndKeys.split(":");
    try (InputStream in = getClass().getResourceAsStream("/" + parts[0] + ".form")) {
      List<String> keys = new java.util.ArrayList<>();
      JSON.readTree(in).get("components").forEach(c -> {
        if (c.has("key")) {
          keys.add(c.get("key").asText());
        }
      });
      assertThat(keys).containsExactly(parts[1].split(","));
    }
  }
}
