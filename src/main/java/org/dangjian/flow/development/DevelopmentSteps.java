package org.dangjian.flow.development;

import static org.dangjian.flow.development.MemberDevelopment.Tasks.*;
import static org.dangjian.flow.development.MemberDevelopment.Vars.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.dangjian.flow.audit.Backfill;
import org.dangjian.flow.audit.CaseEventLog;
import org.dangjian.flow.audit.CaseEventType;
import org.dangjian.flow.organization.MemberRegistry;
import org.dangjian.flow.organization.MemberStatus;
import org.dangjian.flow.organization.Organization;
import org.dangjian.flow.organization.OrganizationRepository;
import org.dangjian.flow.organization.PartyMember;
import org.dangjian.flow.system.Actor;
import org.dangjian.flow.system.BusinessCalendar;
import org.dangjian.flow.system.WorkingDayCalendar;
import org.springframework.stereotype.Component;

/**
 * The server side of every step of 发展党员: on completion, checks what was submitted against the spec's rules
 * (the same rules the forms check in the browser, and more), derives dates, keeps the member registry in
 * step and records violations. A refusal leaves the task open and changes nothing.
 */
@Component("developmentStepCompleted")
class DevelopmentSteps implements TaskListener {

  private static final Set<String> REVIEW_RESULTS = Set.of("good", "fair", "poor");
  /** Inputs that belong to one completion only; removed so the next form does not open prefilled with them. */
  private static final List<String> ONE_STEP_INPUTS = List.of(DECISION_REASON, "revisitDate", "committeeMeetingDate",
      "reviewDate", "reviewResult", "reviewComment", "thoughtReports", "entitledVoters", "presentVoters",
      "votesFor", "votesAgainst", "votesAbstain", "writtenVotesFor", "approvalMembersEntitled",
      "approvalMembersPresent", "approvalVotesFor", "approvalVotesAgainst", "approvalVotesAbstain",
      "publicityStartDate", "publicityEndDate", "publicityObjections");

  /** The add and deduct items of activist points; their weights are in bpmn/ActivistPoints.dmn. */
  static final Map<String, String> ACTIVIST_POINT_ITEMS = new LinkedHashMap<>();

  static {
    ACTIVIST_POINT_ITEMS.put("pointsStudySessions", "参加学习教育次数");
    ACTIVIST_POINT_ITEMS.put("pointsPartyActivities", "参加党组织活动次数");
    ACTIVIST_POINT_ITEMS.put("pointsVolunteering", "志愿服务次数");
    ACTIVIST_POINT_ITEMS.put("pointsSpeeches", "交流发言次数");
    ACTIVIST_POINT_ITEMS.put("pointsPairingHelp", "结对帮扶次数");
    ACTIVIST_POINT_ITEMS.put("pointsMissedThoughtReports", "未按时提交思想汇报次数");
    ACTIVIST_POINT_ITEMS.put("pointsUnexcusedAbsences", "无故缺席次数");
    ACTIVIST_POINT_ITEMS.put("pointsDisciplineBreaches", "违反纪律次数");
  }

  private final DecisionService decisions;
  private final MemberRegistry registry;
  private final OrganizationRepository organizations;
  private final CaseEventLog events;
  private final WorkingDayCalendar workingDays;
  private final Map<String, Consumer<Step>> handlers = Map.ofEntries(
      Map.entry(APPLICANT_TALK, this::applicantTalk),
      Map.entry(TALK_OVERDUE_SUPERVISION, this::talkOverdueSupervision),
      Map.entry(DETERMINE_ACTIVIST, this::determineActivist),
      Map.entry(FILE_ACTIVIST, this::fileActivist),
      Map.entry(ASSIGN_CONTACTS, this::assignContacts),
      Map.entry(ACTIVIST_REVIEW, this::activistReview),
      Map.entry(DETERMINE_TARGET, this::determineTarget),
      Map.entry(TARGET_PUBLICITY, this::targetPublicity),
      Map.entry(FILE_TARGET, this::fileTarget),
      Map.entry(ASSIGN_INTRODUCERS, this::assignIntroducers),
      Map.entry(POLITICAL_REVIEW, this::politicalReview),
      Map.entry(CONCENTRATED_TRAINING, this::concentratedTraining),
      Map.entry(BRANCH_COMMITTEE_REVIEW, this::branchCommitteeReview),
      Map.entry(PRE_REVIEW, this::preReview),
      Map.entry(ADMISSION_ON_HOLD, this::admissionOnHold),
      Map.entry(FILL_VOLUNTEER_FORM, this::fillVolunteerForm),
      Map.entry(ADMISSION_MEETING, this::admissionMeeting),
      Map.entry(COMMITTEE_TALK, this::committeeTalk),
      Map.entry(ADMISSION_APPROVAL, this::admissionApproval),
      Map.entry(FILE_WITH_ORG_DEPT, this::fileWithOrgDept),
      Map.entry(ASSIGN_BRANCH_GROUP, this::assignBranchGroup),
      Map.entry(OATH, this::oath),
      Map.entry(PROBATION_REVIEW, this::probationReview),
      Map.entry(CONVERSION_APPLICATION, this::conversionApplication),
      Map.entry(CONVERSION_MEETING, this::conversionMeeting),
      Map.entry(CONVERSION_APPROVAL, this::conversionApproval),
      Map.entry(CANCELLATION_MEETING, this::cancellationMeeting),
      Map.entry(PRE_REVIEW_PUBLICITY, this::preReviewPublicity),
      Map.entry(CONVERSION_PUBLICITY, this::conversionPublicity),
      Map.entry(ARCHIVE, this::archive));

  DevelopmentSteps(DecisionService decisions, MemberRegistry registry, OrganizationRepository organizations,
      CaseEventLog events, WorkingDayCalendar workingDays) {
    this.decisions = decisions;
    this.registry = registry;
    this.organizations = organizations;
    this.events = events;
    this.workingDays = workingDays;
  }

  @Override
  public void notify(DelegateTask task) {
    Consumer<Step> handler = handlers.get(task.getTaskDefinitionKey());
    if (handler == null) {
      throw new IllegalStateException("no rules for task " + task.getTaskDefinitionKey());
    }
    Step step = new Step(task, Actor.of(task), events);
    handler.accept(step);
    // dates in order, across the steps (a field the step's own rules already refused is not refused twice)
    Map<String, LocalDate> dates = step.submittedDates();
    Map<String, Map<String, LocalDate>> recorded = step.recordedDates();
    Chronology.problems(task.getTaskDefinitionKey(), dates, recorded, step::known, BusinessCalendar.today()).stream()
        .filter(p -> !step.in.concerns(p.field())).forEach(p -> step.in.problem(p.message(), p.field()));
    step.in.refuseIfAnyProblem();
    step.recordDates(Chronology.recordedAfter(task.getTaskDefinitionKey(), dates, recorded));
    task.getExecution().removeVariables(ONE_STEP_INPUTS);
    task.getExecution().removeVariables(ACTIVIST_POINT_ITEMS.keySet());
  }

  // ---- Stage 1 申请入党

  private void applicantTalk(Step s) {
    LocalDate talkDate = s.in.pastDate("talkDate", "谈话日期");
    s.in.text("talkerName", "谈话人", 50);
    s.in.text("talkRecord", "谈话记录", 2000);
    s.notBefore(talkDate, "谈话日期", s.known("applicationDate"), "递交申请书日期");
    LocalDate due = s.known("talkDueDate");
    if (talkDate != null && talkDate.isAfter(due) && !s.in.hasProblems()) {
      // 细则 Art. 6: 党组织收到入党申请书后，应当在一个月内派人同入党申请人谈话
      s.violation("TALK_WITHIN_ONE_MONTH", "谈话晚于递交入党申请书后一个月的期限", due, talkDate);
    }
  }

  private void talkOverdueSupervision(Step s) {
    s.in.text("supervisionNote", "督促情况", 1000);
  }

  // ---- Stage 2 入党积极分子的确定和培养教育

  private void determineActivist(Step s) {
    String method = s.in.choice("recommendationMethod", "推荐方式",
        Set.of("memberRecommendation", "leagueRecommendation", "massOrgRecommendation"));
    LocalDate recommended = s.in.pastDate("recommendationDate", "推荐日期");
    LocalDate meeting = s.in.pastDate("committeeMeetingDate", "支委会研究日期");
    String decision = s.in.choice("activistDecision", "支委会决定", Set.of("approve", "notYet", "reject"));
    s.notBefore(recommended, "推荐日期", s.known("applicationDate"), "递交申请书日期");
    s.notBefore(meeting, "支委会研究日期", recommended, "推荐日期");
    if (decision == null || meeting == null) {
      return;
    }
    switch (decision) {
      case "approve" -> {
        RuleSet rules = s.ruleSet();
        LocalDate earliest = CalendarRules.monthsAfter(s.known("applicationDate"), rules.minimumMonthsToActivist);
        if (meeting.isBefore(earliest)) {
          s.in.problem("按本地规则，递交申请书满" + rules.minimumMonthsToActivist + "个月后方可确定为入党积极分子（最早 "
              + earliest + "）");
        }
        boolean league = Boolean.TRUE.equals(s.task.getVariable("leagueMember"));
        if (league && recommended != null && method != null) {
          s.in.problems(LeagueRecommendation.problems(rules, s.known("birthDate"), recommended, method,
              s.in.optionalText(LeagueRecommendation.REASON, "未经团组织推优的理由", 500)));
        }
        if (!s.in.hasProblems()) {
          s.setDate("activistDate", meeting);
          registry.becomeActivist(s.memberId(), meeting);
        }
      }
      case "notYet" -> {
        LocalDate revisit = s.in.date("revisitDate", "下次研究日期");
        s.reasonRequired("暂缓确定");
        if (revisit != null && !revisit.isAfter(meeting)) {
          s.in.problem("下次研究日期应晚于本次支委会日期（" + meeting + "）");
        } else if (revisit != null) {
          s.setInstant("revisitAt", BusinessCalendar.startOf(revisit));
        }
      }
      default -> s.endCase("不予确定为入党积极分子：" + s.reasonRequired("不予确定"));
    }
  }

  private void fileActivist(Step s) {
    LocalDate filed = s.in.pastDate("activistFilingDate", "备案日期");
    s.notBefore(filed, "备案日期", s.known("activistDate"), "确定为入党积极分子日期");
  }

  private void assignContacts(Step s) {
    PartyMember first = fullMember(s, "contact1MemberId", "培养联系人一", true);
    PartyMember second = fullMember(s, "contact2MemberId", "培养联系人二", false);
    if (first != null && second != null && first.id() == second.id()) {
      s.in.problem("两名培养联系人不能是同一人");
    }
    // People named: of the case's branch unless a reason is recorded (细则 Art. 9: 指定一至两名正式党员作培养联系人)
    List<String> elsewhere = ofOtherBranches(s, first, second);
    String reason = s.in.optionalText(PeopleNamed.CONTACT_REASON, "指定理由", 500);
    if (!elsewhere.isEmpty() && reason == null && !Backfill.active()) {
      s.in.problem("培养联系人" + String.join("、", elsewhere) + "不是本案所在支部（" + s.task.getVariable(BRANCH_NAME)
          + "）的党员：指定其他支部的党员须填写指定理由（" + PeopleNamed.CONTACT_REASON + "）", PeopleNamed.CONTACT_REASON);
    }
  }

  private void activistReview(Step s) {
    LocalDate reviewed = s.in.pastDate("reviewDate", "考察日期");
    s.in.choice("reviewResult", "考察结果", REVIEW_RESULTS);
    s.in.integer("thoughtReports", "收到思想汇报份数", 0, 100);
    s.in.text("reviewComment", "考察意见", 2000);
    s.notBefore(reviewed, "考察日期", s.known("activistDate"), "确定为入党积极分子日期");
    int reviews = s.count("activistReviewNumber");
    boolean proceed = s.in.flag("proceedToTarget");
    LocalDate activistDate = s.known("activistDate");
    if (proceed && !ActivistRules.mayProceedToTarget(activistDate, BusinessCalendar.today(), reviews)) {
      // 细则 Art. 13: 经过一年以上培养教育和考察
      s.in.problem("确定为入党积极分子满一年（" + CalendarRules.monthsAfter(activistDate, 12)
          + " 起）并有两次半年考察后，方可提请确定为发展对象；目前已考察" + reviews + "次");
    }
    s.set("activistReviewCount", reviews);
    s.set("proceedToTarget", proceed);
    if (Boolean.TRUE.equals(s.task.getVariable(ACTIVIST_POINTS_ENABLED))) {
      activistPoints(s, reviews);
    }
  }

  /** 积分管理: this review's points from the ActivistPoints table, the advice from ActivistPointsLevel. */
  private void activistPoints(Step s, int reviewNumber) {
    Map<String, Object> items = new java.util.HashMap<>();
    ACTIVIST_POINT_ITEMS.forEach((key, title) -> items.put(key, s.in.integer(key, title, 0, 100)));
    if (s.in.hasProblems()) {
      return;
    }
    items.put("activistReviewNumber", reviewNumber);
    Number points = decisions.evaluateDecisionTableByKey("ActivistPoints", items).getSingleResult()
        .getSingleEntry();
    int total = s.count("activistPointsTotal") + (points == null ? 0 : points.intValue());
    Map<String, Object> advice = decisions.evaluateDecisionTableByKey("ActivistPointsLevel",
        Map.of("activistPointsTotal", total)).getSingleResult().getEntryMap();
    s.set("activistPoints", points == null ? 0 : points.intValue());
    s.set("activistPointsTotal", total);
    s.set("activistPointsLevel", advice.get("activistPointsLevel"));
    s.set("activistPointsLevelTitle", advice.get("activistPointsLevelTitle"));
  }

  // ---- Stage 3 发展对象的确定和考察

  private void determineTarget(Step s) {
    LocalDate opinions = s.in.pastDate("opinionsCollectedDate", "听取意见日期");
    LocalDate meeting = s.in.pastDate("committeeMeetingDate", "支委会研究日期");
    String decision = s.in.choice("targetDecision", "支委会决定", Set.of("approve", "notYet", "reject"));
    s.notBefore(meeting, "支委会研究日期", opinions, "听取意见日期");
    LocalDate activistDate = s.known("activistDate");
    if (meeting != null && "approve".equals(decision)
        && meeting.isBefore(CalendarRules.monthsAfter(activistDate, 12))) {
      s.in.problem("支委会研究日期须在确定为入党积极分子满一年之后（" + CalendarRules.monthsAfter(activistDate, 12) + " 起）");
    }
    if (decision == null || meeting == null) {
      return;
    }
    s.set(SEND_BACK_REASON, null);
    switch (decision) {
      case "approve" -> {
        if (!s.in.hasProblems()) {
          s.setDate("targetDate", meeting);
          registry.becomeTarget(s.memberId(), meeting);
        }
      }
      case "notYet" -> {
        LocalDate revisit = s.in.date("revisitDate", "下次研究日期");
        s.reasonRequired("暂缓确定");
        if (revisit != null && !revisit.isAfter(meeting)) {
          s.in.problem("下次研究日期应晚于本次支委会日期（" + meeting + "）");
        } else if (revisit != null) {
          s.setInstant("revisitAt", BusinessCalendar.startOf(revisit));
        }
      }
      default -> s.endCase("不予确定为发展对象：" + s.reasonRequired("不予确定"));
    }
  }

  private void targetPublicity(Step s) {
    if (publicity(s, s.known("targetDate"), "确定为发展对象日期", "公示后暂缓：")) {
      registry.backToActivist(s.memberId());
    }
  }

  /**
   * (rule set) 公示 of at least 5 working days after {@code since}; returns true when the publicity holds the case
   * ({@code publicityResult} no), which then goes back to the step before it with the reason.
   */
  private boolean publicity(Step s, LocalDate since, String sinceLabel, String heldPrefix) {
    LocalDate start = s.in.pastDate("publicityStartDate", "公示开始日期");
    LocalDate end = s.in.pastDate("publicityEndDate", "公示结束日期");
    String result = s.in.choice("publicityResult", "公示结果", Set.of("yes", "no"));
    s.notBefore(start, "公示开始日期", since, sinceLabel);
    s.notBefore(end, "公示结束日期", start, "公示开始日期");
    if (start != null && end != null && !end.isBefore(start)) {
      int days = workingDays.workingDaysBetween(start, end);
      if (days < RuleSet.PUBLICITY_WORKING_DAYS) {
        s.in.problem("公示期不少于" + RuleSet.PUBLICITY_WORKING_DAYS + "个工作日（本次 " + start + " 至 " + end + " 为"
            + days + "个工作日，最早可于 " + workingDays.endOfWorkingDays(start, RuleSet.PUBLICITY_WORKING_DAYS)
            + " 结束）");
      }
    }
    String reason = s.in.flag("publicityObjections") ? s.reasonRequired("公示期间有反映问题") : null;
    if ("no".equals(result)) {
      String why = reason != null ? reason : s.reasonRequired("公示后暂缓");
      if (!s.in.hasProblems()) {
        s.sendBack(heldPrefix + why);
        return true;
      }
    }
    return false;
  }

  private void fileTarget(Step s) {
    LocalDate filed = s.in.pastDate("targetFilingDate", "备案日期");
    s.notBefore(filed, "备案日期", s.known("targetDate"), "确定为发展对象日期");
    if (!s.ruleSet().targetConsentRequired) {
      s.set("targetConsent", "notRequired");
      return;
    }
    String consent = s.in.choice("targetConsent", "上级党委意见", Set.of("approve", "reject"));
    if ("reject".equals(consent)) {
      String reason = s.reasonRequired("上级党委不同意");
      if (!s.in.hasProblems()) {
        s.sendBack("上级党委不同意确定为发展对象：" + reason);
        registry.backToActivist(s.memberId());
      }
    }
  }

  private void assignIntroducers(Step s) {
    PartyMember first = fullMember(s, "introducer1MemberId", "入党介绍人一", true);
    PartyMember second = fullMember(s, "introducer2MemberId", "入党介绍人二", true);
    if (first != null && second != null && first.id() == second.id()) {
      // 细则 Art. 14: 两名正式党员作入党介绍人
      s.in.problem("两名入党介绍人不能是同一人");
    }
    List<String> why = new ArrayList<>();
    List<String> elsewhere = ofOtherBranches(s, first, second);
    if (!elsewhere.isEmpty() && !Backfill.active()) {
      why.add(String.join("、", elsewhere) + "不是本案所在支部（" + s.task.getVariable(BRANCH_NAME) + "）的党员");
    }
    List<String> contacts = new ArrayList<>();
    for (String key : List.of("contact1MemberId", "contact2MemberId")) {
      if (s.task.getVariable(key) != null && !s.task.getVariable(key).toString().isBlank()) {
        contacts.add(s.task.getVariable(key).toString().trim());
      }
    }
    List<String> notContacts = new ArrayList<>();
    for (PartyMember m : java.util.Arrays.asList(first, second)) {
      if (m != null && PeopleNamed.introducerWasNotAContact(String.valueOf(m.id()), contacts)) {
        notContacts.add(m.name() + "（" + m.id() + "）");
      }
    }
    if (!notContacts.isEmpty()) {
      why.add(String.join("、", notContacts) + "不是本案的培养联系人");
    }
    // People named: an introducer who was not a contact, or of another branch, needs introducerReason
    String reason = s.in.optionalText(PeopleNamed.INTRODUCER_REASON, "确定理由", 500);
    if (!why.isEmpty() && reason == null) {
      s.in.problem("入党介绍人" + String.join("；", why) + "：须填写确定理由（" + PeopleNamed.INTRODUCER_REASON + "）",
          PeopleNamed.INTRODUCER_REASON);
    }
  }

  /** The named members who are not of the case's branch, as "高明（1011，法院党支部）". */
  private List<String> ofOtherBranches(Step s, PartyMember... named) {
    Object caseBranch = s.task.getVariable(BRANCH_ID);
    List<String> elsewhere = new ArrayList<>();
    String caseBranchId = caseBranch == null ? null : caseBranch.toString();
    for (PartyMember m : named) {
      if (m != null && PeopleNamed.needsReasonForBranch(m.branchId(), caseBranchId)) {
        String branch = organizations.findById(m.branchId()).map(Organization::name).orElse(m.branchId());
        elsewhere.add(m.name() + "（" + m.id() + "，" + branch + "）");
      }
    }
    return elsewhere;
  }

  private void politicalReview(Step s) {
    LocalDate reviewed = s.in.pastDate("politicalReviewDate", "政审日期");
    s.in.choices("politicalReviewMethods", "政审方式", Set.of("talk", "files", "inquiry", "letter"));
    String conclusion = s.in.choice("politicalReviewConclusion", "政审结论", Set.of("pass", "fail"));
    String summary = s.in.text("politicalReviewSummary", "政审综合性材料", 2000);
    s.notBefore(reviewed, "政审日期", s.known("targetDate"), "确定为发展对象日期");
    if ("fail".equals(conclusion)) {
      // 细则 Art. 16: 政治审查不合格的，不能发展入党
      s.endCase("政治审查不合格：" + summary);
    }
  }

  private void concentratedTraining(Step s) {
    LocalDate start = s.in.pastDate("trainingStartDate", "培训开始日期");
    LocalDate end = s.in.pastDate("trainingEndDate", "培训结束日期");
    Integer hours = s.in.integer("trainingHours", "培训学时", 0, 500);
    boolean passed = s.in.flag("trainingPassed");
    s.notBefore(start, "培训开始日期", s.known("targetDate"), "确定为发展对象日期");
    if (passed) {
      s.in.text("trainingCertificateNo", "结业证书编号", 50);
      if (start != null && end != null && hours != null) {
        s.in.problems(TrainingRule.problems(start, end, hours));
      }
    } else {
      s.notBefore(end, "培训结束日期", start, "培训开始日期");
    }
    s.set("trainingPassed", passed);
  }

  // ---- Stage 4 预备党员的接收

  private void branchCommitteeReview(Step s) {
    LocalDate reviewed = s.in.pastDate("branchReviewDate", "审查日期");
    s.in.text("branchReviewOpinion", "审查意见", 2000);
    String decision = s.in.choice("branchReviewDecision", "审查结论", Set.of("approve", "reject"));
    s.notBefore(reviewed, "审查日期", s.known("trainingEndDate"), "集中培训结束日期");
    if ("reject".equals(decision)) {
      s.endCase("支部委员会审查不同意：" + s.reasonRequired("审查不同意"));
    }
    s.set(SEND_BACK_REASON, null);
    rememberAdmissionStepUser(s);
  }

  private void preReview(Step s) {
    LocalDate reviewed = s.in.pastDate("preReviewDate", "预审日期");
    String result = s.in.choice("preReviewResult", "预审结果", Set.of("pass", "fail", "sendBack"));
    s.in.text("preReviewNotice", "预审书面通知", 2000);
    boolean leaving = s.in.flag("leavingUnitWithin3Months");
    s.notBefore(reviewed, "预审日期", s.known("branchReviewDate"), "支部委员会审查日期");
    s.notBefore(reviewed, "预审日期", s.known("preReviewPublicityEndDate"), "预审前公示结束日期");
    s.set("leavingUnitWithin3Months", leaving);
    if ("fail".equals(result)) {
      s.endCase("上级党委预审不合格：" + s.reasonRequired("预审不合格"));
    } else if ("sendBack".equals(result)) {
      String reason = s.reasonRequired("退回");
      if (!s.in.hasProblems()) {
        s.sendBack("上级党委预审退回：" + reason);
      }
    }
  }

  private void admissionOnHold(Step s) {
    LocalDate resumed = s.in.pastDate("resumeDate", "恢复日期");
    s.in.text("holdNote", "情况说明", 1000);
    s.notBefore(resumed, "恢复日期", s.known("preReviewDate"), "预审日期");
  }

  private void fillVolunteerForm(Step s) {
    s.in.text("volunteerFormNo", "入党志愿书编号", 30);
    LocalDate filled = s.in.pastDate("volunteerFormDate", "填写日期");
    s.notBefore(filled, "入党志愿书填写日期", s.known("preReviewDate"), "预审日期");
  }

  private void admissionMeeting(Step s) {
    LocalDate meeting = s.in.pastDate("meetingDate", "支部大会日期");
    s.notBefore(meeting, "支部大会日期", s.known("volunteerFormDate"), "入党志愿书填写日期");
    LocalDate preReview = s.known("preReviewDate");
    if (meeting != null && s.ruleSet().admissionMeetingWithinMonthOfPreReview
        && meeting.isAfter(CalendarRules.monthsAfter(preReview, 1))) {
      s.in.problem("按本地规则，支部大会应在预审后一个月内（" + CalendarRules.monthsAfter(preReview, 1) + " 前）召开");
    }
    VoteCount votes = votes(s);
    rememberAdmissionStepUser(s);
    if (votes == null || meeting == null || s.in.hasProblems()) {
      return;
    }
    s.set(SEND_BACK_REASON, null);
    if (!votes.hasQuorum()) {
      // 细则 Art. 20: 有表决权的到会人数必须超过应到会有表决权人数的半数
      String why = "到会有表决权的正式党员" + votes.presentVoters() + "人，未超过应到会" + votes.entitledVoters()
          + "人的半数，会议无效，须重新召开";
      s.set(SEND_BACK_REASON, why);
      s.record(CaseEventType.MEETING_VOID, "MEETING_QUORUM", why, null, meeting);
      s.set("admissionVoteOutcome", "noQuorum");
    } else if (votes.passed()) {
      LocalDate due = ApprovalDeadline.dueDate(meeting);
      s.set("admissionVotes", summary(votes));
      s.setDate("admissionApprovalDueDate", due);
      s.setInstant("admissionApprovalOverdueAt", BusinessCalendar.endOf(due));
      s.set("admissionVoteOutcome", "passed");
    } else {
      s.set("admissionVoteOutcome", "rejected");
      s.endCase("支部大会表决未通过：" + summary(votes));
    }
  }

  private void committeeTalk(Step s) {
    LocalDate talked = s.in.pastDate("committeeTalkDate", "谈话日期");
    s.in.text("committeeTalkerName", "谈话人", 50);
    s.in.text("committeeTalkOpinion", "谈话意见", 2000);
    s.notBefore(talked, "谈话日期", s.known("meetingDate"), "支部大会日期");
  }

  private void admissionApproval(Step s) {
    LocalDate approved = s.in.pastDate("admissionApprovalDate", "审批日期");
    String decision = s.in.choice("admissionDecision", "审批结果", Set.of("approve", "reject", "sendBack"));
    String extension = s.in.optionalText("approvalExtensionReason", "延长审批期限理由", 1000);
    LocalDate meeting = s.known("meetingDate");
    if (approved != null) {
      s.in.problems(ApprovalDeadline.problems(meeting, approved, extension));
    }
    if (!Backfill.active() && s.task.getVariable(FOUR_EYES_USERS) instanceof String users
        && users.contains("," + s.actor + ",")) {
      s.in.problem("审批人不能是办理本案支部委员会审查（第12步）或支部大会讨论（第15步）的人员（" + s.actor + "，四眼原则）");
    }
    // 细则 Art. 24: 党委审批应当集体讨论和表决 (cases of the first model have no vote on their form)
    CommitteeVotes votes = s.committeeDecidesResolutions() ? committeeVotes(s, decision, true) : null;
    if (decision == null || approved == null || s.in.hasProblems()) {
      return;
    }
    if (votes != null) {
      s.setDate("approvalMeetingDate", approved);
      s.set("admissionApprovalVotes", votes.summary());
    }
    if (ApprovalDeadline.isViolation(meeting, approved)) {
      s.violation("ADMISSION_APPROVAL_WITHIN_6_MONTHS", "上级党委审批超过支部大会后6个月的最长期限",
          ApprovalDeadline.extendedLimit(meeting), approved);
    }
    switch (decision) {
      case "approve" -> {
        // probation counts from the branch meeting, not from approval or oath (细则 Art. 32: 预备期自支部大会通过其为预备党员之日算起)
        LocalDate end = CalendarRules.monthsAfter(meeting, 12);
        s.setDate("probationStartDate", meeting);
        s.setDate("probationEndDate", end);
        s.set("probationReviewCount", 0);
        registry.becomeProbationary(s.memberId(), meeting, end);
      }
      case "reject" -> s.endCase("上级党委不批准：" + s.reasonRequired("不批准"));
      default -> {
        String reason = s.reasonRequired("退回");
        if (!s.in.hasProblems()) {
          s.sendBack("上级党委审批退回：" + reason);
        }
      }
    }
  }

  private void fileWithOrgDept(Step s) {
    LocalDate filed = s.in.pastDate("orgDeptFilingDate", "备案日期");
    s.notBefore(filed, "备案日期", s.known("admissionApprovalDate"), "上级党委审批日期");
  }

  // ---- Stage 5 预备党员的教育、考察和转正

  private void assignBranchGroup(Step s) {
    String assigned = s.in.text("assignedBranchId", "编入党支部", 64);
    s.in.text("partyGroup", "党小组", 50);
    Object current = s.task.getVariable(BRANCH_ID);
    if (assigned != null && !assigned.equals(current)) {
      Organization target = organizations.findById(assigned).filter(Organization::isBranch).orElse(null);
      s.in.problem(target == null ? "党支部“" + assigned + "”不存在"
          : "编入的党支部应为本支部；转入" + target.name() + "请办理组织关系转接");
    }
  }

  private void oath(Step s) {
    LocalDate oath = s.in.pastDate("oathDate", "宣誓日期");
    s.notBefore(oath, "宣誓日期", s.known("admissionApprovalDate"), "上级党委审批日期");
  }

  private void probationReview(Step s) {
    LocalDate reviewed = s.in.pastDate("reviewDate", "考察日期");
    s.in.choice("reviewResult", "考察结果", REVIEW_RESULTS);
    s.in.text("reviewComment", "考察意见", 2000);
    s.notBefore(reviewed, "考察日期", s.known("probationStartDate"), "预备期开始日期");
    s.set("probationReviewCount", s.count("probationReviewCount") + 1);
  }

  private void conversionApplication(Step s) {
    LocalDate applied = s.in.pastDate("conversionApplicationDate", "转正申请日期");
    s.notBefore(applied, "转正申请日期", s.known("probationStartDate"), "预备期开始日期");
  }

  private void conversionMeeting(Step s) {
    LocalDate meeting = s.in.pastDate("conversionMeetingDate", "支部大会日期");
    LocalDate probationEnd = s.known("probationEndDate");
    s.notBefore(meeting, "讨论转正的支部大会日期", probationEnd, "预备期满日期");
    String outcome = s.in.choice("conversionOutcome", "讨论结果",
        Set.of(ProbationExtension.CONVERT, ProbationExtension.EXTEND, ProbationExtension.CANCEL));
    Integer months = ProbationExtension.EXTEND.equals(outcome)
        ? s.in.integer("extensionMonths", "延长预备期月数", 1, 120) : null;
    boolean extendedBefore = Boolean.TRUE.equals(s.task.getVariable("probationExtended"));
    if (outcome != null && (months != null || !ProbationExtension.EXTEND.equals(outcome))) {
      s.in.problems(ProbationExtension.problems(outcome, months, extendedBefore));
    }
    VoteCount votes = votes(s);
    if (votes == null || meeting == null || outcome == null || s.in.hasProblems()) {
      return;
    }
    s.set(SEND_BACK_REASON, null);
    if (!votes.hasQuorum() || !votes.passed()) {
      String why = (!votes.hasQuorum() ? "到会有表决权的正式党员未超过应到会人数的半数，会议无效"
          : "表决未获应到会有表决权正式党员半数以上同意") + "（" + summary(votes) + "），须重新召开支部大会";
      s.set(SEND_BACK_REASON, why);
      s.record(CaseEventType.MEETING_VOID, "MEETING_QUORUM", why, null, meeting);
      s.set("conversionMeetingResult", "revote");
      return;
    }
    s.set("conversionVotes", summary(votes));
    String reason = ProbationExtension.CONVERT.equals(outcome) ? null
        : s.reasonRequired(ProbationExtension.EXTEND.equals(outcome) ? "延长预备期" : "取消预备党员资格");
    if (s.in.hasProblems()) {
      return;
    }
    String title = switch (outcome) {
      case ProbationExtension.EXTEND -> "延长预备期" + months + "个月";
      case ProbationExtension.CANCEL -> "取消预备党员资格";
      default -> "按期转正";
    };
    if (s.committeeDecidesResolutions()) {
      // 细则 Art. 32: conversion, extension and cancellation all take effect only when step 24 approves them
      awaitCommitteeApproval(s, outcome, "conversionMeeting", meeting, title, summary(votes), reason, months);
    } else {
      legacyConversionMeeting(s, outcome, meeting, probationEnd, months, reason);
    }
    s.set("conversionMeetingResult", outcome);
    // the resolution as the committee reads it at step 24 (its form shows the branch meeting's facts)
    s.set("conversionMeetingResultTitle", title.startsWith("延长") ? "延长预备期" : title);
  }

  /** Cases of the first model: an extension took effect at the meeting, a cancellation ended the case there. */
  private void legacyConversionMeeting(Step s, String outcome, LocalDate meeting, LocalDate probationEnd,
      Integer months, String reason) {
    switch (outcome) {
      case ProbationExtension.EXTEND -> {
        LocalDate newEnd = CalendarRules.monthsAfter(probationEnd, months);
        s.setDate("probationEndDate", newEnd);
        s.set("probationExtended", true);
        registry.extendProbation(s.memberId(), newEnd);
      }
      case ProbationExtension.CANCEL -> s.endCase("取消预备党员资格：" + reason);
      default -> {
        LocalDate due = CalendarRules.monthsAfter(meeting, 3);
        s.setDate("conversionApprovalDueDate", due);
        s.setInstant("conversionApprovalOverdueAt", BusinessCalendar.endOf(due));
      }
    }
  }

  /** A branch meeting's resolution waiting for step 24: what it decides on, and its 3-month deadline. */
  private void awaitCommitteeApproval(Step s, String resolution, String meetingKind, LocalDate meeting,
      String title, String votes, String reason, Integer months) {
    s.set("pendingResolution", resolution);
    s.set("resolutionMeeting", meetingKind);
    s.setDate("resolutionMeetingDate", meeting);
    s.set("resolutionTitle", title);
    s.set("resolutionVotes", votes);
    s.set("resolutionReason", reason == null ? "" : reason);
    s.set("pendingExtensionMonths", months);
    LocalDate due = CalendarRules.monthsAfter(meeting, 3);
    s.setDate("conversionApprovalDueDate", due);
    s.setInstant("conversionApprovalOverdueAt", BusinessCalendar.endOf(due));
    s.set("conversionApprovalOverdueRecorded", false);
  }

  /** 预备期内取消预备党员资格: the branch meeting votes on the cancellation the branch opened (细则 Art. 32). */
  private void cancellationMeeting(Step s) {
    LocalDate meeting = s.in.pastDate("cancellationMeetingDate", "支部大会日期");
    s.notBefore(meeting, "支部大会日期", s.known("cancellationRequestDate"), "提出取消预备党员资格日期");
    String reason = s.reasonRequired("取消预备党员资格");
    VoteCount votes = votes(s);
    if (votes == null || meeting == null || s.in.hasProblems()) {
      return;
    }
    s.set(SEND_BACK_REASON, null);
    if (!votes.hasQuorum()) {
      String why = "到会有表决权的正式党员未超过应到会人数的半数，会议无效（" + summary(votes) + "），须重新召开支部大会";
      s.set(SEND_BACK_REASON, why);
      s.record(CaseEventType.MEETING_VOID, "MEETING_QUORUM", why, null, meeting);
      s.set("cancellationMeetingResult", "revote");
    } else if (!votes.passed()) {
      // the meeting did not resolve to cancel: the probation goes on where it was
      s.record(CaseEventType.CANCELLATION_REQUEST, "PROBATION_CANCELLATION", "支部大会表决未通过取消预备党员资格（"
          + summary(votes) + "），继续预备期考察", null, meeting);
      s.set("cancellationMeetingResult", "notCarried");
    } else {
      awaitCommitteeApproval(s, ProbationExtension.CANCEL, "cancellationMeeting", meeting,
          "取消预备党员资格（预备期内）", summary(votes), reason, null);
      s.set("cancellationMeetingResult", "passed");
    }
  }

  private void conversionApproval(Step s) {
    boolean current = s.committeeDecidesResolutions();
    LocalDate approved = s.in.pastDate("conversionApprovalDate", "审批日期");
    String decision = s.in.choice("conversionDecision", "审批结果", Set.of("approve", "sendBack"));
    LocalDate meeting = s.known(current ? "resolutionMeetingDate" : "conversionMeetingDate");
    s.notBefore(approved, "审批日期", meeting, "支部大会日期");
    s.notBefore(approved, "审批日期", s.known("conversionPublicityEndDate"), "拟转正公示结束日期");
    // 细则 Art. 24, 32: the committee decides collectively on the branch meeting's resolution
    CommitteeVotes votes = current ? committeeVotes(s, decision, false) : null;
    if (decision == null || approved == null || s.in.hasProblems()) {
      return;
    }
    LocalDate due = CalendarRules.monthsAfter(meeting, 3);
    if (approved.isAfter(due) && !Boolean.TRUE.equals(s.task.getVariable("conversionApprovalOverdueRecorded"))) {
      s.violation("CONVERSION_APPROVAL_WITHIN_3_MONTHS", "上级党委审批转正超过支部大会后3个月的期限", due, approved);
    }
    String resolution = current ? (String) s.task.getVariable("pendingResolution") : ProbationExtension.CONVERT;
    if (votes != null) {
      s.setDate("approvalMeetingDate", approved);
      s.set("conversionApprovalVotes", votes.summary());
    }
    String route;
    if ("approve".equals(decision)) {
      route = resolution;
      switch (resolution) {
        case ProbationExtension.EXTEND -> {
          // 党章 Art. 7: the extension, once approved, moves the end of the probation
          LocalDate newEnd = CalendarRules.monthsAfter(s.known("probationEndDate"),
              ((Number) s.task.getVariable("pendingExtensionMonths")).intValue());
          s.setDate("probationEndDate", newEnd);
          s.set("probationExtended", true);
          registry.extendProbation(s.memberId(), newEnd);
        }
        case ProbationExtension.CANCEL -> s.endCase("取消预备党员资格：" + s.task.getVariable("resolutionReason"));
        default -> {
          // 党龄 counts from the day the (final) probation ends
          LocalDate full = s.known("probationEndDate");
          s.setDate("fullMembershipDate", full);
          registry.becomeFull(s.memberId(), full);
        }
      }
    } else {
      String reason = s.reasonRequired("退回");
      if (s.in.hasProblems()) {
        return;
      }
      s.sendBack("上级党委审批退回：" + reason);
      route = "cancellationMeeting".equals(s.task.getVariable("resolutionMeeting")) ? "backToCancellationMeeting"
          : "backToConversionMeeting";
    }
    s.set("conversionApprovalRoute", route);
  }

  private void preReviewPublicity(Step s) {
    publicity(s, s.known("branchReviewDate"), "支部委员会审查日期", "预审前公示后暂缓：");
    rememberPublicityEnd(s, "preReviewPublicityEndDate");
  }

  private void conversionPublicity(Step s) {
    publicity(s, s.known("resolutionMeetingDate"), "支部大会讨论转正日期", "转正前公示后暂缓：");
    rememberPublicityEnd(s, "conversionPublicityEndDate");
  }

  /** The step after a publicity is not dated before it ended (the publicity's own fields are one step's inputs). */
  private static void rememberPublicityEnd(Step s, String key) {
    if (!s.in.hasProblems() && "yes".equals(s.task.getVariable("publicityResult"))) {
      s.setDate(key, LocalDate.parse(s.task.getVariable("publicityEndDate").toString()));
    }
  }

  private void archive(Step s) {
    LocalDate archived = s.in.pastDate("archiveDate", "归档日期");
    s.in.text("archiveLocation", "档案存放位置", 100);
    s.notBefore(archived, "归档日期", s.known("conversionApprovalDate"), "转正审批日期");
    Map<String, String> checklist = Map.of("hasApplicationLetter", "入党申请书", "hasVolunteerForm", "入党志愿书",
        "hasPoliticalReview", "政审材料", "hasConversionApplication", "转正申请书", "hasCultivationRecords", "培养考察材料");
    List<String> missing = new ArrayList<>();
    checklist.forEach((key, title) -> {
      if (!s.in.flag(key)) {
        missing.add(title);
      }
    });
    if (!missing.isEmpty()) {
      s.in.problem("归档材料不齐全，缺少：" + String.join("、", missing.stream().sorted().toList()));
    }
  }

  // ---- shared checks

  /** The member named in a field, when the registry has one of that number who may be named; else a problem. */
  private PartyMember fullMember(Step s, String key, String label, boolean required) {
    String raw = required ? s.in.text(key, label, 20) : s.in.optionalText(key, label, 20);
    if (raw == null) {
      return null;
    }
    long id;
    try {
      // ASCII digits only: Long.parseLong also takes "+1001" and full-width digits
      if (!raw.trim().matches("[0-9]{1,12}")) {
        throw new NumberFormatException(raw);
      }
      id = Long.parseLong(raw.trim());
    } catch (NumberFormatException e) {
      s.in.problem(label + "应填写党员编号（数字），收到“" + raw + "”");
      return null;
    }
    PartyMember member = registry.find(id).orElse(null);
    if (member == null) {
      s.in.problem(label + "：党员名册中没有编号为" + id + "的人员");
    } else if (id == s.memberId()) {
      s.in.problem(label + "不能是申请人本人");
    } else if (!PeopleNamed.isFullMember(member.status())) {
      s.in.problem(label + "须为正式党员，" + member.name() + "（" + id + "）目前是" + member.status().title());
    } else if (!PeopleNamed.disciplineAllows(registry.disciplineStatus(id))) {
      // 《中国共产党纪律处分条例》第十一条: 党员受留党察看处分期间，没有表决权、选举权和被选举权
      s.in.problem(label + "：" + member.name() + "（" + id + "）正在留党察看期间，依据《中国共产党纪律处分条例》"
          + "留党察看期间没有表决权、选举权和被选举权，不能担任" + label.replaceAll("[一二]$", ""));
    } else {
      return member;
    }
    return null;
  }

  private VoteCount votes(Step s) {
    Integer entitled = s.in.integer("entitledVoters", "应到会有表决权的正式党员人数", 1, 100000);
    Integer present = s.in.integer("presentVoters", "实到有表决权的正式党员人数", 0, 100000);
    Integer yes = s.in.integer("votesFor", "赞成票", 0, 100000);
    Integer no = s.in.integer("votesAgainst", "反对票", 0, 100000);
    Integer abstain = s.in.integer("votesAbstain", "弃权票", 0, 100000);
    Integer written = s.in.integer("writtenVotesFor", "书面表决同意票", 0, 100000);
    if (entitled == null || present == null || yes == null || no == null || abstain == null || written == null) {
      return null;
    }
    VoteCount votes = new VoteCount(entitled, present, yes, no, abstain, written);
    s.in.problems(votes.problems());
    return votes;
  }

  /** Steps 17 and 24: the committee's vote, and what it lets the committee record as {@code decision}. */
  private CommitteeVotes committeeVotes(Step s, String decision, boolean rejectOffered) {
    int max = CommitteeVotes.MAX_MEMBERS;
    Integer entitled = s.in.integer("approvalMembersEntitled", "应到会党委委员人数", 1, max);
    Integer present = s.in.integer("approvalMembersPresent", "实到会党委委员人数", 0, max);
    Integer yes = s.in.integer("approvalVotesFor", "党委会赞成票", 0, max);
    Integer no = s.in.integer("approvalVotesAgainst", "党委会反对票", 0, max);
    Integer abstain = s.in.integer("approvalVotesAbstain", "党委会弃权票", 0, max);
    if (entitled == null || present == null || yes == null || no == null || abstain == null) {
      return null;
    }
    CommitteeVotes votes = new CommitteeVotes(entitled, present, yes, no, abstain);
    List<String> problems = votes.problems();
    s.in.problems(problems);
    if (problems.isEmpty() && decision != null) {
      s.in.problems(votes.problemsFor(decision, rejectOffered));
    }
    return votes;
  }

  private static String summary(VoteCount v) {
    return "应到" + v.entitledVoters() + "人，实到" + v.presentVoters() + "人，赞成" + v.votesFor() + "票，反对"
        + v.votesAgainst() + "票，弃权" + v.votesAbstain() + "票，书面同意" + v.writtenVotesFor() + "票";
  }

  /** Four eyes at step 17: who completed step 12 or 15 of this case may not approve it. */
  private static void rememberAdmissionStepUser(Step s) {
    if (Backfill.active()) {
      // 补录: the administrator who imports a paper case records steps 12, 15 and 17 alike; the four-eyes rule is
      // about who decided on paper, so the importer neither counts as a step-12/15 user nor is refused at 17
      return;
    }
    Object known = s.task.getVariable(FOUR_EYES_USERS);
    Set<String> users = new LinkedHashSet<>();
    if (known instanceof String text) {
      for (String u : text.split(",")) {
        if (!u.isBlank()) {
          users.add(u);
        }
      }
    }
    users.add(s.actor);
    s.set(FOUR_EYES_USERS, "," + String.join(",", users) + ",");
  }
}
