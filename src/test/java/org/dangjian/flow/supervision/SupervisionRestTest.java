package org.dangjian.flow.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.dangjian.flow.development.DevelopmentTestSupport;
import org.dangjian.flow.development.MemberDevelopment.Tasks;
import org.dangjian.flow.organization.EngineIdentity;
import org.dangjian.flow.organization.Organization;
import org.dangjian.flow.organization.OrganizationKind;
import org.dangjian.flow.organization.OrganizationRepository;
import org.dangjian.flow.organization.StandingAuthorizations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * 督导总览 over REST: a working committee's supervisor sees its committees, a committee's supervisor only its own
 * branches, a clerk nothing; the counts are those of the cases the test creates in a tree of its own (the shared test
 * database holds many other cases).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SupervisionRestTest extends DevelopmentTestSupport {

  static final String WORKING_COMMITTEE = "svw";
  static final String TOP_SUPERVISOR = "svw.supervisor";

  @Autowired TestRestTemplate rest;
  @Autowired OrganizationRepository organizations;
  @Autowired EngineIdentity engineIdentity;
  @Autowired StandingAuthorizations standing;

  /** A committee of this test's own under 督导测试工委, with two branches, their clerks and its supervisor. */
  record Tree(String committee, String branch1, String branch2, String supervisor) {
    String clerk1() {
      return branch1 + ".clerk";
    }
  }

  private Tree tree;

  /**
   * 督导测试工委 once; each test a new committee (approving admissions) with two branches, so that the counts are those
   * of the cases this test starts, in a database that keeps earlier runs.
   */
  @BeforeEach
  void tree() {
    if (organizations.findById(WORKING_COMMITTEE).isEmpty()) {
      organizations.save(new Organization(WORKING_COMMITTEE, "督导测试工委", OrganizationKind.WORKING_COMMITTEE, null,
          false), 950);
      engineIdentity.synchronizeGroups(WORKING_COMMITTEE);
      engineIdentity.ensureUser(TOP_SUPERVISOR, "测试", "工委督导", "demo", WORKING_COMMITTEE + "-supervisor");
      standing.ensure(WORKING_COMMITTEE);
    }
    String committee = WORKING_COMMITTEE + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    tree = new Tree(committee, committee + "-b1", committee + "-b2", committee + ".supervisor");
    organizations.save(new Organization(committee, "督导测试党委", OrganizationKind.PARTY_COMMITTEE, WORKING_COMMITTEE,
        true), 951);
    organizations.save(new Organization(tree.branch1(), "督导测试一支部", OrganizationKind.BRANCH, committee, false), 952);
    organizations.save(new Organization(tree.branch2(), "督导测试二支部", OrganizationKind.BRANCH, committee, false), 953);
    for (String o : List.of(committee, tree.branch1(), tree.branch2())) {
      engineIdentity.synchronizeGroups(o);
      standing.ensure(o);
    }
    engineIdentity.ensureUser(tree.clerk1(), "测试", "一支部党务", "demo", tree.branch1() + "-clerk");
    engineIdentity.ensureUser(tree.branch2() + ".clerk", "测试", "二支部党务", "demo", tree.branch2() + "-clerk");
    engineIdentity.ensureUser(tree.supervisor(), "测试", "党委督导", "demo", committee + "-supervisor");
  }

  /** Three open cases: one past step 2 with a late talk (a violation), two waiting at step 2, all talks overdue. */
  private List<ProcessInstance> threeCases() {
    today("2025-01-20");
    ProcessInstance late = startIn(tree.branch1());
    ProcessInstance waiting = startIn(tree.branch1());
    ProcessInstance other = startIn(tree.branch2());
    today("2025-02-25");
    complete(late, Tasks.APPLICANT_TALK, tree.clerk1(), "talkDate", "2025-02-20", "talkerName", "测试",
        "talkRecord", "谈话记录");
    today("2025-03-01");
    return List.of(late, waiting, other);
  }

  private ProcessInstance startIn(String branch) {
    Map<String, Object> application = application("2025-01-10", "1995-05-05");
    application.put("branchId", branch);
    return start(application);
  }

  @Test
  void committeeViewCountsItsBranchesCasesPerStageStepOverdueAndViolations() {
    threeCases();
    ResponseEntity<Map> response = get(tree.supervisor(), "/api/supervision/overview?organizationId=" + tree.committee());
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, Object> view = response.getBody();
    System.out.println("supervision overview of " + tree.committee() + ": " + view.get("millis") + " ms, again "
        + get(tree.supervisor(), "/api/supervision/overview?organizationId=" + tree.committee()).getBody().get("millis")
        + " ms; of gxq: " + get("gxq.supervisor", "/api/supervision/overview?organizationId=gxq").getBody().get("millis")
        + " ms");
    assertThat(((Number) view.get("cases")).longValue()).isEqualTo(3);
    assertThat(stage(view, "SubProcess_Application")).isEqualTo(2);
    assertThat(stage(view, "SubProcess_Activist")).isEqualTo(1);
    Map<String, Object> b1 = unit(view, tree.branch1());
    assertThat(((Number) b1.get("cases")).longValue()).isEqualTo(2);
    assertThat(((Number) b1.get("overdue")).longValue()).isEqualTo(1);
    assertThat(((Number) b1.get("violations")).longValue()).isEqualTo(1);
    Map<String, Object> b2 = unit(view, tree.branch2());
    assertThat(((Number) b2.get("cases")).longValue()).isEqualTo(1);
    assertThat(((Number) b2.get("overdue")).longValue()).isEqualTo(1);
    assertThat(((Number) b2.get("violations")).longValue()).isEqualTo(0);
    assertThat(step(view, Tasks.APPLICANT_TALK).get("cases")).isEqualTo(2);
    assertThat(step(view, Tasks.DETERMINE_ACTIVIST).get("cases")).isEqualTo(1);
    assertThat(((Number) ((Map) view.get("overdue")).get("total")).longValue()).isEqualTo(2);
    Map<String, Object> violations = (Map<String, Object>) view.get("violations");
    assertThat(((Number) violations.get("total")).longValue()).isEqualTo(1);
    assertThat(violations.get("recent").toString()).contains("谈话晚于递交入党申请书后一个月的期限");
    Map<String, Object> talk = ((List<Map<String, Object>>) view.get("durations")).stream()
        .filter(d -> Tasks.APPLICANT_TALK.equals(d.get("activityId"))).findFirst().orElseThrow();
    assertThat(talk.get("completed")).isEqualTo(1);
    assertThat(talk.get("late")).isEqualTo(1);
    // started 2025-01-20, done 2025-02-25: 36 days, against the days its due date allowed
    assertThat(((Number) talk.get("averageDays")).doubleValue()).isEqualTo(36.0);
    assertThat(talk.get("allowedDays")).isNotNull();

    // the working committee's supervisor sees the committee as one unit, and drills down to it
    Map<String, Object> top = get(TOP_SUPERVISOR, "/api/supervision/overview?organizationId=" + WORKING_COMMITTEE)
        .getBody();
    assertThat(((Number) unit(top, tree.committee()).get("cases")).longValue()).isEqualTo(3);
    assertThat(get(TOP_SUPERVISOR, "/api/supervision/overview?organizationId=" + tree.branch1()).getStatusCode())
        .isEqualTo(HttpStatus.OK);

    // a branch's cases: who holds which step, overdue marked, the record linked
    Map<String, Object> page = get(tree.supervisor(), "/api/supervision/cases?organizationId=" + tree.branch1())
        .getBody();
    assertThat(((Number) page.get("total")).longValue()).isEqualTo(2);
    String rows = page.get("items").toString();
    assertThat(rows).contains("2 党组织派人谈话", "3 推荐和确定入党积极分子", "督导测试一支部", "/api/records/" + tree.branch1() + "-2025-");
    assertThat(rows).contains("overdue=true");
  }

  @Test
  void eachSupervisorSeesOnlyTheirSubtreeAndClerksAreRefused() {
    assertThat(getList(tree.supervisor(), "/api/supervision/organizations").getBody()).containsExactly(
        Map.of("id", tree.committee(), "name", "督导测试党委", "kind", "party_committee", "branch", false));
    ResponseEntity<Map> above = get(tree.supervisor(), "/api/supervision/overview?organizationId="
        + WORKING_COMMITTEE);
    assertThat(above.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(above.getBody().get("message").toString()).isEqualTo(
        "无权查看“督导测试工委”的督导总览：只有本组织及上级组织的督导可以查看");
    ResponseEntity<Map> clerk = get(tree.clerk1(), "/api/supervision/overview?organizationId=" + tree.branch1());
    assertThat(clerk.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(clerk.getBody().get("message").toString()).contains("只有本组织及上级组织的督导可以查看");
    assertThat(get(tree.clerk1(), "/api/supervision/cases?organizationId=" + tree.branch1()).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(getList(tree.clerk1(), "/api/supervision/organizations").getBody()).isEmpty();
    // another tree's supervisor, and the demo ones: 高新区工委 and its 机关党委
    assertThat(get("gxq.supervisor", "/api/supervision/overview?organizationId=" + tree.committee()).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(getList("gxq.supervisor", "/api/supervision/organizations").getBody().toString()).contains("id=gxq,")
        .doesNotContain(tree.committee());
    assertThat(getList("jg.supervisor", "/api/supervision/organizations").getBody().toString())
        .contains("id=gxq-jg,").doesNotContain("id=gxq,");
    assertThat(get("jg.supervisor", "/api/supervision/overview?organizationId=gxq-jg").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(get("jg.supervisor", "/api/supervision/overview?organizationId=guitu").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(get("jg.supervisor", "/api/supervision/overview?organizationId=gxq").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("jg.supervisor", "/api/supervision/overview?organizationId=donghu").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    // bad input: 400/404 in Chinese, never a 500
    assertThat(get(TOP_SUPERVISOR, "/api/supervision/overview").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    ResponseEntity<Map> unknown = get(TOP_SUPERVISOR, "/api/supervision/overview?organizationId=nowhere");
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(unknown.getBody().get("message").toString()).isEqualTo("组织“nowhere”不存在");
    assertThat(get(TOP_SUPERVISOR, "/api/supervision/cases?organizationId=" + tree.branch1() + "&maxResults=1000")
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void supervisorsReadTheTasksOfTheirCasesPerGroupButChangeNothing() {
    today("2025-01-20");
    ProcessInstance pi = startIn(tree.branch2());
    String taskId = task(pi, Tasks.APPLICANT_TALK).getId();
    // Cockpit's 人工任务 → 按组分配情况: counts over the tasks the supervisor reads only, no one else's groups
    ResponseEntity<List> counts = rest.withBasicAuth(tree.supervisor(), "demo")
        .getForEntity("/engine-rest/task/report/candidate-group-count", List.class);
    assertThat(counts.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(counts.getBody().toString()).contains("groupName=" + tree.branch2() + "-clerk")
        .doesNotContain("guitu-clerk", "fayuan-clerk");
    assertThat(rest.withBasicAuth("gxq.supervisor", "demo")
        .getForEntity("/engine-rest/task/report/candidate-group-count", List.class).getBody().toString())
        .doesNotContain(tree.branch2() + "-clerk");
    // who holds the case's steps, for Cockpit's 用户任务 tab: its supervisors only
    ResponseEntity<List> holders = getList(tree.supervisor(), "/api/supervision/task-holders?processInstanceId="
        + pi.getId());
    assertThat(holders.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(holders.getBody().toString()).contains("taskId=" + taskId, "holder=督导测试二支部 党务工作者");
    assertThat(get("gxq.supervisor", "/api/supervision/task-holders?processInstanceId=" + pi.getId())
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get(tree.branch2() + ".clerk", "/api/supervision/task-holders?processInstanceId=" + pi.getId())
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get(tree.supervisor(), "/api/supervision/task-holders?processInstanceId=nothing").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    // the holder in the task itself, and no write of any kind
    assertThat(rest.withBasicAuth(tree.supervisor(), "demo").getForEntity("/engine-rest/task/{id}", Map.class,
        taskId).getStatusCode()).isEqualTo(HttpStatus.OK);
    HttpEntity<Map<String, Object>> value = new HttpEntity<>(Map.of("value", "x", "type", "String"));
    for (String path : List.of("/engine-rest/process-instance/{id}/variables/candidateName",
        "/engine-rest/process-instance/{id}/variables/newOne")) {
      ResponseEntity<Map> put = rest.withBasicAuth(tree.supervisor(), "demo").exchange(path, HttpMethod.PUT,
          value, Map.class, pi.getId());
      assertThat(put.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(rest.withBasicAuth(tree.supervisor(), "demo").exchange(
        "/engine-rest/process-instance/{id}/variables/candidateName", HttpMethod.DELETE, null, Map.class, pi.getId())
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(runtimeService.getVariable(pi.getId(), "candidateName")).isEqualTo("测试申请人");
    assertThat(runtimeService.getVariable(pi.getId(), "newOne")).isNull();
  }

  private ResponseEntity<Map> get(String user, String path) {
    return rest.withBasicAuth(user, "demo").getForEntity(path, Map.class);
  }

  private ResponseEntity<List> getList(String user, String path) {
    return rest.withBasicAuth(user, "demo").getForEntity(path, List.class);
  }

  private static long stage(Map<String, Object> view, String key) {
    return ((List<Map<String, Object>>) view.get("stages")).stream().filter(s -> key.equals(s.get("key")))
        .map(s -> ((Number) s.get("cases")).longValue()).findFirst().orElse(0L);
  }

  private static Map<String, Object> unit(Map<String, Object> view, String id) {
    return ((List<Map<String, Object>>) view.get("units")).stream()
        .filter(u -> id.equals(((Map) u.get("organization")).get("id"))).findFirst().orElseThrow();
  }

  private static Map<String, Object> step(Map<String, Object> view, String activityId) {
    return ((List<Map<String, Object>>) view.get("steps")).stream()
        .filter(s -> activityId.equals(s.get("activityId"))).findFirst().orElseThrow();
  }
}
