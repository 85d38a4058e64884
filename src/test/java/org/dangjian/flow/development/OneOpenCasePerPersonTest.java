package org.dangjian.flow.development;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.dangjian.flow.organization.MemberRegistry.IdNumberTakenException;
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
 * One open case (or membership) per resident ID number, held by the database: starts of the same person at the
 * same moment end with one case and a Chinese refusal; a withdrawn applicant may apply again; the refusal names
 * the other case only to those who may read it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OneOpenCasePerPersonTest extends DevelopmentTestSupport {

  private static final int ROUNDS = 20;

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;

  /** The start form's values as Tasklist submits them. */
  private static Map<String, Object> form(Map<String, Object> application) {
    Map<String, Object> variables = new HashMap<>();
    application.forEach((key, value) -> variables.put(key, Map.of("value", value)));
    return Map.of("variables", variables);
  }

  private ResponseEntity<Map> submitStart(String user, Map<String, Object> application) {
    return rest.withBasicAuth(user, "demo").postForEntity("/engine-rest/process-definition/key/{key}/submit-form",
        form(application), Map.class, MemberDevelopment.PROCESS_KEY);
  }

  private long casesOf(String idNumber) {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(MemberDevelopment.PROCESS_KEY)
        .variableValueEquals("idNumber", idNumber).count();
  }

  private long registryEntriesOf(String idNumber) {
    return jdbc.queryForObject("select count(*) from party_member where id_number = ?", Long.class, idNumber);
  }

  @Test
  void twoStartsOfTheSamePersonAtTheSameMomentMakeOneCaseAndOneRefusal() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 1; round <= ROUNDS; round++) {
        Map<String, Object> application = application("2025-01-10", "1995-05-05");
        String idNumber = (String) application.get("idNumber");
        CyclicBarrier barrier = new CyclicBarrier(2);
        List<Future<ResponseEntity<Map>>> starts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          starts.add(pool.submit(() -> {
            barrier.await(30, TimeUnit.SECONDS);
            return submitStart(BRANCH_CLERK, application);
          }));
        }
        List<Integer> statuses = new ArrayList<>();
        String refusal = null;
        String caseId = null;
        for (Future<ResponseEntity<Map>> start : starts) {
          ResponseEntity<Map> response = start.get(60, TimeUnit.SECONDS);
          statuses.add(response.getStatusCode().value());
          if (response.getStatusCode() == HttpStatus.BAD_REQUEST) {
            refusal = String.valueOf(response.getBody().get("message"));
          } else {
            caseId = String.valueOf(response.getBody().get("id"));
          }
        }
        assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(200, 400);
        assertThat(casesOf(idNumber)).as("cases in round %d", round).isEqualTo(1);
        assertThat(registryEntriesOf(idNumber)).as("registry entries in round %d", round).isEqualTo(1);
        String caseNumber = (String) runtimeService.getVariable(caseId, "caseNumber");
        // the same clerk reads the case that won: the refusal names it
        assertThat(refusal).as("round %d", round).contains("不能重复受理").contains(caseNumber).contains("入党申请人");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Two branches' clerks at once: no case number counter is shared, so the starts meet only at the unique index;
   * the loser may not read the winner's case and learns nothing of it.
   */
  @Test
  void twoBranchesStartingTheSamePersonAtOnceMakeOneCaseAndTheLoserLearnsNothing() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 1; round <= 10; round++) {
        Map<String, Object> guitu = application("2025-01-10", "1995-05-05");
        Map<String, Object> fayuan = new HashMap<>(guitu);
        fayuan.put("branchId", "fayuan");
        String idNumber = (String) guitu.get("idNumber");
        CyclicBarrier barrier = new CyclicBarrier(2);
        Future<ResponseEntity<Map>> byGuitu = pool.submit(() -> {
          barrier.await(30, TimeUnit.SECONDS);
          return submitStart(BRANCH_CLERK, guitu);
        });
        Future<ResponseEntity<Map>> byFayuan = pool.submit(() -> {
          barrier.await(30, TimeUnit.SECONDS);
          return submitStart("fayuan.clerk", fayuan);
        });
        List<ResponseEntity<Map>> responses = List.of(byGuitu.get(60, TimeUnit.SECONDS),
            byFayuan.get(60, TimeUnit.SECONDS));
        assertThat(responses).as("round %d", round).extracting(r -> r.getStatusCode().value())
            .containsExactlyInAnyOrder(200, 400);
        assertThat(casesOf(idNumber)).as("cases in round %d", round).isEqualTo(1);
        assertThat(registryEntriesOf(idNumber)).as("registry entries in round %d", round).isEqualTo(1);
        ResponseEntity<Map> won = responses.stream().filter(r -> r.getStatusCode() == HttpStatus.OK).findFirst().get();
        ResponseEntity<Map> lost = responses.stream().filter(r -> r.getStatusCode() != HttpStatus.OK).findFirst().get();
        String caseNumber = (String) runtimeService.getVariable(String.valueOf(won.getBody().get("id")), "caseNumber");
        assertThat(String.valueOf(lost.getBody().get("message"))).as("round %d", round)
            .contains(ApplicationReceived.ALREADY_REGISTERED_ELSEWHERE).doesNotContain(caseNumber)
            .doesNotContain("入党申请人");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aClerkOfAnotherBranchIsRefusedWithoutLearningTheCaseOrTheStatus() {
    today("2025-03-01");
    Map<String, Object> application = application("2025-01-10", "1995-05-05");
    ProcessInstance guitu = start(application);

    Map<String, Object> elsewhere = new HashMap<>(application);
    elsewhere.put("branchId", "fayuan");
    ResponseEntity<Map> refused = submitStart("fayuan.clerk", elsewhere);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    String message = String.valueOf(refused.getBody().get("message"));
    assertThat(message).contains(ApplicationReceived.ALREADY_REGISTERED_ELSEWHERE)
        .doesNotContain(guitu.getBusinessKey()).doesNotContain("guitu").doesNotContain("入党申请人");

    // the committee above both branches reads the case, and is told which one it is
    Map<String, Object> byCommittee = new HashMap<>(application);
    ResponseEntity<Map> named = submitStart(COMMITTEE_CLERK, byCommittee);
    assertThat(named.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(String.valueOf(named.getBody().get("message"))).contains(guitu.getBusinessKey()).contains("入党申请人")
        .doesNotContain(ApplicationReceived.ALREADY_REGISTERED_ELSEWHERE);
    assertThat(casesOf((String) application.get("idNumber"))).isEqualTo(1);
  }

  @Test
  void aWithdrawnApplicantMayApplyAgain() {
    today("2025-03-01");
    Map<String, Object> application = application("2025-01-10", "1995-05-05");
    ProcessInstance first = start(application);
    assertThat(submitStart(BRANCH_CLERK, application).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    ResponseEntity<Void> withdrawn = rest.withBasicAuth(BRANCH_CLERK, "demo").postForEntity(
        "/api/development-cases/{caseNumber}/withdrawal", Map.of("kind", "APPLICANT_WITHDREW", "reason", "本人撤回"),
        Void.class, first.getBusinessKey());
    assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    ResponseEntity<Map> again = submitStart(BRANCH_CLERK, application);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    String idNumber = (String) application.get("idNumber");
    assertThat(casesOf(idNumber)).isEqualTo(2);
    assertThat(registry.findActiveByIdNumber(idNumber)).singleElement()
        .satisfies(m -> assertThat(m.caseNumber()).isNotEqualTo(first.getBusinessKey()));
  }

  @Test
  void anApplicantWhoseCaseAnAdministratorDeletedMayApplyAgain() {
    today("2025-03-01");
    Map<String, Object> application = application("2025-01-10", "1995-05-05");
    ProcessInstance first = start(application);
    // as Cockpit deletes: without the process's own listeners
    ResponseEntity<Void> deleted = rest.withBasicAuth("admin", "admin").exchange(
        "/engine-rest/process-instance/{id}?skipCustomListeners=true", org.springframework.http.HttpMethod.DELETE, null,
        Void.class, first.getId());
    assertThat(deleted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(jdbc.queryForObject("select status from party_member where case_number = ?", String.class,
        first.getBusinessKey())).isEqualTo("ended");

    ResponseEntity<Map> again = submitStart(BRANCH_CLERK, application);
    assertThat(again.getStatusCode()).as("%s", again.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(registry.findActiveByIdNumber((String) application.get("idNumber"))).singleElement()
        .satisfies(m -> assertThat(m.caseNumber()).isNotEqualTo(first.getBusinessKey()));
  }

  @Test
  void theDatabaseRefusesASecondOpenEntryAndFreesTheNumberWhenTheEntryEnds() {
    String idNumber;
    do {
      // one whose check character is X, which a clerk may type in lower case
      idNumber = TestIdNumbers.forBirthDate(LocalDate.of(1990, 1, 1));
    } while (!idNumber.endsWith("X"));
    NewPerson person = new NewPerson("索引测试", "male", LocalDate.of(1990, 1, 1), idNumber, "guitu",
        MemberStatus.APPLICANT, LocalDate.of(2025, 1, 10), null);
    long first = registry.add(person);
    // the index compares upper-cased numbers
    NewPerson sameInLowerCase = new NewPerson("索引测试", "male", LocalDate.of(1990, 1, 1), idNumber.toLowerCase(),
        "guitu", MemberStatus.APPLICANT, LocalDate.of(2025, 1, 10), null);
    assertThatThrownBy(() -> registry.add(sameInLowerCase)).isInstanceOf(IdNumberTakenException.class);
    registry.end(first, "测试：撤回");
    long second = registry.add(person);
    assertThat(registry.findActiveByIdNumber(idNumber)).singleElement()
        .satisfies(m -> assertThat(m.id()).isEqualTo(second));
  }
}
