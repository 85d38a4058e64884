package org.dangjian.flow.grading;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.dangjian.flow.grading.Grading.Tasks.*;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.dangjian.flow.organization.Role;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 党员群众测评 is a secret ballot (the trust boundary): a ballot cast over REST as Tasklist casts it leaves its value
 * in secret_ballot and in no engine table, runtime or history, at any moment; neither the graded organization's
 * secretary nor an administrator reads it; the evaluator reads their own ballot and what it shows and nothing else
 * of the case; only the organization's own evaluators may be named.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
class GradingBallotSecrecyTest extends GradingTestSupport {

  /**
   * What the ballot form shows (its texts and its two fields), with the ballot's evaluator and deadline, and the
   * title its task card shows (made of the organization's name and the year, nothing more).
   */
  private static final Set<String> BALLOT_VARIABLES = Set.of("organizationName", "year", "evaluationCloseDate",
      "evaluationClosesAt", "selfTotal", "selfReport", "evaluator", "satisfaction", "evaluationComment", "caseTitle");
  private static final String PAGE = "firstResult=0&maxResults=500";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aBallotCastOverRestLeavesItsValueInNoEngineTableNorInAnyStatementTheEngineSends() {
    String report = unique("自评报告");
    ProcessInstance pi = newGrading();
    try (EngineStatements statements = new EngineStatements()) {
      selfAssessOverRest(pi, report);
      assertThat(statements.parameters()).as("the capture sees the values written")
          .anyMatch(p -> p.contains(report));
    }
    Task ballot = ballotOf(pi, "guitu.eval1");
    String comment = unique("测评意见");

    List<String> sent;
    ResponseEntity<String> cast;
    try (EngineStatements statements = new EngineStatements()) {
      cast = castBallot(ballot, "guitu.eval1", "basicallySatisfied", comment);
      sent = statements.parameters();
    }
    assertThat(cast.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    // the values lived while the completion ran and were removed before the engine wrote anything: not even
    // written and then deleted
    assertThat(sent).as("statements sent while casting").anyMatch(p -> p.contains(ballot.getId()))
        .noneMatch(p -> p.contains(comment)).noneMatch(p -> p.contains("basicallySatisfied"));

    // the other five have not voted yet: the grading waits with the first ballot cast
    assertThat(ballots(pi)).hasSize(EVALUATORS.size() - 1);
    List<String> instances = caseAndBallots(pi);
    assertThat(engineColumnsContaining(report)).as("the search finds what is there").isNotEmpty();
    assertThat(engineColumnsContaining(comment)).isEmpty();
    assertThat(rowsHolding(report, instances)).isPositive();
    assertThat(rowsHolding("basicallySatisfied", instances)).isZero();
    assertThat(historyOfTask(ballot.getId())).isZero();
    assertThat(jdbc.queryForObject("select count(*) from secret_ballot where process_instance_id = ?"
        + " and evaluator_id = ? and choice = ? and comment_text = ?", Integer.class, pi.getId(),
        "guitu.eval1", "basicallySatisfied", comment)).isEqualTo(1);

    // an administrator reads every engine table through REST, and finds no ballot in them
    TestRestTemplate admin = rest.withBasicAuth("admin", "admin");
    assertThat(get(admin, "/engine-rest/history/variable-instance?processInstanceId={id}&" + PAGE,
        ballot.getProcessInstanceId()).getBody()).as("the administrator reads the ballot's process")
        .contains(report);
    for (String id : instances) {
      for (String url : List.of("/engine-rest/history/detail?processInstanceId={id}&" + PAGE,
          "/engine-rest/history/variable-instance?processInstanceId={id}&" + PAGE,
          "/engine-rest/variable-instance?processInstanceIdIn={id}&" + PAGE,
          "/engine-rest/history/user-operation?processInstanceId={id}&" + PAGE)) {
        ResponseEntity<String> read = get(admin, url, id);
        assertThat(read.getStatusCode()).as(url).isEqualTo(HttpStatus.OK);
        assertThat(read.getBody()).as(url).doesNotContain(comment).doesNotContain("basicallySatisfied");
      }
    }
    assertThat(get(admin, "/engine-rest/history/detail?taskId={id}&" + PAGE, ballot.getId()).getBody())
        .isEqualTo("[]");

    // the others vote, the evaluation closes, the committee is asked: still nowhere but in secret_ballot
    for (String evaluator : EVALUATORS.subList(1, EVALUATORS.size())) {
      assertThat(castBallot(ballotOf(pi, evaluator), evaluator, "satisfied", comment + evaluator).getStatusCode())
          .isEqualTo(HttpStatus.NO_CONTENT);
    }
    assertThat(pi).isWaitingAt(COMMITTEE_DECISION);
    assertThat(engineColumnsContaining(comment)).isEmpty();
    assertThat(rowsHolding("basicallySatisfied", caseAndBallots(pi))).isZero();
    assertThat(jdbc.queryForObject("select count(*) from secret_ballot where process_instance_id = ?"
        + " and comment_text like ?", Integer.class, pi.getId(), comment + "%")).isEqualTo(EVALUATORS.size());
  }

  @Test
  void neitherTheSecretaryNorAnAdministratorReadsABallotAndTheCommitteeReadsTheCommentsUnsigned() {
    String report = unique("自评报告");
    ProcessInstance pi = selfAssessed(report);
    String org = (String) variable(pi, "organizationId");
    String first = unique("意见");
    castBallot(ballotOf(pi, "guitu.eval1"), "guitu.eval1", "unsatisfied", first);

    TestRestTemplate secretary = rest.withBasicAuth(SECRETARY, "demo");
    // the secretary reads the case (it is their organization's) ...
    assertThat(get(secretary, "/engine-rest/process-instance/{id}/variables", pi.getId()).getBody())
        .contains(report);
    // ... but no ballot of it, open or cast
    for (String id : caseAndBallots(pi)) {
      for (String url : List.of("/engine-rest/variable-instance?processInstanceIdIn={id}&" + PAGE,
          "/engine-rest/history/variable-instance?processInstanceId={id}&" + PAGE,
          "/engine-rest/history/detail?processInstanceId={id}&" + PAGE,
          "/engine-rest/history/user-operation?processInstanceId={id}&" + PAGE)) {
        ResponseEntity<String> read = get(secretary, url, id);
        assertThat(read.getStatusCode()).as(url).isEqualTo(HttpStatus.OK);
        assertThat(read.getBody()).as(url).doesNotContain(first).doesNotContain("unsatisfied\"");
      }
    }
    Task open = ballotOf(pi, "guitu.eval2");
    assertThat(get(secretary, "/engine-rest/process-instance/{id}/variables", open.getProcessInstanceId())
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get(secretary, "/engine-rest/task/{id}/variables", open.getId()).getStatusCode())
        .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(get(secretary, "/api/records/{id}", pi.getId()).getBody()).contains(report).doesNotContain(first);

    String comments = "/api/grading/organizations/{org}/2025/evaluation-comments";
    TestRestTemplate committee = rest.withBasicAuth(COMMITTEE_CLERK, "demo");
    assertThat(committee.getForEntity(comments, Map.class, org).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    List<String> written = new ArrayList<>(List.of(first));
    for (String evaluator : EVALUATORS.subList(1, EVALUATORS.size())) {
      String text = unique("意见");
      written.add(text);
      castBallot(ballotOf(pi, evaluator), evaluator, "satisfied", text);
    }
    ResponseEntity<Map> read = committee.getForEntity(comments, Map.class, org);
    assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
    Collections.sort(written);
    assertThat(read.getBody()).containsEntry("ballotsCast", EVALUATORS.size()).containsEntry("comments", written);
    assertThat(read.getBody().toString()).doesNotContain(".eval");
    for (String other : List.of(SECRETARY, "guitu.eval1", "gxq.auditor")) {
      ResponseEntity<Map> refused = rest.withBasicAuth(other, "demo").getForEntity(comments, Map.class, org);
      assertThat(refused.getStatusCode()).as(other).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(refused.getBody().get("message").toString()).contains("只有负责评定的上级党委党务工作者");
    }
    assertThat(rest.withBasicAuth("admin", "admin").getForEntity(comments, Map.class, org).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    // a grading that does not exist answers as one the user may not read
    assertThat(committee.getForEntity(comments, Map.class, "nowhere").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    // the decision form shows counts only, and links to the comments
    assertThat(get(committee, "/engine-rest/task/{id}/form-variables", task(pi, COMMITTEE_DECISION).getId())
        .getBody()).contains("ballotsCast").doesNotContain(first);
  }

  @Test
  void namingAnEvaluatorOutsideTheOrganizationOrTheSelfAssessorIsRefusedWith400AndChangesNothing() {
    ProcessInstance pi = newGrading();
    String org = (String) variable(pi, "organizationId");
    join(SECRETARY, Role.EVALUATOR.groupOf(org));
    Task selfAssessment = task(pi, SELF_ASSESSMENT);
    Set<String> before = runtimeService.getVariables(pi.getId()).keySet();
    TestRestTemplate secretary = rest.withBasicAuth(SECRETARY, "demo");

    ResponseEntity<Map> stranger = secretary.postForEntity("/engine-rest/task/{id}/submit-form",
        selfAssessment(unique("报告"), List.of("guitu.eval1", "guitu.eval2", "guitu.eval3", "guitu.eval4",
            "fayuan.eval1")), Map.class, selfAssessment.getId());
    assertThat(stranger.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    // through REST the form's contract refuses first (not one of the offered evaluators); the step rule says the
    // same to a caller of the Java API
    assertThat(stranger.getBody().get("message").toString()).contains("“fayuan.eval1”不在可选项中");
    assertThatThrownBy(() -> complete(selfAssessment, SECRETARY, "leadershipScore", 18, "membershipScore", 18,
        "mechanismScore", 18, "performanceScore", 18, "reputationScore", 18, "weakSigns", List.of(),
        "selfReport", "自评报告", "evaluators", List.of("guitu.eval1", "guitu.eval2", "guitu.eval3", "guitu.eval4",
            "fayuan.eval1"))).hasMessageContaining("“fayuan.eval1”不是" + "测试党组织" + org + "的测评人");
    ResponseEntity<Map> self = secretary.postForEntity("/engine-rest/task/{id}/submit-form",
        selfAssessment(unique("报告"), List.of("guitu.eval1", "guitu.eval2", "guitu.eval3", "guitu.eval4",
            "guitu.eval5", SECRETARY)), Map.class, selfAssessment.getId());
    assertThat(self.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(self.getBody().get("message").toString()).contains("“guitu.secretary”不在可选项中");
    assertThatThrownBy(() -> complete(selfAssessment, SECRETARY, "leadershipScore", 18, "membershipScore", 18,
        "mechanismScore", 18, "performanceScore", 18, "reputationScore", 18, "weakSigns", List.of(),
        "selfReport", "自评报告", "evaluators", List.of("guitu.eval1", "guitu.eval2", "guitu.eval3", "guitu.eval4",
            "guitu.eval5", SECRETARY))).hasMessageContaining("自评人不能同时作为测评人（guitu.secretary）");

    assertThat(pi).isWaitingAt(SELF_ASSESSMENT);
    assertThat(task(pi, SELF_ASSESSMENT).getId()).isEqualTo(selfAssessment.getId());
    assertThat(runtimeService.getVariables(pi.getId()).keySet()).isEqualTo(before).doesNotContain("selfTotal",
        "evaluators");
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("evaluators").count()).isZero();
    assertThat(ballotInstances(pi)).isEmpty();
  }

  @Test
  void anEvaluatorReadsTheirOwnBallotAndWhatItShowsButNothingElseOfTheCase() {
    String report = unique("自评报告");
    ProcessInstance pi = selfAssessed(report);
    Task own = ballotOf(pi, "guitu.eval1");
    Task other = ballotOf(pi, "guitu.eval2");
    String otherBallot = other.getProcessInstanceId();
    TestRestTemplate evaluator = rest.withBasicAuth("guitu.eval1", "demo");

    // what the ballot form shows, as Tasklist loads it, and nothing more
    Map<String, Map<String, Object>> shown = evaluator.getForObject("/engine-rest/task/{id}/form-variables",
        Map.class, own.getId());
    assertThat(shown.keySet()).isSubsetOf(BALLOT_VARIABLES).contains("selfTotal", "selfReport");
    assertThat(shown.get("selfTotal")).containsEntry("value", 95);
    assertThat(shown.get("selfReport")).containsEntry("value", report);
    Map<String, Object> visible = evaluator.getForObject("/engine-rest/task/{id}/variables", Map.class, own.getId());
    assertThat(visible.keySet()).isSubsetOf(BALLOT_VARIABLES);
    assertThat(get(evaluator, "/engine-rest/task/{id}/variables/leadershipScore", own.getId()).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    // nothing of the case: its variables, its history, its other ballots
    for (String id : List.of(pi.getId(), own.getProcessInstanceId(), otherBallot)) {
      assertThat(get(evaluator, "/engine-rest/process-instance/{id}/variables", id).getStatusCode()).as(id)
          .isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(get(evaluator, "/engine-rest/process-instance/{id}/activity-instances", id).getStatusCode()).as(id)
          .isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(get(evaluator, "/engine-rest/history/process-instance/{id}", id).getStatusCode()).as(id)
          .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    }
    for (String id : List.of(pi.getId(), otherBallot)) {
      for (String url : List.of("/engine-rest/variable-instance?processInstanceIdIn={id}&" + PAGE,
          "/engine-rest/history/variable-instance?processInstanceId={id}&" + PAGE,
          "/engine-rest/history/detail?processInstanceId={id}&" + PAGE,
          "/engine-rest/history/task?processInstanceId={id}&" + PAGE,
          "/engine-rest/history/activity-instance?processInstanceId={id}&" + PAGE,
          "/engine-rest/task?processInstanceId={id}&" + PAGE)) {
        ResponseEntity<String> read = get(evaluator, url, id);
        assertThat(read.getStatusCode()).as(url).isEqualTo(HttpStatus.OK);
        assertThat(read.getBody()).as(url + " for " + id).isEqualTo("[]");
      }
    }
    assertThat(get(evaluator, "/engine-rest/task/{id}", other.getId()).getStatusCode())
        .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(get(evaluator, "/engine-rest/task/{id}/form-variables", other.getId()).getStatusCode())
        .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    // nor by asking which of their tasks belongs to a case with some value: only the ballot's own are there
    List<String> ofTheCase = caseAndBallots(pi);
    assertThat(tasksWhere(evaluator, ofTheCase, "selfTotal", 95)).containsExactly(own.getId());
    assertThat(tasksWhere(evaluator, ofTheCase, "leadershipScore", 19)).isEmpty();
    assertThat(tasksWhere(evaluator, ofTheCase, "selfAssessedBy", SECRETARY)).isEmpty();

    // and they cast their own ballot; what a completion may return is the ballot's, too
    ResponseEntity<Map> cast = evaluator.postForEntity("/engine-rest/task/{id}/submit-form",
        Map.of("variables", Map.of("satisfaction", Map.of("value", "satisfied")), "withVariablesInReturn", true),
        Map.class, own.getId());
    assertThat(cast.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(cast.getBody().keySet()).isSubsetOf(BALLOT_VARIABLES);
    assertThat(gradings.countBallots(pi.getId()).satisfied()).isEqualTo(1);
    assertThat(ballotOf(pi, "guitu.eval1")).isNull();
  }

  // ---- helpers

  private static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "");
  }

  private static Map<String, Object> selfAssessment(String report, List<String> evaluators) {
    return form("leadershipScore", 19, "membershipScore", 19, "mechanismScore", 19, "performanceScore", 19,
        "reputationScore", 19, "weakSigns", List.of(), "selfReport", report, "evaluators", evaluators);
  }

  /** A grading whose secretary has self-assessed in Tasklist's way (95 points), its ballots open. */
  private ProcessInstance selfAssessed(String report) {
    ProcessInstance pi = newGrading();
    selfAssessOverRest(pi, report);
    return pi;
  }

  private void selfAssessOverRest(ProcessInstance pi, String report) {
    ResponseEntity<String> done = rest.withBasicAuth(SECRETARY, "demo").postForEntity(
        "/engine-rest/task/{id}/submit-form", selfAssessment(report, EVALUATORS), String.class,
        task(pi, SELF_ASSESSMENT).getId());
    assertThat(done.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(ballots(pi)).hasSize(EVALUATORS.size());
  }

  private ResponseEntity<String> castBallot(Task ballot, String evaluator, String satisfaction, String comment) {
    return rest.withBasicAuth(evaluator, "demo").postForEntity("/engine-rest/task/{id}/submit-form",
        form("satisfaction", satisfaction, "evaluationComment", comment), String.class, ballot.getId());
  }

  private static ResponseEntity<String> get(TestRestTemplate as, String url, Object... uriVariables) {
    return as.getForEntity(url, String.class, uriVariables);
  }

  /**
   * The user's tasks in these processes whose process has the variable at the value: the engine's task query, as
   * REST offers it.
   */
  private static List<String> tasksWhere(TestRestTemplate as, List<String> processes, String variable,
      Object value) {
    List<Map<String, Object>> tasks = as.postForObject("/engine-rest/task?" + PAGE, Map.of("processInstanceIdIn",
        processes, "processVariables", List.of(Map.of("name", variable, "operator", "eq", "value", value))),
        List.class);
    return tasks.stream().map(t -> (String) t.get("id")).toList();
  }

  private List<String> caseAndBallots(ProcessInstance pi) {
    return Stream.concat(Stream.of(pi.getId()), ballotInstances(pi).stream()).toList();
  }

  /**
   * Every column of every engine table (ACT_*) that holds the text anywhere, as table.column: character columns
   * by SQL, binary ones (byte arrays, comments) read and searched for the text's bytes.
   */
  private Set<String> engineColumnsContaining(String text) {
    record Column(String table, String name, int type) {
    }
    List<Column> columns = jdbc.execute((ConnectionCallback<List<Column>>) c -> {
      List<Column> found = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getColumns(c.getCatalog(), c.getSchema(), "%", "%")) {
        while (rs.next()) {
          if (rs.getString("TABLE_NAME").toUpperCase(Locale.ROOT).startsWith("ACT_")) {
            found.add(new Column(rs.getString("TABLE_NAME"), rs.getString("COLUMN_NAME"), rs.getInt("DATA_TYPE")));
          }
        }
      }
      return found;
    });
    assertThat(columns).extracting(c -> (c.table() + "." + c.name()).toUpperCase(Locale.ROOT))
        .contains("ACT_RU_VARIABLE.TEXT_", "ACT_RU_VARIABLE.TEXT2_", "ACT_HI_VARINST.TEXT_", "ACT_HI_DETAIL.TEXT_",
            "ACT_HI_OP_LOG.NEW_VALUE_", "ACT_HI_OP_LOG.ORG_VALUE_", "ACT_GE_BYTEARRAY.BYTES_");
    byte[] needle = text.getBytes(UTF_8);
    Set<String> hits = new TreeSet<>();
    for (Column column : columns) {
      String where = column.table() + "." + column.name();
      String select = " from " + column.table() + " where " + column.name();
      switch (column.type()) {
        case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
            Types.CLOB, Types.NCLOB -> {
          if (jdbc.queryForObject("select count(*)" + select + " like ?", Integer.class, "%" + text + "%") > 0) {
            hits.add(where);
          }
        }
        case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> jdbc.query(
            "select " + column.name() + select + " is not null", rs -> {
              if (indexOf(rs.getBytes(1), needle) >= 0) {
                hits.add(where);
              }
            });
        default -> {
        }
      }
    }
    return hits;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; haystack != null && i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Rows of the instances' variables, their history and their operation log whose value is exactly this. */
  private int rowsHolding(String value, List<String> instances) {
    String in = String.join(",", Collections.nCopies(instances.size(), "?"));
    int rows = 0;
    for (String table : List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL")) {
      rows += count("select count(*) from " + table + " where PROC_INST_ID_ in (" + in + ")"
          + " and (TEXT_ = ? or TEXT2_ = ?)", instances, value, value);
    }
    return rows + count("select count(*) from ACT_HI_OP_LOG where PROC_INST_ID_ in (" + in + ")"
        + " and (NEW_VALUE_ = ? or ORG_VALUE_ = ?)", instances, value, value);
  }

  /** Rows of variable or detail history the task has (a form field, a variable of its own). */
  private int historyOfTask(String taskId) {
    return count("select count(*) from ACT_HI_DETAIL where TASK_ID_ = ?", List.of(taskId))
        + count("select count(*) from ACT_HI_VARINST where TASK_ID_ = ?", List.of(taskId))
        + count("select count(*) from ACT_RU_VARIABLE where TASK_ID_ = ?", List.of(taskId));
  }

  private int count(String sql, List<String> parameters, Object... more) {
    List<Object> args = new ArrayList<>(parameters);
    args.addAll(List.of(more));
    return jdbc.queryForObject(sql, Integer.class, args.toArray());
  }

  /**
   * The bind parameters of every statement the engine sends to the database while open. MyBatis, under the
   * engine, logs them at DEBUG under each statement's mapper, all in org.camunda.bpm.engine.impl.
   */
  static final class EngineStatements implements AutoCloseable {
    private final Logger mappers = (Logger) LoggerFactory.getLogger("org.camunda.bpm.engine.impl");
    private final Level level = mappers.getLevel();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    private final boolean additive = mappers.isAdditive();

    EngineStatements() {
      log.start();
      mappers.addAppender(log);
      // caught here, not printed
      mappers.setAdditive(false);
      mappers.setLevel(Level.DEBUG);
    }

    List<String> parameters() {
      synchronized (log) {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains("Parameters:"))
            .toList();
      }
    }

    @Override
    public void close() {
      mappers.setLevel(level);
      mappers.setAdditive(additive);
      mappers.detachAppender(log);
      log.stop();
    }
  }
}
