package org.dangjian.flow.supervision;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.dangjian.flow.development.MemberDevelopment;
import org.dangjian.flow.development.OverdueTasks;
import org.dangjian.flow.organization.CaseAccess;
import org.dangjian.flow.organization.Organization;
import org.dangjian.flow.organization.OrganizationKind;
import org.dangjian.flow.organization.OrganizationRepository;
import org.dangjian.flow.organization.Role;
import org.dangjian.flow.supervision.DevelopmentStages.Place;
import org.dangjian.flow.supervision.DevelopmentStages.Stage;
import org.dangjian.flow.supervision.SupervisionQueries.BranchCount;
import org.dangjian.flow.system.AccessDeniedException;
import org.dangjian.flow.system.BusinessCalendar;
import org.dangjian.flow.system.SystemAccess;
import org.dangjian.flow.system.VariableText;
import org.springframework.stereotype.Service;

/**
 * 督导总览: the domain's view of the organizations a supervisor (督导) supervises — cases per stage and step per
 * organization, overdue steps, violations, days per step against the days allowed, gradings and village help — and
 * the drill-down to one organization's cases. Only for the supervisors of the organization or of one above it and
 * administrators; clerks, approvers and auditors are refused (they have their own pages).
 */
@Service
class Supervision {

  static final int MAX_PAGE = 200;
  /** Days per step over the last twelve months: a year's work, not the whole history. */
  static final int DURATION_MONTHS = 12;
  private static final int RECENT_VIOLATIONS = 10;
  private static final int TOP_OVERDUE = 10;

  record OrganizationRef(String id, String name, String kind, boolean branch) {
  }

  record StageTotal(String key, String name, long cases) {
  }

  /** One organization below the one shown (or the one shown itself, for its own cases): its counts. */
  record Unit(OrganizationRef organization, boolean own, long cases, Map<String, Long> stages, long overdue,
      long violations) {
  }

  record StepTotal(String activityId, String name, String stageKey, long cases, Map<String, Long> perUnit) {
  }

  record StepDuration(String activityId, String name, String stageKey, long completed, double averageDays,
      Double allowedDays, long late) {
  }

  record Violations(long total, List<SupervisionQueries.Violation> recent) {
  }

  record GradingStatus(OrganizationRef organization, Integer year, String level, String status) {
  }

  record VillageHelpStatus(String villageName, String helpUnitName, LocalDate termStart, LocalDate termEnd,
      String visit, long flaggedReports, long openHelpCases, String lastGrade, boolean ended) {
  }

  record Overview(OrganizationRef organization, List<OrganizationRef> path, LocalDate today, long cases,
      List<StageTotal> stages, List<Unit> units, List<StepTotal> steps, OverdueTasks.Page overdue,
      Violations violations, int durationMonths, List<StepDuration> durations, List<GradingStatus> gradings,
      List<VillageHelpStatus> villageHelp, long millis) {
  }

  record OpenStep(String name, String holder, Date dueDate, boolean overdue) {
  }

  record CaseRow(String caseNumber, String processInstanceId, String applicant, String stage, List<OpenStep> steps,
      LocalDate applicationDate, Date started, long daysOpen, boolean overdue, String recordUrl) {
  }

  record CasePage(OrganizationRef organization, List<OrganizationRef> path, long total, int firstResult,
      List<CaseRow> items) {
  }

  private final OrganizationRepository organizations;
  private final CaseAccess access;
  private final SystemAccess system;
  private final SupervisionQueries queries;
  private final DevelopmentStages developmentStages;
  private final OverdueTasks overdueTasks;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final HistoryService historyService;
  private final IdentityService identityService;

  Supervision(OrganizationRepository organizations, CaseAccess access, SystemAccess system,
      SupervisionQueries queries, DevelopmentStages developmentStages, OverdueTasks overdueTasks,
      RuntimeService runtimeService, TaskService taskService, HistoryService historyService,
      IdentityService identityService) {
    this.organizations = organizations;
    this.access = access;
    this.system = system;
    this.queries = queries;
    this.developmentStages = developmentStages;
    this.overdueTasks = overdueTasks;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.historyService = historyService;
    this.identityService = identityService;
  }

  /** The organizations the user supervises at the top (those below are reached by drilling down). */
  List<OrganizationRef> supervised(String userId) {
    Tree tree = tree();
    List<OrganizationRef> tops = new ArrayList<>();
    for (Organization o : tree.all.values()) {
      if (organizations.isClosed(o.id()) || !o.kind().roles().contains(Role.SUPERVISOR)) {
        continue;
      }
      boolean above = false;
      for (Organization p = tree.parent(o); p != null; p = tree.parent(p)) {
        above |= p.kind().roles().contains(Role.SUPERVISOR) && access.supervises(userId, p.id());
      }
      if (!above && access.supervises(userId, o.id())) {
        tops.add(ref(o));
      }
    }
    return tops;
  }

  Overview overview(String organizationId, String userId) {
    long began = System.nanoTime();
    Tree tree = tree();
    Organization organization = checked(organizationId, userId, tree);
    List<OrganizationRef> path = path(organization, userId, tree);
    return system.call(() -> {
      // each branch (or an organization's own cases) to the unit it is counted under
      Map<String, Organization> unitOf = new LinkedHashMap<>();
      List<Organization> children = tree.children(organization);
      unitOf.put(organization.id(), organization);
      for (Organization child : children) {
        for (Organization below : tree.subtree(child)) {
          unitOf.put(below.id(), child);
        }
      }
      Set<String> holders = unitOf.keySet();
      Map<String, Place> places = developmentStages.places();
      List<Stage> stages = DevelopmentStages.stages(places.values());
      Map<String, String> stageOfActivity = new LinkedHashMap<>();
      places.forEach((id, p) -> stageOfActivity.put(id, p.stage().key()));

      Map<String, Map<String, Long>> stagesPerUnit = new HashMap<>();
      Map<String, Long> casesPerUnit = new HashMap<>();
      Map<String, Long> stageTotals = new HashMap<>();
      for (SupervisionQueries.StageCount c : queries.stages(holders, stageOfActivity)) {
        String unit = unitId(unitOf, organization, c.branchId());
        stagesPerUnit.computeIfAbsent(unit, k -> new LinkedHashMap<>()).merge(c.stageKey(), c.cases(), Long::sum);
        stageTotals.merge(c.stageKey(), c.cases(), Long::sum);
      }
      // a case waits in one stage at a time (no parallel stages), so its stages' counts add up to its cases
      stagesPerUnit.forEach((unit, counts) -> casesPerUnit.put(unit,
          counts.values().stream().mapToLong(Long::longValue).sum()));

      Map<String, StepTotal> steps = new LinkedHashMap<>();
      Map<String, Map<String, Long>> stepUnits = new HashMap<>();
      Map<String, Long> stepTotals = new HashMap<>();
      for (SupervisionQueries.StepCount c : queries.openSteps(holders)) {
        String unit = unitId(unitOf, organization, c.branchId());
        stepUnits.computeIfAbsent(c.activityId(), k -> new LinkedHashMap<>()).merge(unit, c.cases(), Long::sum);
        stepTotals.merge(c.activityId(), c.cases(), Long::sum);
      }
      for (Place place : places.values()) {
        if (stepTotals.containsKey(place.activityId())) {
          steps.put(place.activityId(), new StepTotal(place.activityId(), place.name(), place.stage().key(),
              stepTotals.get(place.activityId()), stepUnits.get(place.activityId())));
        }
      }
      stepTotals.forEach((activity, n) -> steps.computeIfAbsent(activity,
          a -> new StepTotal(a, a, DevelopmentStages.OTHER.key(), n, stepUnits.get(a))));

      Map<String, Long> overduePerUnit = perUnit(queries.overdue(holders, ClockUtil.getCurrentTime()), unitOf,
          organization);
      Map<String, Long> violationsPerUnit = perUnit(queries.violationsPerBranch(holders), unitOf, organization);

      List<Unit> units = new ArrayList<>();
      if (casesPerUnit.containsKey(organization.id()) || violationsPerUnit.containsKey(organization.id())) {
        units.add(unit(organization, true, casesPerUnit, stagesPerUnit, overduePerUnit, violationsPerUnit));
      }
      for (Organization child : children) {
        // help units and villages have no 发展党员 cases: they show in 驻村帮包
        if (child.kind() != OrganizationKind.HELP_UNIT && child.kind() != OrganizationKind.VILLAGE) {
          units.add(unit(child, false, casesPerUnit, stagesPerUnit, overduePerUnit, violationsPerUnit));
        }
      }
      List<StageTotal> stageList = stages.stream()
          .filter(s -> s != DevelopmentStages.OTHER || stageTotals.containsKey(s.key()))
          .map(s -> new StageTotal(s.key(), s.name(), stageTotals.getOrDefault(s.key(), 0L))).toList();

      Date since = Date.from(BusinessCalendar.today().minusMonths(DURATION_MONTHS)
          .atStartOfDay(BusinessCalendar.ZONE).toInstant());
      List<StepDuration> durations = new ArrayList<>();
      Map<String, SupervisionQueries.Duration> byActivity = new HashMap<>();
      queries.durations(holders, since).forEach(d -> byActivity.put(d.activityId(), d));
      for (Place place : places.values()) {
        SupervisionQueries.Duration d = byActivity.remove(place.activityId());
        if (d != null) {
          durations.add(new StepDuration(d.activityId(), place.name(), place.stage().key(), d.completed(),
              round(d.averageDays()), d.allowedDays() == null ? null : round(d.allowedDays()), d.late()));
        }
      }
      long violationTotal = violationsPerUnit.values().stream().mapToLong(Long::longValue).sum();
      Violations violations = new Violations(violationTotal, queries.recentViolations(holders, RECENT_VIOLATIONS));

      Set<String> subtree = new LinkedHashSet<>();
      tree.subtree(organization).forEach(o -> subtree.add(o.id()));
      List<GradingStatus> gradings = gradings(tree, subtree);
      List<VillageHelpStatus> villageHelp = villageHelp(tree, subtree);
      long cases = casesPerUnit.values().stream().mapToLong(Long::longValue).sum();
      OverdueTasks.Page overdue = overdueTasks.list(organization.id(), userId, 0, TOP_OVERDUE);
      return new Overview(ref(organization), path, BusinessCalendar.today(), cases, stageList, units,
          List.copyOf(steps.values()), overdue, violations, DURATION_MONTHS, durations, gradings, villageHelp,
          (System.nanoTime() - began) / 1_000_000);
    });
  }

  /** One organization's own 发展党员 cases (those whose branch it is), a page at a time, newest case number first. */
  CasePage cases(String organizationId, String userId, int firstResult, int maxResults) {
    if (firstResult < 0 || maxResults < 1 || maxResults > MAX_PAGE) {
      throw new InvalidRequestException("分页参数不正确：firstResult ≥ 0，maxResults 为 1–" + MAX_PAGE);
    }
    Tree tree = tree();
    Organization organization = checked(organizationId, userId, tree);
    List<OrganizationRef> path = path(organization, userId, tree);
    return system.call(() -> {
      ProcessInstanceQuery query = runtimeService.createProcessInstanceQuery()
          .processDefinitionKey(MemberDevelopment.PROCESS_KEY)
          .variableValueEquals(MemberDevelopment.Vars.BRANCH_ID, organization.id());
      long total = query.count();
      List<ProcessInstance> instances = total == 0 ? List.of()
          : query.orderByBusinessKey().desc().orderByProcessInstanceId().asc().listPage(firstResult, maxResults);
      return new CasePage(ref(organization), path, total, firstResult, rows(instances));
    });
  }

  record TaskHolder(String taskId, String name, String holder) {
  }

  /**
   * Who holds each open task of one case (any process): for Cockpit's 用户任务 tab, which shows the assignee only. For
   * the supervisors of one of the case's organizations (or above) and administrators.
   */
  List<TaskHolder> holders(String processInstanceId, String userId) {
    if (processInstanceId == null || processInstanceId.isBlank()) {
      throw new InvalidRequestException("请指定案件（processInstanceId）");
    }
    return system.call(() -> {
      ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId)
          .singleResult();
      if (instance == null) {
        throw new UnknownCaseException(processInstanceId);
      }
      Set<String> organizationIds = new LinkedHashSet<>();
      runtimeService.getVariables(processInstanceId, CaseAccess.ORGANIZATION_VARIABLES).values().stream()
          .filter(v -> v instanceof String id && !id.isBlank()).forEach(v -> organizationIds.add((String) v));
      if (organizationIds.stream().noneMatch(o -> access.supervises(userId, o))) {
        throw new AccessDeniedException("无权查看该案件的办理人：只有本案所属组织及上级组织的督导可以查看");
      }
      List<Task> tasks = taskService.createTaskQuery().processInstanceId(processInstanceId).listPage(0, MAX_PAGE);
      Map<String, String> names = holderNames(tasks);
      return tasks.stream().map(t -> new TaskHolder(t.getId(), t.getName(), names.get(t.getId()))).toList();
    });
  }

  private List<CaseRow> rows(List<ProcessInstance> instances) {
    if (instances.isEmpty()) {
      return List.of();
    }
    String[] ids = instances.stream().map(ProcessInstance::getId).toArray(String[]::new);
    Map<String, Map<String, String>> vars = new HashMap<>();
    for (VariableInstance v : runtimeService.createVariableInstanceQuery().processInstanceIdIn(ids)
        .variableNameIn("candidateName", "applicationDate").disableCustomObjectDeserialization()
        .listPage(0, ids.length * 2)) {
      if (v.getExecutionId().equals(v.getProcessInstanceId())) {
        vars.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>()).put(v.getName(), VariableText.of(v));
      }
    }
    Map<String, Date> started = new HashMap<>();
    for (HistoricProcessInstance h : historyService.createHistoricProcessInstanceQuery()
        .processInstanceIds(Set.of(ids)).listPage(0, ids.length)) {
      started.put(h.getId(), h.getStartTime());
    }
    List<Task> tasks = taskService.createTaskQuery().processInstanceIdIn(ids).orderByTaskCreateTime().asc()
        .listPage(0, ids.length * 10);
    Map<String, String> names = holderNames(tasks);
    Map<String, Place> places = developmentStages.places();
    Map<String, List<OpenStep>> steps = new HashMap<>();
    Map<String, String> stageOf = new HashMap<>();
    Date now = ClockUtil.getCurrentTime();
    for (Task t : tasks) {
      boolean late = t.getDueDate() != null && t.getDueDate().before(now);
      steps.computeIfAbsent(t.getProcessInstanceId(), k -> new ArrayList<>())
          .add(new OpenStep(t.getName(), names.get(t.getId()), t.getDueDate(), late));
      Place place = places.get(t.getTaskDefinitionKey());
      if (place != null) {
        stageOf.putIfAbsent(t.getProcessInstanceId(), place.stage().name());
      }
    }
    // a case without an open task waits at a timer: its stage from where it waits
    for (String id : ids) {
      if (!stageOf.containsKey(id)) {
        for (String activity : runtimeService.getActiveActivityIds(id)) {
          Place place = places.get(activity);
          if (place != null) {
            stageOf.put(id, place.stage().name());
            steps.computeIfAbsent(id, k -> new ArrayList<>()).add(new OpenStep(place.name(), "（等待期限到达）", null,
                false));
            break;
          }
        }
      }
    }
    LocalDate today = BusinessCalendar.today();
    List<CaseRow> rows = new ArrayList<>();
    for (ProcessInstance pi : instances) {
      Map<String, String> v = vars.getOrDefault(pi.getId(), Map.of());
      LocalDate applied = parseDate(v.get("applicationDate"));
      Date start = started.get(pi.getId());
      LocalDate from = applied != null ? applied
          : start == null ? today : start.toInstant().atZone(BusinessCalendar.ZONE).toLocalDate();
      List<OpenStep> open = steps.getOrDefault(pi.getId(), List.of());
      String ref = pi.getBusinessKey() != null ? pi.getBusinessKey() : pi.getId();
      rows.add(new CaseRow(pi.getBusinessKey(), pi.getId(), v.get("candidateName"),
          stageOf.getOrDefault(pi.getId(), DevelopmentStages.OTHER.name()), open, applied, start,
          ChronoUnit.DAYS.between(from, today), open.stream().anyMatch(OpenStep::overdue),
          "/api/records/" + ref + ".html"));
    }
    return rows;
  }

  /** Who holds each task: its assignee's name, else its candidate groups' names. */
  private Map<String, String> holderNames(List<Task> tasks) {
    Map<String, List<String>> groupsOf = new HashMap<>();
    Set<String> users = new LinkedHashSet<>();
    Set<String> groups = new LinkedHashSet<>();
    for (Task t : tasks) {
      if (t.getAssignee() != null) {
        users.add(t.getAssignee());
        continue;
      }
      for (IdentityLink link : taskService.getIdentityLinksForTask(t.getId())) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
          groupsOf.computeIfAbsent(t.getId(), k -> new ArrayList<>()).add(link.getGroupId());
          groups.add(link.getGroupId());
        } else if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null) {
          users.add(link.getUserId());
        }
      }
    }
    Map<String, String> userNames = new HashMap<>();
    if (!users.isEmpty()) {
      for (User u : identityService.createUserQuery().userIdIn(users.toArray(String[]::new))
          .listPage(0, users.size())) {
        userNames.put(u.getId(), (nz(u.getFirstName()) + nz(u.getLastName())).trim());
      }
    }
    Map<String, String> groupNames = new HashMap<>();
    if (!groups.isEmpty()) {
      for (Group g : identityService.createGroupQuery().groupIdIn(groups.toArray(String[]::new))
          .listPage(0, groups.size())) {
        groupNames.put(g.getId(), g.getName() == null ? g.getId() : g.getName());
      }
    }
    Map<String, String> holders = new HashMap<>();
    for (Task t : tasks) {
      if (t.getAssignee() != null) {
        holders.put(t.getId(), userNames.getOrDefault(t.getAssignee(), t.getAssignee()) + "（已认领）");
      } else {
        holders.put(t.getId(), String.join("、", groupsOf.getOrDefault(t.getId(), List.of()).stream()
            .map(g -> groupNames.getOrDefault(g, g)).toList()));
      }
    }
    return holders;
  }

  private List<GradingStatus> gradings(Tree tree, Collection<String> subtree) {
    Map<String, SupervisionQueries.Grading> latest = new HashMap<>();
    queries.gradings(subtree).forEach(g -> latest.put(g.organizationId(), g));
    List<GradingStatus> statuses = new ArrayList<>();
    for (String id : subtree) {
      Organization o = tree.all.get(id);
      if (o == null || o.kind() == OrganizationKind.HELP_UNIT || o.kind() == OrganizationKind.WORKING_COMMITTEE) {
        continue;
      }
      SupervisionQueries.Grading g = latest.get(id);
      String status = g == null ? "未开展" : g.finalizedOn() != null ? "已定级"
          : g.decidedOn() != null ? "已研究，待公布" : "定级中";
      statuses.add(new GradingStatus(ref(o), g == null ? null : g.year(), g == null ? null : g.levelName(), status));
    }
    return statuses;
  }

  private List<VillageHelpStatus> villageHelp(Tree tree, Collection<String> subtree) {
    LocalDate today = BusinessCalendar.today();
    List<VillageHelpStatus> statuses = new ArrayList<>();
    for (SupervisionQueries.Assignment a : queries.assignments(subtree)) {
      String visit = a.visitDate() != null ? "已走访（" + a.visitDate() + "）"
          : a.visitDeadline().isBefore(today) ? "逾期未走访（期限 " + a.visitDeadline() + "）"
          : "待走访（期限 " + a.visitDeadline() + "）";
      Organization unit = tree.all.get(a.helpUnitId());
      statuses.add(new VillageHelpStatus(a.villageName(), unit == null ? a.helpUnitId() : unit.name(),
          a.termStart(), a.termEnd(), visit, a.flaggedReports(), a.openHelpCases(), a.lastGrade(),
          a.endedOn() != null));
    }
    return statuses;
  }

  private Unit unit(Organization o, boolean own, Map<String, Long> cases, Map<String, Map<String, Long>> stages,
      Map<String, Long> overdue, Map<String, Long> violations) {
    return new Unit(ref(o), own, cases.getOrDefault(o.id(), 0L), stages.getOrDefault(o.id(), Map.of()),
        overdue.getOrDefault(o.id(), 0L), violations.getOrDefault(o.id(), 0L));
  }

  private static Map<String, Long> perUnit(List<BranchCount> counts, Map<String, Organization> unitOf,
      Organization shown) {
    Map<String, Long> perUnit = new HashMap<>();
    counts.forEach(c -> perUnit.merge(unitId(unitOf, shown, c.branchId()), c.count(), Long::sum));
    return perUnit;
  }

  private static String unitId(Map<String, Organization> unitOf, Organization shown, String branchId) {
    Organization unit = unitOf.get(branchId);
    return unit == null ? shown.id() : unit.id();
  }

  private Organization checked(String organizationId, String userId, Tree tree) {
    if (organizationId == null || organizationId.isBlank()) {
      throw new InvalidRequestException("请指定组织（organizationId）");
    }
    Organization organization = tree.all.get(organizationId);
    if (organization == null) {
      throw new UnknownOrganizationException(organizationId);
    }
    if (!access.supervises(userId, organizationId)) {
      throw new AccessDeniedException("无权查看“" + organization.name() + "”的督导总览：只有本组织及上级组织的督导可以查看");
    }
    return organization;
  }

  /** From the topmost organization the user supervises down to this one: the breadcrumbs of the drill-down. */
  private List<OrganizationRef> path(Organization organization, String userId, Tree tree) {
    List<OrganizationRef> path = new ArrayList<>();
    for (Organization o = organization; o != null; o = tree.parent(o)) {
      if (o != organization && !access.supervises(userId, o.id())) {
        break;
      }
      path.add(0, ref(o));
    }
    return path;
  }

  private static OrganizationRef ref(Organization o) {
    return new OrganizationRef(o.id(), o.name(), o.kind().name().toLowerCase(), o.isBranch());
  }

  private static double round(double days) {
    return Math.round(days * 10) / 10.0;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static LocalDate parseDate(String text) {
    try {
      return text == null ? null : LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  private Tree tree() {
    return new Tree(organizations.findAll());
  }

  /** The organization tree, read once per request. */
  static final class Tree {
    final Map<String, Organization> all = new LinkedHashMap<>();
    final Map<String, List<Organization>> children = new HashMap<>();

    Tree(List<Organization> organizations) {
      organizations.forEach(o -> all.put(o.id(), o));
      organizations.forEach(o -> {
        if (o.parentId() != null) {
          children.computeIfAbsent(o.parentId(), k -> new ArrayList<>()).add(o);
        }
      });
    }

    Organization parent(Organization o) {
      return o.parentId() == null ? null : all.get(o.parentId());
    }

    List<Organization> children(Organization o) {
      return children.getOrDefault(o.id(), List.of());
    }

    /** The organization and everything below it, once each (a broken tree with a cycle ends). */
    List<Organization> subtree(Organization root) {
      Map<String, Organization> found = new LinkedHashMap<>();
      List<Organization> toVisit = new ArrayList<>(List.of(root));
      while (!toVisit.isEmpty()) {
        Organization o = toVisit.remove(toVisit.size() - 1);
        if (found.putIfAbsent(o.id(), o) == null) {
          toVisit.addAll(children(o));
        }
      }
      return List.copyOf(found.values());
    }
  }

  static class InvalidRequestException extends RuntimeException {
    InvalidRequestException(String message) {
      super(message);
    }
  }

  static class UnknownCaseException extends RuntimeException {
    UnknownCaseException(String processInstanceId) {
      super("案件“" + processInstanceId + "”不存在或已办结");
    }
  }

  static class UnknownOrganizationException extends RuntimeException {
    UnknownOrganizationException(String organizationId) {
      super("组织“" + organizationId + "”不存在");
    }
  }
}
