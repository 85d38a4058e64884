package org.dangjian.flow.branchlife;

import static org.dangjian.flow.branchlife.SecretaryReview.Vars.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.identity.User;
import org.dangjian.flow.organization.Organization;
import org.dangjian.flow.organization.OrganizationKind;
import org.dangjian.flow.organization.Role;
import org.dangjian.flow.system.StepInput;
import org.springframework.stereotype.Component;

/**
 * One organization's secretary, one year: checks the start, claims the (organization, year) row so that the same
 * secretary is never reviewed twice in a year, and sets who handles each step. The secretary is whoever holds the
 * organization's 书记 role (its {@code <org>-secretary} group), as in grading's self-assessment.
 */
@Component("secretaryReviewStarted")
class SecretaryReviewStarted implements ExecutionListener {

  /** Queries are bounded (query-max-results-limit); an organization names far fewer evaluators. */
  private static final int MAX_EVALUATOR_OPTIONS = 500;

  private final SecretaryReviewRepository reviews;

  SecretaryReviewStarted(SecretaryReviewRepository reviews) {
    this.reviews = reviews;
  }

  @Override
  public void notify(DelegateExecution execution) {
    StepInput in = new StepInput(execution);
    String organizationId = in.text(ORGANIZATION_ID, "党组织", 64);
    Integer year = in.integer(YEAR, "述职年度", 2000, 2100);
    Integer days = in.integer(EVALUATION_DAYS, "测评天数", 1, 60);
    Optional<Organization> organization = organizationId == null ? Optional.empty()
        : reviews.organization(organizationId);
    Optional<Organization> committee = organization.flatMap(o -> Optional.ofNullable(o.parentId()))
        .flatMap(reviews::organization);
    if (organizationId != null && organization.isEmpty()) {
      in.problem("党组织“" + organizationId + "”不存在");
    } else if (organization.isPresent()
        && (organization.get().kind() == OrganizationKind.HELP_UNIT || committee.isEmpty())) {
      in.problem(organization.get().name() + "不参加书记述职评议（帮包单位或没有上级党委）");
    }
    in.refuseIfAnyProblem();
    Organization org = organization.get();
    reviews.find(org.id(), year).ifPresent(existing -> in.problem(org.name() + year + "年度书记述职评议"
        + (existing.reviewLevel() == null ? "正在进行" : "已评定为“" + SecretaryReview.LEVELS.get(
            existing.reviewLevel()) + "”") + "，同一党组织同一年度只评议一次"));
    in.refuseIfAnyProblem();

    reviews.addReview(org.id(), year, execution.getProcessInstanceId());
    Organization working = reviews.workingCommitteeOf(committee.get());
    execution.setProcessBusinessKey(SecretaryReview.businessKey(org.id(), year));
    execution.setVariable(YEAR, year);
    execution.setVariable(EVALUATION_DAYS, days);
    execution.setVariable(ORGANIZATION_NAME, org.name());
    execution.setVariable(COMMITTEE_ID, committee.get().id());
    execution.setVariable(COMMITTEE_NAME, committee.get().name());
    execution.setVariable(SECRETARY_GROUP, Role.SECRETARY.groupOf(org.id()));
    execution.setVariable(COMMITTEE_CLERK_GROUP, Role.CLERK.groupOf(committee.get().id()));
    execution.setVariable(WORKING_COMMITTEE_NAME, working.name());
    execution.setVariable(WORKING_COMMITTEE_CLERK_GROUP, Role.CLERK.groupOf(working.id()));
    List<Map<String, String>> options = new ArrayList<>();
    for (User user : execution.getProcessEngineServices().getIdentityService().createUserQuery()
        .memberOfGroup(Role.EVALUATOR.groupOf(org.id())).orderByUserId().asc().listPage(0, MAX_EVALUATOR_OPTIONS)) {
      Map<String, String> option = new LinkedHashMap<>();
      option.put("label", user.getFirstName() + user.getLastName() + "（" + user.getId() + "）");
      option.put("value", user.getId());
      options.add(option);
    }
    execution.setVariable(EVALUATOR_OPTIONS, SecretaryReviewValues.json(options));
  }
}
