package org.dangjian.flow.grading;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.dangjian.flow.grading.GradingObjections.GradingNotFoundException;
import org.dangjian.flow.grading.GradingRepository.GradingRecord;
import org.dangjian.flow.system.AccessDeniedException;
import org.dangjian.flow.system.ApiError;
import org.dangjian.flow.system.CurrentUser;
import org.dangjian.flow.system.SystemAccess;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/grading")
class GradingController {

  record CampaignRequest(String committeeId, Integer year, Integer evaluationDays) {
  }

  record ObjectionRequest(String objectionText) {
  }

  private final RuntimeService runtime;
  private final GradingObjections objections;
  private final GradingRepository gradings;
  private final EvaluationComments comments;
  private final SystemAccess system;
  private final CurrentUser currentUser;

  GradingController(RuntimeService runtime, GradingObjections objections, GradingRepository gradings,
      EvaluationComments comments, SystemAccess system, CurrentUser currentUser) {
    this.runtime = runtime;
    this.objections = objections;
    this.gradings = gradings;
    this.comments = comments;
    this.system = system;
    this.currentUser = currentUser;
  }

  /** The same as the GradingCampaign start form in Tasklist. */
  @PostMapping("/campaigns")
  Map<String, Object> launch(@RequestBody CampaignRequest request) {
    // as the logged-in user, with the engine's check that they may start it
    ProcessInstanceWithVariables campaign;
    try {
      campaign = runtime.createProcessInstanceByKey(Grading.CAMPAIGN_KEY)
          .setVariable("committeeId", request.committeeId()).setVariable("year", request.year())
          .setVariable("evaluationDays", request.evaluationDays()).executeWithVariablesInReturn();
    } catch (AuthorizationException e) {
      throw new AccessDeniedException("用户 " + currentUser.id() + " 无权启动年度定级：只有党委或工委的党务工作者可以启动", e);
    }
    return Map.of("message", campaign.getVariables().get("campaignSummary"));
  }

  @PostMapping("/organizations/{organizationId}/{year}/objections")
  ResponseEntity<Map<String, Object>> objection(@PathVariable String organizationId, @PathVariable int year,
      @RequestBody ObjectionRequest request) {
    // anyone logged in may object during the publicity (公示), whether or not they read the case
    String user = currentUser.id();
    system.run(() -> objections.lodge(organizationId, year, request.objectionText(), user));
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("message", "异议已受理，由上级党委核查处理"));
  }

  /** 测评意见建议 for the deciding committee's clerks (linked from the decision form). */
  @GetMapping("/organizations/{organizationId}/{year}/evaluation-comments")
  EvaluationComments.Comments evaluationComments(@PathVariable String organizationId, @PathVariable int year) {
    return comments.read(organizationId, year, currentUser.id());
  }

  /**
   * The organization's grading history, year by year: the levels are published (公示), so anyone logged in reads
   * them; the cases behind them (self-assessment, decision) are in the records, for their readers only.
   */
  @GetMapping("/organizations/{organizationId}/history")
  List<GradingRecord> history(@PathVariable String organizationId) {
    return gradings.history(organizationId);
  }

  @ExceptionHandler(GradingNotFoundException.class)
  ResponseEntity<Map<String, Object>> notFound(GradingNotFoundException e) {
    return ApiError.response(HttpStatus.NOT_FOUND, e);
  }
}
