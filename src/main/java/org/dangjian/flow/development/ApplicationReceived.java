package org.dangjian.flow.development;

import static org.dangjian.flow.development.MemberDevelopment.Vars.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.dangjian.flow.audit.Backfill;
import org.dangjian.flow.audit.CaseRecords;
import org.dangjian.flow.organization.CaseAccess;
import org.dangjian.flow.organization.EngineIdentity;
import org.dangjian.flow.organization.MemberRegistry;
import org.dangjian.flow.organization.MemberRegistry.IdNumberTakenException;
import org.dangjian.flow.organization.MemberRegistry.NewPerson;
import org.dangjian.flow.organization.MemberStatus;
import org.dangjian.flow.organization.PartyMember;
import org.dangjian.flow.organization.Role.CaseReading;
import org.dangjian.flow.system.BusinessCalendar;
import org.dangjian.flow.system.StartedElsewhere;
import org.dangjian.flow.system.StepInput;
import org.dangjian.flow.system.StepRefusedException;
import org.springframework.stereotype.Component;

/**
 * Step 1 递交入党申请书: checks the start form, then numbers the case, enters the applicant in the registry
 * and sets who handles it. A refusal rolls the start back: no half-started case.
 */
@Component("applicationReceived")
class ApplicationReceived implements ExecutionListener, StartedElsewhere {

  /** For a user who may not read the case or member the ID number belongs to (another branch's). */
  static final String ALREADY_REGISTERED_ELSEWHERE =
      "该居民身份证号码已有在办案件或已是党员，不能重复受理；如有疑问请联系上级党委组织部门";

  static final Set<String> EDUCATION = Set.of("primary", "juniorHigh", "seniorHigh", "college", "bachelor",
      "master", "doctor");

  private final CaseNumbers caseNumbers;
  private final CaseAssignment assignment;
  private final MemberRegistry registry;
  private final CaseRecords records;
  private final CaseAccess access;
  private final RuleSetSetting ruleSets;

  ApplicationReceived(CaseNumbers caseNumbers, CaseAssignment assignment, MemberRegistry registry,
      CaseRecords records, CaseAccess access, RuleSetSetting ruleSets) {
    this.caseNumbers = caseNumbers;
    this.assignment = assignment;
    this.registry = registry;
    this.records = records;
    this.access = access;
    this.ruleSets = ruleSets;
  }

  /**
   * A case an administrator started at a later step (start instructions): it gets the same checks, number, registry
   * entry and handlers as one started with the application form, from the start form's fields given with it.
   */
  @Override
  public void started(DelegateExecution processInstance) {
    if (processInstance.getProcessDefinitionId().startsWith(MemberDevelopment.PROCESS_KEY + ":")
        && processInstance.getVariable(CASE_NUMBER) == null) {
      notify(processInstance);
    }
  }

  private static String userOf(DelegateExecution execution) {
    Authentication auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return auth == null ? null : auth.getUserId();
  }

  /**
   * Why the ID number cannot be accepted while it has an open entry: its status and case number for a user who may
   * read that case (or, for a member without a case, the branch), otherwise nothing but that it is taken.
   */
  private List<String> alreadyRegistered(String idNumber, String userId) {
    List<String> problems = new ArrayList<>();
    boolean hidden = false;
    for (PartyMember existing : registry.findActiveByIdNumber(idNumber)) {
      boolean readable = existing.caseNumber() != null ? records.readableCaseNumber(userId, existing.caseNumber())
          : userId != null && access.readsOrganization(userId, existing.branchId(), CaseReading.HISTORY);
      if (readable) {
        problems.add("该居民身份证号码已登记为" + existing.status().title()
            + (existing.caseNumber() != null ? "（案件编号 " + existing.caseNumber() + "）" : "") + "，不能重复受理");
      } else {
        hidden = true;
      }
    }
    if (hidden) {
      problems.add(ALREADY_REGISTERED_ELSEWHERE);
    }
    return problems;
  }

  /**
   * A case is opened by a clerk of its branch or of the committee above it, never of another branch; or by an
   * administrator (who alone may start it at a later step).
   */
  private static void checkInitiator(DelegateExecution execution, CaseAssignment.Handlers handlers, StepInput in) {
    IdentityService identity = execution.getProcessEngineServices().getIdentityService();
    Authentication auth = identity.getCurrentAuthentication();
    if (auth == null || auth.getUserId() == null) {
      in.problem("无法确定经办人：请登录后录入入党申请书");
      return;
    }
    Map<String, Object> groups = handlers.variables();
    if (!EngineIdentity.isMemberOfAny(identity, auth.getUserId(), List.of((String) groups.get(BRANCH_CLERK_GROUP),
        (String) groups.get(COMMITTEE_CLERK_GROUP), org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN))) {
      in.problem("用户 " + auth.getUserId() + " 不是" + handlers.branch().name() + "或其上级党委的党务工作者，不能为该支部受理入党申请");
    }
  }

  @Override
  public void notify(DelegateExecution execution) {
    StepInput in = new StepInput(execution);
    String name = in.text("candidateName", "姓名", 50);
    String gender = in.choice("gender", "性别", Set.of("male", "female"));
    in.text("ethnicity", "民族", 20);
    LocalDate birthDate = in.date("birthDate", "出生日期");
    String idNumber = in.text("idNumber", "居民身份证号码", 18);
    in.choice("education", "学历", EDUCATION);
    in.text("occupation", "职业", 50);
    String phone = in.optionalText("phone", "手机号码", 11);
    if (phone != null && !phone.matches("1[3-9][0-9]{9}")) {
      in.problem("手机号码应为11位，以13至19开头");
    }
    String branchId = in.text("branchId", "所在党支部", 64);
    LocalDate applicationDate = in.pastDate("applicationDate", "递交申请书日期");

    if (idNumber != null) {
      idNumber = idNumber.toUpperCase(Locale.ROOT);
      if (birthDate != null) {
        in.problems(ResidentIdNumber.problems(idNumber, birthDate));
      }
      in.problems(alreadyRegistered(idNumber, userOf(execution)));
    }
    if (birthDate != null && applicationDate != null && applicationDate.isBefore(birthDate)) {
      // a typo of one of the years, not an applicant under 18
      in.problem("递交申请书日期（" + applicationDate + "）早于出生日期（" + birthDate + "），请核对这两个日期",
          "birthDate", "applicationDate");
    } else if (birthDate != null && applicationDate != null && !CalendarRules.isAdultOn(birthDate, applicationDate)) {
      // 党章 Art. 1: 年满十八岁
      in.problem("递交入党申请书时未满18周岁（出生日期 " + birthDate + "，递交申请书日期 " + applicationDate
          + "），依照党章第一条不能受理", "birthDate", "applicationDate");
    }
    List<String> branchProblems = new ArrayList<>();
    CaseAssignment.Handlers handlers = branchId == null ? null : assignment.forBranch(branchId, branchProblems);
    in.problems(branchProblems);
    if (handlers != null && !Backfill.active()) {
      // an import (补录) checked the importer's reach over the branch itself: an organization department imports
      // the paper cases of its working committee's branches without being a clerk of each
      checkInitiator(execution, handlers, in);
    }
    in.refuseIfAnyProblem();

    LocalDate today = BusinessCalendar.today();
    String caseNumber = caseNumbers.next(branchId, today.getYear());
    execution.setProcessBusinessKey(caseNumber);
    long memberId;
    try {
      memberId = registry.add(new NewPerson(name, gender, birthDate, idNumber, branchId, MemberStatus.APPLICANT,
          applicationDate, caseNumber));
    } catch (IdNumberTakenException startedMeanwhile) {
      // another start of the same person committed between the check above and this insert: the database's unique
      // index refused it here, inside the listener, so the clerk gets the same refusal as if it had come first
      List<String> problems = alreadyRegistered(idNumber, userOf(execution));
      throw new StepRefusedException(problems.isEmpty() ? List.of(ALREADY_REGISTERED_ELSEWHERE) : problems);
    }

    LocalDate talkDue = CalendarRules.monthsAfter(applicationDate, 1);
    // the rule set of today, kept by the case for good: a later change applies to cases started afterwards
    RuleSet ruleSet = ruleSets.ruleSet();
    execution.setVariable("idNumber", idNumber);
    execution.setVariable(CASE_NUMBER, caseNumber);
    execution.setVariable(MEMBER_ID, memberId);
    execution.setVariables(handlers.variables());
    execution.setVariable(RULE_SET, ruleSet.key());
    execution.setVariable(RULE_SET_STRICT, ruleSet == RuleSet.STRICT);
    execution.setVariable("targetPublicityRequired", ruleSet.targetPublicityRequired);
    execution.setVariable("preReviewPublicityRequired", ruleSet.committeeStepsPublicityRequired);
    execution.setVariable("conversionPublicityRequired", ruleSet.committeeStepsPublicityRequired);
    execution.setVariable("talkDueDate", talkDue.toString());
    execution.setVariable("talkOverdueAt", BusinessCalendar.endOf(talkDue));
  }
}
