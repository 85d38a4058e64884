package org.dangjian.flow.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An administrator redeploys GradingLevelDecision with other levels and thresholds: no code changes. */
class GradingLevelTableTest extends GradingTestSupport {

  private Deployment fourLevels;

  @AfterEach
  void restoreTheDefaultTable() {
    if (fourLevels != null) {
      repositoryService.deleteDeployment(fourLevels.getId(), true);
    }
  }

  private void deployFourLevels() {
    fourLevels = repositoryService.createDeployment().name("好/较好/一般/较差")
        .addInputStream("GradingLevelDecision.dmn",
            getClass().getResourceAsStream("/grading/GradingLevelDecision-four-levels.xml"))
        .deploy();
  }

  @Test
  void theDefaultTableOffersAdvancedGeneralAndBackward() {
    ProcessInstance pi = newGrading();
    selfAssess(pi, 17);
    evaluate(pi, "satisfied");
    assertThat(variable(pi, "suggestedLevel")).isEqualTo("general");
    assertThat(variable(pi, "levelOptions").toString()).contains("\"value\":\"advanced\"", "\"label\":\"后进\"");
  }

  @Test
  void aRedeployedTableWithFourLevelsProposesAndOffersItsOwnLevels() {
    deployFourLevels();
    ProcessInstance pi = newGrading();
    selfAssess(pi, 17);
    evaluate(pi, "satisfied");
    assertThat(variable(pi, "suggestedLevel")).isEqualTo("fairlyGood");
    assertThat(variable(pi, "suggestedLevelName")).isEqualTo("较好");
    assertThat(variable(pi, "levelOptions").toString()).contains("\"label\":\"好\"", "\"label\":\"较好\"",
        "\"label\":\"一般\"", "\"label\":\"较差\"").doesNotContain("advanced");
    decide(pi, "poor", "overrideReason", "班子成员违纪");
    assertThat(variable(pi, "finalLevelName")).isEqualTo("较差");
    fireTimer(pi, Grading.Events.PUBLICITY_ENDS);
    // 较差 is the table's level that goes into rectification
    assertThat(pi).isWaitingAt(Grading.Events.RECTIFICATION_CALL);
  }
}
