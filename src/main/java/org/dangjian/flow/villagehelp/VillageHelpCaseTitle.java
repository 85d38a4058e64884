package org.dangjian.flow.villagehelp;

import static org.dangjian.flow.villagehelp.VillageHelp.Vars.HELP_UNIT_NAME;

import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.dangjian.flow.system.CaseTitle;
import org.springframework.stereotype.Component;

/**
 * A help assignment is the village and its help unit ("东湖村 · 高新区规划和国土资源局帮包"); a help case the village,
 * the household and what it asks ("东湖村 · 王大爷（道路）").
 */
@Component
class VillageHelpCaseTitle implements CaseTitle {

  @Override
  public Set<String> processKeys() {
    return Set.of(VillageHelp.PROCESS_KEY, VillageHelp.HELP_CASE_PROCESS_KEY);
  }

  @Override
  public String title(String processKey, VariableScope variables) {
    String village = CaseTitle.text(variables, "villageName");
    if (village == null) {
      return null;
    }
    if (VillageHelp.PROCESS_KEY.equals(processKey)) {
      String unit = CaseTitle.text(variables, HELP_UNIT_NAME);
      return unit == null ? village + " · 驻村帮包" : village + " · " + unit + "帮包";
    }
    String household = CaseTitle.text(variables, "householdName");
    String category = CaseTitle.text(variables, "categoryTitle");
    return village + " · " + (household == null ? "帮扶事项" : household) + (category == null ? "" : "（" + category + "）");
  }
}
