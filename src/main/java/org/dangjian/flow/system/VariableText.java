package org.dangjian.flow.system;

import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A process variable as text for a list of many cases. The variables a list shows are texts when our forms and
 * listeners set them, but an administrator may set any type (a number, JSON, an object) through Cockpit or the
 * REST API: a cast would fail the whole list for one case, so each value is read as what it is and shown as text.
 */
public final class VariableText {

  private VariableText() {
  }

  /** The text of the value; null when it is null or cannot be read. */
  public static String of(VariableInstance variable) {
    return variable == null || variable.getErrorMessage() != null ? null : of(variable.getTypedValue());
  }

  /** The same for a variable of the history (a case that has ended, or any case's last values). */
  public static String of(HistoricVariableInstance variable) {
    return variable == null || variable.getErrorMessage() != null ? null : of(variable.getTypedValue());
  }

  private static String of(TypedValue typed) {
    if (typed == null) {
      return null;
    }
    if (typed instanceof SerializableValue serializable && !serializable.isDeserialized()) {
      return serializable.getValueSerialized();
    }
    Object value = typed.getValue();
    return value == null ? null : value instanceof String text ? text : String.valueOf(value);
  }
}
