package org.dangjian.flow.development;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DeploymentTest extends DevelopmentTestSupport {

  @Autowired RepositoryService repositoryService;

  @Test
  void deploysTheProcessWithItsFormsAndHistoryTimeToLive() {
    ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(MemberDevelopment.PROCESS_KEY).latestVersion().singleResult();
    assertThat(definition).isNotNull();
    assertThat(definition.getHistoryTimeToLive()).isPositive();
    List<String> resources = repositoryService.getDeploymentResourceNames(definition.getDeploymentId());
    assertThat(resources).anyMatch(r -> r.endsWith("applicationForm.form"))
        .anyMatch(r -> r.endsWith("taskArchiveForm.form"));
  }
}
