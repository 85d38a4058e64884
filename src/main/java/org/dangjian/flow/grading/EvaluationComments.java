package org.dangjian.flow.grading;

import static org.dangjian.flow.grading.Grading.Vars.*;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.dangjian.flow.grading.GradingRepository.GradingRecord;
import org.dangjian.flow.organization.EngineIdentity;
import org.dangjian.flow.system.AccessDeniedException;
import org.dangjian.flow.system.StepRefusedException;
import org.dangjian.flow.system.SystemAccess;
import org.springframework.stereotype.Component;

/**
 * 测评意见建议: what the evaluators wrote, for the committee that decides (step 3), without names. The comments are
 * part of the secret ballots and so exist only in secret_ballot, never as a variable of the case: the committee's
 * clerks read them here once the evaluation has closed, and nobody else does (neither the graded organization nor
 * an administrator as such).
 */
@Component
class EvaluationComments {

  record Comments(String organizationName, int year, int ballotsCast, List<String> comments) {
  }

  private final GradingRepository gradings;
  private final HistoryService history;
  private final IdentityService identity;
  private final SystemAccess system;

  EvaluationComments(GradingRepository gradings, HistoryService history, IdentityService identity,
      SystemAccess system) {
    this.gradings = gradings;
    this.history = history;
    this.identity = identity;
    this.system = system;
  }

  Comments read(String organizationId, int year, String userId) {
    Optional<GradingRecord> grading = gradings.find(organizationId, year);
    Map<String, Object> vars = grading.map(g -> variables(g.processInstanceId())).orElse(Map.of());
    Object clerks = vars.get(COMMITTEE_CLERK_GROUP);
    // the same answer whether or not there is such a grading: a refusal says nothing of what it guards
    if (!(clerks instanceof String group)
        || !system.call(() -> EngineIdentity.isMemberOfAny(identity, userId, List.of(group)))) {
      throw new AccessDeniedException("只有负责评定的上级党委党务工作者可以查看测评意见建议");
    }
    if (!(vars.get(BALLOTS_CAST) instanceof Number cast)) {
      throw new StepRefusedException("党员群众测评尚未结束，结束后才能查看意见建议");
    }
    return new Comments((String) vars.get(ORGANIZATION_NAME), year, cast.intValue(),
        gradings.ballotComments(grading.get().processInstanceId()));
  }

  private Map<String, Object> variables(String processInstanceId) {
    return system.call(() -> history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
        .variableNameIn(COMMITTEE_CLERK_GROUP, BALLOTS_CAST, ORGANIZATION_NAME).listPage(0, 10).stream()
        .filter(v -> v.getValue() != null)
        .collect(Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue,
            (a, b) -> a)));
  }
}
