package org.dangjian.flow.villagehelp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

class VillageHelpDeploymentTest extends VillageHelpTestSupport {

  @Autowired RepositoryService repositoryService;

  @ParameterizedTest
  @ValueSource(strings = {VillageHelp.PROCESS_KEY, VillageHelp.HELP_CASE_PROCESS_KEY})
  void everyUserTaskHasItsFormDeployedAndEveryElementIsDrawn(String processKey) {
    ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(processKey).latestVersion().singleResult();
    assertThat(definition.getHistoryTimeToLive()).isPositive();
    List<String> resources = repositoryService.getDeploymentResourceNames(definition.getDeploymentId());
    BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String formRef = task.getCamundaFormRef();
      assertThat(formRef).as("form of %s", task.getId()).isNotNull();
      assertThat(resources).as("form %s deployed", formRef).anyMatch(r -> r.endsWith(formRef + ".form"));
      assertThat(model.getModelElementsByType(BpmnShape.class))
          .anyMatch(s -> s.getBpmnElement().getId().equals(task.getId()));
    }
    String startForm = model.getModelElementsByType(StartEvent.class).iterator().next().getCamundaFormRef();
    assertThat(resources).anyMatch(r -> r.endsWith(startForm + ".form"));
  }
}
