package org.dangjian.flow.branchlife;

import static org.dangjian.flow.branchlife.SecretaryReview.Vars.*;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.dangjian.flow.organization.EngineIdentity;
import org.dangjian.flow.organization.Organization;
import org.dangjian.flow.organization.Role;
import org.dangjian.flow.system.Actor;
import org.dangjian.flow.system.BusinessCalendar;
import org.dangjian.flow.system.StepInput;
import org.springframework.stereotype.Component;

/**
 * A committee clerk launches the year's 述职评议 (spec: "twice for the same year starts nothing"): checks the start
 * form, the launcher and that this committee has not launched this year yet. A refusal rolls the start back.
 */
@Component("secretaryReviewCampaignLaunched")
class SecretaryReviewCampaignLaunched implements ExecutionListener {

  private final SecretaryReviewRepository reviews;

  SecretaryReviewCampaignLaunched(SecretaryReviewRepository reviews) {
    this.reviews = reviews;
  }

  @Override
  public void notify(DelegateExecution execution) {
    StepInput in = new StepInput(execution);
    String committeeId = in.text(COMMITTEE_ID, "上级党委", 64);
    Integer year = in.integer(YEAR, "述职年度", 2000, 2100);
    in.integer(EVALUATION_DAYS, "测评天数", 1, 60);
    Optional<Organization> committee = committeeId == null ? Optional.empty() : reviews.organization(committeeId);
    if (committeeId != null && committee.isEmpty()) {
      in.problem("上级党委“" + committeeId + "”不存在");
    } else if (committee.isPresent() && !SecretaryReviewRepository.isCommittee(committee.get())) {
      in.problem(committee.get().name() + "不是党委或工委，不能组织述职评议");
    }
    IdentityService identity = execution.getProcessEngineServices().getIdentityService();
    String actor = Actor.required(identity);
    if (committee.isPresent() && !EngineIdentity.isMemberOfAny(identity, actor,
        List.of(Role.CLERK.groupOf(committeeId)))) {
      in.problem("述职评议须由" + committee.get().name() + "的党务工作者（" + Role.CLERK.groupOf(committeeId)
          + "）启动，当前用户为 " + actor);
    }
    in.refuseIfAnyProblem();
    String name = committee.get().name();
    reviews.campaignStartedAt(committeeId, year).ifPresent(at -> in.problem(name + year + "年度述职评议已于"
        + at.toInstant().atZone(BusinessCalendar.ZONE).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))
        + "启动，不能重复启动，本次未启动任何述职评议"));
    if (reviews.reviewedBy(committeeId).isEmpty()) {
      in.problem(name + "没有所属党组织，无需述职评议");
    }
    in.refuseIfAnyProblem();
    reviews.addCampaign(committeeId, year, execution.getProcessInstanceId(), actor);
    execution.setProcessBusinessKey(SecretaryReview.businessKey(committeeId, year));
    execution.setVariable(COMMITTEE_NAME, name);
    execution.setVariable(YEAR, year);
  }
}
