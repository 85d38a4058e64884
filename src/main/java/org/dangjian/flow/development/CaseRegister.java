package org.dangjian.flow.development;

import static org.dangjian.flow.development.MemberDevelopment.Vars.BRANCH_ID;
import static org.dangjian.flow.development.MemberDevelopment.Vars.BRANCH_NAME;
import static org.dangjian.flow.development.MemberDevelopment.Vars.CASE_NUMBER;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.NativeHistoricProcessInstanceQuery;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.dangjian.flow.organization.CaseAccess;
import org.dangjian.flow.organization.Organization;
import org.dangjian.flow.organization.OrganizationRepository;
import org.dangjian.flow.organization.Role.CaseReading;
import org.dangjian.flow.system.AccessDeniedException;
import org.dangjian.flow.system.BusinessCalendar;
import org.dangjian.flow.system.Spreadsheets;
import org.dangjian.flow.system.SystemAccess;
import org.dangjian.flow.system.VariableText;
import org.springframework.stereotype.Service;

/**
 * 台账: every 发展党员 case of an organization, one row each, running and ended: applicant, branch, stage, the
 * step it waits at and who holds it, the due date, the days since the application, and the key dates of the case
 * (application, activist, development target, admission meeting, approval, probation end, conversion). Read by
 * the same people as the overdue list (逾期待办): the organization's and its ancestors' clerks, approvers,
 * organization department and supervisors ({@link CaseReading#FULL}); a committee sees its branches' cases
 * ({@link CaseScope}).
 */
@Service
public class CaseRegister {

  public static final int MAX_PAGE = 500;
  /** The spreadsheet is read in pages of this size (query-max-results-limit). */
  private static final int EXPORT_CHUNK = 500;

  /** A key date of the case: the variable the steps record it in, and its Chinese title. */
  public record DateColumn(String key, String title) {
  }

  /** The key dates, in the order of the process (细则 第5–32条). */
  public static final List<DateColumn> DATE_COLUMNS = List.of(
      new DateColumn("applicationDate", "递交入党申请书"),
      new DateColumn("talkDate", "谈话"),
      new DateColumn("activistDate", "确定为入党积极分子"),
      new DateColumn("targetDate", "确定为发展对象"),
      new DateColumn("meetingDate", "支部大会讨论接收"),
      new DateColumn("admissionApprovalDate", "上级党委审批"),
      new DateColumn("probationEndDate", "预备期满"),
      new DateColumn("conversionApprovalDate", "审批转正"),
      new DateColumn("fullMembershipDate", "转为正式党员"));

  /** Which cases a register lists. */
  public enum State {
    ALL, OPEN, ENDED;

    static State of(String text) {
      if (text == null || text.isBlank()) {
        return ALL;
      }
      return switch (text.strip().toLowerCase()) {
        case "all" -> ALL;
        case "open" -> OPEN;
        case "ended" -> ENDED;
        default -> throw new InvalidRequestException("state 只能是 all（全部）、open（在办）或 ended（已结案）");
      };
    }
  }

  /**
   * One case. {@code dueDate} is the last day of the earliest open step (its deadline is the end of that day),
   * {@code daysOpen} the days from the application to the end of the case or today.
   */
  public record CaseRow(String caseNumber, String processInstanceId, String candidateName, String branchId,
      String branchName, String stage, String step, String holder, LocalDate dueDate, boolean overdue,
      long daysOpen, boolean ended, String result, LocalDate endDate, Map<String, LocalDate> dates) {
  }

  public record Page(String organizationId, String organizationName, long total, int firstResult,
      List<DateColumn> dateColumns, List<CaseRow> items) {
  }

  private static final List<String> ROW_VARIABLES = Stream.concat(
      Stream.of(CASE_NUMBER, "candidateName", BRANCH_ID, BRANCH_NAME),
      DATE_COLUMNS.stream().map(DateColumn::key)).toList();

  private final HistoryService history;
  private final TaskService tasks;
  private final IdentityService identity;
  private final RepositoryService repository;
  private final OrganizationRepository organizations;
  private final CaseAccess access;
  private final SystemAccess system;

  CaseRegister(HistoryService history, TaskService tasks, IdentityService identity, RepositoryService repository,
      OrganizationRepository organizations, CaseAccess access, SystemAccess system) {
    this.history = history;
    this.tasks = tasks;
    this.identity = identity;
    this.repository = repository;
    this.organizations = organizations;
    this.access = access;
    this.system = system;
  }

  /**
   * A page of the register, newest case first, for a user who reads the organization's cases; {@code search} (if
   * given) keeps the cases whose number or applicant's name contains it.
   */
  public Page list(String organizationId, String state, String search, String userId, int firstResult,
      int maxResults) {
    if (firstResult < 0 || maxResults < 1 || maxResults > MAX_PAGE) {
      throw new InvalidRequestException("分页参数无效：firstResult ≥ 0，maxResults 为 1 至 " + MAX_PAGE);
    }
    State which = State.of(state);
    Organization organization = readable(organizationId, userId);
    return system.call(() -> {
      Cases cases = casesOf(organization, which, search(search));
      long total = cases.count();
      List<CaseRow> rows = total == 0 ? List.of() : rows(cases.page(firstResult, maxResults));
      return new Page(organization.id(), organization.name(), total, firstResult, DATE_COLUMNS, rows);
    });
  }

  /** The whole register as a spreadsheet: a bold frozen header with an autofilter, the dates as date cells. */
  public byte[] xlsx(String organizationId, String state, String search, String userId) {
    State which = State.of(state);
    Organization organization = readable(organizationId, userId);
    List<CaseRow> all = system.call(() -> {
      Cases cases = casesOf(organization, which, search(search));
      long total = cases.count();
      List<CaseRow> rows = new ArrayList<>();
      for (int first = 0; first < total; first += EXPORT_CHUNK) {
        rows.addAll(rows(cases.page(first, EXPORT_CHUNK)));
      }
      return rows;
    });
    return workbook(organization, all);
  }

  /** The file name of the spreadsheet: the organization's name and today. */
  public String fileName(String organizationId) {
    String name = organizations.findById(organizationId).map(Organization::name).orElse(organizationId);
    return name + "发展党员台账-" + BusinessCalendar.today() + ".xlsx";
  }

  static final List<String> FIXED_TITLES = List.of("案件编号", "申请人", "党支部", "阶段", "当前步骤", "办理人",
      "办理期限", "已历天数", "状态");

  private static byte[] workbook(Organization organization, List<CaseRow> rows) {
    try (XSSFWorkbook book = new XSSFWorkbook()) {
      Spreadsheets look = new Spreadsheets(book);
      Sheet sheet = book.createSheet("发展党员台账");
      List<String> titles = new ArrayList<>(FIXED_TITLES);
      DATE_COLUMNS.forEach(c -> titles.add(c.title()));
      titles.add("结案日期");
      look.header(sheet, 0, titles.toArray(String[]::new));
      int n = 1;
      for (CaseRow r : rows) {
        Row row = sheet.createRow(n++);
        look.text(row, 0, r.caseNumber());
        look.text(row, 1, r.candidateName());
        look.text(row, 2, r.branchName());
        look.text(row, 3, r.stage());
        look.text(row, 4, r.step());
        look.text(row, 5, r.holder());
        look.date(row, 6, r.dueDate());
        look.number(row, 7, r.daysOpen());
        look.text(row, 8, r.ended() ? "已结案：" + r.result() : r.overdue() ? "在办（已逾期）" : "在办");
        int column = FIXED_TITLES.size();
        for (DateColumn c : DATE_COLUMNS) {
          look.date(row, column++, r.dates().get(c.key()));
        }
        look.date(row, column, r.endDate());
      }
      look.table(sheet, 0, n - 1, titles.size());
      int[] widths = new int[titles.size()];
      int[] fixed = {18, 10, 18, 26, 30, 26, 12, 9, 16};
      for (int i = 0; i < widths.length; i++) {
        widths[i] = i < fixed.length ? fixed[i] : 13;
      }
      look.widths(sheet, widths);
      // the organization's name in the document's properties; the sheet itself starts with the header
      book.getProperties().getCoreProperties().setTitle(organization.name() + " 发展党员台账");
      return look.bytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Organization readable(String organizationId, String userId) {
    if (organizationId == null || organizationId.isBlank()) {
      throw new InvalidRequestException("请选择组织（organizationId）");
    }
    Organization organization = organizations.findById(organizationId.strip())
        .orElseThrow(() -> new OverdueTasks.UnknownOrganizationException(organizationId));
    if (!access.readsOrganization(userId, organization.id(), CaseReading.FULL)) {
      throw new AccessDeniedException("无权查看“" + organization.name()
          + "”的发展党员台账：只有本组织及上级组织的党务工作者、审批人、组织部门和督导可以查看");
    }
    return organization;
  }

  /** The cases of an organization: how many, and a page of them. */
  private interface Cases {
    long count();

    List<HistoricProcessInstance> page(int firstResult, int maxResults);
  }

  /**
   * The organization's cases through the history (running and ended alike), by the variable of its scope: one
   * native query with {@code IN}, as the overdue list does, so that a working committee's committees are read
   * through the variable index rather than as an OR of conditions. Newest first, ties by id (pages neither repeat
   * nor skip a case).
   */
  private static String search(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    if (text.strip().length() > 50) {
      throw new InvalidRequestException("查找内容不能超过 50 个字");
    }
    // LIKE's own wildcards in the text are taken literally
    return "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  private Cases casesOf(Organization organization, State state, String like) {
    CaseScope scope = CaseScope.of(organization, organizations);
    if (scope.values().isEmpty()) {
      return new Cases() {
        public long count() {
          return 0;
        }

        public List<HistoricProcessInstance> page(int firstResult, int maxResults) {
          return List.of();
        }
      };
    }
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < scope.values().size(); i++) {
      in.append(i == 0 ? "" : ", ").append("#{value").append(i).append('}');
    }
    String from = " from ACT_HI_PROCINST p join ACT_HI_VARINST v on v.PROC_INST_ID_ = p.PROC_INST_ID_"
        + " and v.EXECUTION_ID_ = p.PROC_INST_ID_ and v.NAME_ = #{variable} and v.TEXT_ in (" + in + ")"
        + " where p.PROC_DEF_KEY_ = #{processKey}"
        + switch (state) {
          case ALL -> "";
          case OPEN -> " and p.END_TIME_ is null";
          case ENDED -> " and p.END_TIME_ is not null";
        }
        + (like == null ? "" : " and (p.BUSINESS_KEY_ like #{like} escape '\\' or exists (select 1 from ACT_HI_VARINST n"
            + " where n.PROC_INST_ID_ = p.PROC_INST_ID_ and n.EXECUTION_ID_ = p.PROC_INST_ID_"
            + " and n.NAME_ = 'candidateName' and n.TEXT_ like #{like} escape '\\'))");
    Function<String, NativeHistoricProcessInstanceQuery> query = sql -> {
      NativeHistoricProcessInstanceQuery q = history.createNativeHistoricProcessInstanceQuery().sql(sql)
          .parameter("variable", scope.variable()).parameter("processKey", MemberDevelopment.PROCESS_KEY);
      if (like != null) {
        q.parameter("like", like);
      }
      for (int i = 0; i < scope.values().size(); i++) {
        q.parameter("value" + i, scope.values().get(i));
      }
      return q;
    };
    return new Cases() {
      public long count() {
        return query.apply("select count(*)" + from).count();
      }

      public List<HistoricProcessInstance> page(int firstResult, int maxResults) {
        return query.apply("select p.*" + from + " order by p.START_TIME_ desc, p.ID_ desc")
            .listPage(firstResult, maxResults);
      }
    };
  }

  /** The rows of a page of cases: their variables, open activities, tasks and holders read once per page. */
  private List<CaseRow> rows(List<HistoricProcessInstance> cases) {
    if (cases.isEmpty()) {
      return List.of();
    }
    String[] ids = cases.stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
    Map<String, Map<String, String>> variables = variables(ids);
    Map<String, List<HistoricActivityInstance>> openActivities = openActivities(ids);
    Map<String, List<Task>> openTasks = tasks.createTaskQuery().processInstanceIdIn(ids)
        .orderByTaskCreateTime().asc().orderByTaskId().asc().listPage(0, ids.length * 10).stream()
        .collect(Collectors.groupingBy(Task::getProcessInstanceId));
    Map<String, String> holders = holders(openTasks.values().stream().flatMap(List::stream).toList());
    Date now = ClockUtil.getCurrentTime();
    LocalDate today = BusinessCalendar.today();
    List<CaseRow> rows = new ArrayList<>();
    for (HistoricProcessInstance pi : cases) {
      Map<String, String> v = variables.getOrDefault(pi.getId(), Map.of());
      List<HistoricActivityInstance> open = openActivities.getOrDefault(pi.getId(), List.of());
      List<Task> caseTasks = openTasks.getOrDefault(pi.getId(), List.of());
      boolean ended = pi.getEndTime() != null;
      Map<String, LocalDate> dates = new LinkedHashMap<>();
      for (DateColumn c : DATE_COLUMNS) {
        dates.put(c.key(), Spreadsheets.parseDate(v.get(c.key())));
      }
      LocalDate endDate = ended ? day(pi.getEndTime()) : null;
      LocalDate from = dates.get("applicationDate") != null ? dates.get("applicationDate") : day(pi.getStartTime());
      long daysOpen = Math.max(0, ChronoUnit.DAYS.between(from, ended ? endDate : today));
      Date due = caseTasks.stream().map(Task::getDueDate).filter(d -> d != null).min(Comparator.naturalOrder())
          .orElse(null);
      String result = ended ? elementName(pi.getProcessDefinitionId(), pi.getEndActivityId()) : null;
      rows.add(new CaseRow(v.getOrDefault(CASE_NUMBER, pi.getBusinessKey()), pi.getId(), v.get("candidateName"),
          v.get(BRANCH_ID), v.get(BRANCH_NAME), ended ? "已结案" : stage(open), ended ? result : step(open, caseTasks),
          caseTasks.stream().map(t -> holders.get(t.getId())).filter(h -> h != null).distinct()
              .collect(Collectors.joining("；")),
          due == null ? null : lastDay(due), due != null && due.before(now), daysOpen, ended, result, endDate, dates));
    }
    return rows;
  }

  /** The stage (阶段) the case is in: its open stage subprocess ("第四阶段 预备党员的接收"). */
  private static String stage(List<HistoricActivityInstance> open) {
    return open.stream().filter(a -> "subProcess".equals(a.getActivityType()) && a.getActivityName() != null
        && a.getActivityName().startsWith("第")).map(HistoricActivityInstance::getActivityName).findFirst()
        .orElse(open.stream().filter(a -> "subProcess".equals(a.getActivityType()))
            .map(HistoricActivityInstance::getActivityName).findFirst().orElse(null));
  }

  /**
   * The step the case waits at: its open tasks by their names with the official number ("15 支部大会讨论"), or, between
   * steps, the timer it waits for ("等待：半年考察到期").
   */
  private static String step(List<HistoricActivityInstance> open, List<Task> caseTasks) {
    if (!caseTasks.isEmpty()) {
      return caseTasks.stream().map(Task::getName).distinct().collect(Collectors.joining("；"));
    }
    return open.stream().filter(a -> a.getActivityType() != null && a.getActivityType().contains("Timer"))
        .map(a -> "等待：" + a.getActivityName()).distinct().collect(Collectors.joining("；"));
  }

  private static LocalDate day(Date moment) {
    return moment.toInstant().atZone(BusinessCalendar.ZONE).toLocalDate();
  }

  /** A deadline is the start of the next day (00:00): its last day is the day before. */
  private static LocalDate lastDay(Date due) {
    return due.toInstant().minusMillis(1).atZone(BusinessCalendar.ZONE).toLocalDate();
  }

  private final Map<String, Map<String, String>> elementNames = new java.util.concurrent.ConcurrentHashMap<>();

  /** An element's name in its deployed model (an end event: "转为正式党员", "已撤回或终止"). */
  private String elementName(String processDefinitionId, String elementId) {
    if (elementId == null) {
      return null;
    }
    return elementNames.computeIfAbsent(processDefinitionId, id -> {
      Map<String, String> names = new HashMap<>();
      for (FlowElement e : repository.getBpmnModelInstance(id).getModelElementsByType(FlowElement.class)) {
        if (e.getName() != null) {
          names.put(e.getId(), e.getName());
        }
      }
      return names;
    }).getOrDefault(elementId, elementId);
  }

  /** The row variables of the cases at the process level, as text whatever type they were given. */
  private Map<String, Map<String, String>> variables(String[] ids) {
    Map<String, Map<String, String>> byCase = new HashMap<>();
    for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery().processInstanceIdIn(ids)
        .variableNameIn(ROW_VARIABLES.toArray(String[]::new)).disableCustomObjectDeserialization()
        .listPage(0, ids.length * ROW_VARIABLES.size())) {
      if (v.getProcessInstanceId().equals(v.getExecutionId())) {
        byCase.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>()).put(v.getName(), VariableText.of(v));
      }
    }
    return byCase;
  }

  /** The activities still open in the cases (stage subprocesses, user tasks, timers). */
  private Map<String, List<HistoricActivityInstance>> openActivities(String[] ids) {
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < ids.length; i++) {
      in.append(i == 0 ? "" : ", ").append("#{id").append(i).append('}');
    }
    var query = history.createNativeHistoricActivityInstanceQuery()
        .sql("select * from ACT_HI_ACTINST where END_TIME_ is null and PROC_INST_ID_ in (" + in + ")"
            + " order by START_TIME_ asc, ID_ asc");
    for (int i = 0; i < ids.length; i++) {
      query.parameter("id" + i, ids[i]);
    }
    return query.listPage(0, ids.length * 20).stream()
        .collect(Collectors.groupingBy(HistoricActivityInstance::getProcessInstanceId));
  }

  /** Who holds each task: the assignee by name, else its candidate groups by name ("规土局党支部 党务工作者"). */
  private Map<String, String> holders(List<Task> open) {
    Map<String, List<String>> groupsOfTask = new HashMap<>();
    Set<String> userIds = new LinkedHashSet<>();
    Set<String> groupIds = new LinkedHashSet<>();
    for (Task t : open) {
      if (t.getAssignee() != null) {
        userIds.add(t.getAssignee());
        continue;
      }
      List<String> groups = tasks.getIdentityLinksForTask(t.getId()).stream()
          .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
          .map(IdentityLink::getGroupId).toList();
      groupsOfTask.put(t.getId(), groups);
      groupIds.addAll(groups);
    }
    Map<String, String> userNames = userIds.isEmpty() ? Map.of()
        : identity.createUserQuery().userIdIn(userIds.toArray(String[]::new)).listPage(0, userIds.size()).stream()
            .collect(Collectors.toMap(User::getId, CaseRegister::nameOf));
    Map<String, String> groupNames = groupIds.isEmpty() ? Map.of()
        : identity.createGroupQuery().groupIdIn(groupIds.toArray(String[]::new)).listPage(0, groupIds.size())
            .stream().collect(Collectors.toMap(Group::getId, g -> g.getName() == null ? g.getId() : g.getName()));
    Map<String, String> holders = new HashMap<>();
    for (Task t : open) {
      holders.put(t.getId(), t.getAssignee() != null ? userNames.getOrDefault(t.getAssignee(), t.getAssignee())
          : groupsOfTask.getOrDefault(t.getId(), List.of()).stream().map(g -> groupNames.getOrDefault(g, g))
              .collect(Collectors.joining("、")));
    }
    return holders;
  }

  /** The demo data and Admin keep the family name (姓) in firstName, as Camunda shows "firstName lastName". */
  private static String nameOf(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName())
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? user.getId() : name;
  }

  public static class InvalidRequestException extends RuntimeException {
    InvalidRequestException(String message) {
      super(message);
    }
  }
}
