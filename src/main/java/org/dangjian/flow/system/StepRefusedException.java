package org.dangjian.flow.system;

import java.util.List;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A start or task completion refused by a domain rule or by the form's input contract. Extends the engine's
 * form validation exception so that the REST API answers 400 with our message; {@link RefusalUnwrapping} takes
 * it out of the engine's listener wrapping so callers see it as it was thrown.
 */
public class StepRefusedException extends FormFieldValidationException {

  private final List<String> problems;
  /** The form fields at fault, where known (the form marks them). */
  private final List<String> fields;

  public StepRefusedException(List<String> problems, List<String> fields) {
    super("dangjian-rules", "办理未通过校验：" + String.join("；", problems));
    this.problems = List.copyOf(problems);
    this.fields = List.copyOf(fields);
  }

  public StepRefusedException(List<String> problems) {
    this(problems, List.of());
  }

  public StepRefusedException(String problem) {
    this(List.of(problem));
  }

  public List<String> problems() {
    return problems;
  }

  public List<String> fields() {
    return fields;
  }
}
