package org.dangjian.flow.development;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dangjian.flow.development.MemberDevelopment.Tasks.ASSIGN_CONTACTS;
import static org.dangjian.flow.development.MemberDevelopment.Tasks.ASSIGN_INTRODUCERS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.dangjian.flow.organization.MemberRegistry.NewPerson;
import org.dangjian.flow.organization.MemberStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Steps 5 and 9 offer members by name, and the pages that name an organization offer names: what is offered is
 * exactly who may be chosen, and nothing else is accepted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MemberPickersRestTest extends DevelopmentTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired MemberOptions memberOptions;

  private static Map<String, Object> variables(Object... keyValues) {
    Map<String, Object> vars = new java.util.HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      vars.put((String) keyValues[i], Map.of("value", keyValues[i + 1]));
    }
    return Map.of("variables", vars);
  }

  /** The options the case holds for a step, as label by value. */
  private Map<String, String> offered(ProcessInstance pi, String variable) throws Exception {
    JsonNode options = JSON.readTree(runtimeService.getVariable(pi.getId(), variable).toString());
    Map<String, String> byValue = new java.util.LinkedHashMap<>();
    options.forEach(o -> byValue.put(o.path("value").asText(), o.path("label").asText()));
    return byValue;
  }

  private long member(String name, String branchId, MemberStatus status) {
    return registry.add(new NewPerson(name, "male", LocalDate.of(1980, 1, 1), null, branchId, status, null, null));
  }

  @Test
  void theOfferedMembersAreTheBranchsFullMembersInGoodStandingThenThoseOfTheCommitteesOtherBranches() throws Exception {
    // besides the demo members (1001–1003 full, 1004 probationary, 1005 under 留党察看): a disciplined one here and
    // one in another branch, a warned one in another branch, and one who becomes a full member while the step is open
    long disciplined = member("留党察看者", "guitu", MemberStatus.FULL);
    jdbc.update("update party_member set discipline_status = 'probation_within_party' where id = ?", disciplined);
    long disciplinedElsewhere = member("法院留党察看者", "fayuan", MemberStatus.FULL);
    jdbc.update("update party_member set discipline_status = 'probation_within_party' where id = ?",
        disciplinedElsewhere);
    long warned = member("法院警告者", "fayuan", MemberStatus.FULL);
    jdbc.update("update party_member set discipline_status = 'warning' where id = ?", warned);
    ProcessInstance pi = caseAt(ASSIGN_CONTACTS);
    long candidate = ((Number) runtimeService.getVariable(pi.getId(), "memberId")).longValue();

    Map<String, String> options = offered(pi, "contactOptions");
    List<String> ownBranch = new ArrayList<>();
    for (Map<String, Object> row : jdbc.queryForList("select id, status, discipline_status from party_member"
        + " where branch_id = 'guitu' order by id")) {
      if ("full".equals(row.get("STATUS")) && !"probation_within_party".equals(row.get("DISCIPLINE_STATUS"))) {
        ownBranch.add(String.valueOf(row.get("ID")));
      }
    }
    // the case's branch first, in member-number order, then the other branches of 高新区机关党委
    assertThat(new ArrayList<>(options.keySet()).subList(0, ownBranch.size())).containsExactlyElementsOf(ownBranch);
    assertThat(options.keySet()).contains("1001", "1002", "1003", "1011", "1021", String.valueOf(warned))
        .doesNotContain("1004", "1005", String.valueOf(disciplined), String.valueOf(disciplinedElsewhere),
            String.valueOf(candidate));
    assertThat(options).containsEntry("1001", "马建国（1001，正式党员）")
        .containsEntry("1011", "高明（1011，法院党支部，正式党员）")
        .containsEntry(String.valueOf(warned), "法院警告者（" + warned + "，法院党支部，正式党员，党纪处分：警告）");
    JsonNode raw = JSON.readTree(runtimeService.getVariable(pi.getId(), "contactOptions").toString());
    raw.forEach(o -> assertThat(o.path("otherBranch").asBoolean()).as(o.toString())
        .isEqualTo(!ownBranch.contains(o.path("value").asText())));
    // why the disciplined are not offered, for the refusal to say
    JsonNode refused = JSON.readTree(runtimeService.getVariable(pi.getId(), "contactOptionsRefused").toString());
    assertThat(refused.path("1005").asText()).contains("冯立新（1005）正在留党察看期间");
    assertThat(refused.has(String.valueOf(disciplinedElsewhere))).isTrue();

    long newlyFull = member("新转正党员", "fayuan", MemberStatus.FULL);
    assertThat(offered(pi, "contactOptions")).doesNotContainKey(String.valueOf(newlyFull));
    // a change in another branch of the committee reaches the open step too
    memberOptions.refreshBranches(List.of("fayuan"));
    assertThat(offered(pi, "contactOptions")).containsKey(String.valueOf(newlyFull));
  }

  @Test
  void aMemberUnderProbationWithinThePartyIsRefusedByNameThroughTheRestApi() throws Exception {
    ProcessInstance pi = caseAt(ASSIGN_CONTACTS);
    String taskId = task(pi, ASSIGN_CONTACTS).getId();
    ResponseEntity<Map> refused = rest.withBasicAuth(BRANCH_CLERK, "demo").postForEntity(
        "/engine-rest/task/{id}/submit-form", variables("contact1MemberId", "1005"), Map.class, taskId);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("message").toString()).contains("培养联系人一").contains("冯立新（1005）")
        .contains("留党察看");
    assertThat(task(pi, ASSIGN_CONTACTS).getId()).isEqualTo(taskId);
  }

  @Test
  void aMemberNumberNotOfferedIsRefusedThroughTheRestApi() throws Exception {
    ProcessInstance pi = caseAt(ASSIGN_INTRODUCERS);
    String taskId = task(pi, ASSIGN_INTRODUCERS).getId();
    assertThat(offered(pi, "introducerOptions")).containsKeys("1002", "1003", "1011").doesNotContainKey("1004");
    for (String notOffered : List.of("1004", "999999")) {
      ResponseEntity<Map> refused = rest.withBasicAuth(BRANCH_CLERK, "demo").postForEntity(
          "/engine-rest/task/{id}/submit-form", variables("introducer1MemberId", notOffered,
              "introducer2MemberId", "1003"), Map.class, taskId);
      assertThat(refused.getStatusCode()).as(notOffered).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody().get("message").toString()).as(notOffered)
          .contains("入党介绍人一").contains("“" + notOffered + "”不在可选项中");
      assertThat(task(pi, ASSIGN_INTRODUCERS).getId()).isEqualTo(taskId);
    }
    assertThat(runtimeService.getVariables(pi.getId())).doesNotContainKey("introducer1MemberId");
    ResponseEntity<Map> accepted = rest.withBasicAuth(BRANCH_CLERK, "demo").postForEntity(
        "/engine-rest/task/{id}/submit-form", variables("introducer1MemberId", "1002", "introducer2MemberId", "1001"),
        Map.class, taskId);
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(runtimeService.getVariable(pi.getId(), "introducer1MemberId")).isEqualTo("1002");
  }

  @Test
  void aTransferredCaseOffersTheMembersOfItsNewBranch() throws Exception {
    ProcessInstance pi = caseAt(ASSIGN_CONTACTS);
    String caseNumber = pi.getBusinessKey();
    ResponseEntity<Void> moved = rest.withBasicAuth(BRANCH_CLERK, "demo").postForEntity(
        "/api/development-cases/{case}/transfer", Map.of("targetBranchId", "fayuan", "reason", "工作调动"), Void.class,
        caseNumber);
    assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    // 法院党支部's own members first; 规土局's are now the other branch's
    assertThat(offered(pi, "contactOptions").keySet()).startsWith("1011");
    assertThat(offered(pi, "contactOptions")).containsEntry("1001", "马建国（1001，规土局党支部，正式党员）");
  }

  @Test
  void theOverduePageOffersTheOrganizationsTheUserMayRead() {
    List<Map<String, String>> committee = organizationsFor("jg.clerk", "/api/development-cases/overdue/organizations");
    assertThat(committee).contains(Map.of("id", "gxq-jg", "name", "高新区机关党委"),
        Map.of("id", "guitu", "name", "规土局党支部"), Map.of("id", "fayuan", "name", "法院党支部"));
    List<Map<String, String>> branch = organizationsFor(BRANCH_CLERK, "/api/development-cases/overdue/organizations");
    assertThat(branch).containsExactly(Map.of("id", "guitu", "name", "规土局党支部"));
    assertThat(organizationsFor("fayuan.clerk", "/api/development-cases/overdue/organizations"))
        .extracting(o -> o.get("id")).contains("fayuan").doesNotContain("guitu", "gxq-jg");
  }

  @Test
  void theTransferPageOffersTheOpenBranchesByName() {
    List<Map<String, String>> branches = organizationsFor(BRANCH_CLERK, "/api/development-cases/transfer/branches");
    assertThat(branches).contains(Map.of("id", "fayuan", "name", "法院党支部"), Map.of("id", "keji", "name", "科技局党支部"));
    assertThat(branches).extracting(o -> o.get("id")).doesNotContain("gxq-jg", "gxq");
    assertThat(rest.getForEntity("/api/development-cases/transfer/branches", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, String>> organizationsFor(String user, String path) {
    ResponseEntity<List> response = rest.withBasicAuth(user, "demo").getForEntity(path, List.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }
}
