package org.dangjian.flow.branchlife;

import static org.dangjian.flow.branchlife.SecretaryReview.Tasks.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.dangjian.flow.ProcessTestSupport;
import org.dangjian.flow.organization.Organization;
import org.dangjian.flow.organization.OrganizationKind;
import org.dangjian.flow.organization.OrganizationRepository;
import org.dangjian.flow.organization.Role;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Drives 述职评议 on the real engine and database. Each test reviews organizations of its own, created under
 * 高新区机关党委 (whose working committee is 高新区工委), so the suite also runs on a PostgreSQL database that keeps
 * earlier runs. The secretary is the demo's guitu.secretary, made 书记 of each new branch.
 */
abstract class SecretaryReviewTestSupport extends ProcessTestSupport {

  static final String COMMITTEE_CLERK = "jg.clerk";
  static final String WORKING_COMMITTEE_CLERK = "gxq.clerk";
  static final String SECRETARY = "guitu.secretary";
  static final List<String> EVALUATORS = List.of("guitu.eval1", "guitu.eval2", "guitu.eval3", "guitu.eval4",
      "guitu.eval5", "guitu.eval6");

  @Autowired OrganizationRepository organizations;
  @Autowired SecretaryReviewRepository reviews;

  @BeforeEach
  void startOfTheReviewSeason() {
    today("2026-01-05");
  }

  String newOrganization(String parentId, OrganizationKind kind) {
    String id = "s" + UUID.randomUUID().toString().substring(0, 8);
    organizations.save(new Organization(id, "测试党组织" + id, kind, parentId, kind == OrganizationKind.PARTY_COMMITTEE),
        99);
    return id;
  }

  /** A branch under 机关党委 whose 书记 is {@link #SECRETARY} and whose 测评人 are {@link #EVALUATORS}. */
  String newBranch(String parentId) {
    String branch = newOrganization(parentId, OrganizationKind.BRANCH);
    join(SECRETARY, Role.SECRETARY.groupOf(branch));
    EVALUATORS.forEach(e -> join(e, Role.EVALUATOR.groupOf(branch)));
    return branch;
  }

  /** As the campaign starts it: by the engine, no user logged in. */
  ProcessInstance startReview(String organizationId, int year) {
    return runtimeService.startProcessInstanceByKey(SecretaryReview.PROCESS_KEY,
        Map.of("organizationId", organizationId, "year", year, "evaluationDays", 10));
  }

  ProcessInstance newReview() {
    return startReview(newBranch("gxq-jg"), 2025);
  }

  void report(ProcessInstance pi) {
    complete(pi, SECRETARY_REPORT, SECRETARY, "achievements", "落实三会一课", "problems", "学习不够深入",
        "plans", "加强理论学习", "reportDate", "2026-01-05");
  }

  /** 点评 with these problems (text, deadline, text, deadline …) and all six evaluators. */
  void comment(ProcessInstance pi, String... problemsAndDeadlines) {
    List<Map<String, Object>> problems = new ArrayList<>();
    for (int i = 0; i < problemsAndDeadlines.length; i += 2) {
      problems.add(Map.of("problem", problemsAndDeadlines[i], "deadline", problemsAndDeadlines[i + 1]));
    }
    complete(pi, REVIEW_COMMENTS, COMMITTEE_CLERK, "comments", "点评意见", "problemsRaised", problems,
        "evaluators", EVALUATORS);
  }

  /** The ballots (测评票) the review has called, open or ended, one per evaluator. */
  List<String> ballotInstances(ProcessInstance pi) {
    return historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(pi.getId())
        .processDefinitionKey(SecretaryReview.BALLOT_KEY).list().stream().map(b -> b.getId()).toList();
  }

  Task ballotOf(ProcessInstance pi, String evaluator) {
    List<String> instances = ballotInstances(pi);
    return instances.isEmpty() ? null : taskService.createTaskQuery()
        .processInstanceIdIn(instances.toArray(String[]::new)).taskDefinitionKey(SECRETARY_EVALUATION)
        .taskAssignee(evaluator).singleResult();
  }

  void vote(ProcessInstance pi, String evaluator, String rating) {
    complete(ballotOf(pi, evaluator), evaluator, "rating", rating);
  }

  /** The six evaluators vote these ratings, in order. */
  void votes(ProcessInstance pi, String... ratings) {
    for (int i = 0; i < ratings.length; i++) {
      vote(pi, EVALUATORS.get(i), ratings[i]);
    }
  }

  Object variable(ProcessInstance pi, String name) {
    return runtimeService.getVariable(pi.getId(), name);
  }

  List<Task> open(ProcessInstance pi, String taskKey) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey)
        .orderByDueDate().asc().list();
  }

  /** A form as Tasklist submits it over REST: lists as Json arrays. */
  static Map<String, Object> form(Object... keyValues) {
    Map<String, Object> vars = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      Object value = keyValues[i + 1];
      vars.put((String) keyValues[i], value instanceof List<?> list
          ? Map.of("type", "Json", "value", list.stream().map(v -> "\"" + v + "\"").toList().toString())
          : Map.of("value", value));
    }
    return Map.of("variables", vars);
  }
}
