package org.dangjian.flow.development;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dangjian.flow.development.MemberDevelopment.Tasks.APPLICANT_TALK;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A value a clerk submits in Tasklist is stored once in history (issue 18): as the variable's update, which the
 * 全程纪实 reads with the user who submitted it, and not again as a form field's detail; the product's own
 * bookkeeping (each task's copy of the case title, the case's record of its step dates) is not kept update by update.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FormValuesInHistoryOnceTest extends DevelopmentTestSupport {

  @Autowired TestRestTemplate rest;

  private static Map<String, Object> form(Map<String, Object> values) {
    Map<String, Object> variables = new HashMap<>();
    values.forEach((key, value) -> variables.put(key, Map.of("value", value)));
    return Map.of("variables", variables);
  }

  @Test
  @SuppressWarnings({"rawtypes", "unchecked"})
  void aStartAndAStepSubmittedAsTasklistDoesLeaveEachValueOnceAndTheRecordShowsThem() {
    Map<String, Object> application = application("2025-01-10", "1995-05-05");
    application.put("candidateName", "一次存档");
    ResponseEntity<Map> started = rest.withBasicAuth(BRANCH_CLERK, "demo").postForEntity(
        "/engine-rest/process-definition/key/{key}/submit-form", form(application), Map.class,
        MemberDevelopment.PROCESS_KEY);
    assertThat(started.getStatusCode()).as("start: %s", started.getBody()).isEqualTo(HttpStatus.OK);
    String pid = (String) started.getBody().get("id");

    Task talk = taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey(APPLICANT_TALK).singleResult();
    assertThat(rest.withBasicAuth(BRANCH_CLERK, "demo").postForEntity("/engine-rest/task/{id}/claim",
        Map.of("userId", BRANCH_CLERK), Void.class, talk.getId()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    String talkDate = LocalDate.parse("2025-01-20").toString();
    ResponseEntity<String> done = rest.withBasicAuth(BRANCH_CLERK, "demo").postForEntity(
        "/engine-rest/task/{id}/submit-form", form(Map.of("talkDate", talkDate, "talkerName", "王书记",
            "talkRecord", "谈话一次，态度端正。")), String.class, talk.getId());
    assertThat(done.getStatusCode()).as("talk: %s", done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

    List<HistoricDetail> details = historyService.createHistoricDetailQuery().processInstanceId(pid)
        .listPage(0, 1000);
    assertThat(details).as("no form-field details").noneMatch(HistoricFormField.class::isInstance);
    // each value once, by the clerk's operation: the application's and the talk's
    for (String key : List.of("candidateName", "applicationDate", "talkDate", "talkerName", "talkRecord")) {
      assertThat(details.stream().filter(d -> d instanceof HistoricVariableUpdate u
          && key.equals(u.getVariableName()) && u.getUserOperationId() != null)).as(key).hasSize(1);
    }

    // the product's own bookkeeping: the case's title on each task and the record of step dates, latest value only
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pid).variableName("caseTitle")
        .listPage(0, 100)).as("the case's title, not each task's copy").hasSize(1)
        .allMatch(v -> v.getTaskId() == null);
    assertThat(details.stream().filter(d -> d instanceof HistoricVariableUpdate u
        && "caseTitle".equals(u.getVariableName()) && u.getTaskId() != null)).isEmpty();
    assertThat(details.stream().filter(d -> d instanceof HistoricVariableUpdate u
        && "recordedStepDates".equals(u.getVariableName()))).isEmpty();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pid)
        .variableName("recordedStepDates").singleResult().getValue().toString()).contains("2025-01-20");

    Map<String, Object> record = rest.withBasicAuth(BRANCH_CLERK, "demo").getForObject("/api/records/{id}",
        Map.class, pid);
    List<Map<String, Object>> entries = (List<Map<String, Object>>) record.get("entries");
    Map<String, Object> talkEntry = entries.stream().filter(e -> APPLICANT_TALK.equals(e.get("activityId")))
        .findFirst().orElseThrow();
    assertThat(talkEntry.toString()).contains("谈话一次，态度端正。", "王书记", "2025-01-20");
    Map<String, Object> startEntry = entries.get(0);
    assertThat(startEntry.toString()).contains("一次存档", "2025-01-10");
  }
}
