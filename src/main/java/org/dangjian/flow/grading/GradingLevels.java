package org.dangjian.flow.grading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

/**
 * The levels the committee may choose from are those of the deployed {@code GradingLevelDecision} table, so that
 * an administrator who deploys another table (好/较好/一般/较差, stars…) changes them without code.
 */
@Component
class GradingLevels {

  record Level(String value, String name, boolean rectification) {
  }

  private final RepositoryService repository;

  GradingLevels(RepositoryService repository) {
    this.repository = repository;
  }

  /** The distinct levels of the latest table, in rule order. */
  Map<String, Level> current() {
    DecisionDefinition definition = repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey(Grading.DECISION_KEY).latestVersion().singleResult();
    DmnModelInstance model = repository.getDmnModelInstance(definition.getId());
    Decision decision = model.getModelElementById(Grading.DECISION_KEY);
    DecisionTable table = (DecisionTable) decision.getExpression();
    List<String> outputs = new ArrayList<>();
    for (Output output : table.getOutputs()) {
      outputs.add(output.getName());
    }
    int level = outputs.indexOf("suggestedLevel");
    int name = outputs.indexOf("suggestedLevelName");
    int rectification = outputs.indexOf("rectificationRequired");
    if (level < 0 || name < 0 || rectification < 0) {
      throw new IllegalStateException(Grading.DECISION_KEY
          + " must have the outputs suggestedLevel, suggestedLevelName and rectificationRequired");
    }
    Map<String, Level> levels = new LinkedHashMap<>();
    for (Rule rule : table.getRules()) {
      List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
      String value = unquote(entries.get(level).getTextContent());
      levels.putIfAbsent(value, new Level(value, unquote(entries.get(name).getTextContent()),
          "true".equals(entries.get(rectification).getTextContent().trim())));
    }
    return levels;
  }

  private static String unquote(String text) {
    String t = text.trim();
    return t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
  }
}
