package org.dangjian.flow.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.camunda.spin.json.SpinJsonNode;

/**
 * What one Camunda Form lets a user submit: its keyed fields with their types and limits. A submission is
 * checked against it field by field (users-and-audit.md, "The trust boundary"): a key the form does not have is
 * refused, every value is parsed strictly to its field's type, and what is stored is the parsed value.
 *
 * <p>Values the form computes (expression fields) or only shows (read-only fields) are never taken from the
 * client: the first is left out, the second refused unless unchanged.
 */
public final class FormContract {

  /** A text field without a declared limit; ACT_RU_VARIABLE keeps at most 4,000 characters in TEXT_. */
  static final int DEFAULT_TEXTFIELD_LENGTH = 200;
  static final int DEFAULT_TEXTAREA_LENGTH = 2000;
  static final int MAX_TEXT_LENGTH = 4000;
  /** Rows of a dynamic list (the problems of a rectification plan): far more than any real plan has. */
  static final int MAX_LIST_ROWS = 100;
  /** Dates of this domain are within a person's lifetime; outside these the value is a typing mistake. */
  static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
  static final LocalDate LATEST_DATE = LocalDate.of(2100, 12, 31);

  /**
   * A select whose options in the form are examples only: any organization of the tree may be chosen (the form
   * declares it with the custom property {@code optionsFrom: organizations}); the step's rules check that it
   * exists and that the user may act for it.
   */
  static final String ORGANIZATIONS = "organizations";
  /** Organization ids, as the engine's resource id whitelist allows them. */
  private static final Pattern ORGANIZATION_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final DateTimeFormatter STRICT_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
      .withResolverStyle(ResolverStyle.STRICT);

  enum Kind { TEXTFIELD, TEXTAREA, NUMBER, DATE, CHECKBOX, CHOICE, CHOICES, LIST, COMPUTED }

  /** One keyed field of the form. */
  record Field(String key, String label, Kind kind, boolean readonly, long min, long max, int maxLength,
      Pattern pattern, List<String> options, String valuesKey, boolean organization, FormContract rows) {

    String name() {
      return label == null || label.isBlank() ? key : label + "（" + key + "）";
    }
  }

  /** The result of checking a submission: the problems, each with the field it belongs to. */
  public record Problem(String field, String message) {
  }

  private final String formId;
  private final Map<String, Field> fields;

  private FormContract(String formId, Map<String, Field> fields) {
    this.formId = formId;
    this.fields = Collections.unmodifiableMap(fields);
  }

  /** The contract of a step that has no form: nothing may be submitted. */
  public static FormContract none(String what) {
    return new FormContract(what, new LinkedHashMap<>());
  }

  public static FormContract parse(String formJson) {
    try {
      JsonNode schema = JSON.readTree(formJson);
      Map<String, Field> fields = new LinkedHashMap<>();
      collect(schema.path("components"), fields);
      return new FormContract(schema.path("id").asText("form"), fields);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("deployed form is not valid JSON", e);
    }
  }

  public String formId() {
    return formId;
  }

  public Set<String> keys() {
    return fields.keySet();
  }

  Field field(String key) {
    return fields.get(key);
  }

  private static void collect(JsonNode components, Map<String, Field> into) {
    for (JsonNode c : components) {
      String type = c.path("type").asText();
      if ("dynamiclist".equals(type) && c.hasNonNull("path")) {
        Map<String, Field> rowFields = new LinkedHashMap<>();
        collect(c.path("components"), rowFields);
        String path = c.get("path").asText();
        into.put(path, new Field(path, c.path("label").asText(null), Kind.LIST, false, 0, MAX_LIST_ROWS, 0, null,
            List.of(), null, false, new FormContract(path, rowFields)));
        continue;
      }
      if (c.has("components")) {
        // a group without its own path: its fields are the form's
        collect(c.path("components"), into);
      }
      if (!c.hasNonNull("key")) {
        continue;
      }
      Kind kind = kindOf(c);
      if (kind == null) {
        continue;
      }
      JsonNode validate = c.path("validate");
      long min = validate.has("min") ? validate.get("min").asLong() : Integer.MIN_VALUE;
      long max = validate.has("max") ? validate.get("max").asLong() : Integer.MAX_VALUE;
      int defaultLength = kind == Kind.TEXTAREA ? DEFAULT_TEXTAREA_LENGTH : DEFAULT_TEXTFIELD_LENGTH;
      int maxLength = Math.min(MAX_TEXT_LENGTH, validate.path("maxLength").asInt(defaultLength));
      Pattern pattern = null;
      if (validate.hasNonNull("pattern")) {
        try {
          pattern = Pattern.compile(validate.get("pattern").asText());
        } catch (PatternSyntaxException e) {
          throw new IllegalStateException("form field " + c.get("key").asText() + " has a pattern Java cannot read", e);
        }
      }
      List<String> options = new ArrayList<>();
      c.path("values").forEach(v -> options.add(v.path("value").asText()));
      String key = c.get("key").asText();
      into.put(key, new Field(key, c.path("label").asText(null), kind, c.path("readonly").asBoolean(false)
          || c.path("disabled").asBoolean(false), min, max, maxLength, pattern, List.copyOf(options),
          c.path("valuesKey").asText(null), ORGANIZATIONS.equals(c.path("properties").path("optionsFrom").asText()),
          null));
    }
  }

  private static Kind kindOf(JsonNode component) {
    return switch (component.path("type").asText()) {
      case "textfield" -> Kind.TEXTFIELD;
      case "textarea" -> Kind.TEXTAREA;
      case "number" -> Kind.NUMBER;
      case "datetime" -> Kind.DATE;
      case "checkbox" -> Kind.CHECKBOX;
      case "radio", "select" -> Kind.CHOICE;
      case "checklist", "taglist" -> Kind.CHOICES;
      case "expression" -> Kind.COMPUTED;
      default -> null;
    };
  }

  /**
   * Checks a submission against the form and replaces each value by its parsed one, in place. Computed and
   * unchanged read-only values are removed (the server keeps its own). {@code current} reads the case's
   * variables: the options of a field whose options come from a variable, and read-only values.
   */
  public List<Problem> check(Map<String, Object> submitted, Function<String, Object> current) {
    List<Problem> problems = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String key : new ArrayList<>(submitted.keySet())) {
      Field field = fields.get(key);
      if (field == null) {
        unknown.add(key);
        continue;
      }
      Object raw;
      try {
        raw = submitted.get(key);
      } catch (RuntimeException e) {
        // a serialized value the engine cannot read back (wrong type name, bad JSON)
        problems.add(new Problem(key, field.name() + "的值无法读取"));
        continue;
      }
      Parsed parsed = parse(field, raw, current);
      if (parsed.problem != null) {
        problems.add(new Problem(key, parsed.problem));
      } else if (parsed.drop) {
        submitted.remove(key);
      } else if (parsed.replace) {
        submitted.put(key, parsed.value);
      }
    }
    if (!unknown.isEmpty()) {
      Collections.sort(unknown);
      for (String key : unknown) {
        problems.add(new Problem(key, "表单中没有字段“" + key + "”，不能提交；流程变量只能由系统设置"));
      }
    }
    return problems;
  }

  private record Parsed(Object value, boolean replace, boolean drop, String problem) {
    static Parsed keep() {
      return new Parsed(null, false, false, null);
    }

    static Parsed as(Object value) {
      return new Parsed(value, true, false, null);
    }

    static Parsed dropped() {
      return new Parsed(null, false, true, null);
    }

    static Parsed refused(String problem) {
      return new Parsed(null, false, false, problem);
    }
  }

  private static boolean isEmpty(Object raw) {
    return raw == null || raw instanceof CharSequence s && s.toString().isBlank();
  }

  private Parsed parse(Field field, Object raw, Function<String, Object> current) {
    if (field.kind == Kind.COMPUTED) {
      return Parsed.dropped();
    }
    if (field.readonly) {
      Object stored = current.apply(field.key);
      boolean unchanged = isEmpty(raw) ? isEmpty(stored) : stored != null && String.valueOf(stored).equals(String.valueOf(raw));
      return unchanged ? Parsed.dropped() : Parsed.refused(field.name() + "为只读字段，不能修改");
    }
    if (isEmpty(raw) && field.kind != Kind.TEXTFIELD && field.kind != Kind.TEXTAREA) {
      return Parsed.as(null);
    }
    return switch (field.kind) {
      case TEXTFIELD, TEXTAREA -> text(field, raw);
      case NUMBER -> number(field, raw);
      case DATE -> date(field, raw);
      case CHECKBOX -> raw instanceof Boolean ? Parsed.keep()
          : Parsed.refused(field.name() + "应为勾选项（true 或 false），收到" + describe(raw));
      case CHOICE -> choice(field, raw, current);
      case CHOICES -> choices(field, raw, current);
      case LIST -> list(field, raw);
      case COMPUTED -> Parsed.dropped();
    };
  }

  private static String describe(Object raw) {
    String text = String.valueOf(raw);
    if (text.length() > 40) {
      text = text.substring(0, 40) + "…";
    }
    return (raw instanceof CharSequence ? "文字" : raw.getClass().getSimpleName()) + "“" + text + "”";
  }

  /**
   * A text: a String, trimmed, without control characters (line breaks only in a multi-line field) and
   * without invisible format characters (zero-width spaces and the like are removed: a name made of them is
   * empty), within its length and pattern.
   */
  private static Parsed text(Field field, Object raw) {
    if (raw == null) {
      return Parsed.keep();
    }
    if (!(raw instanceof String text)) {
      return Parsed.refused(field.name() + "应为文字，收到" + describe(raw));
    }
    String value;
    try {
      value = cleanText(text, field.kind == Kind.TEXTAREA);
    } catch (IllegalArgumentException e) {
      return Parsed.refused(field.name() + e.getMessage());
    }
    if (value == null) {
      return Parsed.as(null);
    }
    if (value.codePointCount(0, value.length()) > field.maxLength) {
      return Parsed.refused(field.name() + "不能超过" + field.maxLength + "个字，现为"
          + value.codePointCount(0, value.length()) + "个字");
    }
    if (field.pattern != null && !field.pattern.matcher(value).find()) {
      return Parsed.refused(field.name() + "的格式不正确");
    }
    return Parsed.as(value);
  }

  /**
   * A text as every interface takes it (forms here, the administration API too): trimmed, invisible format
   * characters (zero-width spaces and the like) removed, so that a name made of them is empty (null); refused
   * (IllegalArgumentException with the reason, to follow the field's name) with control characters — line breaks
   * only in a multi-line text — or characters that are not characters at all (lone surrogates, U+FFFE/U+FFFF).
   */
  public static String cleanText(String text, boolean multiline) {
    StringBuilder clean = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (type == Character.SURROGATE || type == Character.UNASSIGNED && (cp & 0xFFFE) == 0xFFFE) {
        throw new IllegalArgumentException("含有无效字符");
      }
      if (type == Character.CONTROL && !(multiline && (cp == '\n' || cp == '\r' || cp == '\t'))) {
        throw new IllegalArgumentException("含有控制字符（U+" + String.format("%04X", cp) + "），请删除后再提交");
      }
      if (type != Character.FORMAT) {
        clean.appendCodePoint(cp);
      }
    }
    String value = clean.toString().strip();
    return value.isEmpty() ? null : value;
  }

  /** An integer in the field's range: a JSON number without fraction, never a text of digits. */
  private static Parsed number(Field field, Object raw) {
    BigInteger integer;
    if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
      integer = BigInteger.valueOf(((Number) raw).longValue());
    } else if (raw instanceof BigInteger b) {
      integer = b;
    } else if (raw instanceof Double || raw instanceof Float || raw instanceof BigDecimal) {
      if (!(raw instanceof BigDecimal) && !Double.isFinite(((Number) raw).doubleValue())) {
        return Parsed.refused(field.name() + "应为整数，收到" + raw);
      }
      BigDecimal decimal = raw instanceof BigDecimal d ? d : BigDecimal.valueOf(((Number) raw).doubleValue());
      try {
        integer = decimal.toBigIntegerExact();
      } catch (ArithmeticException e) {
        return Parsed.refused(field.name() + "应为整数，收到" + raw);
      }
    } else {
      return Parsed.refused(field.name() + "应为整数，收到" + describe(raw));
    }
    long min = Math.max(field.min, Integer.MIN_VALUE);
    long max = Math.min(field.max, Integer.MAX_VALUE);
    if (integer.compareTo(BigInteger.valueOf(min)) < 0 || integer.compareTo(BigInteger.valueOf(max)) > 0) {
      String range = field.max >= Integer.MAX_VALUE ? "不能小于" + min : "应在" + min + "至" + max + "之间";
      return Parsed.refused(field.name() + range + "，收到" + integer);
    }
    return Parsed.as(integer.intValue());
  }

  /** A date: exactly yyyy-MM-dd and a real calendar day. */
  private static Parsed date(Field field, Object raw) {
    if (!(raw instanceof String text) || !ISO_DATE.matcher(text).matches()) {
      return Parsed.refused(field.name() + "应为日期，格式 yyyy-MM-dd（例如 2024-05-01），收到" + describe(raw));
    }
    LocalDate date;
    try {
      date = LocalDate.parse(text, STRICT_DATE);
    } catch (DateTimeParseException e) {
      return Parsed.refused(field.name() + "不是有效的日期：" + text);
    }
    if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)) {
      return Parsed.refused(field.name() + "超出合理范围（" + EARLIEST_DATE + " 至 " + LATEST_DATE + "），收到" + text);
    }
    return Parsed.as(date.toString());
  }

  private static Parsed choice(Field field, Object raw, Function<String, Object> current) {
    if (!(raw instanceof String value)) {
      return Parsed.refused(field.name() + "应为选项之一，收到" + describe(raw));
    }
    if (field.organization) {
      return ORGANIZATION_ID.matcher(value).matches() ? Parsed.keep()
          : Parsed.refused(field.name() + "应为组织编号，收到" + describe(raw));
    }
    List<String> options = optionsOf(field, current);
    if (options == null) {
      return Parsed.refused(field.name() + "的选项无法读取，请刷新后重试");
    }
    if (options.contains(value)) {
      return Parsed.keep();
    }
    String why = field.valuesKey == null ? null : refusalOf(current.apply(field.valuesKey + REFUSED_SUFFIX), value);
    return Parsed.refused(why != null ? field.name() + "：" + why : field.name() + "的取值“" + value + "”不在可选项中");
  }

  /**
   * Beside options from a variable, the variable {@code <valuesKey>Refused} may say why a value is not offered
   * ({value: reason}): a refusal then names what was chosen and why, not only that it was not offered.
   */
  public static final String REFUSED_SUFFIX = "Refused";

  private static String refusalOf(Object refusals, String value) {
    JsonNode node = asJson(refusals);
    return node != null && node.isObject() && node.path(value).isTextual() ? node.path(value).asText() : null;
  }

  private static Parsed choices(Field field, Object raw, Function<String, Object> current) {
    JsonNode array = asJson(raw);
    if (array == null || !array.isArray()) {
      return Parsed.refused(field.name() + "应为选项列表，收到" + describe(raw));
    }
    List<String> options = optionsOf(field, current);
    if (options == null) {
      return Parsed.refused(field.name() + "的选项无法读取，请刷新后重试");
    }
    Set<String> seen = new HashSet<>();
    for (JsonNode item : array) {
      if (!item.isTextual()) {
        return Parsed.refused(field.name() + "的每一项应为选项之一，收到" + item);
      }
      if (!options.contains(item.asText())) {
        return Parsed.refused(field.name() + "的取值“" + item.asText() + "”不在可选项中");
      }
      if (!seen.add(item.asText())) {
        return Parsed.refused(field.name() + "中“" + item.asText() + "”重复");
      }
    }
    return Parsed.keep();
  }

  /** A dynamic list: rows of the list's own fields, each checked as a field of a form. */
  private static Parsed list(Field field, Object raw) {
    JsonNode array = asJson(raw);
    if (array == null || !array.isArray()) {
      return Parsed.refused(field.name() + "应为列表，收到" + describe(raw));
    }
    if (array.size() > MAX_LIST_ROWS) {
      return Parsed.refused(field.name() + "最多" + MAX_LIST_ROWS + "行，现为" + array.size() + "行");
    }
    int row = 0;
    for (JsonNode item : array) {
      row++;
      if (!item.isObject()) {
        return Parsed.refused(field.name() + "第" + row + "行格式无效");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> values = JSON.convertValue(item, LinkedHashMap.class);
      List<Problem> problems = field.rows.check(values, key -> null);
      if (!problems.isEmpty()) {
        return Parsed.refused(field.name() + "第" + row + "行：" + problems.get(0).message());
      }
    }
    return Parsed.keep();
  }

  /** Options from the form itself, or from the variable its valuesKey names ([{label, value}, …]). */
  private static List<String> optionsOf(Field field, Function<String, Object> current) {
    if (field.valuesKey == null) {
      return field.options;
    }
    JsonNode values = asJson(current.apply(field.valuesKey));
    if (values == null || !values.isArray()) {
      return null;
    }
    List<String> options = new ArrayList<>();
    values.forEach(v -> options.add(v.path("value").asText()));
    return options;
  }

  /** A JSON value as Tasklist (type Json), a REST client (a JSON text) or the engine (a Java list) gives it. */
  private static JsonNode asJson(Object raw) {
    try {
      if (raw instanceof SpinJsonNode spin) {
        return JSON.readTree(spin.toString());
      }
      if (raw instanceof String text) {
        return JSON.readTree(text);
      }
      if (raw instanceof Collection<?> || raw instanceof Map<?, ?>) {
        return JSON.valueToTree(raw);
      }
    } catch (java.io.IOException | IllegalArgumentException e) {
      return null;
    }
    return null;
  }
}
