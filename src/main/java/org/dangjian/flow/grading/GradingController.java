package org.dangjian.flow.grading;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.dangjian.flow.grading.GradingObjections.GradingNotFoundException;
import org.dangjian.flow.grading.GradingRepository.GradingRecord;
import org.dangjian.flow.system.StepRefusedException;
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
  private final IdentityService identity;
  private final GradingObjections objections;
  private final GradingRepository gradings;

  GradingController(RuntimeService runtime, IdentityService identity, GradingObjections objections,
      GradingRepository gradings) {
    this.runtime = runtime;
    this.identity = identity;
    this.objections = objections;
    this.gradings = gradings;
  }

  /** The same as the GradingCampaign start form in Tasklist. */
  @PostMapping("/campaigns")
  Map<String, Object> launch(@RequestBody CampaignRequest request, Principal principal) {
    identity.setAuthenticatedUserId(principal == null ? null : principal.getName());
    try {
      ProcessInstanceWithVariables campaign = runtime.createProcessInstanceByKey(Grading.CAMPAIGN_KEY)
          .setVariable("committeeId", request.committeeId()).setVariable("year", request.year())
          .setVariable("evaluationDays", request.evaluationDays()).executeWithVariablesInReturn();
      return Map.of("message", campaign.getVariables().get("campaignSummary"));
    } finally {
      identity.clearAuthentication();
    }
  }

  @PostMapping("/organizations/{organizationId}/{year}/objections")
  ResponseEntity<Map<String, Object>> objection(@PathVariable String organizationId, @PathVariable int year,
      @RequestBody ObjectionRequest request, Principal principal) {
    objections.lodge(organizationId, year, request.objectionText(), principal == null ? null : principal.getName());
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("message", "异议已受理，由上级党委核查处理"));
  }

  /** The organization's grading history, year by year. */
  @GetMapping("/organizations/{organizationId}/history")
  List<GradingRecord> history(@PathVariable String organizationId) {
    return gradings.history(organizationId);
  }

  @ExceptionHandler(StepRefusedException.class)
  ResponseEntity<Map<String, Object>> refused(StepRefusedException e) {
    return ResponseEntity.badRequest().body(Map.of("message", e.getMessage(), "problems", e.problems()));
  }

  @ExceptionHandler(GradingNotFoundException.class)
  ResponseEntity<Map<String, Object>> notFound(GradingNotFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("message", e.getMessage()));
  }
}
