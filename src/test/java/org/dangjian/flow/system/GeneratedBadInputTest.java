package org.dangjian.flow.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.dangjian.flow.ProcessTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Bad input generated from the forms themselves: for every start and task form of every process, values of every
 * wrong type, out of range, malformed, oversized and oddly encoded, one field per request, sent through the
 * engine REST API by a user the step is offered to. Every one must be refused with 400 — none accepted, none
 * answered 5xx. The counts are printed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GeneratedBadInputTest extends ProcessTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{!?([A-Za-z][A-Za-z0-9]*)");
  /** A clerk: made a candidate of every generated task through the group and user variables below. */
  private static final String USER = "guitu.clerk";
  private static final long SEED = Long.getLong("badInput.seed", 20261201L);

  @Autowired TestRestTemplate rest;

  private final Random random = new Random(SEED);

  @Test
  void everyFormRefusesEveryGeneratedBadValueWith400AndNeverAnswers5xx() throws IOException {
    Map<Integer, Integer> byStatus = new TreeMap<>();
    List<String> wrong = new ArrayList<>();
    int forms = 0;
    int fields = 0;
    // every process deployed, so a new one is covered the day it is added
    for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion()
        .orderByProcessDefinitionKey().asc().listPage(0, 100)) {
      BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
      Map<String, Object> routing = routingVariables(definition);
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        if (start.getCamundaFormRef() == null) {
          continue;
        }
        JsonNode form = form(start.getCamundaFormRef());
        forms++;
        for (JsonNode field : keyedFields(form)) {
          fields++;
          for (String body : badBodies(field)) {
            record(byStatus, wrong, start.getCamundaFormRef(), body, post(
                "/engine-rest/process-definition/" + definition.getId() + "/submit-form", body));
          }
        }
      }
      for (UserTask userTask : model.getModelElementsByType(UserTask.class)) {
        if (userTask.getCamundaFormRef() == null) {
          continue;
        }
        JsonNode form = form(userTask.getCamundaFormRef());
        Task task = openTaskAt(definition, userTask.getId(), userTask.getLoopCharacteristics() != null, routing);
        forms++;
        for (JsonNode field : keyedFields(form)) {
          fields++;
          for (String body : badBodies(field)) {
            record(byStatus, wrong, userTask.getCamundaFormRef(), body,
                post("/engine-rest/task/" + task.getId() + "/submit-form", body));
          }
        }
        // a key the form does not have, and bodies no client should send
        for (String body : List.of("{\"variables\":{\"committeeApproverGroup\":{\"value\":\"guitu-clerk\"}}}",
            "{\"variables\":{\"memberId\":{\"value\":1001}}}", "{\"variables\":{\"\":{\"value\":1}}}",
            "{\"variables\":", "{\"variables\":{\"x\":{\"value\":\"a\",\"type\":\"NoSuchType\"}}}",
            "{\"variables\":{\"x\":{\"type\":\"Object\",\"value\":\"{}\",\"valueInfo\":{\"objectTypeName\":"
                + "\"java.lang.ProcessBuilder\",\"serializationDataFormat\":\"application/json\"}}}}")) {
          record(byStatus, wrong, userTask.getCamundaFormRef(), body,
              post("/engine-rest/task/" + task.getId() + "/submit-form", body));
          record(byStatus, wrong, userTask.getCamundaFormRef(), body,
              post("/engine-rest/task/" + task.getId() + "/complete", body));
        }
      }
    }
    int requests = byStatus.values().stream().mapToInt(Integer::intValue).sum();
    System.out.println("generated bad input (seed " + SEED + "): " + requests + " requests over " + forms + " forms and "
        + fields + " fields; answers by status " + byStatus + "; accepted or 5xx: " + wrong.size());
    assertThat(wrong).as("requests accepted or answered 5xx").isEmpty();
    assertThat(requests).isGreaterThanOrEqualTo(500);
    assertThat(byStatus.keySet()).containsOnly(400);
  }

  private void record(Map<Integer, Integer> byStatus, List<String> wrong, String form, String body,
      ResponseEntity<String> answer) {
    int status = answer.getStatusCode().value();
    byStatus.merge(status, 1, Integer::sum);
    if (status < 400 || status >= 500) {
      wrong.add(form + " " + status + " " + abbreviate(body) + " → " + abbreviate(String.valueOf(answer.getBody())));
    }
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }

  private ResponseEntity<String> post(String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(USER, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
        String.class);
  }

  /**
   * Variables that every expression of the process needs to create a task anywhere in it: its groups and users
   * are the clerk's, its dates far ahead, its collections the clerk alone.
   */
  private Map<String, Object> routingVariables(ProcessDefinition definition) throws IOException {
    String xml;
    try (InputStream in = repositoryService.getProcessModel(definition.getId())) {
      xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    Map<String, Object> variables = new HashMap<>();
    Matcher m = EXPRESSION.matcher(xml);
    while (m.find()) {
      String name = m.group(1);
      if (name.endsWith("Group")) {
        variables.put(name, "guitu-clerk");
      } else if (name.endsWith("UserId") || name.equals("evaluator")) {
        variables.put(name, USER);
      } else if (name.endsWith("At")) {
        variables.put(name, Date.from(java.time.Instant.parse("2099-01-01T00:00:00Z")));
      } else if (name.equals("evaluators")) {
        variables.put(name, new ArrayList<>(List.of(USER)));
      }
    }
    return variables;
  }

  /** A task at that element, created without the process's listeners: only its form matters here. */
  private Task openTaskAt(ProcessDefinition definition, String taskId, boolean multiInstance,
      Map<String, Object> routing) {
    // one ballot per evaluator: the multi-instance body is started, its instances follow from `evaluators`
    ProcessInstance pi = runtimeService.createProcessInstanceById(definition.getId())
        .startBeforeActivity(multiInstance ? taskId + "#multiInstanceBody" : taskId)
        .setVariables(routing).execute(true, true);
    List<Task> tasks = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskId)
        .listPage(0, 5);
    assertThat(tasks).as("task at %s", taskId).isNotEmpty();
    return tasks.get(0);
  }

  private static JsonNode form(String formRef) throws IOException {
    try (InputStream in = GeneratedBadInputTest.class.getResourceAsStream("/" + formRef + ".form")) {
      assertThat(in).as("form %s on the classpath", formRef).isNotNull();
      return JSON.readTree(in);
    }
  }

  /** The fields a user fills in (computed expression fields are the form's, not the user's). */
  private static List<JsonNode> keyedFields(JsonNode form) {
    List<JsonNode> fields = new ArrayList<>();
    collect(form.path("components"), fields);
    return fields;
  }

  private static void collect(JsonNode components, List<JsonNode> into) {
    for (JsonNode c : components) {
      String type = c.path("type").asText();
      if ("dynamiclist".equals(type)) {
        into.add(c);
        continue;
      }
      collect(c.path("components"), into);
      if (c.hasNonNull("key") && !"expression".equals(type)) {
        into.add(c);
      }
    }
  }

  /** Request bodies, each with one wrong value for the field, drawn for its type. */
  private List<String> badBodies(JsonNode field) {
    String key = field.has("key") ? field.get("key").asText() : field.path("path").asText();
    String type = field.path("type").asText();
    JsonNode validate = field.path("validate");
    List<Object> values = new ArrayList<>();
    List<String> raw = new ArrayList<>();
    // for every type: a value of another shape, and the field under a name the form does not have
    values.add(Map.of("nested", List.of(1, 2)));
    raw.add("{\"type\":\"Bytes\",\"value\":\"AAEC\"}");
    raw.add("{\"type\":\"Date\",\"value\":\"2024-01-01T00:00:00.000+0800\"}");
    switch (type) {
      case "textfield", "textarea" -> {
        int max = validate.path("maxLength").asInt(type.equals("textarea") ? 2000 : 200);
        values.add(random.nextInt(1000));
        values.add(random.nextBoolean());
        values.add("x".repeat(max + 1));
        values.add("长".repeat(max + 1 + random.nextInt(5000)));
        values.add("控制\u0000字符");
        values.add("转义\u001b[31m");
        values.add(type.equals("textarea") ? "响铃\u0007" : "换行\n符");
        raw.add("{\"value\":\"\\ud800孤立代理\"}");
        raw.add("{\"value\":\"\\uffff非字符\"}");
        if (validate.hasNonNull("pattern")) {
          values.add("!!" + random.nextInt(100));
          values.add("１２３４５６７８９０１２３４５６７８");
        }
        values.add(List.of("数组"));
      }
      case "number" -> {
        long min = validate.has("min") ? validate.get("min").asLong() : Integer.MIN_VALUE;
        long max = validate.has("max") ? validate.get("max").asLong() : Integer.MAX_VALUE;
        values.add(String.valueOf(min));
        values.add(min + 0.5);
        values.add(4294967296L + min);
        values.add(Long.MAX_VALUE);
        values.add(-Double.MAX_VALUE);
        values.add(true);
        if (min > Integer.MIN_VALUE) {
          values.add(min - 1 - random.nextInt(100));
        }
        if (max < Integer.MAX_VALUE) {
          values.add(max + 1 + random.nextInt(100));
        }
        raw.add("{\"value\":1e400}");
        raw.add("{\"value\":\"NaN\"}");
        raw.add("{\"value\":12,\"type\":\"String\"}");
      }
      case "datetime" -> {
        int year = 1990 + random.nextInt(40);
        values.add(year + "-02-30");
        values.add(year + "-13-01");
        values.add(year + "0101");
        values.add(year + "-01-01T00:00:00");
        values.add(year + "-01-01 or 1=1--");
        values.add(" " + year + "-01-01x");
        values.add("１９９８-０５-０５");
        values.add("0001-01-01");
        values.add("9999-12-31");
        values.add(year * 10000 + 101);
        values.add(true);
      }
      case "checkbox" -> {
        values.add("true");
        values.add("false");
        values.add(1);
        values.add("yes");
        values.add(List.of(true));
      }
      case "radio", "select" -> {
        String option = field.path("values").path(0).path("value").asText("x");
        values.add("不存在的选项" + random.nextInt(100));
        values.add(option + " ");
        values.add(option.toUpperCase() + "\u200b#");
        values.add(random.nextInt(10));
        values.add(true);
        values.add(List.of(option));
        if (field.path("properties").path("optionsFrom").asText().equals("organizations")) {
          values.add("guitu;drop table organization");
          values.add("../" + option);
        }
      }
      case "checklist", "taglist" -> {
        values.add("不是列表");
        values.add(List.of("不存在的选项"));
        values.add(List.of(1, 2));
        values.add(List.of(Map.of("value", "x")));
        raw.add("{\"type\":\"Json\",\"value\":\"[\\\"不存在\\\"]\"}");
        raw.add("{\"type\":\"Json\",\"value\":\"[不是JSON\"}");
      }
      case "dynamiclist" -> {
        values.add("不是列表");
        values.add(List.of(1));
        values.add(List.of(Map.of("unknownColumn", "x")));
        List<Map<String, String>> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
          tooMany.add(Map.of());
        }
        values.add(tooMany);
      }
      default -> values.add(List.of("?"));
    }
    List<String> bodies = new ArrayList<>();
    for (Object value : values) {
      Map<String, Object> variable = new LinkedHashMap<>();
      if (value instanceof List<?> || value instanceof Map<?, ?>) {
        variable.put("type", "Json");
        variable.put("value", write(value));
      } else {
        variable.put("value", value);
      }
      bodies.add(write(Map.of("variables", Map.of(key, variable))));
    }
    for (String variable : raw) {
      bodies.add("{\"variables\":{" + write(key) + ":" + variable + "}}");
    }
    bodies.add(write(Map.of("variables", Map.of(key + "_extra", Map.of("value", "x")))));
    return bodies;
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
