package org.dangjian.flow.system;

import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What a case is about, in a few words a clerk recognizes ("张三 · guitu-2026-0001", "规土局党支部 · 2025年度分类定级"):
 * kept in the process variable {@value #VARIABLE}, which Tasklist shows on every task card and searches by name.
 * Each feature titles its own processes; {@link CaseTitles} keeps the variable current.
 */
public interface CaseTitle {

  String VARIABLE = "caseTitle";

  /** The keys of the processes this titles. */
  Set<String> processKeys();

  /** The title from the case's variables, or null while they do not tell yet. */
  String title(String processKey, VariableScope variables);

  /** The text of a variable, or null: titles are built from whatever a case has, never failing on what it lacks. */
  static String text(VariableScope variables, String name) {
    Object value = variables.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }
}
