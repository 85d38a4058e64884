package org.dangjian.flow.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What `./mvnw spring-boot:run` does on a new machine: the web server, the engine and Flyway starting on an
 * empty H2 file database, in whatever order Spring creates them. An integration test (failsafe): its own JVM,
 * so that its second engine named "default" meets no other test's REST resources.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:file:./target/fresh-start-${random.uuid};DB_CLOSE_ON_EXIT=FALSE",
    "spring.datasource.driver-class-name=org.h2.Driver"})
class FreshStartIT {

  @Autowired JdbcTemplate jdbc;
  @Autowired RepositoryService repositoryService;
  @Autowired TestRestTemplate rest;

  @Test
  void anEmptyFileDatabaseGetsOurTablesTheEnginesAndTheDemoData() {
    assertThat(jdbc.queryForObject("select count(*) from \"flyway_schema_history\" where \"success\"", Integer.class))
        .isGreaterThanOrEqualTo(5);
    assertThat(jdbc.queryForObject("select count(*) from organization where id = 'guitu'", Integer.class)).isOne();
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("MemberDevelopmentProcess")
        .count()).isOne();
    assertThat(rest.withBasicAuth("guitu.clerk", "demo").getForEntity("/engine-rest/task?maxResults=10", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(rest.getForEntity("/camunda/app/tasklist/", String.class).getStatusCode().is4xxClientError()).isFalse();
  }
}
