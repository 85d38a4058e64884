package org.dangjian.flow.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dangjian.flow.grading.Grading.Tasks.*;

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
 * Drives 分类定级 on the real engine and database. Each test grades organizations of its own, created under
 * 高新区机关党委, so the suite also runs on a PostgreSQL database that keeps earlier runs.
 */
abstract class GradingTestSupport extends ProcessTestSupport {

  static final String COMMITTEE_CLERK = "jg.clerk";
  static final String SECRETARY = "guitu.secretary";
  static final List<String> EVALUATORS = List.of("guitu.eval1", "guitu.eval2", "guitu.eval3", "guitu.eval4",
      "guitu.eval5", "guitu.eval6");

  @Autowired OrganizationRepository organizations;
  @Autowired GradingRepository gradings;

  @BeforeEach
  void startOfTheGradingSeason() {
    today("2026-01-05");
  }

  /** A branch of its own under 高新区机关党委 (or the given parent). */
  String newOrganization(String parentId, OrganizationKind kind) {
    String id = "t" + UUID.randomUUID().toString().substring(0, 8);
    organizations.save(new Organization(id, "测试党组织" + id, kind, parentId, kind == OrganizationKind.PARTY_COMMITTEE),
        99);
    return id;
  }

  /**
   * A branch under 机关党委 whose secretary (书记) is {@link #SECRETARY} and whose evaluators (测评人) are
   * {@link #EVALUATORS}, before its grading starts (which offers them as the evaluators to choose from).
   */
  String newBranch() {
    String branch = newOrganization("gxq-jg", OrganizationKind.BRANCH);
    join(SECRETARY, Role.SECRETARY.groupOf(branch));
    EVALUATORS.forEach(e -> join(e, Role.EVALUATOR.groupOf(branch)));
    return branch;
  }

  /** As the campaign starts it: by the engine, no user logged in. */
  ProcessInstance startGrading(String organizationId, int year) {
    return runtimeService.startProcessInstanceByKey(Grading.PROCESS_KEY,
        Map.of("organizationId", organizationId, "year", year, "evaluationDays", 10));
  }

  /** Makes the user a clerk of a committee the test created. */
  void joinClerks(String userId, String committeeId) {
    join(userId, committeeId + "-clerk");
  }

  ProcessInstance newGrading() {
    return startGrading(newBranch(), 2025);
  }

  void selfAssess(ProcessInstance pi, int each, String... weakSigns) {
    complete(pi, SELF_ASSESSMENT, SECRETARY, "leadershipScore", each, "membershipScore", each, "mechanismScore", each,
        "performanceScore", each, "reputationScore", each, "weakSigns", List.of(weakSigns), "selfReport", "自评报告",
        "evaluators", EVALUATORS);
  }

  /** The ballots (测评票) the grading has called, open or ended, one per evaluator. */
  List<String> ballotInstances(ProcessInstance pi) {
    return historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(pi.getId())
        .processDefinitionKey(Grading.BALLOT_KEY).list().stream().map(b -> b.getId()).toList();
  }

  /** The open ballot tasks of the grading. */
  List<Task> ballots(ProcessInstance pi) {
    List<String> instances = ballotInstances(pi);
    return instances.isEmpty() ? List.of() : taskService.createTaskQuery()
        .processInstanceIdIn(instances.toArray(String[]::new)).taskDefinitionKey(MASS_EVALUATION).list();
  }

  Task ballotOf(ProcessInstance pi, String evaluator) {
    return ballots(pi).stream().filter(t -> evaluator.equals(t.getAssignee())).findFirst().orElse(null);
  }

  void vote(ProcessInstance pi, String evaluator, String satisfaction) {
    complete(ballotOf(pi, evaluator), evaluator, "satisfaction", satisfaction, "evaluationComment", "意见" + evaluator);
  }

  /** Every evaluator votes the same. */
  void evaluate(ProcessInstance pi, String satisfaction) {
    EVALUATORS.forEach(e -> vote(pi, e, satisfaction));
  }

  void decide(ProcessInstance pi, String level, Object... more) {
    Object[] kv = new Object[4 + more.length];
    kv[0] = "committeeScore";
    kv[1] = 88;
    kv[2] = "finalLevel";
    kv[3] = level;
    System.arraycopy(more, 0, kv, 4, more.length);
    complete(pi, COMMITTEE_DECISION, COMMITTEE_CLERK, kv);
  }

  Object variable(ProcessInstance pi, String name) {
    return runtimeService.getVariable(pi.getId(), name);
  }

  ProcessInstance rectificationOf(ProcessInstance grading) {
    return runtimeService.createProcessInstanceQuery().superProcessInstanceId(grading.getId())
        .processDefinitionKey(Grading.RECTIFICATION_KEY).singleResult();
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
