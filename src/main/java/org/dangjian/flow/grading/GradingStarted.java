package org.dangjian.flow.grading;

import static org.dangjian.flow.grading.Grading.Vars.*;

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
 * One organization, one year: checks the start, claims the (organization, year) row of the grading history so
 * that the same organization is never graded twice in a year, and sets who handles each step.
 */
@Component("gradingStarted")
class GradingStarted implements ExecutionListener {

  /** Queries are bounded (query-max-results-limit); an organization names far fewer evaluators. */
  private static final int MAX_EVALUATOR_OPTIONS = 500;

  private final GradingOrganizations organizations;
  private final GradingRepository gradings;

  GradingStarted(GradingOrganizations organizations, GradingRepository gradings) {
    this.organizations = organizations;
    this.gradings = gradings;
  }

  @Override
  public void notify(DelegateExecution execution) {
    StepInput in = new StepInput(execution);
    String organizationId = in.text(ORGANIZATION_ID, "党组织", 64);
    Integer year = in.integer(YEAR, "定级年度", 2000, 2100);
    Integer days = in.integer(EVALUATION_DAYS, "测评天数", 1, 60);
    Optional<Organization> organization = organizationId == null ? Optional.empty()
        : organizations.find(organizationId);
    Optional<Organization> committee = organization.flatMap(o -> Optional.ofNullable(o.parentId()))
        .flatMap(organizations::find);
    if (organizationId != null && organization.isEmpty()) {
      in.problem("党组织“" + organizationId + "”不存在");
    } else if (organization.isPresent()
        && (organization.get().kind() == OrganizationKind.HELP_UNIT || committee.isEmpty())) {
      in.problem(organization.get().name() + "不参加分类定级（帮包单位或没有上级党委）");
    }
    in.refuseIfAnyProblem();
    Organization org = organization.get();
    gradings.find(org.id(), year).ifPresent(existing -> in.problem(org.name() + year + "年度"
        + (existing.finalLevel() == null ? "正在定级" : "已定级为“" + existing.finalLevelName() + "”")
        + "，同一党组织同一年度只定级一次"));
    in.refuseIfAnyProblem();

    gradings.addGrading(org.id(), year, execution.getProcessInstanceId());
    execution.setProcessBusinessKey(Grading.businessKey(org.id(), year));
    execution.setVariable(YEAR, year);
    execution.setVariable(EVALUATION_DAYS, days);
    execution.setVariable(ORGANIZATION_NAME, org.name());
    execution.setVariable(COMMITTEE_ID, committee.get().id());
    execution.setVariable(COMMITTEE_NAME, committee.get().name());
    execution.setVariable(SECRETARY_GROUP, Role.SECRETARY.groupOf(org.id()));
    execution.setVariable(COMMITTEE_CLERK_GROUP, Role.CLERK.groupOf(committee.get().id()));
    List<Map<String, String>> options = new ArrayList<>();
    for (User user : execution.getProcessEngineServices().getIdentityService().createUserQuery()
        .memberOfGroup(Role.EVALUATOR.groupOf(org.id())).orderByUserId().asc().listPage(0, MAX_EVALUATOR_OPTIONS)) {
      Map<String, String> option = new LinkedHashMap<>();
      option.put("label", user.getFirstName() + user.getLastName() + "（" + user.getId() + "）");
      option.put("value", user.getId());
      options.add(option);
    }
    execution.setVariable(EVALUATOR_OPTIONS, Json.of(options));
  }
}
