package org.dangjian.flow.development;

import static org.dangjian.flow.development.MemberDevelopment.Vars.CASE_NUMBER;

import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.dangjian.flow.system.CaseTitle;
import org.springframework.stereotype.Component;

/** A development case is the applicant and the case number: "张三 · guitu-2026-0001". */
@Component
class DevelopmentCaseTitle implements CaseTitle {

  @Override
  public Set<String> processKeys() {
    return Set.of(MemberDevelopment.PROCESS_KEY);
  }

  @Override
  public String title(String processKey, VariableScope variables) {
    String name = CaseTitle.text(variables, "candidateName");
    String number = CaseTitle.text(variables, CASE_NUMBER);
    return name == null || number == null ? null : name + " · " + number;
  }
}
