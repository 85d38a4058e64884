package org.dangjian.flow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.dangjian.flow.development.DevelopmentTestSupport;
import org.dangjian.flow.organization.EngineIdentity;
import org.dangjian.flow.organization.Organization;
import org.dangjian.flow.organization.OrganizationKind;
import org.dangjian.flow.organization.OrganizationRepository;
import org.dangjian.flow.organization.StandingAuthorizations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A client's mistake on /api is a 4xx with a Chinese message in the one error shape, never a 500; a list of many
 * cases survives one case's variable of an unexpected type.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiErrorsTest extends DevelopmentTestSupport {

  @Autowired TestRestTemplate rest;
  @Autowired OrganizationRepository organizations;
  @Autowired EngineIdentity engineIdentity;
  @Autowired StandingAuthorizations standing;

  private ResponseEntity<Map> send(String user, HttpMethod method, String path, String json, Object... args) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(json, headers), Map.class, args);
  }

  private ResponseEntity<Map> get(String user, String path, Object... args) {
    return rest.withBasicAuth(user, "demo").getForEntity(path, Map.class, args);
  }

  /** The error shape: type, a Chinese message, the developer's detail. */
  private static Map<String, Object> refusal(ResponseEntity<Map> response, HttpStatus status) {
    assertThat(response.getStatusCode()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
    Map<String, Object> body = response.getBody();
    assertThat(body).containsKeys("type", "message", "detail");
    assertThat((String) body.get("type")).isNotBlank();
    assertThat((String) body.get("message")).containsPattern("\\p{IsHan}");
    return body;
  }

  @Test
  void launchingAGradingCampaignWithoutTheGrantIsForbiddenInChinese() {
    ResponseEntity<Map> response = send(BRANCH_CLERK, HttpMethod.POST, "/api/grading/campaigns",
        "{\"committeeId\": \"gxq-jg\", \"year\": 2031, \"evaluationDays\": 10}");
    Map<String, Object> body = refusal(response, HttpStatus.FORBIDDEN);
    assertThat(body.get("message").toString()).contains("无权启动年度定级");
    // the engine's own text for developers: which permission on which resource
    assertThat(body.get("detail").toString()).contains("CREATE_INSTANCE").contains("GradingCampaign");
  }

  @Test
  void malformedJsonIsABadRequest() {
    Map<String, Object> body = refusal(send(BRANCH_CLERK, HttpMethod.POST,
        "/api/development-cases/{caseNumber}/withdrawal", "{\"kind\": \"APPLICANT_WITHDREW\", reason", "guitu-2025-0001"),
        HttpStatus.BAD_REQUEST);
    assertThat(body.get("message").toString()).contains("不是有效的 JSON");
    assertThat(body.get("detail").toString()).contains("JSON parse error");

    assertThat(refusal(send(BRANCH_CLERK, HttpMethod.POST, "/api/development-cases/{caseNumber}/transfer", "",
        "guitu-2025-0001"), HttpStatus.BAD_REQUEST).get("message").toString()).contains("缺少请求内容");
  }

  @Test
  void anUnknownChoiceIsABadRequestListingTheChoices() {
    Map<String, Object> body = refusal(send(BRANCH_CLERK, HttpMethod.POST,
        "/api/development-cases/{caseNumber}/withdrawal", "{\"kind\": \"DELETED\", \"reason\": \"x\"}",
        "guitu-2025-0001"), HttpStatus.BAD_REQUEST);
    assertThat(body.get("message").toString()).contains("“kind”的值“DELETED”无效")
        .contains("APPLICANT_WITHDREW").contains("CLOSED_BY_BRANCH");
  }

  @Test
  void aValueOfTheWrongTypeIsABadRequest() {
    assertThat(refusal(send(COMMITTEE_CLERK, HttpMethod.POST, "/api/grading/campaigns",
        "{\"committeeId\": \"gxq-jg\", \"year\": \"明年\", \"evaluationDays\": 10}"), HttpStatus.BAD_REQUEST)
        .get("message").toString()).contains("“year”的值“明年”无效，应为整数");
    assertThat(refusal(send(BRANCH_CLERK, HttpMethod.POST, "/api/development-cases/{caseNumber}/transfer",
        "{\"targetBranchId\": {\"id\": \"fayuan\"}, \"reason\": \"调动\"}", "guitu-2025-0001"), HttpStatus.BAD_REQUEST)
        .get("message").toString()).contains("“targetBranchId”的类型不正确，应为文本");

    assertThat(refusal(get(COMMITTEE_CLERK, "/api/development-cases/overdue?organizationId=gxq-jg&firstResult=abc"),
        HttpStatus.BAD_REQUEST).get("message").toString()).isEqualTo("参数“firstResult”的值“abc”无效，应为整数");
    assertThat(refusal(get("gxq.supervisor", "/api/village-help/committees/gxq/assignments?activeOnly=maybe"),
        HttpStatus.BAD_REQUEST).get("message").toString()).contains("“activeOnly”").contains("true 或 false");
    assertThat(refusal(get("gxq.auditor", "/api/records?maxResults=many"), HttpStatus.BAD_REQUEST)
        .get("message").toString()).contains("“maxResults”");
    assertThat(refusal(send(BRANCH_CLERK, HttpMethod.POST, "/api/grading/organizations/guitu/{year}/objections",
        "{\"objectionText\": \"x\"}", "今年"), HttpStatus.BAD_REQUEST).get("message").toString()).contains("“year”");
  }

  @Test
  void aMissingParameterIsABadRequest() {
    assertThat(refusal(get(COMMITTEE_CLERK, "/api/development-cases/overdue"), HttpStatus.BAD_REQUEST)
        .get("message")).isEqualTo("缺少参数“organizationId”");
  }

  @Test
  void ourOwnRefusalsAndUnknownAddressesHaveTheSameShape() {
    assertThat(refusal(get("fayuan.clerk", "/api/development-cases/overdue?organizationId=gxq-jg"),
        HttpStatus.FORBIDDEN).get("type")).isEqualTo("AccessDeniedException");
    assertThat(refusal(get(COMMITTEE_CLERK, "/api/development-cases/overdue?organizationId=nowhere"),
        HttpStatus.NOT_FOUND).get("message").toString()).contains("nowhere");
    assertThat(refusal(get(COMMITTEE_CLERK, "/api/development-cases/overdue?organizationId=gxq-jg&maxResults=0"),
        HttpStatus.BAD_REQUEST).get("message").toString()).contains("分页参数");
    assertThat(refusal(get("gxq.auditor", "/api/records?maxResults=0"), HttpStatus.BAD_REQUEST)
        .get("message").toString()).contains("分页参数");
    Map<String, Object> refused = refusal(send(BRANCH_CLERK, HttpMethod.POST,
        "/api/development-cases/{caseNumber}/transfer", "{\"targetBranchId\": \"fayuan\"}", newCase().getBusinessKey()),
        HttpStatus.BAD_REQUEST);
    assertThat(refused).containsEntry("type", "StepRefusedException");
    assertThat((List<String>) refused.get("problems")).anyMatch(p -> p.contains("须填写理由"));

    HttpHeaders text = new HttpHeaders();
    text.setContentType(MediaType.TEXT_PLAIN);
    assertThat(refusal(rest.withBasicAuth(BRANCH_CLERK, "demo").exchange("/api/development-cases/x/withdrawal",
        HttpMethod.POST, new HttpEntity<>("撤回", text), Map.class), HttpStatus.UNSUPPORTED_MEDIA_TYPE)
        .get("message").toString()).contains("JSON");

    assertThat(refusal(get(BRANCH_CLERK, "/api/no-such-thing"), HttpStatus.NOT_FOUND).get("message"))
        .isEqualTo("没有这个地址或对象");
    assertThat(refusal(send(BRANCH_CLERK, HttpMethod.DELETE, "/api/records", null), HttpStatus.METHOD_NOT_ALLOWED)
        .get("message")).isEqualTo("该地址不支持这种请求方法");
  }

  @Test
  void theOverdueListSurvivesACaseWhoseVariablesAnAdministratorGaveAnotherType() {
    // a branch of its own, so that the list holds exactly this test's cases (also on a kept database)
    String branch = "ovb" + UUID.randomUUID().toString().substring(0, 8);
    organizations.save(new Organization(branch, "类型测试党支部", OrganizationKind.BRANCH, "gxq-jg", false), 903);
    engineIdentity.synchronizeGroups();
    engineIdentity.ensureUser(branch + ".clerk", "测试", "支部党务", "demo", branch + "-clerk");
    standing.ensure();

    today("2025-01-20");
    ProcessInstance number = start(withBranch(application("2025-01-10", "1995-05-05"), branch));
    ProcessInstance json = start(withBranch(application("2025-01-10", "1996-06-06"), branch));
    ProcessInstance plain = start(withBranch(application("2025-01-10", "1997-07-07"), branch));
    // as an administrator could through Cockpit or the REST API
    runtimeService.setVariable(number.getId(), "candidateName", 42);
    runtimeService.setVariable(number.getId(), "caseNumber", true);
    runtimeService.setVariable(json.getId(), "candidateName", SpinValues.jsonValue("{\"name\": \"张三\"}").create());
    runtimeService.removeVariable(json.getId(), "branchName");

    today("2025-03-01");
    ResponseEntity<Map> list = get(branch + ".clerk", "/api/development-cases/overdue?organizationId={org}", branch);
    assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<Map<String, Object>> items = (List<Map<String, Object>>) list.getBody().get("items");
    assertThat(items).hasSize(3);
    Map<String, Map<String, Object>> byCase = new java.util.HashMap<>();
    items.forEach(i -> byCase.put((String) i.get("processInstanceId"), i));
    assertThat(byCase.get(number.getId())).containsEntry("candidateName", "42").containsEntry("caseNumber", "true");
    assertThat(byCase.get(json.getId()).get("candidateName").toString()).contains("张三");
    assertThat(byCase.get(json.getId())).containsEntry("branchName", null);
    assertThat(byCase.get(plain.getId())).containsEntry("candidateName", "测试申请人")
        .containsEntry("caseNumber", plain.getBusinessKey()).containsEntry("branchName", "类型测试党支部");
  }

  private static Map<String, Object> withBranch(Map<String, Object> application, String branch) {
    application.put("branchId", branch);
    return application;
  }
}
