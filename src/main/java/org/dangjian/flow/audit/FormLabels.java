package org.dangjian.flow.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * The labels a clerk saw: read from the Camunda Form deployed with the process (component key → label or
 * dateLabel, option value → option label), so a record shows "支委会决定：确定为入党积极分子", not "approve".
 */
@Component
class FormLabels {

  /**
   * One form field: its label and, for radio/select/checklist, the options, or the variable holding them
   * (valuesKey, a JSON list of label/value pairs the process computed).
   */
  record FormField(String key, String label, String type, Map<String, String> options, String valuesKey) {
  }

  private final RepositoryService repositoryService;
  private final ObjectMapper json;
  private final Map<String, Map<String, Map<String, FormField>>> formsByDeployment = new ConcurrentHashMap<>();

  FormLabels(RepositoryService repositoryService, ObjectMapper json) {
    this.repositoryService = repositoryService;
    this.json = json;
  }

  /** The fields, in form order, of the form bound to a user task or start event; empty when it has none. */
  Map<String, FormField> fields(String processDefinitionId, String activityId) {
    if (processDefinitionId == null || activityId == null) {
      return Map.of();
    }
    BpmnModelInstance model = repositoryService.getBpmnModelInstance(processDefinitionId);
    ModelElementInstance element = model.getModelElementById(activityId);
    String formRef = null;
    if (element instanceof UserTask task) {
      formRef = task.getCamundaFormRef();
    } else if (element instanceof StartEvent start) {
      formRef = start.getCamundaFormRef();
    }
    if (formRef == null) {
      return Map.of();
    }
    String deploymentId = repositoryService.getProcessDefinition(processDefinitionId).getDeploymentId();
    return formsByDeployment.computeIfAbsent(deploymentId, this::readForms).getOrDefault(formRef, Map.of());
  }

  private Map<String, Map<String, FormField>> readForms(String deploymentId) {
    Map<String, Map<String, FormField>> forms = new ConcurrentHashMap<>();
    for (String resource : repositoryService.getDeploymentResourceNames(deploymentId)) {
      if (!resource.endsWith(".form")) {
        continue;
      }
      try (InputStream in = repositoryService.getResourceAsStream(deploymentId, resource)) {
        JsonNode form = json.readTree(in);
        Map<String, FormField> fields = new LinkedHashMap<>();
        collect(form.path("components"), fields);
        forms.put(form.path("id").asText(), fields);
      } catch (IOException e) {
        throw new IllegalStateException("表单无法读取：" + resource, e);
      }
    }
    return forms;
  }

  private static void collect(JsonNode components, Map<String, FormField> fields) {
    for (JsonNode c : components) {
      if (c.hasNonNull("key")) {
        String label = c.hasNonNull("label") ? c.get("label").asText() : c.path("dateLabel").asText(null);
        Map<String, String> options = new LinkedHashMap<>();
        for (JsonNode option : c.path("values")) {
          options.put(option.path("value").asText(), option.path("label").asText());
        }
        String key = c.get("key").asText();
        fields.put(key, new FormField(key, label == null || label.isBlank() ? key : label, c.path("type").asText(),
            options, c.path("valuesKey").asText(null)));
      }
      // groups and dynamic lists nest their fields
      collect(c.path("components"), fields);
    }
  }
}
