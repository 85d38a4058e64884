package org.dangjian.flow.grading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;

/**
 * The four grading processes are deployed with history time to live, a diagram, and a Camunda Form for every user
 * task; the ballot is never started from Tasklist (only its grading calls it).
 */
class GradingDeploymentTest extends GradingTestSupport {

  @Test
  void everyUserTaskAndTheCampaignStartHaveTheirDeployedForm() throws Exception {
    ObjectMapper json = new ObjectMapper();
    for (String key : List.of(Grading.CAMPAIGN_KEY, Grading.PROCESS_KEY, Grading.BALLOT_KEY,
        Grading.RECTIFICATION_KEY)) {
      ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
          .latestVersion().singleResult();
      assertThat(definition.getHistoryTimeToLive()).as(key).isPositive();
      if (Grading.BALLOT_KEY.equals(key)) {
        assertThat(definition.isStartableInTasklist()).isFalse();
      }
      BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
      assertThat(model.getModelElementsByType(BpmnShape.class)).as(key).isNotEmpty();
      List<String> formRefs = new ArrayList<>();
      model.getModelElementsByType(UserTask.class).forEach(t -> {
        assertThat(t.getCamundaFormRef()).as("form of %s", t.getId()).isNotBlank();
        assertThat(t.getCamundaFormRefBinding()).isEqualTo("deployment");
        formRefs.add(t.getCamundaFormRef());
      });
      model.getModelElementsByType(StartEvent.class).stream().filter(s -> s.getCamundaFormRef() != null)
          .forEach(s -> formRefs.add(s.getCamundaFormRef()));
      List<String> resources = repositoryService.getDeploymentResourceNames(definition.getDeploymentId());
      for (String formRef : formRefs) {
        String resource = resources.stream().filter(r -> r.endsWith("/" + formRef + ".form") || r.equals(formRef + ".form"))
            .findFirst().orElseThrow(() -> new AssertionError("no deployed form " + formRef));
        try (InputStream in = repositoryService.getResourceAsStream(definition.getDeploymentId(), resource)) {
          JsonNode form = json.readTree(in);
          assertThat(form.get("id").asText()).isEqualTo(formRef);
          assertThat(form.get("schemaVersion").asInt()).isEqualTo(16);
        }
      }
    }
    assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(Grading.DECISION_KEY)
        .latestVersion().singleResult().getHistoryTimeToLive()).isPositive();
  }
}
