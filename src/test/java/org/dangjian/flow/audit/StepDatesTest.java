package org.dangjian.flow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.dangjian.flow.ProcessTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The table of each step's own date names real steps and date fields of their deployed forms. */
class StepDatesTest extends ProcessTestSupport {

  @Autowired FormLabels forms;

  @Test
  void everyStepDateIsADateFieldOfThatStepsForm() {
    StepDates.FIELD_BY_STEP.forEach((processKey, steps) -> {
      ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey)
          .latestVersion().singleResult();
      assertThat(definition).as("process %s", processKey).isNotNull();
      steps.forEach((activityId, fieldKey) -> {
        FormLabels.FormField field = forms.fields(definition.getId(), activityId).get(fieldKey);
        assertThat(field).as("%s %s field %s", processKey, activityId, fieldKey).isNotNull();
        assertThat(field.type()).as("%s %s", activityId, fieldKey).isEqualTo("datetime");
      });
    });
  }
}
