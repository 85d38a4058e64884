package org.dangjian.flow.development;

import static org.dangjian.flow.development.MemberDevelopment.Tasks.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.DateValue;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.engine.variable.Variables;
import org.dangjian.flow.benchmark.BenchClient;
import org.dangjian.flow.benchmark.HeapWatch;
import org.dangjian.flow.benchmark.IdNumbers;
import org.dangjian.flow.benchmark.Latencies;
import org.dangjian.flow.benchmark.Machine;
import org.dangjian.flow.benchmark.Results;
import org.dangjian.flow.branchlife.BranchMeetingsYearGenerator;
import org.dangjian.flow.benchmark.StorageByTable;
import org.dangjian.flow.benchmark.TasklistPageTiming;
import org.dangjian.flow.organization.EngineIdentity;
import org.dangjian.flow.organization.Organization;
import org.dangjian.flow.organization.OrganizationKind;
import org.dangjian.flow.organization.OrganizationRepository;
import org.dangjian.flow.organization.StandingAuthorizations;
import org.dangjian.flow.system.BusinessCalendar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scale benchmark (issue 6): 发展党员 cases at every step at two sizes on PostgreSQL, with the clerk's task
 * list, a case's record, a committee's overdue list and task completions measured through the REST API with
 * authorization on, side by side with the engine's default schema (our engine indexes dropped) on the same data.
 * Not part of the test run: {@code ./mvnw -Pbenchmark verify} (see README). Prints a table, writes JSON to
 * {@code target/benchmark/}. It never fails on a timing: only on wrong answers.
 *
 * <p>Cases are made the way the engine makes them: a real start (numbering, registry, grants), then the case is
 * moved with process instance modification to the step of a template case that was walked step by step with
 * valid data, carrying that template's variables with its dates shifted to lie before today.
 *
 * <p>三会一课 (issue 17): every branch's year is started by its committee clerk's campaign (POST
 * /api/branch-meetings/years), about half of what fell due is recorded by the branch clerk, the period ends already
 * past are fired and the committee clerk reviews each ended quarter but the latest (see
 * {@link BranchMeetingsYearGenerator}); then the committee's page 三会一课 · 月查季审 is measured as it loads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScaleBenchmark extends DevelopmentTestSupport {

  static final String PASSWORD = "bench";
  /**
   * Running cases per branch; {@code -Dbench.casesPerBranch=10} spreads a size over ten times the branches (at 10,000
   * cases, the 1,000 branches whose year of 三会一课 issue 17 measures) without generating 100,000 cases.
   */
  static final int CASES_PER_BRANCH = Integer.getInteger("bench.casesPerBranch", 100);
  static final int BRANCHES_PER_COMMITTEE = 10;
  static final int COMMITTEES_PER_WORKING_COMMITTEE = 10;
  static final int GENERATOR_THREADS = 4;
  static final int CASES_PER_TRANSACTION = 20;
  static final int FINISHED_PER_100_RUNNING = 10;
  static final int COMPLETIONS = 300;
  static final int COMPLETION_THREADS = 4;

  /** The steps a running case can wait at: 2 to 25 (step 1, the application, is the start). */
  static final List<String> STEPS = List.of(APPLICANT_TALK, DETERMINE_ACTIVIST, FILE_ACTIVIST, ASSIGN_CONTACTS,
      ACTIVIST_REVIEW, DETERMINE_TARGET, FILE_TARGET, ASSIGN_INTRODUCERS, POLITICAL_REVIEW, CONCENTRATED_TRAINING,
      BRANCH_COMMITTEE_REVIEW, PRE_REVIEW, FILL_VOLUNTEER_FORM, ADMISSION_MEETING, COMMITTEE_TALK,
      ADMISSION_APPROVAL, FILE_WITH_ORG_DEPT, ASSIGN_BRANCH_GROUP, OATH, PROBATION_REVIEW, CONVERSION_APPLICATION,
      CONVERSION_MEETING, CONVERSION_APPROVAL, ARCHIVE);

  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern QUOTED_DATE = Pattern.compile("\"(\\d{4}-\\d{2}-\\d{2})\"");
  private static final Pattern INDEX_NAME = Pattern.compile("create index if not exists (\\w+)",
      Pattern.CASE_INSENSITIVE);
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired OrganizationRepository organizations;
  @Autowired EngineIdentity engineIdentity;
  @Autowired StandingAuthorizations standing;
  @Autowired ProcessEngineConfigurationImpl configuration;
  @Autowired org.camunda.bpm.engine.FilterService filterService;
  @Autowired org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties camundaProperties;
  @Autowired ApplicationContext context;

  record Template(String step, Map<String, TypedValue> stepVariables, LocalDate walkedOn, LocalDate applicationDate,
      String processInstanceId) {
  }

  record Branch(String id, String committeeId, String workingCommitteeId) {
    String clerk() {
      return id + ".clerk";
    }
  }

  private final Random random = new Random(20261122);
  private final List<Branch> branches = new ArrayList<>();
  private final List<String> committees = new ArrayList<>();
  private final List<String> workingCommittees = new ArrayList<>();
  private final AtomicInteger applicants = new AtomicInteger();
  private final Map<String, Template> templates = new LinkedHashMap<>();
  private final List<String> runningCases = Collections.synchronizedList(new ArrayList<>());
  private BenchClient client;
  private SessionFactory tunedAuthorizations;
  private String groupTasksFilterId;
  private List<String> engineIndexSql;
  /** 三会一课: the year generated (this year, up to today), the branches that have it, their count per committee. */
  private final int meetingYear = BusinessCalendar.today().getYear();
  private final java.util.Set<String> meetingBranches = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final Map<String, Integer> meetingBranchesOf = new java.util.concurrent.ConcurrentHashMap<>();
  private BranchMeetingsYearGenerator meetingYears;
  private TasklistPageTiming pages;

  /** A fresh database for every run (DANGJIAN_DB_NAME, dangjian_bench by default). */
  @BeforeAll
  static void freshDatabase() throws Exception {
    String host = env("DANGJIAN_DB_HOST", "127.0.0.1");
    String port = env("DANGJIAN_DB_PORT", "5432");
    String name = env("DANGJIAN_DB_NAME", "dangjian_bench");
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres",
        env("DANGJIAN_DB_USER", "postgres"), env("DANGJIAN_DB_PASSWORD", ""));
        Statement s = c.createStatement()) {
      s.execute("drop database if exists " + name + " with (force)");
      s.execute("create database " + name);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  @Test
  void scale() throws Exception {
    client = new BenchClient("http://localhost:" + port);
    tunedAuthorizations = configuration.getSessionFactories().get(AuthorizationManager.class);
    groupTasksFilterId = filterService.createFilterQuery().filterName("本组待办").singleResult().getId();
    engineIndexSql = engineIndexStatements();
    meetingYears = new BranchMeetingsYearGenerator(context);
    List<Integer> sizes = java.util.Arrays.stream(System.getProperty("bench.sizes", "10000,100000").split(","))
        .map(String::trim).map(Integer::parseInt).toList();

    Map<String, Object> report = new LinkedHashMap<>();
    report.put("benchmark", "dangjian-flow scale (issue 6)");
    report.put("startedAt", LocalDateTime.now().toString());
    report.put("machine", Machine.describe());
    report.put("database", jdbc.queryForObject("select version()", String.class));
    report.put("configuration", configurationFacts());
    List<Map<String, Object>> results = new ArrayList<>();
    report.put("sizes", results);

    if (TasklistPageTiming.available()) {
      pages = new TasklistPageTiming("http://localhost:" + port);
    } else {
      System.out.println("benchmark: Chromium and chromedriver are not installed, the Tasklist page is not measured"
          + " (apt-get install chromium chromium-driver)");
    }
    try (HeapWatch heap = new HeapWatch(); AutoCloseable browser = () -> {
      if (pages != null) {
        pages.close();
      }
    }) {
      walkTemplates();
      for (int size : sizes) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("runningCases", size);
        long start = System.nanoTime();
        growTo(size);
        result.put("generationSeconds", Math.round((System.nanoTime() - start) / 1e9));
        result.put("meetings", growMeetings());
        result.put("waitForDueJobsSeconds", waitForDueJobs());
        Map<String, Object> data = dataFacts();
        result.put("data", data);
        result.put("storage", StorageByTable.perCase(jdbc, ((Number) data.get("runningDevelopmentCases")).longValue()
            + ((Number) data.get("finishedDevelopmentCases")).longValue()));
        result.put("walkedCaseStorage", StorageByTable.ofCase(jdbc, templates.get("finished").processInstanceId()));
        result.put("engineDefault", measureQueries(false));
        result.put("tuned", measureQueries(true));
        result.put("completions", measureCompletions());
        result.put("peakHeapMb", heap.peakMb());
        result.put("gcCount", heap.gcCount());
        results.add(result);
        System.out.println(table(report));
      }
    }
    report.put("finishedAt", LocalDateTime.now().toString());
    Path out = Path.of("target", "benchmark");
    Files.createDirectories(out);
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Files.writeString(out.resolve("scale-" + stamp + ".json"), JSON.writeValueAsString(report));
    Files.writeString(out.resolve("scale-latest.json"), JSON.writeValueAsString(report));
    Files.writeString(out.resolve("scale-latest.txt"), table(report));
    Results.keep("scale", report);
    System.out.println(table(report));
  }

  // ---- templates: one case walked step by step with valid data per step

  private void walkTemplates() {
    configuration.getJobExecutor().shutdown();
    try {
      Template start = null;
      for (String step : STEPS) {
        ProcessInstance pi = reach(step);
        Map<String, TypedValue> all = new HashMap<>();
        org.camunda.bpm.engine.variable.VariableMap variables = runtimeService.getVariablesTyped(pi.getId(), false);
        variables.keySet().forEach(k -> all.put(k, variables.getValueTyped(k)));
        if (start == null) {
          start = new Template(step, all, BusinessCalendar.today(), LocalDate.parse("2025-01-10"), pi.getId());
        }
        Map<String, TypedValue> stepVariables = new HashMap<>(all);
        stepVariables.keySet().removeAll(start.stepVariables().keySet());
        templates.put(step, new Template(step, stepVariables, BusinessCalendar.today(), start.applicationDate(),
            pi.getId()));
      }
      // one template walked to its end: a finished case with its complete record
      ProcessInstance archived = reach(ARCHIVE);
      complete(archived, ARCHIVE, BRANCH_CLERK, "archiveDate", BusinessCalendar.today().toString(),
          "archiveLocation", "规土局档案室 A-01", "hasApplicationLetter", true, "hasVolunteerForm", true,
          "hasPoliticalReview", true, "hasConversionApplication", true, "hasCultivationRecords", true);
      templates.put("finished", new Template("finished", Map.of(), BusinessCalendar.today(),
          LocalDate.parse("2025-01-10"), archived.getId()));
    } finally {
      ClockUtil.reset();
      configuration.getJobExecutor().start();
    }
  }

  /**
   * A template case waiting at the step: the walk of the tests, and for the steps its helpers complete in pairs
   * (17 and 18, 19 and 20), the first probation review (21) and the steps after its walk (23 to 25), the same values one step at a time.
   */
  private ProcessInstance reach(String step) {
    if (step.equals(FILE_WITH_ORG_DEPT)) {
      ProcessInstance pi = caseAt(ADMISSION_APPROVAL);
      complete(pi, ADMISSION_APPROVAL, APPROVER, voted("admissionApprovalDate", "2026-02-27", "admissionDecision", "approve"));
      return pi;
    }
    if (step.equals(OATH)) {
      ProcessInstance pi = caseAt(ASSIGN_BRANCH_GROUP);
      complete(pi, ASSIGN_BRANCH_GROUP, BRANCH_CLERK, "assignedBranchId", "guitu", "partyGroup", "第一党小组");
      return pi;
    }
    if (step.equals(PROBATION_REVIEW)) {
      ProcessInstance pi = reach(OATH);
      complete(pi, OATH, BRANCH_CLERK, "oathDate", "2026-03-01");
      fireTimer(pi, MemberDevelopment.Events.PROBATION_REVIEW_DUE);
      return pi;
    }
    if (!List.of(CONVERSION_MEETING, CONVERSION_APPROVAL, ARCHIVE).contains(step)) {
      return caseAt(step);
    }
    ProcessInstance pi = caseAt(CONVERSION_MEETING);
    if (!step.equals(CONVERSION_MEETING)) {
      conversionMeeting(pi, "2027-02-26", "convert");
      if (step.equals(ARCHIVE)) {
        today("2027-03-01");
        complete(pi, CONVERSION_APPROVAL, APPROVER, voted("conversionApprovalDate", "2027-02-28",
            "conversionDecision", "approve"));
      }
    }
    return pi;
  }

  // ---- organizations, users, cases

  private void growTo(int target) throws Exception {
    int branchCount = Math.max(1, target / CASES_PER_BRANCH);
    addOrganizations(branchCount);
    int toCreate = target - runningCases.size();
    int finished = toCreate * FINISHED_PER_100_RUNNING / 100;
    System.out.printf("benchmark: creating %d running and %d finished cases in %d branches%n", toCreate, finished,
        branches.size());
    generate(toCreate, finished);
  }

  private void addOrganizations(int branchCount) {
    int before = branches.size();
    for (int b = before; b < branchCount; b++) {
      int c = b / BRANCHES_PER_COMMITTEE;
      int w = c / COMMITTEES_PER_WORKING_COMMITTEE;
      String working = String.format("bw%02d", w + 1);
      String committee = String.format("%s-c%02d", working, c % COMMITTEES_PER_WORKING_COMMITTEE + 1);
      String branch = String.format("%s-b%02d", committee, b % BRANCHES_PER_COMMITTEE + 1);
      if (!workingCommittees.contains(working)) {
        workingCommittees.add(working);
        organizations.save(new Organization(working, "基准第" + (w + 1) + "工委", OrganizationKind.WORKING_COMMITTEE,
            null, false), 1000 + w);
      }
      if (!committees.contains(committee)) {
        committees.add(committee);
        organizations.save(new Organization(committee, "基准" + committee + "党委", OrganizationKind.PARTY_COMMITTEE,
            working, true), 10000 + c);
      }
      organizations.save(new Organization(branch, "基准" + branch + "党支部", OrganizationKind.BRANCH, committee,
          false), 100000 + b);
      branches.add(new Branch(branch, committee, working));
    }
    engineIdentity.synchronizeGroups();
    for (int b = before; b < branchCount; b++) {
      Branch branch = branches.get(b);
      engineIdentity.ensureUser(branch.clerk(), "基准", "支部党务", PASSWORD, branch.id() + "-clerk");
      engineIdentity.ensureUser(branch.committeeId() + ".clerk", "基准", "党委党务", PASSWORD,
          branch.committeeId() + "-clerk");
      engineIdentity.ensureUser(branch.committeeId() + ".approver", "基准", "党委审批", PASSWORD,
          branch.committeeId() + "-approver");
      engineIdentity.ensureUser(branch.workingCommitteeId() + ".supervisor", "基准", "工委督导", PASSWORD,
          branch.workingCommitteeId() + "-supervisor");
      engineIdentity.ensureUser(branch.workingCommitteeId() + ".auditor", "基准", "工委审计", PASSWORD,
          branch.workingCommitteeId() + "-auditor");
    }
    standing.ensure();
  }

  /** Running cases spread evenly over the steps and the branches; finished ones closed at step 25. */
  private void generate(int running, int finished) throws Exception {
    List<Runnable> batches = new ArrayList<>();
    int total = running + finished;
    AtomicInteger done = new AtomicInteger();
    long start = System.nanoTime();
    for (int from = 0; from < total; from += CASES_PER_TRANSACTION) {
      int first = from;
      int last = Math.min(total, from + CASES_PER_TRANSACTION);
      long seed = random.nextLong();
      batches.add(() -> {
        Random r = new Random(seed);
        transactions.executeWithoutResult(tx -> {
          for (int i = first; i < last; i++) {
            Branch branch = branches.get(Math.floorMod(i / CASES_PER_TRANSACTION * 7919, branches.size()));
            if (i < running) {
              runningCases.add(newCaseAt(STEPS.get(i % STEPS.size()), branch, r));
            } else {
              finishCase(newCaseAt(ARCHIVE, branch, r), branch);
            }
          }
        });
        int n = done.addAndGet(last - first);
        if (n % 5000 < CASES_PER_TRANSACTION) {
          System.out.printf("benchmark: %d/%d cases (%.0f/s)%n", n, total, n / ((System.nanoTime() - start) / 1e9));
        }
      });
    }
    runInParallel(batches, GENERATOR_THREADS);
  }

  /** A case of the branch at the step, its dates 0 to 45 days further in the past than the template's walk. */
  String newCaseAt(String step, Branch branch, Random r) {
    Template template = templates.get(step);
    long shift = ChronoUnit.DAYS.between(template.walkedOn(), LocalDate.now()) - r.nextInt(46);
    Map<String, Object> application = application(template.applicationDate().plusDays(shift).toString(),
        LocalDate.of(1980, 1, 1).plusDays(r.nextInt(7000)).toString());
    int n = applicants.incrementAndGet();
    application.put("candidateName", "基准申请人" + n);
    application.put("idNumber", IdNumbers.of(11, LocalDate.parse((String) application.get("birthDate")), n));
    application.put("branchId", branch.id());
    identityService.setAuthentication(branch.clerk(), List.of(branch.id() + "-clerk"));
    ProcessInstance pi;
    try {
      pi = runtimeService.startProcessInstanceByKey(MemberDevelopment.PROCESS_KEY, application);
    } finally {
      identityService.clearAuthentication();
    }
    if (!step.equals(APPLICANT_TALK)) {
      Map<String, Object> variables = new HashMap<>();
      template.stepVariables().forEach((k, v) -> variables.put(k, forCase(v, shift, branch)));
      runtimeService.setVariables(pi.getId(), variables);
      runtimeService.createProcessInstanceModification(pi.getId()).startBeforeActivity(step)
          .cancelAllForActivity(APPLICANT_TALK).execute();
    }
    return pi.getId();
  }

  private void finishCase(String processInstanceId, Branch branch) {
    Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(ARCHIVE)
        .singleResult();
    identityService.setAuthentication(branch.clerk(), List.of(branch.id() + "-clerk"));
    try {
      taskService.complete(task.getId(), Map.of("archiveDate", LocalDate.now().toString(),
          "archiveLocation", "档案室", "hasApplicationLetter", true, "hasVolunteerForm", true,
          "hasPoliticalReview", true, "hasConversionApplication", true, "hasCultivationRecords", true));
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** A template value for another case: dates shifted, the template's branch and committee replaced. */
  private static Object forCase(TypedValue value, long shiftDays, Branch branch) {
    if (value instanceof DateValue date && date.getValue() != null) {
      return Variables.dateValue(Date.from(date.getValue().toInstant().plus(shiftDays, ChronoUnit.DAYS)));
    }
    if (value instanceof StringValue text && text.getValue() != null) {
      String s = text.getValue();
      if (s.equals("guitu")) {
        return branch.id();
      }
      if (s.equals("gxq-jg")) {
        return branch.committeeId();
      }
      Matcher m = DATE.matcher(s);
      return m.matches() ? LocalDate.parse(s).plusDays(shiftDays).toString() : s;
    }
    // the dates inside a JSON value, such as the steps' record of dates (Chronology's recordedStepDates), which
    // the next step checks its own dates against
    if (value instanceof org.camunda.spin.plugin.variable.value.JsonValue json && json.getValueSerialized() != null) {
      Matcher m = QUOTED_DATE.matcher(json.getValueSerialized());
      StringBuilder shifted = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(shifted, "\"" + LocalDate.parse(m.group(1)).plusDays(shiftDays) + "\"");
      }
      m.appendTail(shifted);
      return org.camunda.spin.plugin.variable.SpinValues.jsonValue(shifted.toString()).create();
    }
    return value;
  }

  // ---- 三会一课: a year of meetings for every branch

  /**
   * For the branches without this year's 三会一课: their members (one 党小组), the campaign of each committee as its
   * clerk through REST, then each branch's year ({@link BranchMeetingsYearGenerator}). The job executor is stopped
   * meanwhile: the period ends of a year started in December are all due at once, and the product's demo too closes
   * them only once the meetings are in; here the generator fires them itself, branch by branch.
   */
  private Map<String, Object> growMeetings() throws Exception {
    List<Branch> fresh = branches.stream().filter(b -> !meetingBranches.contains(b.id())).toList();
    System.out.printf("benchmark: 三会一课 %d for %d branches%n", meetingYear, fresh.size());
    long start = System.nanoTime();
    AtomicInteger recorded = new AtomicInteger();
    AtomicInteger fired = new AtomicInteger();
    AtomicInteger reviews = new AtomicInteger();
    AtomicInteger rectifications = new AtomicInteger();
    configuration.getJobExecutor().shutdown();
    try {
      runInParallel(fresh.stream().<Runnable>map(b -> () -> meetingYears.addMembers(b.id(), "基准党员" + b.id() + "-"))
          .toList(), GENERATOR_THREADS);
      Map<String, Long> launching = fresh.stream().collect(java.util.stream.Collectors.groupingBy(Branch::committeeId,
          LinkedHashMap::new, java.util.stream.Collectors.counting()));
      runInParallel(launching.entrySet().stream().<Runnable>map(e -> () -> {
        String committee = e.getKey();
        BenchClient.Response launched = client.ok(client.post(committee + ".clerk", PASSWORD,
            "/api/branch-meetings/years", "application/json", "{\"committeeId\":\"" + committee + "\",\"year\":"
                + meetingYear + ",\"checkedFromMonth\":1}"), "三会一课 launch");
        if (!launched.body().contains("已为" + e.getValue() + "个党支部启动")) {
          throw new IllegalStateException("三会一课 launch of " + committee + " for " + e.getValue() + " branches: "
              + launched.body());
        }
      }).toList(), GENERATOR_THREADS);
      AtomicInteger done = new AtomicInteger();
      runInParallel(fresh.stream().<Runnable>map(b -> () -> {
        BranchMeetingsYearGenerator.Year year = meetingYears.makeYear(b.id(), b.committeeId(), meetingYear,
            b.clerk(), b.committeeId() + ".clerk", new Random(b.id().hashCode()));
        recorded.addAndGet(year.recorded());
        fired.addAndGet(year.timersFired());
        reviews.addAndGet(year.reviewsDone());
        rectifications.addAndGet(year.rectifications());
        meetingBranches.add(b.id());
        meetingBranchesOf.merge(b.committeeId(), 1, Integer::sum);
        int n = done.incrementAndGet();
        if (n % 100 == 0) {
          System.out.printf("benchmark: 三会一课 %d/%d branches (%.1f/s)%n", n, fresh.size(),
              n / ((System.nanoTime() - start) / 1e9));
        }
      }).toList(), GENERATOR_THREADS);
    } finally {
      configuration.getJobExecutor().start();
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("year", meetingYear);
    m.put("quartersEnded", BranchMeetingsYearGenerator.quartersEnded(meetingYear, BusinessCalendar.today()));
    m.put("branches", meetingBranches.size());
    m.put("committees", meetingBranchesOf.size());
    m.put("generationSeconds", Math.round((System.nanoTime() - start) / 1e9));
    m.put("recordedNow", recorded.get());
    m.put("periodEndsFiredNow", fired.get());
    m.put("reviewsCompletedNow", reviews.get());
    m.put("rectificationsNow", rectifications.get());
    // of the benchmark's organizations only (the demo's 高新区机关党委 has a year of its own)
    m.put("meetingsRecorded", jdbc.queryForObject("select count(*) from branch_meeting where branch_id like 'bw%'",
        Long.class));
    m.put("periodsNotHeld", jdbc.queryForObject("select count(*) from branch_meeting_miss where branch_id like 'bw%'",
        Long.class));
    m.put("reviewsDone", jdbc.queryForObject("select count(*) from branch_meeting_review where branch_id like 'bw%'",
        Long.class));
    m.put("reviewsOpen", jdbc.queryForObject("select count(*) from act_ru_task t join act_ru_variable v"
        + " on v.proc_inst_id_ = t.proc_inst_id_ and v.name_ = 'branchId' where t.task_def_key_ = ?"
        + " and v.text_ like 'bw%'", Long.class, org.dangjian.flow.branchlife.BranchMeetings.Tasks.QUARTERLY_REVIEW));
    System.out.println("benchmark: 三会一课 " + m);
    return m;
  }

  // ---- the measurements

  private long waitForDueJobs() throws InterruptedException {
    long start = System.nanoTime();
    for (int i = 0; i < 600; i++) {
      Long due = jdbc.queryForObject("select count(*) from act_ru_job where duedate_ <= now() and retries_ > 0"
          + " and suspension_state_ = 1", Long.class);
      if (due == 0) {
        break;
      }
      Thread.sleep(1000);
    }
    return Math.round((System.nanoTime() - start) / 1e9);
  }

  private Map<String, Object> dataFacts() {
    Map<String, Object> facts = new LinkedHashMap<>();
    for (String table : List.of("act_ru_execution", "act_ru_task", "act_ru_variable", "act_ru_job",
        "act_ru_identitylink", "act_ru_authorization", "act_hi_procinst", "act_hi_actinst", "act_hi_varinst",
        "act_hi_detail", "act_hi_op_log", "case_event")) {
      facts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
    }
    facts.put("runningDevelopmentCases", jdbc.queryForObject("select count(*) from act_ru_execution e join"
        + " act_re_procdef d on d.id_ = e.proc_def_id_ where e.parent_id_ is null and d.key_ = ?", Long.class,
        MemberDevelopment.PROCESS_KEY));
    facts.put("finishedDevelopmentCases", jdbc.queryForObject("select count(*) from act_hi_procinst"
        + " where proc_def_key_ = ? and end_time_ is not null", Long.class, MemberDevelopment.PROCESS_KEY));
    facts.put("branches", branches.size());
    facts.put("databaseSize", jdbc.queryForObject("select pg_size_pretty(pg_database_size(current_database()))",
        String.class));
    return facts;
  }

  /** The three read paths a user waits for, on the engine's own schema or with our indexes. */
  private Map<String, Object> measureQueries(boolean tuned) {
    for (String sql : tuned ? engineIndexSql : dropStatements()) {
      jdbc.execute(sql);
    }
    configuration.getSessionFactories().put(AuthorizationManager.class,
        tuned ? tunedAuthorizations : new GenericManagerFactory(AuthorizationManager.class));
    jdbc.execute("analyze");
    Random r = new Random(42);
    int samples = tuned ? 1 : 4;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("engineIndexes", tuned ? "dangjian (db/engine)" : "engine default");
    m.put("authorizationGroups", tuned ? "the user's groups (system/UserGroupAuthorizations)"
        : "engine default (distinct groups of ACT_RU_AUTHORIZATION per command)");

    Latencies taskList = new Latencies();
    String body = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
        + "\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}";
    repeat(300 / samples, 30 / samples, r, branches.size(), (b, timed) -> {
      BenchClient.Response response = client.ok(client.post(branches.get(b).clerk(), PASSWORD,
          "/engine-rest/filter/" + groupTasksFilterId + "/list?firstResult=0&maxResults=15",
          "application/hal+json", body), "task list");
      if (timed) {
        taskList.add(response.nanos());
      }
      if (!response.body().contains("\"_embedded\"")) {
        throw new IllegalStateException("task list without tasks: " + response.body());
      }
    });
    m.put("clerkTaskList", taskList.summary());

    Latencies record = new Latencies();
    List<String> sample = new ArrayList<>(runningCases);
    repeat(200 / samples, 20 / samples, r, sample.size(), (i, timed) -> {
      String pid = sample.get(i);
      String branch = (String) runtimeService.getVariable(pid, "branchId");
      BenchClient.Response response = client.ok(client.get(branch + ".clerk", PASSWORD, "/api/records/" + pid,
          "application/json"), "record");
      if (timed) {
        record.add(response.nanos());
      }
    });
    m.put("caseRecord", record.summary());

    Latencies fullRecord = new Latencies();
    repeat(50 / samples, 5 / samples + 1, r, 1, (i, timed) -> {
      BenchClient.Response response = client.ok(client.get(BRANCH_CLERK, "demo",
          "/api/records/" + templates.get("finished").processInstanceId(), "application/json"), "full record");
      if (timed) {
        fullRecord.add(response.nanos());
      }
    });
    m.put("finishedCaseFullRecord", fullRecord.summary());

    Latencies overdue = new Latencies();
    AtomicInteger overdueSeen = new AtomicInteger();
    repeat(150 / samples, 15 / samples, r, committees.size(), (c, timed) -> {
      BenchClient.Response response = client.ok(client.get(committees.get(c) + ".clerk", PASSWORD,
          "/api/development-cases/overdue?organizationId=" + committees.get(c) + "&maxResults=50",
          "application/json"), "overdue list");
      if (timed) {
        overdue.add(response.nanos());
        overdueSeen.addAndGet(total(response));
      }
    });
    m.put("committeeOverdueList", overdue.summary());
    m.put("committeeOverdueMeanTotal", overdueSeen.get() / Math.max(1, overdue.count()));

    Latencies workingOverdue = new Latencies();
    AtomicInteger workingOverdueSeen = new AtomicInteger();
    repeat(tuned ? 40 : 5, tuned ? 5 : 1, r, workingCommittees.size(), (w, timed) -> {
      BenchClient.Response response = client.ok(client.get(workingCommittees.get(w) + ".supervisor", PASSWORD,
          "/api/development-cases/overdue?organizationId=" + workingCommittees.get(w) + "&maxResults=50",
          "application/json"), "working committee overdue list");
      if (timed) {
        workingOverdue.add(response.nanos());
        workingOverdueSeen.addAndGet(total(response));
      }
    });
    m.put("workingCommitteeOverdueList", workingOverdue.summary());
    m.put("workingCommitteeOverdueMeanTotal", workingOverdueSeen.get() / Math.max(1, workingOverdue.count()));

    // 三会一课 · 月查季审 (/branch-meetings.html) as it loads for a committee clerk: its committee chooser, then the
    // committee's year (each branch's months and quarters with violations and the quarter's review)
    Latencies chooser = new Latencies();
    Latencies overview = new Latencies();
    Latencies page = new Latencies();
    List<String> withMeetings = new ArrayList<>(meetingBranchesOf.keySet());
    Collections.sort(withMeetings);
    repeat(150 / samples, 15 / samples + 1, r, withMeetings.size(), (c, timed) -> {
      String committee = withMeetings.get(c);
      BenchClient.Response list = client.ok(client.get(committee + ".clerk", PASSWORD,
          "/api/branch-meetings/committees", "application/json"), "三会一课 committees");
      if (!list.body().contains("\"" + committee + "\"")) {
        throw new IllegalStateException("三会一课 chooser of " + committee + ".clerk without it: " + list.body());
      }
      BenchClient.Response rows = client.ok(client.get(committee + ".clerk", PASSWORD,
          "/api/branch-meetings/committees/" + committee + "/" + meetingYear, "application/json"),
          "三会一课 committee year");
      checkMeetingsOverview(committee, rows.body());
      if (timed) {
        chooser.add(list.nanos());
        overview.add(rows.nanos());
        page.add(list.nanos() + rows.nanos());
      }
    });
    m.put("meetingsCommitteeChooser", chooser.summary());
    m.put("meetingsCommitteeYear", overview.summary());
    m.put("meetingsReviewPage", page.summary());

    if (pages != null) {
      m.putAll(pages.measure(tasklistLoads(r, tuned ? 50 : 12, PAGE_WARM_UP), PAGE_WARM_UP));
    }
    return m;
  }

  /** Every branch of the committee with its year, and the violations and reviews the generated year left. */
  private void checkMeetingsOverview(String committee, String body) {
    JsonNode rows;
    try {
      rows = JSON.readTree(body);
    } catch (Exception e) {
      throw new IllegalStateException("三会一课 overview not JSON: " + body, e);
    }
    java.util.Set<String> seen = new java.util.HashSet<>();
    int violations = 0;
    int reviewed = 0;
    for (JsonNode row : rows) {
      seen.add(row.get("branchId").asText());
      violations += row.get("violations").asInt();
      reviewed += row.hasNonNull("review") ? 1 : 0;
    }
    int quarters = BranchMeetingsYearGenerator.quartersEnded(meetingYear, BusinessCalendar.today());
    int branchCount = meetingBranchesOf.get(committee);
    if (seen.size() != branchCount || (quarters >= 1 && violations == 0)
        || reviewed != branchCount * Math.max(0, quarters - 1)) {
      throw new IllegalStateException("三会一课 overview of " + committee + ": " + seen.size() + " branches (expected "
          + branchCount + "), " + violations + " violations, " + reviewed + " quarters reviewed (expected "
          + branchCount * Math.max(0, quarters - 1) + ")");
    }
  }

  static final int PAGE_CLERKS = 5;
  static final int PAGE_WARM_UP = 3;

  /**
   * Tasklist pages to load: five branch clerks in turn (each logged in once), each opening a step of one of their
   * branch's cases from 本组待办.
   */
  private List<TasklistPageTiming.Load> tasklistLoads(Random r, int timed, int warmUp) {
    List<TasklistPageTiming.Load> perClerk = new ArrayList<>();
    List<String> sample = new ArrayList<>(runningCases);
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int tries = 0; perClerk.size() < PAGE_CLERKS && tries < 1000; tries++) {
      String pid = sample.get(r.nextInt(sample.size()));
      String branch = (String) runtimeService.getVariable(pid, "branchId");
      if (branch == null || !seen.add(branch)) {
        continue;
      }
      List<Task> tasks = taskService.createTaskQuery().processInstanceId(pid).taskCandidateGroup(branch + "-clerk")
          .listPage(0, 1);
      if (!tasks.isEmpty()) {
        perClerk.add(new TasklistPageTiming.Load(branch + ".clerk", PASSWORD, groupTasksFilterId,
            tasks.get(0).getId()));
      }
    }
    if (perClerk.isEmpty()) {
      throw new IllegalStateException("no branch clerk's step found for the Tasklist page");
    }
    List<TasklistPageTiming.Load> loads = new ArrayList<>();
    for (int i = 0; i < timed + warmUp; i++) {
      // each clerk's loads together: a login between two loads is not part of any
      loads.add(perClerk.get(i * perClerk.size() / (timed + warmUp)));
    }
    return loads;
  }

  private static int total(BenchClient.Response response) {
    try {
      JsonNode node = JSON.readTree(response.body());
      return node.get("total").asInt();
    } catch (Exception e) {
      throw new IllegalStateException("overdue list not JSON: " + response.body(), e);
    }
  }

  interface Probe {
    void run(int index, boolean timed);
  }

  /** Warm-up requests first, then the timed ones, one after another (a user waits for one answer at a time). */
  private static void repeat(int timed, int warmUp, Random r, int bound, Probe probe) {
    for (int i = 0; i < warmUp + timed; i++) {
      probe.run(r.nextInt(bound), i >= warmUp);
    }
  }

  /**
   * Task completions per second: the clerk's path through REST (claim, then submit the form, as Tasklist does;
   * HTTP Basic, authorization checks on) and through the Java API (TaskService.claim, then complete with the same
   * values) with the clerk authenticated.
   */
  private Map<String, Object> measureCompletions() throws Exception {
    List<String> forRest = new ArrayList<>();
    List<String> forJava = new ArrayList<>();
    Random r = new Random(7);
    for (int from = 0; from < 2 * COMPLETIONS; from += CASES_PER_TRANSACTION) {
      int first = from;
      transactions.executeWithoutResult(tx -> {
        for (int i = first; i < first + CASES_PER_TRANSACTION; i++) {
          String pid = newCaseAt(FILL_VOLUNTEER_FORM, branches.get(r.nextInt(branches.size())), r);
          (i % 2 == 0 ? forRest : forJava).add(pid);
        }
      });
    }
    String today = LocalDate.now().toString();
    String form = "{\"variables\":{\"volunteerFormNo\":{\"value\":\"ZY-B\"},\"volunteerFormDate\":{\"value\":\""
        + today + "\"}}}";
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("threads", COMPLETION_THREADS);
    com.zaxxer.hikari.HikariPoolMXBean pool = ((com.zaxxer.hikari.HikariDataSource) jdbc.getDataSource())
        .getHikariPoolMXBean();
    AtomicInteger peakActive = new AtomicInteger();
    AtomicInteger peakWaiting = new AtomicInteger();
    java.util.concurrent.ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    sampler.scheduleAtFixedRate(() -> {
      peakActive.accumulateAndGet(pool.getActiveConnections(), Math::max);
      peakWaiting.accumulateAndGet(pool.getThreadsAwaitingConnection(), Math::max);
    }, 0, 20, java.util.concurrent.TimeUnit.MILLISECONDS);
    m.put("javaApiPerSecond", throughput(forJava, pid -> {
      Task task = openStep(pid);
      String clerk = runtimeService.getVariable(pid, "branchId") + ".clerk";
      identityService.setAuthentication(clerk, List.of(runtimeService.getVariable(pid, "branchId") + "-clerk"));
      try {
        taskService.claim(task.getId(), clerk);
        taskService.complete(task.getId(), Map.of("volunteerFormNo", "ZY-B", "volunteerFormDate", today));
      } finally {
        identityService.clearAuthentication();
      }
    }));
    m.put("restPerSecond", throughput(forRest, pid -> {
      Task task = openStep(pid);
      String clerk = runtimeService.getVariable(pid, "branchId") + ".clerk";
      client.ok(client.post(clerk, PASSWORD, "/engine-rest/task/" + task.getId() + "/claim", "application/json",
          "{\"userId\":\"" + clerk + "\"}"), "claim");
      client.ok(client.post(clerk, PASSWORD, "/engine-rest/task/" + task.getId() + "/submit-form",
          "application/json", form), "submit form");
    }));
    sampler.shutdownNow();
    m.put("restShareOfJava", Math.round(100.0 * (double) m.get("restPerSecond") / (double) m.get("javaApiPerSecond")));
    m.put("peakActiveConnections", peakActive.get());
    m.put("peakThreadsWaitingForAConnection", peakWaiting.get());
    for (String pid : forRest) {
      checkCompleted(pid);
    }
    for (String pid : forJava) {
      checkCompleted(pid);
    }
    return m;
  }

  private Task openStep(String pid) {
    return taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey(FILL_VOLUNTEER_FORM)
        .singleResult();
  }

  private void checkCompleted(String pid) {
    if (taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey(ADMISSION_MEETING).count() != 1) {
      throw new IllegalStateException("case " + pid + " did not reach step 15 after step 14 was completed");
    }
  }

  private double throughput(List<String> cases, Consumer<String> completion) throws Exception {
    List<Runnable> work = cases.stream().<Runnable>map(pid -> () -> completion.accept(pid)).toList();
    long start = System.nanoTime();
    runInParallel(work, COMPLETION_THREADS);
    return Math.round(cases.size() / ((System.nanoTime() - start) / 1e9) * 10) / 10.0;
  }

  private static void runInParallel(List<Runnable> work, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = work.stream().<Future<?>>map(pool::submit).toList();
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  // ---- engine indexes: exactly the statements the application migrates (db/engine)

  private static List<String> engineIndexStatements() throws Exception {
    List<String> statements = new ArrayList<>();
    for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath:db/engine/*.sql")) {
      String sql = new String(resource.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
          .replaceAll("(?m)--.*$", "");
      for (String statement : sql.split(";")) {
        if (!statement.isBlank()) {
          statements.add(statement.trim());
        }
      }
    }
    return statements;
  }

  private List<String> dropStatements() {
    List<String> drops = new ArrayList<>();
    for (String statement : engineIndexSql) {
      Matcher m = INDEX_NAME.matcher(statement);
      if (m.find()) {
        drops.add("drop index if exists " + m.group(1));
      }
    }
    return drops;
  }

  private Map<String, Object> configurationFacts() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("authorizationEnabled", configuration.isAuthorizationEnabled());
    c.put("historyLevel", configuration.getHistoryLevel().getName());
    c.put("jdbcPoolMax", jdbc.getDataSource() instanceof com.zaxxer.hikari.HikariDataSource h
        ? h.getMaximumPoolSize() : -1);
    var jobs = camundaProperties.getJobExecution();
    c.put("jobExecutor", Map.of("corePoolSize", jobs.getCorePoolSize(), "maxPoolSize", jobs.getMaxPoolSize(),
        "queueCapacity", jobs.getQueueCapacity(),
        "maxJobsPerAcquisition", configuration.getJobExecutor().getMaxJobsPerAcquisition(),
        "lockTimeMs", configuration.getJobExecutor().getLockTimeInMillis()));
    c.put("metricsEnabled", configuration.isMetricsEnabled());
    c.put("taskMetricsEnabled", configuration.isTaskMetricsEnabled());
    c.put("engineIndexes", engineIndexSql);
    return c;
  }

  // ---- the printed table

  @SuppressWarnings("unchecked")
  private static String table(Map<String, Object> report) {
    StringBuilder t = new StringBuilder("\n== dangjian-flow scale benchmark ==\n");
    t.append(report.get("machine")).append('\n');
    t.append(String.format("%-10s %-32s %24s %24s %8s%n", "running", "measure (ms: p50/p95/p99)", "engine default",
        "tuned", "ratio95"));
    for (Map<String, Object> size : (List<Map<String, Object>>) report.get("sizes")) {
      Map<String, Object> d = (Map<String, Object>) size.get("engineDefault");
      Map<String, Object> tu = (Map<String, Object>) size.get("tuned");
      if (d == null || tu == null) {
        continue;
      }
      for (String key : List.of("clerkTaskList", "caseRecord", "finishedCaseFullRecord", "committeeOverdueList",
          "workingCommitteeOverdueList", "meetingsCommitteeChooser", "meetingsCommitteeYear", "meetingsReviewPage")) {
        Map<String, Object> a = (Map<String, Object>) d.get(key);
        Map<String, Object> b = (Map<String, Object>) tu.get(key);
        t.append(String.format("%-10s %-32s %24s %24s %7.1fx%n", size.get("runningCases"), key, triple(a),
            triple(b), ((Number) a.get("p95Ms")).doubleValue() / Math.max(0.1, ((Number) b.get("p95Ms")).doubleValue())));
      }
      Map<String, Object> c = (Map<String, Object>) size.get("completions");
      if (c != null) {
        t.append(String.format("%-10s completions/s (%s threads): Java API %s, REST %s (%s %% of Java)%n",
            size.get("runningCases"), c.get("threads"), c.get("javaApiPerSecond"), c.get("restPerSecond"),
            c.get("restShareOfJava")));
      }
      Map<String, Object> meetings = (Map<String, Object>) size.get("meetings");
      if (meetings != null) {
        t.append(String.format("%-10s 三会一课 %s: %s branches in %s committees, %s meetings recorded, %s periods not"
            + " held, %s quarterly reviews done and %s open (generated in %s s)%n", size.get("runningCases"),
            meetings.get("year"), meetings.get("branches"), meetings.get("committees"),
            meetings.get("meetingsRecorded"), meetings.get("periodsNotHeld"), meetings.get("reviewsDone"),
            meetings.get("reviewsOpen"), meetings.get("generationSeconds")));
      }
      for (String key : List.of("listDrawn", "taskFormDrawn")) {
        Map<String, Object> a = (Map<String, Object>) d.get(key);
        Map<String, Object> b = (Map<String, Object>) tu.get(key);
        if (a != null && b != null) {
          t.append(String.format("%-10s %-32s %24s %24s %7.1fx%n", size.get("runningCases"), "Tasklist page: " + key,
              triple(a), triple(b), ((Number) a.get("p95Ms")).doubleValue()
                  / Math.max(0.1, ((Number) b.get("p95Ms")).doubleValue())));
        }
      }
      Map<String, Object> storage = (Map<String, Object>) size.get("storage");
      if (storage != null) {
        t.append(String.format("%-10s storage: %s bytes per case in all (tables, indexes, TOAST) over %s cases;"
            + " a case walked through every step: %s row bytes%n", size.get("runningCases"),
            storage.get("bytesPerCase"), storage.get("cases"),
            ((Map<String, Object>) size.get("walkedCaseStorage")).get("rowBytes")));
      }
      t.append(String.format("%-10s generated in %s s, peak heap %s MB, data %s%n", size.get("runningCases"),
          size.get("generationSeconds"), size.get("peakHeapMb"), size.get("data")));
    }
    return t.toString();
  }

  private static String triple(Map<String, Object> s) {
    return s.get("p50Ms") + "/" + s.get("p95Ms") + "/" + s.get("p99Ms");
  }
}
