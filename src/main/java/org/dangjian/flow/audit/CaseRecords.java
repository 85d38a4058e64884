package org.dangjian.flow.audit;

import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.UUID;
import java.util.function.Function;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.query.Query;
import org.camunda.spin.json.SpinJsonNode;
import org.dangjian.flow.audit.CaseRecord.Entry;
import org.dangjian.flow.audit.CaseRecord.Field;
import org.dangjian.flow.audit.CaseRecord.Kind;
import org.dangjian.flow.audit.FormLabels.FormField;
import org.dangjian.flow.organization.CaseAccess;
import org.dangjian.flow.system.AccessDeniedException;
import org.dangjian.flow.system.SystemAccess;
import org.springframework.stereotype.Service;

/**
 * Builds the full-process record (全程纪实) of any process instance from the engine's history and case_event,
 * or reads it from the archive once the history cleanup has removed the case.
 *
 * <p>Which values a step entered: the history's variable updates made by that task's completion carry the task's
 * activity instance id and the user operation id of the "Complete" entry in the user operation log (checked in
 * CaseRecordTest); updates the step's listener derived (op id null) are left out except a few reasons.
 */
@Service
public class CaseRecords {

  /** The engine forbids unbounded queries while a user is logged in (query-max-results-limit). */
  private static final int PAGE = 1000;
  private static final String ACTUAL_DATE = "实际日期";
  private static final Map<String, String> DERIVED_LABELS = Map.of("sendBackReason", "退回理由", "endReason",
      "结束原因", "withdrawReason", "撤回或终止理由");

  private final HistoryService historyService;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;
  private final CaseEventLog events;
  private final FormLabels forms;
  private final RecordArchive archive;
  private final CaseAccess access;
  private final SystemAccess system;
  private final Backfill backfill;

  CaseRecords(HistoryService historyService, RepositoryService repositoryService, IdentityService identityService,
      CaseEventLog events, FormLabels forms, RecordArchive archive, CaseAccess access, SystemAccess system,
      Backfill backfill) {
    this.backfill = backfill;
    this.historyService = historyService;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
    this.events = events;
    this.forms = forms;
    this.archive = archive;
    this.access = access;
    this.system = system;
  }

  /**
   * A case by process instance id or business key (case number), as the viewer may read it: from the history,
   * else from the archive. Empty when there is no such case; refused when the viewer may not read it.
   */
  public Optional<CaseRecord> find(String ref, String viewer) {
    return system.call(() -> {
      HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery().processInstanceId(ref)
          .singleResult();
      if (instance == null) {
        List<HistoricProcessInstance> byKey = historyService.createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(ref).orderByProcessInstanceStartTime().desc().listPage(0, 1);
        instance = byKey.isEmpty() ? null : byKey.get(0);
      }
      if (instance != null) {
        if (!access.canReadHistory(viewer, instance.getId())) {
          throw refused(viewer, ref);
        }
        return Optional.of(build(instance));
      }
      Optional<RecordArchive.Archived> archived = archive.byProcessInstance(ref).or(() -> archive.byCaseNumber(ref));
      if (archived.isPresent() && !access.canReadArchived(viewer, archived.get().readerGroups())) {
        throw refused(viewer, ref);
      }
      return archived.map(RecordArchive.Archived::record);
    });
  }

  /** Whether the viewer may read the case's record (its history, or its archived copy once the history is gone). */
  public boolean readable(String viewer, String processInstanceId) {
    return access.canReadHistory(viewer, processInstanceId) || archive.readersOf(processInstanceId)
        .map(readers -> access.canReadArchived(viewer, readers)).orElse(false);
  }

  /**
   * Whether the viewer may read the record of the case with this number: every case of that number in the history,
   * or its archived copy once the history is gone. False when there is no such case.
   */
  public boolean readableCaseNumber(String viewer, String caseNumber) {
    return viewer != null && caseNumber != null && system.call(() -> {
      List<HistoricProcessInstance> cases = historyService.createHistoricProcessInstanceQuery()
          .processInstanceBusinessKey(caseNumber).listPage(0, PAGE);
      if (!cases.isEmpty()) {
        return cases.stream().allMatch(pi -> access.canReadHistory(viewer, pi.getId()));
      }
      return archive.byCaseNumber(caseNumber).map(a -> access.canReadArchived(viewer, a.readerGroups()))
          .orElse(false);
    });
  }

  /** 违规记录: the rule violations of the cases the viewer may read. */
  public List<CaseEvent> violations(String viewer) {
    Map<String, Boolean> readable = new HashMap<>();
    return events.ofType(CaseEventType.VIOLATION).stream()
        .filter(e -> readable.computeIfAbsent(e.processInstanceId(), id -> readable(viewer, id))).toList();
  }

  /**
   * The cases whose history the logged-in user may read, newest first: the engine's query under the user's own
   * authorizations (the engine keeps the history of a finished case until its cleanup; the archive keeps it after).
   */
  public List<CaseSummary> readableCases(int firstResult, int maxResults) {
    // the id breaks ties: cases started at the same moment (a batch, an import) otherwise come in any order on each
    // page's query, and paging could show one twice and skip another
    return historyService.createHistoricProcessInstanceQuery().orderByProcessInstanceStartTime().desc()
        .orderByProcessInstanceId().desc().listPage(firstResult, maxResults).stream()
        .map(pi -> new CaseSummary(pi.getId(), pi.getBusinessKey(), pi.getProcessDefinitionKey(),
            pi.getProcessDefinitionName(), format(pi.getStartTime()), format(pi.getEndTime()), pi.getState()))
        .toList();
  }

  public record CaseSummary(String processInstanceId, String caseNumber, String processKey, String processName,
      String started, String ended, String state) {
  }

  private static AccessDeniedException refused(String viewer, String ref) {
    return new AccessDeniedException("用户 " + viewer + " 无权查看案件 " + ref + " 的全程纪实：只有本组织及上级组织的相关人员可以查看");
  }

  /** Copies a finished case's record to the permanent archive (once), with the groups that may read it. */
  public void archive(String processInstanceId) {
    system.run(() -> {
      HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
          .processInstanceId(processInstanceId).singleResult();
      if (instance == null || instance.getEndTime() == null) {
        return;
      }
      archive.keep(build(instance), new java.sql.Timestamp(instance.getEndTime().getTime()),
          access.historyReaders(processInstanceId));
    });
  }

  public boolean archived(String processInstanceId) {
    return archive.contains(processInstanceId);
  }

  CaseRecord build(HistoricProcessInstance pi) {
    String id = pi.getId();
    List<HistoricTaskInstance> tasks = new ArrayList<>(all(historyService.createHistoricTaskInstanceQuery()
        .processInstanceId(id)));
    // a called process without a case number of its own (分类定级's ballots) is a step of its caller's case;
    // one with a case number (整顿后进) is a case with its own record. By the root: the engine indexes it, not
    // the caller
    for (HistoricProcessInstance part : all(historyService.createHistoricProcessInstanceQuery()
        .rootProcessInstanceId(pi.getRootProcessInstanceId()))) {
      if (id.equals(part.getSuperProcessInstanceId()) && part.getBusinessKey() == null) {
        tasks.addAll(all(historyService.createHistoricTaskInstanceQuery().processInstanceId(part.getId())));
      }
    }
    List<HistoricVariableUpdate> updates = all(historyService.createHistoricDetailQuery().processInstanceId(id)
        .variableUpdates().orderPartiallyByOccurrence().asc()).stream().filter(HistoricVariableUpdate.class::isInstance)
        .map(HistoricVariableUpdate.class::cast).toList();
    Map<String, UserOperationLogEntry> completions = new HashMap<>();
    UserOperationLogEntry creation = null;
    for (UserOperationLogEntry e : all(historyService.createUserOperationLogQuery().processInstanceId(id))) {
      if (UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(e.getOperationType()) && e.getTaskId() != null) {
        completions.putIfAbsent(e.getTaskId(), e);
      } else if (UserOperationLogEntry.OPERATION_TYPE_CREATE.equals(e.getOperationType())
          && "ProcessInstance".equals(e.getEntityType())) {
        creation = e;
      }
    }
    Map<String, String> names = new HashMap<>();
    Function<String, String> person = userId -> userId == null ? null : names.computeIfAbsent(userId, this::person);

    // steps recorded from an imported workbook (补录) say so, with who imported them, when and from which file
    Map<String, Backfill.Source> backfilled = backfill.stepsOf(id);
    Function<String, String> backfillNote = element -> {
      Backfill.Source source = backfilled.get(element);
      return source == null ? null : "补录：" + person.apply(source.importedBy()) + "于 "
          + source.importedAt().toString().replace('T', ' ').substring(0, 16) + " 从《" + source.fileName()
          + "》导入（据纸质记录）";
    };
    List<Timed> timeline = new ArrayList<>();
    for (HistoricTaskInstance task : tasks) {
      UserOperationLogEntry done = completions.get(task.getId());
      String opId = done == null ? null : done.getOperationId();
      Map<String, FormField> formFields = forms.fields(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
      List<HistoricVariableUpdate> entered = updates.stream()
          .filter(u -> task.getActivityInstanceId().equals(u.getActivityInstanceId())
              && (opId != null ? opId.equals(u.getUserOperationId()) || derived(u)
                  : task.getEndTime() != null && formFields.containsKey(u.getVariableName())))
          .toList();
      String actor = done != null ? done.getUserId() : task.getAssignee();
      // a step not done (open, or cancelled when the case ended) stands where it was opened
      Date when = status(task) == null ? task.getEndTime() : task.getStartTime();
      String[] numbered = numbered(task.getName());
      List<Field> values = fields(entered, withDynamicOptions(formFields, updates));
      Field date = stepDate(task.getProcessDefinitionKey(), task.getTaskDefinitionKey(), values);
      Entry entry = new Entry(0, Kind.STEP, numbered[0], numbered[1], task.getTaskDefinitionKey(),
          status(task) == null ? person.apply(actor) : null, date == null ? null : date.value(),
          date == null ? null : date.label(), format(when), status(task), values, backfillNote.apply(task.getId()));
      timeline.add(new Timed(when, order(opId != null ? opId : task.getId()), entry, task.getTaskDefinitionKey(),
          task.getEndTime()));
    }
    Map<Timed, java.util.Set<CaseEventType>> typesAttached = new java.util.IdentityHashMap<>();
    for (CaseEvent e : events.forProcessInstance(id)) {
      // an event recorded while completing a step follows that step; under a frozen clock several completions
      // of one task share an instant: each gets at most one event of a type, first come first served
      Timed step = timeline.stream().filter(t -> t.entry.kind() == Kind.STEP && t.endTime != null
          && e.activityId() != null && e.activityId().equals(t.activityId)
          && Math.abs(t.endTime.getTime() - timestamp(e)) < 1000
          && !typesAttached.getOrDefault(t, java.util.Set.of()).contains(e.type()))
          .min(Comparator.comparing((Timed t) -> Math.abs(t.endTime.getTime() - timestamp(e)))
              .thenComparing(Timed::tiebreak))
          .orElse(null);
      if (step != null) {
        typesAttached.computeIfAbsent(step, k -> new java.util.HashSet<>()).add(e.type());
      }
      Date when = new Date(timestamp(e));
      Entry entry = new Entry(0, Kind.EVENT, null, e.type().title(), e.activityId(), person.apply(e.userId()),
          e.actualDate() == null ? null : e.actualDate().toString(), e.actualDate() == null ? null : ACTUAL_DATE,
          format(when), null, eventFields(e), e.description());
      timeline.add(new Timed(step != null ? step.time : when, step != null ? step.tiebreak + 1 : 0, entry,
          e.activityId(), null));
    }
    timeline.sort(Comparator.comparing((Timed t) -> t.time).thenComparing(Timed::tiebreak));

    List<Entry> entries = new ArrayList<>();
    String startOp = creation == null ? null : creation.getOperationId();
    Map<String, FormField> startFields = forms.fields(pi.getProcessDefinitionId(), pi.getStartActivityId());
    List<HistoricVariableUpdate> started = updates.stream().filter(u -> id.equals(u.getActivityInstanceId())
        && (startOp != null ? startOp.equals(u.getUserOperationId()) : startFields.containsKey(u.getVariableName())))
        .toList();
    String[] startName = numbered(activityName(id, pi.getStartActivityId(), "开始"));
    List<Field> startValues = fields(started, startFields);
    Field startDate = stepDate(pi.getProcessDefinitionKey(), pi.getStartActivityId(), startValues);
    entries.add(new Entry(1, Kind.START, startName[0], startName[1],
        pi.getStartActivityId(), person.apply(pi.getStartUserId()), startDate == null ? null : startDate.value(),
        startDate == null ? null : startDate.label(), format(pi.getStartTime()), null, startValues,
        backfillNote.apply(pi.getStartActivityId())));
    for (Timed t : timeline) {
      Entry e = t.entry;
      entries.add(new Entry(entries.size() + 1, e.kind(), e.stepNumber(), e.name(), e.activityId(), e.actor(),
          e.date(), e.dateLabel(), e.time(), e.open(), e.values(), e.note()));
    }
    String endName = null;
    String endActivityId = null;
    if (pi.getEndTime() != null) {
      HistoricActivityInstance end = endEvent(id);
      endActivityId = end != null ? end.getActivityId() : pi.getEndActivityId();
      endName = end != null && end.getActivityName() != null ? end.getActivityName()
          : activityName(id, pi.getEndActivityId(), pi.getDeleteReason() != null ? "已删除" : "结束");
      entries.add(new Entry(entries.size() + 1, Kind.END, null, endName, endActivityId, null, null, null,
          format(pi.getEndTime()), null, List.of(), pi.getDeleteReason()));
    }
    String subject = started.stream().filter(u -> "candidateName".equals(u.getVariableName())).map(u -> text(u))
        .findFirst().orElse(null);
    String processName = repositoryService.getProcessDefinition(pi.getProcessDefinitionId()).getName();
    return new CaseRecord(id, pi.getProcessDefinitionKey(), processName, pi.getBusinessKey(), subject,
        format(pi.getStartTime()), person.apply(pi.getStartUserId()), format(pi.getEndTime()), endActivityId,
        endName, entries, CaseRecord.FROM_HISTORY);
  }

  /** Null for a completed step; otherwise why it has no actor. */
  private static String status(HistoricTaskInstance task) {
    if (task.getEndTime() == null) {
      return "待办";
    }
    return "completed".equals(task.getDeleteReason()) ? null : "未办理，已取消";
  }

  private record Timed(Date time, long tiebreak, Entry entry, String activityId, Date endTime) {
  }

  private static boolean derived(HistoricVariableUpdate u) {
    return u.getUserOperationId() == null && DERIVED_LABELS.containsKey(u.getVariableName())
        && u.getValue() != null;
  }

  /**
   * The end event the case ended at (EndEvent_FullMember, EndEvent_Withdrawn inside its event subprocess...):
   * the last end event reached; the history's end activity id names the event subprocess instead.
   */
  private HistoricActivityInstance endEvent(String processInstanceId) {
    return all(historyService.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
        .finished()).stream().filter(a -> a.getActivityType() != null && a.getActivityType().endsWith("EndEvent"))
        .max(Comparator.comparing(HistoricActivityInstance::getEndTime)
            .thenComparing(a -> order(a.getId())))
        .orElse(null);
  }

  /** Steps completed within one clock instant keep their real order: our ids are time-based UUIDs. */
  private static long order(String id) {
    try {
      UUID uuid = UUID.fromString(id.substring(id.indexOf(':') + 1));
      return uuid.version() == 1 ? uuid.timestamp() : 0;
    } catch (IllegalArgumentException e) {
      return 0;
    }
  }

  private static long timestamp(CaseEvent e) {
    return java.sql.Timestamp.valueOf(e.occurredAt()).getTime();
  }

  /** "15 支部大会讨论" → {"15", "支部大会讨论"}; names without a number keep it empty. */
  static String[] numbered(String name) {
    if (name == null) {
      return new String[] {null, null};
    }
    int space = name.indexOf(' ');
    if (space > 0 && Character.isDigit(name.charAt(0))) {
      return new String[] {name.substring(0, space), name.substring(space + 1).trim()};
    }
    return new String[] {null, name};
  }

  private List<Field> fields(List<HistoricVariableUpdate> updates, Map<String, FormField> formFields) {
    Map<String, HistoricVariableUpdate> latest = new LinkedHashMap<>();
    for (HistoricVariableUpdate u : updates) {
      latest.put(u.getVariableName(), u);
    }
    List<Field> result = new ArrayList<>();
    for (FormField f : formFields.values()) {
      HistoricVariableUpdate u = latest.remove(f.key());
      if (u != null && u.getValue() != null) {
        result.add(new Field(f.key(), f.label(), show(u.getValue(), f)));
      }
    }
    for (HistoricVariableUpdate u : latest.values()) {
      // beyond the form: the reasons the step's rules derived (engine-set ones like initiator are left out)
      if (u.getValue() != null && (formFields.isEmpty() || DERIVED_LABELS.containsKey(u.getVariableName()))) {
        result.add(new Field(u.getVariableName(), DERIVED_LABELS.getOrDefault(u.getVariableName(),
            u.getVariableName()), show(u.getValue(), null)));
      }
    }
    return result;
  }

  /** Options from a valuesKey variable: its last value in the case (a JSON list of label/value pairs). */
  private static Map<String, FormField> withDynamicOptions(Map<String, FormField> formFields,
      List<HistoricVariableUpdate> updates) {
    if (formFields.values().stream().allMatch(f -> f.valuesKey() == null)) {
      return formFields;
    }
    Map<String, FormField> result = new LinkedHashMap<>();
    for (FormField f : formFields.values()) {
      Map<String, String> options = new LinkedHashMap<>(f.options());
      if (f.valuesKey() != null) {
        updates.stream().filter(u -> f.valuesKey().equals(u.getVariableName()) && u.getValue() != null)
            .reduce((first, second) -> second).ifPresent(u -> {
              if (u.getValue() instanceof SpinJsonNode node && node.isArray()) {
                for (SpinJsonNode option : node.elements()) {
                  if (option.hasProp("value") && option.hasProp("label")) {
                    options.put(option.prop("value").stringValue(), option.prop("label").stringValue());
                  }
                }
              }
            });
      }
      result.put(f.key(), new FormField(f.key(), f.label(), f.type(), options, f.valuesKey()));
    }
    return result;
  }

  /** The step's own date among the values its form recorded (StepDates), or null when it records none. */
  private static Field stepDate(String processKey, String activityId, List<Field> values) {
    String key = StepDates.field(processKey, activityId);
    return key == null ? null : values.stream().filter(f -> key.equals(f.key())).findFirst().orElse(null);
  }

  private static List<Field> eventFields(CaseEvent e) {
    List<Field> result = new ArrayList<>();
    if (e.ruleCode() != null) {
      result.add(new Field("ruleCode", "规则", e.ruleCode()));
    }
    if (e.dueDate() != null) {
      result.add(new Field("dueDate", "期限", e.dueDate().toString()));
    }
    if (e.actualDate() != null) {
      result.add(new Field("actualDate", ACTUAL_DATE, e.actualDate().toString()));
    }
    return result;
  }

  /** A value as the form showed it: option labels for choices, 是/否 for booleans. */
  static String show(Object value, FormField field) {
    if (value instanceof Boolean b) {
      return b ? "是" : "否";
    }
    if (value instanceof Date d) {
      return format(d);
    }
    if (value instanceof SpinJsonNode node) {
      if (node.isArray()) {
        List<String> labels = new ArrayList<>();
        for (SpinJsonNode element : node.elements()) {
          String raw = element.isString() ? element.stringValue() : element.toString();
          labels.add(option(raw, field));
        }
        return String.join("、", labels);
      }
      return node.toString();
    }
    if (value instanceof Collection<?> list) {
      return String.join("、", list.stream().map(v -> option(String.valueOf(v), field)).toList());
    }
    return option(String.valueOf(value), field);
  }

  private static String option(String raw, FormField field) {
    return field == null ? raw : field.options().getOrDefault(raw, raw);
  }

  private static String text(HistoricVariableUpdate u) {
    return u.getValue() == null ? null : String.valueOf(u.getValue());
  }

  private String activityName(String processInstanceId, String activityId, String fallback) {
    if (activityId == null) {
      return fallback;
    }
    List<HistoricActivityInstance> found = historyService.createHistoricActivityInstanceQuery()
        .processInstanceId(processInstanceId).activityId(activityId).listPage(0, 1);
    String name = found.isEmpty() ? null : found.get(0).getActivityName();
    return name == null ? fallback : name;
  }

  /** "何秀英（guitu.clerk）": the name the engine knows, with the account. */
  private String person(String userId) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return userId;
    }
    // the demo data and Admin keep the family name (姓) in firstName, as Camunda shows "firstName lastName"
    String name = (nullToEmpty(user.getFirstName()) + nullToEmpty(user.getLastName())).trim();
    return name.isEmpty() ? userId : name + "（" + userId + "）";
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  static String format(Date date) {
    if (date == null) {
      return null;
    }
    SimpleDateFormat f = new SimpleDateFormat("yyyy-MM-dd HH:mm");
    f.setTimeZone(TimeZone.getTimeZone("Asia/Shanghai"));
    return f.format(date);
  }

  private static <T> List<T> all(Query<?, T> query) {
    List<T> result = new ArrayList<>();
    for (int first = 0; ; first += PAGE) {
      List<T> page = query.listPage(first, PAGE);
      result.addAll(page);
      if (page.size() < PAGE) {
        return result;
      }
    }
  }
}
