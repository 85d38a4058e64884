package org.dangjian.flow.grading;

import static org.dangjian.flow.grading.Grading.Vars.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Unpacks the GradingLevelDecision result and offers the committee the levels of the deployed table. */
@Component("levelSuggested")
class LevelSuggested implements ExecutionListener {

  private final GradingLevels levels;

  LevelSuggested(GradingLevels levels) {
    this.levels = levels;
  }

  @Override
  public void notify(DelegateExecution execution) {
    @SuppressWarnings("unchecked")
    Map<String, Object> proposal = (Map<String, Object>) execution.getVariable(LEVEL_PROPOSAL);
    execution.setVariable(SUGGESTED_LEVEL, proposal.get(SUGGESTED_LEVEL));
    execution.setVariable(SUGGESTED_LEVEL_NAME, proposal.get(SUGGESTED_LEVEL_NAME));
    execution.removeVariable(LEVEL_PROPOSAL);
    List<Map<String, String>> options = new ArrayList<>();
    for (GradingLevels.Level level : levels.current().values()) {
      Map<String, String> option = new LinkedHashMap<>();
      option.put("label", level.name());
      option.put("value", level.value());
      options.add(option);
    }
    execution.setVariable(LEVEL_OPTIONS, Json.of(options));
  }
}
