package org.dangjian.flow.administration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.dangjian.flow.development.DevelopmentTestSupport;
import org.dangjian.flow.development.MemberDevelopment;
import org.dangjian.flow.development.MemberDevelopment.Tasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Going live without SQL: an administrator builds a working committee's tree, its people and registry through
 * /api/admin, and the processes work on it; everyone else is refused, and a refused request changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdministrationRestTest extends DevelopmentTestSupport {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final String PASSWORD = "geheim-123";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired AuthorizationService authorizationService;

  /** Ids of this test's own tree: the tests share one database. */
  private String p;

  @BeforeEach
  void uniquePrefix() {
    p = "t" + Long.toString(System.currentTimeMillis() % 100000000L, 36) + SEQUENCE.incrementAndGet();
  }

  private TestRestTemplate admin() {
    return rest.withBasicAuth("admin", "admin");
  }

  private ResponseEntity<Map> post(TestRestTemplate as, String path, Object body) {
    return as.postForEntity(path, body, Map.class);
  }

  private ResponseEntity<Map> put(TestRestTemplate as, String path, Object body) {
    return as.exchange(path, HttpMethod.PUT, new HttpEntity<>(body), Map.class);
  }

  private ResponseEntity<Map> created(TestRestTemplate as, String path, Object body) {
    ResponseEntity<Map> response = post(as, path, body);
    assertThat(response.getStatusCode()).as("%s %s", path, response.getBody()).isEqualTo(HttpStatus.CREATED);
    return response;
  }

  private static Map<String, Object> organization(String id, String name, String kind, String parentId,
      boolean approvalPower) {
    Map<String, Object> body = new HashMap<>();
    body.put("id", id);
    body.put("name", name);
    body.put("kind", kind);
    body.put("parentId", parentId);
    body.put("approvalPower", approvalPower);
    return body;
  }

  /** 工委 p, 党委 p-dw (approval power), 党支部 p-zb; a clerk of each of the committee and the branch. */
  private void tree() {
    created(admin(), "/api/admin/organizations", organization(p, "测试工委" + p, "workingCommittee", null, false));
    created(admin(), "/api/admin/organizations", organization(p + "-dw", "测试党委", "committee", p, true));
    created(admin(), "/api/admin/organizations", organization(p + "-zb", "测试党支部", "branch", p + "-dw", false));
    person(p + ".clerk", "王小红", p + "-zb", "clerk");
    person(p + ".dwclerk", "李大明", p + "-dw", "clerk");
  }

  private void person(String userId, String name, String organizationId, String role) {
    created(admin(), "/api/admin/users", Map.of("userId", userId, "name", name, "phone", "13800138000",
        "email", userId + "@example.cn", "password", PASSWORD));
    ResponseEntity<Map> granted = post(admin(), "/api/admin/users/" + userId + "/roles",
        Map.of("organizationId", organizationId, "role", role));
    assertThat(granted.getStatusCode()).as("%s", granted.getBody()).isEqualTo(HttpStatus.OK);
  }

  private ResponseEntity<Map> submitStart(String user, String branchId, String birthDate) {
    Map<String, Object> application = application("2025-01-10", birthDate);
    application.put("branchId", branchId);
    Map<String, Object> variables = new HashMap<>();
    application.forEach((key, value) -> variables.put(key, Map.of("value", value)));
    return rest.withBasicAuth(user, PASSWORD).postForEntity(
        "/engine-rest/process-definition/key/{key}/submit-form", Map.of("variables", variables), Map.class,
        MemberDevelopment.PROCESS_KEY);
  }

  private ProcessInstance startCase(String birthDate) {
    today("2025-01-20");
    ResponseEntity<Map> started = submitStart(p + ".clerk", p + "-zb", birthDate);
    assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.OK);
    return runtimeService.createProcessInstanceQuery().processInstanceId((String) started.getBody().get("id"))
        .singleResult();
  }

  private long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }

  private List<Map<String, Object>> changes(String entityId) {
    return jdbc.queryForList("select * from admin_change_log where entity_id = ? order by id", entityId);
  }

  @Test
  void aWorkingCommitteeGoesLiveFromNothingAndItsClerkStartsACaseTheCommitteeSees() {
    tree();
    ResponseEntity<Map> member = created(admin(), "/api/admin/members", Map.of("name", "赵党员", "gender", "male",
        "birthDate", "1980-03-04", "branchId", p + "-zb", "partyGroup", "第一党小组", "status", "full",
        "fullMembershipDate", "2005-07-01", "disciplineStatus", "none",
        "idNumber", application("2025-01-10", "1980-03-04").get("idNumber")));
    String memberNo = (String) member.getBody().get("memberNo");
    assertThat(member.getBody()).containsEntry("branchName", "测试党支部").containsEntry("status", "full");

    // the tree lists parents before children, with names
    ResponseEntity<List> tree = admin().getForEntity("/api/admin/organizations", List.class);
    List<String> ids = ((List<Map<String, Object>>) tree.getBody()).stream().map(o -> (String) o.get("id")).toList();
    assertThat(ids.indexOf(p)).isLessThan(ids.indexOf(p + "-dw"));
    assertThat(ids.indexOf(p + "-dw")).isLessThan(ids.indexOf(p + "-zb"));
    // the engine has the groups of the new organizations' roles, and the clerk may start a development case
    assertThat(identityService.createGroupQuery().groupId(p + "-zb-clerk").count()).isEqualTo(1);
    assertThat(identityService.createGroupQuery().groupId(p + "-dw-approver").count()).isEqualTo(1);
    assertThat(identityService.createGroupQuery().groupId(p + "-orgdept").count()).isEqualTo(1);

    ProcessInstance pi = startCase("1996-04-04");
    assertThat(pi.getBusinessKey()).startsWith(p + "-zb-");
    assertThat(runtimeService.getVariable(pi.getId(), "committeeClerkGroup")).isEqualTo(p + "-dw-clerk");
    assertThat(runtimeService.getVariable(pi.getId(), "orgDeptGroup")).isEqualTo(p + "-orgdept");

    ResponseEntity<List> seenByCommittee = rest.withBasicAuth(p + ".dwclerk", PASSWORD).getForEntity(
        "/engine-rest/process-instance?processDefinitionKey=MemberDevelopmentProcess&businessKey={key}&maxResults=10", List.class,
        pi.getBusinessKey());
    assertThat(seenByCommittee.getBody()).hasSize(1);
    ResponseEntity<List> seenByAnotherBranch = rest.withBasicAuth(BRANCH_CLERK, "demo").getForEntity(
        "/engine-rest/process-instance?processDefinitionKey=MemberDevelopmentProcess&businessKey={key}&maxResults=10", List.class,
        pi.getBusinessKey());
    assertThat(seenByAnotherBranch.getBody()).isEmpty();

    // the member may be named contact at step 5, the registry entry of the case is kept by the process
    ResponseEntity<Map> edit = put(admin(), "/api/admin/members/" + memberId(pi), Map.of("name", "测试申请人",
        "gender", "female", "birthDate", "1996-04-04", "branchId", p + "-zb", "status", "activist"));
    assertThat(edit.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(edit.getBody().get("message").toString()).contains("进行中的发展党员案件").contains(pi.getBusinessKey());
    assertThat(jdbc.queryForObject("select status from party_member where id = ?", String.class, memberId(pi)))
        .isEqualTo("applicant");

    assertThat(changes(p)).extracting(r -> r.get("ACTION")).containsExactly("create");
    assertThat(changes(p).get(0).get("CHANGED_BY")).isEqualTo("admin");
    assertThat(changes(p + ".clerk@" + p + "-zb-clerk")).extracting(r -> r.get("ACTION")).containsExactly("grant");
    assertThat(changes(memberNo)).hasSize(1);
    // users and roles are this application's own (no directory): the page offers their forms
    assertThat(admin().getForEntity("/api/admin/identity", Map.class).getBody()).containsEntry("directory", false);
    ResponseEntity<Map> log = admin().getForEntity("/api/admin/change-log?maxResults=5", Map.class);
    assertThat(log.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat((List<?>) log.getBody().get("items")).hasSize(5);
    assertThat(log.getBody().get("items").toString()).doesNotContain(PASSWORD);
  }

  @Test
  void anOrganizationDepartmentAdministersItsOwnSubtreeOnlyAndOthersAreRefused() {
    tree();
    person(p + ".orgdept", "孙组织", p, "orgdept");
    TestRestTemplate own = rest.withBasicAuth(p + ".orgdept", PASSWORD);
    created(own, "/api/admin/organizations", organization(p + "-zb2", "第二党支部", "branch", p + "-dw", false));
    List<Map<String, Object>> seen = own.getForEntity("/api/admin/organizations", List.class).getBody();
    assertThat(seen).extracting(o -> o.get("id")).contains(p, p + "-zb2").doesNotContain("gxq", "guitu");

    long organizations = count("organization");
    long logged = count("admin_change_log");
    TestRestTemplate other = rest.withBasicAuth("gxq.orgdept", "demo");
    ResponseEntity<Map> create = post(other, "/api/admin/organizations",
        organization(p + "-zb3", "越权党支部", "branch", p + "-dw", false));
    assertThat(create.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(create.getBody().get("message").toString()).contains("无权限");
    assertThat(put(other, "/api/admin/organizations/" + p + "-zb/name", Map.of("name", "改名")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post(other, "/api/admin/users/" + p + ".clerk/roles", Map.of("organizationId", p + "-zb",
        "role", "secretary")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(other.getForEntity("/api/admin/members?branchId=" + p + "-zb", Map.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(other.getForEntity("/api/admin/organizations", List.class).getBody())
        .extracting(o -> ((Map<?, ?>) o).get("id")).contains("gxq").doesNotContain(p);
    // a clerk is nobody's administrator; the own organization department may not move a branch out of its tree
    assertThat(rest.withBasicAuth(BRANCH_CLERK, "demo").getForEntity("/api/admin/organizations", Map.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(put(own, "/api/admin/organizations/" + p + "-zb/parent", Map.of("parentId", "gxq-jg"))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(count("organization")).isEqualTo(organizations);
    assertThat(count("admin_change_log")).isEqualTo(logged);
    // each organization department reads the change log of its own subtree only
    List<Map<String, Object>> ownLog = (List<Map<String, Object>>) own.getForEntity(
        "/api/admin/change-log?maxResults=200", Map.class).getBody().get("items");
    assertThat(ownLog).extracting(e -> e.get("entityId")).contains(p + "-zb2", p + "-dw");
    assertThat(ownLog).extracting(e -> (String) e.get("organizationId")).allMatch(id -> id.startsWith(p));
    List<Map<String, Object>> otherLog = (List<Map<String, Object>>) other.getForEntity(
        "/api/admin/change-log?maxResults=200", Map.class).getBody().get("items");
    assertThat(otherLog).extracting(e -> (String) e.get("organizationId")).noneMatch(id -> id.startsWith(p));
    assertThat(jdbc.queryForObject("select name from organization where id = ?", String.class, p + "-zb"))
        .isEqualTo("测试党支部");
    assertThat(jdbc.queryForObject("select parent_id from organization where id = ?", String.class, p + "-zb"))
        .isEqualTo(p + "-dw");
  }

  @Test
  void badIdsDuplicatesCyclesAndMisplacedKindsAreRefusedAndChangeNothing() {
    tree();
    created(admin(), "/api/admin/organizations", organization(p + "-dw2", "下级党委", "committee", p + "-dw", false));
    long organizations = count("organization");
    long logged = count("admin_change_log");
    long groups = identityService.createGroupQuery().count();

    ResponseEntity<Map> badId = post(admin(), "/api/admin/organizations",
        organization("Bad_ID", "错误编号", "branch", p + "-dw", false));
    assertThat(badId.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badId.getBody()).containsEntry("field", "id").containsKeys("type", "message", "detail");
    assertThat(badId.getBody().get("message").toString()).contains("组织编号");
    assertThat(post(admin(), "/api/admin/organizations", organization("x", "太短", "branch", p + "-dw", false))
        .getBody()).containsEntry("field", "id");
    ResponseEntity<Map> duplicate = post(admin(), "/api/admin/organizations",
        organization("guitu", "重复编号", "branch", p + "-dw", false));
    assertThat(duplicate.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(duplicate.getBody().get("message").toString()).contains("已被使用");
    ResponseEntity<Map> badKind = post(admin(), "/api/admin/organizations",
        organization(p + "-x", "未知类型", "department", p, false));
    assertThat(badKind.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badKind.getBody()).containsEntry("field", "kind");
    ResponseEntity<Map> branchUnderWorkingCommittee = post(admin(), "/api/admin/organizations",
        organization(p + "-x", "直属支部", "branch", p, false));
    assertThat(branchUnderWorkingCommittee.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(branchUnderWorkingCommittee.getBody()).containsEntry("field", "parentId");
    assertThat(post(admin(), "/api/admin/organizations", organization(p + "-x", "有审批权的支部", "branch",
        p + "-dw", true)).getBody()).containsEntry("field", "approvalPower");
    assertThat(post(admin(), "/api/admin/organizations", organization(p + "-x", "无上级", "branch", "no-such-org",
        false)).getBody()).containsEntry("field", "parentId");
    // the forms' text rules: a name of zero-width characters is empty, control characters are refused
    assertThat(post(admin(), "/api/admin/organizations", organization(p + "-x", "\u200b\u200c\ufeff", "branch",
        p + "-dw", false)).getBody()).containsEntry("field", "name");
    assertThat(post(admin(), "/api/admin/organizations", organization(p + "-x", "支部\u0000", "branch",
        p + "-dw", false)).getBody()).containsEntry("field", "name");

    ResponseEntity<Map> cycle = put(admin(), "/api/admin/organizations/" + p + "-dw/parent",
        Map.of("parentId", p + "-dw2"));
    assertThat(cycle.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(cycle.getBody().get("message").toString()).contains("成环");
    assertThat(put(admin(), "/api/admin/organizations/" + p + "-dw/parent", Map.of("parentId", p + "-dw"))
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(put(admin(), "/api/admin/organizations/no-such-org/name", Map.of("name", "无"))
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<Map> wrongRole = post(admin(), "/api/admin/users/" + p + ".clerk/roles",
        Map.of("organizationId", p + "-zb", "role", "approver"));
    assertThat(wrongRole.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(wrongRole.getBody()).containsEntry("field", "role");
    ResponseEntity<Map> badIdNumber = post(admin(), "/api/admin/members", Map.of("name", "钱党员",
        "birthDate", "1980-03-04", "branchId", p + "-zb", "status", "full", "idNumber", "110101198003040000"));
    assertThat(badIdNumber.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badIdNumber.getBody()).containsEntry("field", "idNumber");
    assertThat(post(admin(), "/api/admin/members", Map.of("name", "钱党员", "branchId", p + "-zb",
        "status", "ended")).getBody()).containsEntry("field", "status");
    assertThat(post(admin(), "/api/admin/users", Map.of("userId", p + ".short", "name", "短密码",
        "password", "123")).getBody()).containsEntry("field", "password");

    assertThat(count("organization")).isEqualTo(organizations);
    assertThat(count("admin_change_log")).isEqualTo(logged);
    assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
    assertThat(jdbc.queryForObject("select parent_id from organization where id = ?", String.class, p + "-dw"))
        .isEqualTo(p);
    assertThat(identityService.createUserQuery().userId(p + ".short").count()).isZero();
  }

  @Test
  void closingAnOrganizationWithOpenCasesIsRefusedWithTheCaseNumbersAndAClosedIdIsNeverReused() {
    tree();
    ProcessInstance pi = startCase("1995-06-06");
    ResponseEntity<Map> refused = post(admin(), "/api/admin/organizations/" + p + "-zb/close", null);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(refused.getBody().get("message").toString()).contains(pi.getBusinessKey());
    assertThat((List<Object>) refused.getBody().get("cases")).containsExactly(pi.getBusinessKey());
    // the committee is named by the case (committeeId) and has a branch below it
    assertThat(post(admin(), "/api/admin/organizations/" + p + "-dw/close", null).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    assertThat(jdbc.queryForObject("select status from organization where id = ?", String.class, p + "-zb"))
        .isEqualTo("active");

    created(admin(), "/api/admin/organizations", organization(p + "-zb9", "空支部", "branch", p + "-dw", false));
    ResponseEntity<Map> closed = post(admin(), "/api/admin/organizations/" + p + "-zb9/close", null);
    assertThat(closed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(closed.getBody()).containsEntry("status", "closed");
    assertThat(post(admin(), "/api/admin/organizations", organization(p + "-zb9", "重新使用", "branch", p + "-dw",
        false)).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(changes(p + "-zb9")).extracting(r -> r.get("ACTION")).containsExactly("create", "close");
    assertThat(changes(p + "-zb9").get(1).get("BEFORE_JSON").toString()).contains("\"status\":\"active\"");
    assertThat(changes(p + "-zb9").get(1).get("AFTER_JSON").toString()).contains("\"status\":\"closed\"");

    // closed by mistake: reopened with its id, once; an organization that is not closed needs no reopening
    ResponseEntity<Map> reopened = post(admin(), "/api/admin/organizations/" + p + "-zb9/reopen", null);
    assertThat(reopened.getStatusCode()).as("%s", reopened.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(reopened.getBody()).containsEntry("status", "active");
    assertThat(post(admin(), "/api/admin/organizations/" + p + "-zb9/reopen", null).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    assertThat(changes(p + "-zb9")).extracting(r -> r.get("ACTION")).containsExactly("create", "close", "reopen");
  }

  @Test
  void movingABranchToAnotherCommitteeHandsItsOpenCommitteeStepsToTheNewCommittee() {
    tree();
    created(admin(), "/api/admin/organizations", organization(p + "-dwb", "第二党委", "committee", p, true));
    person(p + ".dwbclerk", "周新", p + "-dwb", "clerk");
    ProcessInstance pi = startCase("1994-02-02");
    complete(pi, Tasks.APPLICANT_TALK, p + ".clerk", "talkDate", "2025-01-20", "talkerName", "王小红",
        "talkRecord", "谈话记录");
    today("2025-02-15");
    complete(pi, Tasks.DETERMINE_ACTIVIST, p + ".clerk", "recommendationMethod", "memberRecommendation",
        "recommendationDate", "2025-02-01", "committeeMeetingDate", "2025-02-10", "activistDecision", "approve");
    String filing = task(pi, Tasks.FILE_ACTIVIST).getId();
    assertThat(candidateGroups(filing)).containsExactly(p + "-dw-clerk");

    ResponseEntity<Map> moved = put(admin(), "/api/admin/organizations/" + p + "-zb/parent",
        Map.of("parentId", p + "-dwb"));
    assertThat(moved.getStatusCode()).as("%s", moved.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(moved.getBody()).containsEntry("parentName", "第二党委");

    assertThat(candidateGroups(filing)).containsExactly(p + "-dwb-clerk");
    assertThat(runtimeService.getVariables(pi.getId())).containsEntry("committeeId", p + "-dwb")
        .containsEntry("committeeClerkGroup", p + "-dwb-clerk").containsEntry("committeeApproverGroup", p + "-dwb-approver")
        .containsEntry("committeeName", "第二党委").containsEntry("branchId", p + "-zb");
    assertThat(readGrant(p + "-dwb-clerk", pi.getId())).isTrue();
    assertThat(readGrant(p + "-dw-clerk", pi.getId())).isFalse();
    assertThat(readGrant(p + "-zb-clerk", pi.getId())).isTrue();
    // the new committee's clerk does the filing step; the old one sees the case no more
    complete(pi, Tasks.FILE_ACTIVIST, p + ".dwbclerk", "activistFilingDate", "2025-02-12");
    assertThat(task(pi, Tasks.ASSIGN_CONTACTS)).isNotNull();
    assertThat(rest.withBasicAuth(p + ".dwclerk", PASSWORD).getForEntity(
        "/engine-rest/process-instance?businessKey={key}&maxResults=10", List.class, pi.getBusinessKey()).getBody()).isEmpty();
    assertThat(changes(p + "-zb")).extracting(r -> r.get("ACTION")).containsExactly("create", "move");
  }

  private List<String> candidateGroups(String taskId) {
    return taskService.getIdentityLinksForTask(taskId).stream().filter(l -> "candidate".equals(l.getType()))
        .map(IdentityLink::getGroupId).toList();
  }

  private boolean readGrant(String groupId, String processInstanceId) {
    return authorizationService.createAuthorizationQuery().groupIdIn(groupId).resourceType(Resources.PROCESS_INSTANCE)
        .resourceId(processInstanceId).hasPermission(Permissions.READ).count() > 0;
  }

  @Test
  void aMemberImportedIntoTheRegistryIsOfferedAtTheOpenStepsOfItsBranchOnceTheImportIsDone() {
    ProcessInstance waiting = caseAt(Tasks.ASSIGN_CONTACTS);
    String name = "导入党员" + p;
    Map<String, String> member = new java.util.LinkedHashMap<>(Map.of("name", name, "gender", "female",
        "birthDate", "1972-05-06", "branchId", "guitu", "partyGroup", "第一党小组", "status", "full",
        "fullMembershipDate", "2000-07-01", "disciplineStatus", "none"));
    byte[] file = Workbooks.write(List.of(new Workbooks.SheetRows(Sheets.registry(),
        List.of(new Workbooks.DataRow(Sheets.FIRST_DATA_ROW, member)))));
    ResponseEntity<Map> imported = admin().postForEntity("/api/admin/imports?dryRun=false",
        FilledTemplate.upload(file, "名册.xlsx"), Map.class);
    assertThat(imported.getStatusCode()).as("%s", imported.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(imported.getBody()).as("%s", imported.getBody()).containsEntry("applied", true);
    Long memberNo = jdbc.queryForObject("select id from party_member where name = ?", Long.class, name);
    // refreshed once, after the sheet (Registry.batch), and still refreshed
    assertThat(runtimeService.getVariable(waiting.getId(), "contactOptions").toString())
        .contains(name + "（" + memberNo + "，正式党员）");
  }

  @Test
  void aMemberUnderProbationWithinThePartyMayNotBeNamedContactOrIntroducer() {
    ResponseEntity<Map> disciplined = created(admin(), "/api/admin/members", Map.of("name", "钱受处分",
        "gender", "male", "birthDate", "1970-01-01", "branchId", "guitu", "status", "full",
        "disciplineStatus", "probationWithinParty"));
    String memberNo = (String) disciplined.getBody().get("memberNo");
    assertThat(disciplined.getBody()).containsEntry("disciplineStatus", "probationWithinParty");
    // step 5: not a contact (培养联系人) either
    ProcessInstance early = caseAt(Tasks.ASSIGN_CONTACTS);
    ResponseEntity<Map> contact = rest.withBasicAuth(BRANCH_CLERK, "demo").postForEntity(
        "/engine-rest/task/{id}/submit-form", Map.of("variables", Map.of("contact1MemberId", Map.of("value", memberNo),
            "contact2MemberId", Map.of("value", "1002"))), Map.class, task(early, Tasks.ASSIGN_CONTACTS).getId());
    // not offered at all (the select lists full members in good standing only), and the refusal says why
    assertThat(contact.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(contact.getBody().get("message").toString()).contains("培养联系人一")
        .contains("钱受处分（" + memberNo + "）正在留党察看期间")
        .contains("不能担任培养联系人");
    assertThat(runtimeService.getVariable(early.getId(), "contactOptions").toString()).contains("\"1002\"")
        .doesNotContain("\"" + memberNo + "\"");
    assertThat(task(early, Tasks.ASSIGN_CONTACTS)).isNotNull();

    ProcessInstance pi = caseAt(Tasks.ASSIGN_INTRODUCERS);
    String taskId = task(pi, Tasks.ASSIGN_INTRODUCERS).getId();
    Map<String, Object> variables = Map.of("introducer1MemberId", Map.of("value", memberNo),
        "introducer2MemberId", Map.of("value", "1003"));
    ResponseEntity<Map> refused = rest.withBasicAuth(BRANCH_CLERK, "demo").postForEntity(
        "/engine-rest/task/{id}/submit-form", Map.of("variables", variables), Map.class, taskId);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("message").toString()).contains("入党介绍人一")
        .contains("钱受处分（" + memberNo + "）正在留党察看期间")
        .contains("不能担任培养联系人或入党介绍人");
    assertThat(task(pi, Tasks.ASSIGN_INTRODUCERS).getId()).isEqualTo(taskId);
    assertThat(runtimeService.getVariables(pi.getId())).doesNotContainKey("introducer1MemberId");

    // the step's own rule says why, should the member reach it another way (the options of an older form, code)
    taskService.setAssignee(taskId, BRANCH_CLERK);
    assertThatThrownBy(() -> taskService.complete(taskId, Map.of("introducer1MemberId", memberNo,
        "introducer2MemberId", "1003"))).hasMessageContaining("留党察看").hasMessageContaining("《中国共产党纪律处分条例》")
        .hasMessageContaining("钱受处分").hasMessageContaining("不能担任入党介绍人");
    // the same member without the sanction is a valid introducer: the open step offers them as soon as it is lifted
    ResponseEntity<Map> lifted = put(admin(), "/api/admin/members/" + memberNo, Map.of("name", "钱受处分",
        "gender", "male", "birthDate", "1970-01-01", "branchId", "guitu", "status", "full",
        "disciplineStatus", "none"));
    assertThat(lifted.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(changes(memberNo)).extracting(r -> r.get("ACTION")).containsExactly("create", "update");
    // neither was a contact of the case (1001, 1002): the reason is recorded
    Map<String, Object> withReason = Map.of("introducer1MemberId", Map.of("value", memberNo),
        "introducer2MemberId", Map.of("value", "1003"), "introducerReason", Map.of("value", "二人长期与申请人共事"));
    assertThat(rest.withBasicAuth(BRANCH_CLERK, "demo").postForEntity("/engine-rest/task/{id}/submit-form",
        Map.of("variables", withReason), Map.class, taskId).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
  }
}
