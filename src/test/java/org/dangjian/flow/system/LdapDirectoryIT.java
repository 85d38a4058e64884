package org.dangjian.flow.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import java.net.InetAddress;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.dangjian.flow.development.DevelopmentTestSupport;
import org.dangjian.flow.development.MemberDevelopment;
import org.junit.jupiter.api.AfterAll;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Users and groups from a directory (LDAP): an in-process directory server (UnboundID) with its own group names,
 * the application on its own H2 file database with {@code dangjian.ldap.enabled}. A directory user logs in with the
 * directory's password, holds the role its directory group is mapped to and can do what the role allows; a user
 * in no mapped group sees nothing; the administration API reads the directory and refuses to write users or roles.
 * An integration test (failsafe, a JVM of its own): its engine named "default" meets no other context's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LdapDirectoryIT {

  private static final String BASE = "dc=dangjian,dc=test";
  private static final String MANAGER = "cn=Directory Manager";
  private static final String MANAGER_PASSWORD = "manager-secret-7";
  private static final String CLERK = "ldap.clerk";
  private static final String CLERK_PASSWORD = "clerk-secret-1";
  private static final String ADMIN = "ldap.admin";
  private static final String ADMIN_PASSWORD = "admin-secret-2";
  private static final String FAYUAN = "ldap.fayuan";
  private static final String CANTEEN = "ldap.canteen";
  private static final String OTHER_PASSWORD = "other-secret-3";

  private static InMemoryDirectoryServer directory;

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcTemplate jdbc;

  /** Starts the directory before the application, which reads it as its engine starts. */
  @DynamicPropertySource
  static void directory(DynamicPropertyRegistry properties) throws Exception {
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
    config.addAdditionalBindCredentials(MANAGER, MANAGER_PASSWORD);
    config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0,
        null));
    directory = new InMemoryDirectoryServer(config);
    directory.add("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: dangjian");
    directory.add("dn: ou=people," + BASE, "objectClass: organizationalUnit", "ou: people");
    directory.add("dn: ou=groups," + BASE, "objectClass: organizationalUnit", "ou: groups");
    person(CLERK, "王", "小芳", CLERK_PASSWORD);
    person(ADMIN, "李", "管理", ADMIN_PASSWORD);
    person(FAYUAN, "赵", "法", OTHER_PASSWORD);
    person(CANTEEN, "钱", "厨", OTHER_PASSWORD);
    // the committee's own names, mapped below; fayuan-clerk is already named our way; the canteen is nobody's
    group("规土局党支部党务工作者", CLERK);
    group("党建系统管理员", ADMIN);
    group("fayuan-clerk", FAYUAN);
    group("食堂管理员", CANTEEN, CLERK);
    directory.startListening();

    properties.add("spring.datasource.url",
        () -> "jdbc:h2:file:./target/ldap-directory-" + java.util.UUID.randomUUID() + ";DB_CLOSE_ON_EXIT=FALSE");
    properties.add("spring.datasource.driver-class-name", () -> "org.h2.Driver");
    properties.add("dangjian.ldap.enabled", () -> "true");
    properties.add("dangjian.ldap.server-url", () -> "ldap://127.0.0.1:" + directory.getListenPort());
    properties.add("dangjian.ldap.manager-dn", () -> MANAGER);
    properties.add("dangjian.ldap.manager-password", () -> MANAGER_PASSWORD);
    properties.add("dangjian.ldap.base-dn", () -> BASE);
    properties.add("dangjian.ldap.group-mapping[0].directory", () -> "规土局党支部党务工作者");
    properties.add("dangjian.ldap.group-mapping[0].group", () -> "guitu-clerk");
    properties.add("dangjian.ldap.group-mapping[1].directory", () -> "党建系统管理员");
    properties.add("dangjian.ldap.group-mapping[1].group", () -> "camunda-admin");
  }

  private static void person(String uid, String familyName, String givenName, String password) throws Exception {
    directory.add("dn: uid=" + uid + ",ou=people," + BASE, "objectClass: inetOrgPerson", "uid: " + uid,
        "cn: " + familyName + givenName, "sn: " + familyName, "givenName: " + givenName,
        "mail: " + uid + "@dangjian.test", "userPassword: " + password);
  }

  private static void group(String name, String... members) throws Exception {
    String[] entry = new String[3 + members.length];
    entry[0] = "dn: cn=" + name + ",ou=groups," + BASE;
    entry[1] = "objectClass: groupOfNames";
    entry[2] = "cn: " + name;
    for (int i = 0; i < members.length; i++) {
      entry[3 + i] = "member: uid=" + members[i] + ",ou=people," + BASE;
    }
    directory.add(entry);
  }

  @AfterAll
  static void stopDirectory() {
    if (directory != null) {
      directory.shutDown(true);
    }
  }

  private ResponseEntity<String> get(String user, String password, String path, Object... args) {
    return rest.withBasicAuth(user, password).getForEntity(path, String.class, args);
  }

  private ResponseEntity<Map> send(String user, String password, HttpMethod method, String path, Object body,
      Object... args) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, password).exchange(path, method, new HttpEntity<>(body, headers), Map.class,
        args);
  }

  /** The groups the engine sees for a user, as the authentication of a request takes them. */
  private List<String> groupsOf(String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).sorted().toList();
  }

  /** A 发展党员 start as the start form submits it, the application made ten days ago. */
  private ResponseEntity<Map> startCase(String user, String password) {
    Map<String, Object> variables = new HashMap<>();
    DevelopmentTestSupport.application(LocalDate.now().minusDays(10).toString(), "1995-05-05")
        .forEach((key, value) -> variables.put(key, Map.of("value", value)));
    return send(user, password, HttpMethod.POST, "/engine-rest/process-definition/key/{key}/start",
        Map.of("variables", variables), MemberDevelopment.PROCESS_KEY);
  }

  @Test
  void theEngineSeesTheDirectorysGroupsUnderOurIdsAndNoOtherGroup() {
    assertThat(identityService.isReadOnly()).isTrue();
    assertThat(groupsOf(CLERK)).containsExactly("guitu-clerk");
    assertThat(groupsOf(ADMIN)).containsExactly("camunda-admin");
    assertThat(groupsOf(FAYUAN)).containsExactly("fayuan-clerk");
    assertThat(groupsOf(CANTEEN)).isEmpty();
    assertThat(identityService.createGroupQuery().list()).extracting(Group::getId)
        .containsExactlyInAnyOrder("guitu-clerk", "camunda-admin", "fayuan-clerk");
    assertThat(identityService.createGroupQuery().groupId("guitu-clerk").singleResult().getName())
        .isEqualTo("规土局党支部党务工作者");
    assertThat(identityService.createGroupQuery().groupId("食堂管理员").count()).isZero();
    assertThat(identityService.createGroupQuery().groupId("keji-clerk").count()).isZero();
    assertThat(identityService.createUserQuery().memberOfGroup("guitu-clerk").list()).extracting(u -> u.getId())
        .containsExactly(CLERK);
    assertThat(identityService.createUserQuery().memberOfGroup("食堂管理员").count()).isZero();
    // the family name first, as the demo users have it
    assertThat(identityService.createUserQuery().userId(CLERK).singleResult().getFirstName()).isEqualTo("王");
    // no demo user and no admin user were written at the start, and the demo organizations' grants were
    assertThat(identityService.createUserQuery().userId("guitu.clerk").count()).isZero();
    assertThat(identityService.createUserQuery().userId("admin").count()).isZero();
    assertThat(authorizationService.createAuthorizationQuery().groupIdIn("guitu-clerk")
        .resourceType(Resources.PROCESS_DEFINITION).resourceId(MemberDevelopment.PROCESS_KEY).singleResult()
        .isPermissionGranted(Permissions.CREATE_INSTANCE)).isTrue();
  }

  @Test
  void aDirectoryClerkLogsInWithTheDirectoryPasswordAndWorksAsAClerkOfTheMappedBranch() {
    ResponseEntity<String> groups = get(CLERK, CLERK_PASSWORD, "/engine-rest/identity/groups?userId={id}", CLERK);
    assertThat(groups.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(groups.getBody()).contains("\"id\":\"guitu-clerk\"").doesNotContain("食堂");
    assertThat(get(CLERK, "wrong-password", "/engine-rest/task?maxResults=10").getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(get(CLERK, "", "/engine-rest/task?maxResults=10").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(get(CANTEEN, CLERK_PASSWORD, "/engine-rest/task?maxResults=10").getStatusCode())
        .as("another user's password").isEqualTo(HttpStatus.UNAUTHORIZED);

    ResponseEntity<Map> started = startCase(CLERK, CLERK_PASSWORD);
    assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.OK);
    String caseId = (String) started.getBody().get("id");
    // the first step is offered to guitu-clerk, which the directory's 规土局党支部党务工作者 are
    ResponseEntity<String> tasks = get(CLERK, CLERK_PASSWORD, "/engine-rest/task?processInstanceId={id}&maxResults=10",
        caseId);
    assertThat(tasks.getBody()).contains("\"taskDefinitionKey\":\"" + MemberDevelopment.Tasks.APPLICANT_TALK + "\"");
    assertThat(get(CLERK, CLERK_PASSWORD, "/engine-rest/process-instance/{id}", caseId).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(get(CLERK, CLERK_PASSWORD, "/engine-rest/filter?maxResults=10").getBody()).contains("本组待办");

    // another branch's clerk (fayuan-clerk, named our way in the directory) and a user of no mapped group see
    // nothing of it
    for (String outsider : List.of(FAYUAN, CANTEEN)) {
      assertThat(get(outsider, OTHER_PASSWORD, "/engine-rest/task?processInstanceId={id}&maxResults=10", caseId)
          .getBody()).as(outsider).isEqualTo("[]");
      assertThat(get(outsider, OTHER_PASSWORD, "/engine-rest/process-instance?processInstanceIds={id}&maxResults=10",
          caseId).getBody()).as(outsider).isEqualTo("[]");
      assertThat(get(outsider, OTHER_PASSWORD, "/engine-rest/history/process-instance?processInstanceId={id}"
          + "&maxResults=10", caseId).getBody()).as(outsider).isEqualTo("[]");
    }
  }

  @Test
  void aDirectoryUserInNoMappedGroupSeesNothingAndStartsNothing() {
    assertThat(get(CANTEEN, OTHER_PASSWORD, "/engine-rest/identity/groups?userId={id}", CANTEEN).getBody())
        .contains("\"groups\":[]");
    assertThat(get(CANTEEN, OTHER_PASSWORD, "/engine-rest/task?maxResults=10").getBody()).isEqualTo("[]");
    assertThat(get(CANTEEN, OTHER_PASSWORD, "/engine-rest/process-definition?maxResults=10").getBody())
        .isEqualTo("[]");
    assertThat(get(CANTEEN, OTHER_PASSWORD, "/engine-rest/process-instance?maxResults=10").getBody()).isEqualTo("[]");
    long cases = runtimeService.createProcessInstanceQuery().count();
    ResponseEntity<Map> refused = startCase(CANTEEN, OTHER_PASSWORD);
    assertThat(refused.getStatusCode().is4xxClientError()).as("%s", refused.getBody()).isTrue();
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(cases);
    assertThat(get(CANTEEN, OTHER_PASSWORD, "/api/admin/users").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void theAdministrationApiReadsTheDirectoryAndRefusesToWriteUsersOrRoles() {
    ResponseEntity<Map[]> users = rest.withBasicAuth(ADMIN, ADMIN_PASSWORD).getForEntity("/api/admin/users",
        Map[].class);
    assertThat(users.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<?, ?> clerk = java.util.Arrays.stream(users.getBody()).filter(u -> CLERK.equals(u.get("userId"))).findFirst()
        .orElseThrow();
    assertThat(clerk.get("name")).isEqualTo("王小芳");
    assertThat(clerk.get("roles").toString()).contains("organizationId=guitu").contains("role=clerk");
    assertThat(java.util.Arrays.stream(users.getBody()).filter(u -> ADMIN.equals(u.get("userId"))).findFirst()
        .orElseThrow().get("administrator")).isEqualTo(true);

    // the page learns that users and roles are the directory's, and offers no change
    ResponseEntity<Map> source = rest.withBasicAuth(ADMIN, ADMIN_PASSWORD).getForEntity("/api/admin/identity",
        Map.class);
    assertThat(source.getBody()).containsEntry("directory", true);
    assertThat((String) source.getBody().get("note")).contains("目录服务（LDAP）");

    long userCount = identityService.createUserQuery().count();
    int profiles = jdbc.queryForObject("select count(*) from user_profile", Integer.class);
    int logged = jdbc.queryForObject("select count(*) from admin_change_log", Integer.class);
    List<ResponseEntity<Map>> refusals = List.of(
        send(ADMIN, ADMIN_PASSWORD, HttpMethod.POST, "/api/admin/users",
            Map.of("userId", "new.person", "name", "新同志", "password", "password-123")),
        send(ADMIN, ADMIN_PASSWORD, HttpMethod.PUT, "/api/admin/users/{id}",
            Map.of("name", "王改名", "password", "password-456"), CLERK),
        send(ADMIN, ADMIN_PASSWORD, HttpMethod.POST, "/api/admin/users/{id}/roles",
            Map.of("organizationId", "guitu", "role", "approver"), CLERK),
        send(ADMIN, ADMIN_PASSWORD, HttpMethod.DELETE, "/api/admin/users/{id}/roles/guitu/clerk", null, CLERK));
    for (ResponseEntity<Map> refused : refusals) {
      assertThat(refused.getStatusCode()).as("%s", refused.getBody()).isEqualTo(HttpStatus.CONFLICT);
      assertThat(refused.getBody().get("type")).isEqualTo("Conflict");
      assertThat((String) refused.getBody().get("message")).contains("目录服务（LDAP）").contains("请在目录中");
    }
    assertThat(identityService.createUserQuery().count()).isEqualTo(userCount);
    assertThat(identityService.createUserQuery().userId("new.person").count()).isZero();
    assertThat(groupsOf(CLERK)).containsExactly("guitu-clerk");
    assertThat(jdbc.queryForObject("select count(*) from user_profile", Integer.class)).isEqualTo(profiles);
    assertThat(jdbc.queryForObject("select count(*) from admin_change_log", Integer.class)).isEqualTo(logged);
    // the directory's password still works, the one in the refused request does not
    assertThat(get(CLERK, "password-456", "/engine-rest/task?maxResults=1").getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(get(CLERK, CLERK_PASSWORD, "/engine-rest/task?maxResults=1").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void aNewOrganizationGetsItsStandingGrantsThoughItsGroupsAreTheDirectorysToCreate() {
    ResponseEntity<Map> created = send(ADMIN, ADMIN_PASSWORD, HttpMethod.POST, "/api/admin/organizations",
        Map.of("id", "ldap-branch", "name", "目录测试党支部", "kind", "branch", "parentId", "gxq-jg",
            "approvalPower", false));
    assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(authorizationService.createAuthorizationQuery().groupIdIn("ldap-branch-clerk")
        .resourceType(Resources.PROCESS_DEFINITION).resourceId(MemberDevelopment.PROCESS_KEY).count()).isOne();
    assertThat(authorizationService.createAuthorizationQuery().groupIdIn("ldap-branch-clerk")
        .resourceType(Resources.APPLICATION).resourceId("tasklist").count()).isOne();
    // no group was written: the directory has none for it yet, so the engine sees none
    assertThat(identityService.createGroupQuery().groupId("ldap-branch-clerk").count()).isZero();
    ResponseEntity<Map> renamed = send(ADMIN, ADMIN_PASSWORD, HttpMethod.PUT, "/api/admin/organizations/{id}/name",
        Map.of("name", "目录测试第一党支部"), "ldap-branch");
    assertThat(renamed.getStatusCode()).as("%s", renamed.getBody()).isEqualTo(HttpStatus.OK);
  }
}
