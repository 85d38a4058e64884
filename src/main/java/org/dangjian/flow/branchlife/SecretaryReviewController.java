package org.dangjian.flow.branchlife;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.dangjian.flow.system.AccessDeniedException;
import org.dangjian.flow.system.CurrentUser;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/secretary-reviews")
class SecretaryReviewController {

  record CampaignRequest(String committeeId, Integer year, Integer evaluationDays) {
  }

  private final RuntimeService runtime;
  private final CurrentUser currentUser;

  SecretaryReviewController(RuntimeService runtime, CurrentUser currentUser) {
    this.runtime = runtime;
    this.currentUser = currentUser;
  }

  /** The same as the SecretaryReviewCampaign start form in Tasklist. */
  @PostMapping("/campaigns")
  Map<String, Object> launch(@RequestBody CampaignRequest request) {
    // as the logged-in user, with the engine's check that they may start it
    ProcessInstanceWithVariables campaign;
    try {
      campaign = runtime.createProcessInstanceByKey(SecretaryReview.CAMPAIGN_KEY)
          .setVariable("committeeId", request.committeeId()).setVariable("year", request.year())
          .setVariable("evaluationDays", request.evaluationDays()).executeWithVariablesInReturn();
    } catch (AuthorizationException e) {
      throw new AccessDeniedException("用户 " + currentUser.id() + " 无权启动述职评议：只有党委或工委的党务工作者可以启动", e);
    }
    return Map.of("message", campaign.getVariables().get("campaignSummary"));
  }
}
