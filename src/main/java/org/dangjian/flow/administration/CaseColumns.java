package org.dangjian.flow.administration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.dangjian.flow.administration.Sheets.Column;
import org.dangjian.flow.administration.Sheets.Type;
import org.dangjian.flow.development.MemberDevelopment;
import org.dangjian.flow.development.MemberDevelopment.Tasks;
import org.dangjian.flow.system.FormContract;
import org.dangjian.flow.system.SystemAccess;
import org.springframework.stereotype.Component;

/**
 * The columns of the sheet 在办发展党员, read from the Camunda Forms deployed with the current 发展党员 process: the
 * application form's fields, then each step's, in step order. A field key that more than one step uses (the
 * meeting date of steps 3 and 7, the vote counts of 15 and 23) is prefixed with its step number ("15.votesFor");
 * the half-yearly activist reviews (6) and the quarterly probation reviews (21) have one group of columns per
 * review ("6.2.reviewDate"). A form that gains a field gains a column, with nothing to change here.
 */
@Component
class CaseColumns {

  /** A step a paper case can have passed through, and how many times the sheet can record it. */
  record StepSpec(String taskId, int occurrences) {
  }

  /**
   * Steps 2–24 as a case under way passes through them (2a, the supervision of a late talk, is the committee's
   * own task, not a paper step; step 25 ends the case, so a case archived on paper is a registry entry, not a case).
   * Four activist reviews cover two years of cultivation (two are needed before step 7, 细则 Art. 13); three
   * probation reviews the quarters of one year's probation before the conversion application opens.
   */
  static final List<StepSpec> STEPS = List.of(new StepSpec(Tasks.APPLICANT_TALK, 1),
      new StepSpec(Tasks.DETERMINE_ACTIVIST, 1), new StepSpec(Tasks.FILE_ACTIVIST, 1),
      new StepSpec(Tasks.ASSIGN_CONTACTS, 1), new StepSpec(Tasks.ACTIVIST_REVIEW, 4),
      new StepSpec(Tasks.DETERMINE_TARGET, 1), new StepSpec(Tasks.TARGET_PUBLICITY, 1),
      new StepSpec(Tasks.FILE_TARGET, 1), new StepSpec(Tasks.ASSIGN_INTRODUCERS, 1),
      new StepSpec(Tasks.POLITICAL_REVIEW, 1), new StepSpec(Tasks.CONCENTRATED_TRAINING, 1),
      new StepSpec(Tasks.BRANCH_COMMITTEE_REVIEW, 1), new StepSpec(Tasks.PRE_REVIEW, 1),
      new StepSpec(Tasks.ADMISSION_ON_HOLD, 1), new StepSpec(Tasks.FILL_VOLUNTEER_FORM, 1),
      new StepSpec(Tasks.ADMISSION_MEETING, 1), new StepSpec(Tasks.COMMITTEE_TALK, 1),
      new StepSpec(Tasks.ADMISSION_APPROVAL, 1), new StepSpec(Tasks.FILE_WITH_ORG_DEPT, 1),
      new StepSpec(Tasks.ASSIGN_BRANCH_GROUP, 1), new StepSpec(Tasks.OATH, 1),
      new StepSpec(Tasks.PROBATION_REVIEW, 3), new StepSpec(Tasks.CONVERSION_APPLICATION, 1),
      new StepSpec(Tasks.CONVERSION_MEETING, 1), new StepSpec(Tasks.CONVERSION_APPROVAL, 1));

  /** A column of the sheet and where its value goes: the start form (taskId null) or a step's n-th time. */
  record CaseColumn(Column column, String taskId, String stepNumber, String stepName, int occurrence,
      boolean repeated, String fieldKey) {

    /** "6步（培养教育考察，第2次）" */
    String stepTitle() {
      return stepNumber + "步（" + stepName + (repeated ? "，第" + occurrence + "次" : "") + "）";
    }
  }

  /** The sheet of one process definition, and each step's form, to check a step's values as Tasklist would. */
  record CaseSheet(String processDefinitionId, Sheets.Sheet sheet, List<CaseColumn> columns,
      FormContract startForm, Map<String, FormContract> stepForms, Map<String, String> stepTitles) {

    List<CaseColumn> startColumns() {
      return columns.stream().filter(c -> c.taskId() == null && c.fieldKey() != null).toList();
    }

    List<CaseColumn> stepColumns(String taskId, int occurrence) {
      return columns.stream().filter(c -> taskId.equals(c.taskId()) && c.occurrence() == occurrence).toList();
    }
  }

  private record FormField(String key, String label, Column column) {
  }

  private final RepositoryService repository;
  private final SystemAccess system;
  private final ObjectMapper json;
  private final Map<String, CaseSheet> byDefinition = new ConcurrentHashMap<>();

  CaseColumns(RepositoryService repository, SystemAccess system, ObjectMapper json) {
    this.repository = repository;
    this.system = system;
    this.json = json;
  }

  /** The sheet for cases started now: the latest version of the process. */
  CaseSheet current() {
    ProcessDefinition definition = system.call(() -> repository.createProcessDefinitionQuery()
        .processDefinitionKey(MemberDevelopment.PROCESS_KEY).latestVersion().singleResult());
    return byDefinition.computeIfAbsent(definition.getId(), id -> system.call(() -> build(definition)));
  }

  private CaseSheet build(ProcessDefinition definition) {
    BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
    Map<String, JsonNode> forms = forms(definition.getDeploymentId());
    StartEvent start = model.getModelElementsByType(StartEvent.class).stream()
        .filter(s -> s.getCamundaFormRef() != null).findFirst().orElseThrow();
    List<FormField> startFields = fields(forms.get(start.getCamundaFormRef()));
    Map<String, List<FormField>> stepFields = new LinkedHashMap<>();
    Map<String, FormContract> contracts = new LinkedHashMap<>();
    Map<String, String> titles = new LinkedHashMap<>();
    for (StepSpec step : STEPS) {
      UserTask task = model.getModelElementById(step.taskId());
      JsonNode form = forms.get(task.getCamundaFormRef());
      stepFields.put(step.taskId(), fields(form));
      contracts.put(step.taskId(), FormContract.parse(form.toString()));
      titles.put(step.taskId(), task.getName());
    }
    // a key of more than one step is prefixed with the step's number
    Map<String, Integer> uses = new HashMap<>();
    stepFields.values().forEach(list -> list.forEach(f -> uses.merge(f.key(), 1, Integer::sum)));

    List<CaseColumn> columns = new ArrayList<>();
    columns.add(new CaseColumn(Column.text("caseNumber", "案件编号（导出时填写；新补录的案件留空）"), null, null, null, 0, false, null));
    for (FormField f : startFields) {
      columns.add(new CaseColumn(rename(f.column(), f.key(), "1 递交入党申请书 · " + f.label()), null, "1", "递交入党申请书",
          0, false, f.key()));
    }
    for (StepSpec step : STEPS) {
      String title = titles.get(step.taskId());
      String number = title.substring(0, title.indexOf(' '));
      String name = title.substring(title.indexOf(' ') + 1);
      for (int n = 1; n <= step.occurrences(); n++) {
        for (FormField f : stepFields.get(step.taskId())) {
          String key = step.occurrences() > 1 ? number + "." + n + "." + f.key()
              : uses.get(f.key()) > 1 ? number + "." + f.key() : f.key();
          String heading = number + " " + name + (step.occurrences() > 1 ? "（第" + n + "次）" : "") + " · " + f.label();
          columns.add(new CaseColumn(rename(f.column(), key, heading), step.taskId(), number, name, n,
              step.occurrences() > 1, f.key()));
        }
      }
    }
    Sheets.Sheet sheet = new Sheets.Sheet(Sheets.CASES, columns.stream().map(CaseColumn::column).toList(),
        Sheets.example("candidateName", "李明", "gender", "male", "ethnicity", "汉族", "birthDate", "1998-04-12",
            "idNumber", "110101199804120023", "education", "bachelor", "occupation", "科员", "phone", "13800138000",
            "leagueMember", "true", "branchId", "lh-zb1", "applicationDate", "2026-03-02",
            "talkDate", "2026-03-20", "talkerName", "王建华", "talkRecord", "了解入党动机，介绍党的基本知识"));
    return new CaseSheet(definition.getId(), sheet, columns,
        FormContract.parse(forms.get(start.getCamundaFormRef()).toString()), contracts, titles);
  }

  private static Column rename(Column column, String key, String title) {
    return new Column(key, title, column.type(), column.options());
  }

  private Map<String, JsonNode> forms(String deploymentId) {
    Map<String, JsonNode> forms = new HashMap<>();
    for (String resource : repository.getDeploymentResourceNames(deploymentId)) {
      if (resource.endsWith(".form")) {
        try (InputStream in = repository.getResourceAsStream(deploymentId, resource)) {
          JsonNode form = json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          forms.put(form.path("id").asText(), form);
        } catch (IOException e) {
          throw new IllegalStateException("deployed form " + resource + " cannot be read", e);
        }
      }
    }
    return forms;
  }

  /** The keyed input fields of a form, in form order, with their cell type and the options' labels. */
  private static List<FormField> fields(JsonNode form) {
    List<FormField> fields = new ArrayList<>();
    collect(form.path("components"), fields);
    return fields;
  }

  private static void collect(JsonNode components, List<FormField> fields) {
    for (JsonNode c : components) {
      if (c.has("components") && !"dynamiclist".equals(c.path("type").asText())) {
        collect(c.path("components"), fields);
      }
      if (!c.hasNonNull("key")) {
        continue;
      }
      String key = c.get("key").asText();
      String label = c.hasNonNull("label") ? c.get("label").asText() : c.path("dateLabel").asText(key);
      Map<String, String> options = new LinkedHashMap<>();
      c.path("values").forEach(v -> options.put(v.path("value").asText(), v.path("label").asText()));
      boolean organization = "organizations".equals(c.path("properties").path("optionsFrom").asText());
      // Tasklist offers members by name (options the case computes); a workbook names them by number
      boolean member = key.endsWith("MemberId");
      Type type = switch (c.path("type").asText()) {
        case "textfield", "textarea" -> Type.TEXT;
        case "number" -> Type.INTEGER;
        case "datetime" -> Type.DATE;
        case "checkbox" -> Type.BOOLEAN;
        case "radio", "select" -> organization || member ? Type.TEXT : Type.CHOICE;
        case "checklist", "taglist" -> Type.CHOICES;
        default -> null;
      };
      if (type != null) {
        // a member is named by number, or in a first import by ID number (their number is not known yet)
        String title = organization ? label + "（组织编号）" : member ? label + "（党员编号或身份证号码）" : label;
        fields.add(new FormField(key, title, new Column(key, title, type,
            type == Type.CHOICE || type == Type.CHOICES ? options : Map.of())));
      }
    }
  }
}
