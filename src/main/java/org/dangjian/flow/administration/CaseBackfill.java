package org.dangjian.flow.administration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.spin.plugin.variable.SpinValues;
import org.dangjian.flow.administration.CaseColumns.CaseColumn;
import org.dangjian.flow.administration.CaseColumns.CaseSheet;
import org.dangjian.flow.administration.Sheets.Type;
import org.dangjian.flow.administration.Workbooks.DataRow;
import org.dangjian.flow.administration.Workbooks.Problem;
import org.dangjian.flow.audit.Backfill;
import org.dangjian.flow.organization.MemberRegistry;
import org.dangjian.flow.organization.PartyMember;
import org.dangjian.flow.system.FormContract;
import org.dangjian.flow.system.SystemAccess;
import org.springframework.stereotype.Component;

/**
 * 补录: a row of 在办发展党员 becomes a case by walking it through the process as a clerk would have in Tasklist:
 * the application form, then each step the row records, in order, each checked by the form's contract and the
 * step's rules. Waits that passed on paper (the half-yearly review falling due, the conversion opening) pass at
 * once; a wait still ahead, or a step the row leaves empty, is where the case stays. Deadline timers are never
 * fired here: a deadline the recorded dates met leaves nothing, one they missed is a violation the step records.
 */
@Component
class CaseBackfill {

  /** A row that cannot become a case; its problems are the import's. */
  static class RowRefused extends RuntimeException {
    final List<Problem> problems;

    RowRefused(List<Problem> problems) {
      super(problems.isEmpty() ? "row refused" : problems.get(0).message());
      this.problems = problems;
    }
  }

  private static final Pattern ID_NUMBER = Pattern.compile("[0-9]{17}[0-9Xx]");

  private final FormService forms;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final RepositoryService repository;
  private final HistoryService history;
  private final MemberRegistry registry;
  private final Backfill backfill;
  private final SystemAccess system;

  CaseBackfill(FormService forms, TaskService tasks, RuntimeService runtime, ManagementService management,
      RepositoryService repository, HistoryService history, MemberRegistry registry, Backfill backfill,
      SystemAccess system) {
    this.forms = forms;
    this.tasks = tasks;
    this.runtime = runtime;
    this.management = management;
    this.repository = repository;
    this.history = history;
    this.registry = registry;
    this.backfill = backfill;
    this.system = system;
  }

  /** The case the row records, started and walked to its next step; its case number. */
  String replay(CaseSheet sheet, DataRow row, Backfill.Source source, String importer) {
    return Backfill.during(source, () -> walk(sheet, row, source, importer));
  }

  private String walk(CaseSheet sheet, DataRow row, Backfill.Source source, String importer) {
    List<Problem> problems = new ArrayList<>();
    Map<String, Object> start = values(sheet.startColumns(), row, problems);
    check(sheet.startForm(), start, key -> null, sheet.startColumns(), row, problems);
    refuseIfAny(problems);
    ProcessInstance instance = call(() -> forms.submitStartForm(sheet.processDefinitionId(), start), row,
        sheet.startColumns());
    String startEvent = system.call(() -> repository.getBpmnModelInstance(sheet.processDefinitionId())
        .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.StartEvent.class).stream()
        .filter(s -> s.getCamundaFormRef() != null).findFirst().orElseThrow().getId());
    backfill.recorded(source.importId(), instance.getId(), startEvent);

    Set<String> consumed = new HashSet<>();
    consumed.add("caseNumber");
    sheet.startColumns().forEach(c -> consumed.add(c.column().key()));
    Map<String, Integer> done = new HashMap<>();
    String waitingAt;
    while (true) {
      passDueWaits(sheet.processDefinitionId(), instance.getId());
      List<Task> open = system.call(() -> tasks.createTaskQuery().processInstanceId(instance.getId())
          .listPage(0, 10));
      boolean running = system.call(() -> runtime.createProcessInstanceQuery().processInstanceId(instance.getId())
          .count()) > 0;
      if (!running) {
        String lastStep = done.isEmpty() ? "递交入党申请书" : lastTitle(sheet, done);
        problems.add(new Problem(Sheets.CASES, row.number(), null, null, "本行记录的结果使案件在“" + lastStep
            + "”后结束：在办发展党员表只收仍在办理中的案件（已结束的人员请登记在党员名册中）"));
        throw new RowRefused(problems);
      }
      Task task = open.stream().filter(t -> sheet.stepForms().containsKey(t.getTaskDefinitionKey())).findFirst()
          .orElse(null);
      if (task == null) {
        waitingAt = open.isEmpty() ? waitDescription(instance.getId()) : "“" + open.get(0).getName() + "”";
        break;
      }
      String taskId = task.getTaskDefinitionKey();
      int occurrence = done.getOrDefault(taskId, 0) + 1;
      List<CaseColumn> columns = sheet.stepColumns(taskId, occurrence);
      if (columns.isEmpty() || columns.stream().noneMatch(c -> recorded(c, row))) {
        waitingAt = "“" + task.getName() + "”" + (occurrence > 1 ? "（第" + occurrence + "次）" : "");
        break;
      }
      Map<String, Object> values = values(columns, row, problems);
      check(sheet.stepForms().get(taskId), values,
          key -> system.call(() -> runtime.getVariable(instance.getId(), key)), columns, row, problems);
      refuseIfAny(problems);
      call(() -> {
        tasks.setAssignee(task.getId(), importer);
        tasks.complete(task.getId(), values);
        return null;
      }, row, columns);
      backfill.recorded(source.importId(), instance.getId(), task.getId());
      columns.forEach(c -> consumed.add(c.column().key()));
      done.put(taskId, occurrence);
    }
    // what the row records beyond where the case stopped: a step skipped or one its own results do not lead to
    Map<String, List<String>> beyond = new LinkedHashMap<>();
    for (CaseColumn c : sheet.columns()) {
      if (!consumed.contains(c.column().key()) && recorded(c, row)) {
        beyond.computeIfAbsent(c.stepTitle(), k -> new ArrayList<>()).add(c.column().key());
      }
    }
    for (Map.Entry<String, List<String>> step : beyond.entrySet()) {
      problems.add(new Problem(Sheets.CASES, row.number(), step.getValue().get(0), null, "第" + step.getKey()
          + "已填写，但按已填写的步骤，案件停在" + waitingAt + "：步骤须依次填写，前面的步骤未填写，或其结果不进入此步"));
    }
    refuseIfAny(problems);
    return system.call(() -> runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
        .getBusinessKey());
  }

  /** A column the row fills in; an unticked box ("否") records nothing by itself. */
  private static boolean recorded(CaseColumn c, DataRow row) {
    String value = row.get(c.column().key());
    return value != null && !(c.column().type() == Type.BOOLEAN && "false".equals(value));
  }

  private static String lastTitle(CaseSheet sheet, Map<String, Integer> done) {
    String last = null;
    for (CaseColumns.StepSpec step : CaseColumns.STEPS) {
      if (done.containsKey(step.taskId())) {
        last = sheet.stepTitles().get(step.taskId());
      }
    }
    return last;
  }

  /**
   * Timers of waits (a review falling due, the next look at a "not yet" decision, the conversion opening) whose
   * date has passed: on paper the time went by, so the case moves on now. Boundary timers (deadlines) stay.
   */
  private void passDueWaits(String definitionId, String processInstanceId) {
    for (int guard = 0; guard < 20; guard++) {
      Date now = ClockUtil.getCurrentTime();
      List<Job> due = system.call(() -> management.createJobQuery().processInstanceId(processInstanceId).timers()
          .duedateLowerThan(new Date(now.getTime() + 1)).listPage(0, 20)).stream()
          .filter(job -> isWait(definitionId, job)).toList();
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        system.run(() -> management.executeJob(job.getId()));
      }
    }
  }

  private boolean isWait(String definitionId, Job job) {
    return system.call(() -> {
      JobDefinition definition = management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
          .singleResult();
      FlowElement element = definition == null ? null
          : repository.getBpmnModelInstance(definitionId).getModelElementById(definition.getActivityId());
      return element instanceof IntermediateCatchEvent;
    });
  }

  /** Where a case with no open step waits: its timer and the date it falls due. */
  private String waitDescription(String processInstanceId) {
    return system.call(() -> {
      List<Job> timers = management.createJobQuery().processInstanceId(processInstanceId).timers()
          .orderByJobDuedate().asc().listPage(0, 1);
      if (timers.isEmpty()) {
        return "等待中";
      }
      Job timer = timers.get(0);
      JobDefinition definition = management.createJobDefinitionQuery().jobDefinitionId(timer.getJobDefinitionId())
          .singleResult();
      String name = definition == null ? "等待" : definition.getActivityId();
      ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
      FlowElement element = repository.getBpmnModelInstance(pi.getProcessDefinitionId()).getModelElementById(name);
      String title = element != null && element.getName() != null ? element.getName() : name;
      return "“" + title + "”，至 " + new java.text.SimpleDateFormat("yyyy-MM-dd").format(timer.getDuedate());
    });
  }

  /** The row's cells of these columns as the engine takes them from Tasklist; an unticked box is false. */
  private Map<String, Object> values(List<CaseColumn> columns, DataRow row, List<Problem> problems) {
    // a VariableMap, as Tasklist's submission arrives: a JSON value reads back as JSON, not as its typed wrapper
    Map<String, Object> values = org.camunda.bpm.engine.variable.Variables.createVariables();
    for (CaseColumn c : columns) {
      String cell = row.get(c.column().key());
      if (cell == null) {
        if (c.column().type() == Type.BOOLEAN && c.taskId() != null) {
          values.put(c.fieldKey(), false);
        }
        continue;
      }
      Object value = switch (c.column().type()) {
        case INTEGER -> Integer.valueOf(cell);
        case BOOLEAN -> Boolean.valueOf(cell);
        case CHOICES -> SpinValues.jsonValue("[" + String.join(",",
            java.util.Arrays.stream(cell.split(",")).map(v -> "\"" + v + "\"").toList()) + "]").create();
        default -> cell;
      };
      if (c.fieldKey().endsWith("MemberId") && ID_NUMBER.matcher(cell).matches()) {
        // a member named by ID number: the member number the registry gave them (also in this same import)
        List<PartyMember> found = registry.findActiveByIdNumber(cell.toUpperCase(java.util.Locale.ROOT));
        if (found.isEmpty()) {
          problems.add(new Problem(Sheets.CASES, row.number(), c.column().key(), null, c.column().title()
              + "：身份证号码为 " + cell + " 的党员不在党员名册中"));
          continue;
        }
        value = String.valueOf(found.get(0).id());
      }
      values.put(c.fieldKey(), value);
    }
    return values;
  }

  /**
   * The form's own contract first, as for a Tasklist submission; a problem names the column it came from. Members
   * (contacts, introducers) are the exception: Tasklist offers today's full members of the case's branch, but a
   * paper case names whom the branch named then (who may have moved since), so the step's own rules judge them —
   * a full member in good standing, not the applicant — and say why one cannot be named.
   */
  private static void check(FormContract contract, Map<String, Object> values,
      java.util.function.Function<String, Object> current, List<CaseColumn> columns, DataRow row,
      List<Problem> problems) {
    Map<String, Object> members = new LinkedHashMap<>();
    values.entrySet().removeIf(e -> {
      if (e.getKey().endsWith("MemberId")) {
        members.put(e.getKey(), e.getValue());
        return true;
      }
      return false;
    });
    for (FormContract.Problem p : contract.check(values, current)) {
      problems.add(new Problem(Sheets.CASES, row.number(), columnOf(columns, p.field()), null, p.message()));
    }
    values.putAll(members);
  }

  private static String columnOf(List<CaseColumn> columns, String fieldKey) {
    return columns.stream().filter(c -> c.fieldKey().equals(fieldKey)).map(c -> c.column().key()).findFirst()
        .orElse(null);
  }

  /**
   * The column a rule's message is about, when the rule does not say: the one whose field's label (before any
   * explanation in brackets) the message names, the longest such label ("入党介绍人二" before "入党介绍人").
   */
  private static String columnNamedIn(List<CaseColumn> columns, String message) {
    String best = null;
    int bestLength = 0;
    for (CaseColumn c : columns) {
      String title = c.column().title();
      String label = title.substring(title.indexOf(" · ") + 3);
      int bracket = label.indexOf('（');
      if (bracket > 0) {
        label = label.substring(0, bracket);
      }
      if (label.length() > bestLength && message.contains(label)) {
        best = c.column().key();
        bestLength = label.length();
      }
    }
    return best;
  }

  /** An engine call of the walk; a refusal by the step's rules becomes the row's problems. */
  private <T> T call(java.util.function.Supplier<T> work, DataRow row, List<CaseColumn> columns) {
    try {
      return system.call(work);
    } catch (org.dangjian.flow.system.StepRefusedException e) {
      List<Problem> problems = new ArrayList<>();
      String step = columns.isEmpty() || columns.get(0).stepNumber() == null ? "" : "第" + columns.get(0).stepTitle() + "：";
      for (String problem : e.problems()) {
        // one field for several problems says nothing of each problem's column: then each names its own
        String column = e.fields().size() == 1 && e.problems().size() == 1 ? columnOf(columns, e.fields().get(0))
            : columnNamedIn(columns, problem);
        problems.add(new Problem(Sheets.CASES, row.number(), column, null, step + problem));
      }
      throw new RowRefused(problems);
    }
  }

  private static void refuseIfAny(List<Problem> problems) {
    if (!problems.isEmpty()) {
      throw new RowRefused(new ArrayList<>(problems));
    }
  }

  // ---- export: a case as the row that would import it

  /** The row of a running or finished case: its application and each completed step, as the sheet records them. */
  Map<String, String> row(CaseSheet sheet, String processInstanceId, String caseNumber) {
    return system.call(() -> {
      Map<String, String> values = new LinkedHashMap<>();
      values.put("caseNumber", caseNumber);
      List<HistoricVariableUpdate> updates = history.createHistoricDetailQuery().processInstanceId(processInstanceId)
          .variableUpdates().orderPartiallyByOccurrence().asc().listPage(0, 5000).stream()
          .filter(HistoricVariableUpdate.class::isInstance).map(HistoricVariableUpdate.class::cast).toList();
      // the application: the first value each start field had, set at the start (the process instance's scope)
      for (CaseColumn c : sheet.startColumns()) {
        if (c.fieldKey() == null) {
          continue;
        }
        updates.stream().filter(u -> processInstanceId.equals(u.getActivityInstanceId())
            && c.fieldKey().equals(u.getVariableName())).findFirst()
            .ifPresent(u -> put(values, c, u.getValue()));
      }
      List<HistoricTaskInstance> completed = history.createHistoricTaskInstanceQuery()
          .processInstanceId(processInstanceId).finished().listPage(0, 500).stream()
          .filter(t -> "completed".equals(t.getDeleteReason()))
          .sorted(Comparator.comparing(HistoricTaskInstance::getEndTime)).toList();
      // what each step entered, not what its listener derived: the updates under the step's "Complete" operation
      Map<String, String> completeOperations = new HashMap<>();
      for (org.camunda.bpm.engine.history.UserOperationLogEntry e : history.createUserOperationLogQuery()
          .processInstanceId(processInstanceId).listPage(0, 5000)) {
        if (org.camunda.bpm.engine.history.UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(e.getOperationType())
            && e.getTaskId() != null) {
          completeOperations.putIfAbsent(e.getTaskId(), e.getOperationId());
        }
      }
      Map<String, Integer> occurrences = new HashMap<>();
      for (HistoricTaskInstance task : completed) {
        if (!sheet.stepForms().containsKey(task.getTaskDefinitionKey())) {
          continue;
        }
        int n = occurrences.merge(task.getTaskDefinitionKey(), 1, Integer::sum);
        String operation = completeOperations.get(task.getId());
        for (CaseColumn c : sheet.stepColumns(task.getTaskDefinitionKey(), n)) {
          HistoricVariableUpdate last = null;
          for (HistoricDetail d : updates) {
            HistoricVariableUpdate u = (HistoricVariableUpdate) d;
            // the value the step entered: a step's listener removes one-step inputs afterwards (a null update)
            if (task.getActivityInstanceId().equals(u.getActivityInstanceId())
                && c.fieldKey().equals(u.getVariableName()) && u.getValue() != null
                && (operation == null || operation.equals(u.getUserOperationId()))) {
              last = u;
            }
          }
          if (last != null) {
            put(values, c, last.getValue());
          }
        }
      }
      return values;
    });
  }

  private static void put(Map<String, String> values, CaseColumn c, Object value) {
    if (value == null) {
      return;
    }
    String text;
    if (c.column().type() == Type.CHOICES) {
      String json = value.toString();
      List<String> items = new ArrayList<>();
      java.util.regex.Matcher m = Pattern.compile("\"([^\"]*)\"").matcher(json);
      while (m.find()) {
        items.add(m.group(1));
      }
      text = String.join(",", items);
    } else {
      text = String.valueOf(value);
    }
    if (!text.isBlank() && !(c.column().type() == Type.BOOLEAN && "false".equals(text))) {
      values.put(c.column().key(), text);
    }
  }
}
