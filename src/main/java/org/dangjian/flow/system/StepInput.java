package org.dangjian.flow.system;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads what a form (or a REST client) submitted, collecting every problem in Chinese before refusing,
 * so that one answer tells the clerk all that is wrong.
 */
public final class StepInput {

  private final VariableScope scope;
  /** In order, each once: two rules that find the same fault (a date after today) say it once. */
  private final Set<String> problems = new LinkedHashSet<>();
  /** The form fields read, by their Chinese label: a problem that names a label is that field's. */
  private final Map<String, String> keysByLabel = new LinkedHashMap<>();
  /** Fields a rule named itself, whatever its message says. */
  private final Set<String> namedFields = new LinkedHashSet<>();

  public StepInput(VariableScope scope) {
    this.scope = scope;
  }

  private Object read(String key, String label) {
    keysByLabel.putIfAbsent(label, key);
    return scope.getVariable(key);
  }

  public String text(String key, String label, int maxLength) {
    String value = optionalText(key, label, maxLength);
    if (value == null) {
      problems.add("请填写" + label + "（" + key + "）");
    }
    return value;
  }

  public String optionalText(String key, String label, int maxLength) {
    Object raw = read(key, label);
    if (raw == null || raw.toString().isBlank()) {
      return null;
    }
    String value = raw.toString().trim();
    if (value.length() > maxLength) {
      problems.add(label + "不能超过" + maxLength + "个字");
    }
    return value;
  }

  public String choice(String key, String label, Set<String> allowed) {
    Object raw = read(key, label);
    if (raw == null || raw.toString().isBlank()) {
      problems.add("请选择" + label + "（" + key + "）");
      return null;
    }
    String value = raw.toString();
    if (!allowed.contains(value)) {
      problems.add(label + "的取值“" + value + "”无效，应为 " + String.join("、", allowed) + " 之一");
      return null;
    }
    return value;
  }

  public LocalDate date(String key, String label) {
    LocalDate value = optionalDate(key, label);
    if (value == null && isBlank(key)) {
      problems.add("请填写" + label + "（" + key + "）");
    }
    return value;
  }

  public LocalDate optionalDate(String key, String label) {
    Object raw = read(key, label);
    if (raw == null || raw.toString().isBlank()) {
      return null;
    }
    if (raw instanceof Date d) {
      return d.toInstant().atZone(BusinessCalendar.ZONE).toLocalDate();
    }
    String text = raw.toString().trim();
    try {
      // exactly YYYY-MM-DD, as form-js submits it: "2023-09-01 or 1=1--" is not a date with a remark
      if (!text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
        throw new DateTimeParseException("not yyyy-MM-dd", text, 0);
      }
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      problems.add(label + "（" + key + "）应为日期，格式 yyyy-MM-dd，收到“" + text + "”");
      return null;
    }
  }

  /** A date on or before today. */
  public LocalDate pastDate(String key, String label) {
    LocalDate value = date(key, label);
    if (value != null && value.isAfter(BusinessCalendar.today())) {
      problems.add(label + "不能晚于今天（" + BusinessCalendar.today() + "）");
    }
    return value;
  }

  public Integer integer(String key, String label, int min, int max) {
    Object raw = read(key, label);
    if (raw == null || raw.toString().isBlank()) {
      problems.add("请填写" + label + "（" + key + "）");
      return null;
    }
    int value;
    try {
      if (raw instanceof Number n) {
        if (n.doubleValue() != Math.rint(n.doubleValue())) {
          throw new NumberFormatException();
        }
        value = n.intValue();
      } else {
        value = Integer.parseInt(raw.toString().trim());
      }
    } catch (NumberFormatException e) {
      problems.add(label + "（" + key + "）应为整数，收到“" + raw + "”");
      return null;
    }
    if (value < min || value > max) {
      problems.add(label + "应在" + min + "至" + max + "之间，收到" + value);
      return null;
    }
    return value;
  }

  public boolean flag(String key) {
    Object raw = scope.getVariable(key);
    if (raw instanceof Boolean b) {
      return b;
    }
    return raw != null && "true".equalsIgnoreCase(raw.toString().trim());
  }

  /** A multi-choice answer: a collection, a JSON array (Tasklist submits arrays as Json) or a comma list. */
  public List<String> choices(String key, String label, Set<String> allowed) {
    Object raw = read(key, label);
    List<String> values = new ArrayList<>();
    if (raw instanceof Collection<?> c) {
      c.forEach(v -> values.add(String.valueOf(v)));
    } else if (raw != null) {
      for (String part : raw.toString().replaceAll("[\\[\\]\"\\s]", "").split(",")) {
        if (!part.isEmpty()) {
          values.add(part);
        }
      }
    }
    if (values.isEmpty()) {
      problems.add("请选择" + label + "（" + key + "）");
    }
    for (String v : values) {
      if (!allowed.contains(v)) {
        problems.add(label + "的取值“" + v + "”无效");
      }
    }
    return values;
  }

  public void problem(String message) {
    problems.add(message);
  }

  /** A problem of the given form fields (which the form marks), whether or not the message names their labels. */
  public void problem(String message, String... fields) {
    problems.add(message);
    namedFields.addAll(List.of(fields));
  }

  public void problems(Collection<String> messages) {
    problems.addAll(messages);
  }

  public boolean hasProblems() {
    return !problems.isEmpty();
  }

  /** Whether a problem already found is about this field (so another rule need not say the same again). */
  public boolean concerns(String key) {
    return fields().contains(key);
  }

  /** Refuses the whole step when anything was wrong; the engine rolls the command back. */
  public void refuseIfAnyProblem() {
    if (!problems.isEmpty()) {
      throw new StepRefusedException(List.copyOf(problems), fields());
    }
  }

  /** The fields at fault: those a rule named, and those whose label a problem mentions ("谈话日期（…）不能早于…"). */
  List<String> fields() {
    Set<String> fields = new LinkedHashSet<>(namedFields);
    keysByLabel.forEach((label, key) -> {
      if (problems.stream().anyMatch(problem -> problem.contains(label))) {
        fields.add(key);
      }
    });
    return List.copyOf(fields);
  }

  private boolean isBlank(String key) {
    Object raw = scope.getVariable(key);
    return raw == null || raw.toString().isBlank();
  }
}
