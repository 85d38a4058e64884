package org.dangjian.flow.development;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.dangjian.flow.ProcessTestSupport;
import org.dangjian.flow.audit.CaseEventLog;
import org.dangjian.flow.development.MemberDevelopment.Events;
import org.dangjian.flow.development.MemberDevelopment.Tasks;
import org.dangjian.flow.organization.MemberRegistry;
import org.springframework.beans.factory.annotation.Autowired;

/** Drives MemberDevelopmentProcess on the real engine and database, moving the engine clock for timers. */
public abstract class DevelopmentTestSupport extends ProcessTestSupport {

  public static final String BRANCH_CLERK = "guitu.clerk";
  static final String BRANCH_CLERK_2 = "guitu.clerk2";
  public static final String COMMITTEE_CLERK = "jg.clerk";
  static final String APPROVER = "jg.approver";
  static final String ORG_DEPT = "gxq.orgdept";

  @Autowired MemberRegistry registry;
  @Autowired CaseEventLog events;

  /** A checklist answer the way Tasklist submits it: a JSON array. */
  static Object checklist(String... values) {
    return org.camunda.spin.plugin.variable.SpinValues.jsonValue(
        "[" + String.join(",", java.util.Arrays.stream(values).map(v -> "\"" + v + "\"").toList()) + "]").create();
  }

  /** A committee vote that carries (细则 Art. 24): 9 members entitled, 7 present, 6 for. */
  public static final List<Object> CARRIED_VOTE = List.of("approvalMembersEntitled", 9, "approvalMembersPresent", 7,
      "approvalVotesFor", 6, "approvalVotesAgainst", 1, "approvalVotesAbstain", 0);

  /** Steps 17 and 24: the decision's fields with the committee's vote that carries it. */
  public static Object[] voted(Object... keyValues) {
    List<Object> all = new java.util.ArrayList<>(List.of(keyValues));
    all.addAll(CARRIED_VOTE);
    return all.toArray();
  }

  /** The decision's fields with a vote of the given counts (entitled, present, for, against, abstain). */
  public static Object[] votedWith(int entitled, int present, int yes, int no, int abstain, Object... keyValues) {
    List<Object> all = new java.util.ArrayList<>(List.of(keyValues));
    all.addAll(List.of("approvalMembersEntitled", entitled, "approvalMembersPresent", present, "approvalVotesFor", yes,
        "approvalVotesAgainst", no, "approvalVotesAbstain", abstain));
    return all.toArray();
  }

  public static Map<String, Object> application(String applicationDate, String birthDate) {
    Map<String, Object> v = new HashMap<>();
    v.put("candidateName", "测试申请人");
    v.put("gender", "female");
    v.put("ethnicity", "汉族");
    v.put("birthDate", birthDate);
    v.put("idNumber", TestIdNumbers.forBirthDate(LocalDate.parse(birthDate)));
    v.put("education", "bachelor");
    v.put("occupation", "工程师");
    v.put("phone", "13800138000");
    v.put("leagueMember", false);
    v.put("branchId", "guitu");
    v.put("applicationDate", applicationDate);
    return v;
  }

  /** Starts a case as a clerk of the application's branch, as Tasklist does for a logged-in clerk. */
  public ProcessInstance start(Map<String, Object> variables) {
    Object branch = variables.get("branchId");
    login(branch == null || "guitu".equals(branch) ? BRANCH_CLERK
        : "gxq-jg".equals(branch) ? COMMITTEE_CLERK : branch + ".clerk");
    try {
      return runtimeService.startProcessInstanceByKey(MemberDevelopment.PROCESS_KEY, variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  // ---- walking a case with valid data, stage by stage (the happy path's dates)

  public ProcessInstance newCase() {
    today("2025-01-20");
    return start(application("2025-01-10", "1995-05-05"));
  }

  public void talk(ProcessInstance pi) {
    today("2025-01-20");
    complete(pi, Tasks.APPLICANT_TALK, BRANCH_CLERK, "talkDate", "2025-01-20", "talkerName", "马建国",
        "talkRecord", "谈话记录");
  }

  public void makeActivist(ProcessInstance pi) {
    determineActivist(pi);
    fileActivist(pi);
    assignContacts(pi);
  }

  void determineActivist(ProcessInstance pi) {
    today("2025-02-15");
    complete(pi, Tasks.DETERMINE_ACTIVIST, BRANCH_CLERK, "recommendationMethod", "memberRecommendation",
        "recommendationDate", "2025-02-01", "committeeMeetingDate", "2025-02-10", "activistDecision", "approve");
  }

  void fileActivist(ProcessInstance pi) {
    complete(pi, Tasks.FILE_ACTIVIST, COMMITTEE_CLERK, "activistFilingDate", "2025-02-12");
  }

  void assignContacts(ProcessInstance pi) {
    complete(pi, Tasks.ASSIGN_CONTACTS, BRANCH_CLERK, "contact1MemberId", "1001", "contact2MemberId", "1002");
  }

  void activistReview(ProcessInstance pi, String date, boolean proceed) {
    complete(pi, Tasks.ACTIVIST_REVIEW, BRANCH_CLERK, "reviewDate", date, "reviewResult", "good",
        "thoughtReports", 2, "reviewComment", "表现良好", "proceedToTarget", proceed);
    if (proceed) {
      today("2026-03-01");
    }
  }

  public void cultivateOneYear(ProcessInstance pi) {
    fireTimer(pi, Events.ACTIVIST_REVIEW_DUE);
    activistReview(pi, "2025-08-10", false);
    fireTimer(pi, Events.ACTIVIST_REVIEW_DUE);
    activistReview(pi, "2026-02-10", true);
  }

  void makeTarget(ProcessInstance pi) {
    determineTarget(pi);
    fileTarget(pi);
  }

  public void determineTarget(ProcessInstance pi) {
    complete(pi, Tasks.DETERMINE_TARGET, BRANCH_CLERK, "opinionsCollectedDate", "2026-02-11",
        "committeeMeetingDate", "2026-02-12", "targetDecision", "approve");
  }

  void fileTarget(ProcessInstance pi) {
    complete(pi, Tasks.FILE_TARGET, COMMITTEE_CLERK, "targetFilingDate", "2026-02-13");
  }

  void reviewAndTrain(ProcessInstance pi) {
    assignIntroducers(pi);
    politicalReview(pi);
    train(pi);
  }

  void assignIntroducers(ProcessInstance pi) {
    complete(pi, Tasks.ASSIGN_INTRODUCERS, BRANCH_CLERK, "introducer1MemberId", "1001", "introducer2MemberId", "1002");
  }

  void politicalReview(ProcessInstance pi) {
    complete(pi, Tasks.POLITICAL_REVIEW, BRANCH_CLERK, "politicalReviewDate", "2026-02-14",
        "politicalReviewMethods", checklist("talk", "files"), "politicalReviewConclusion", "pass",
        "politicalReviewSummary", "政治历史清楚");
  }

  void train(ProcessInstance pi) {
    complete(pi, Tasks.CONCENTRATED_TRAINING, COMMITTEE_CLERK, "trainingStartDate", "2026-02-15",
        "trainingEndDate", "2026-02-17", "trainingHours", 24, "trainingPassed", true, "trainingCertificateNo", "PX-1");
  }

  void branchReviewAndPreReview(ProcessInstance pi) {
    branchCommitteeReview(pi);
    preReview(pi);
    fillVolunteerForm(pi);
  }

  void branchCommitteeReview(ProcessInstance pi) {
    complete(pi, Tasks.BRANCH_COMMITTEE_REVIEW, BRANCH_CLERK, "branchReviewDate", "2026-02-18",
        "branchReviewOpinion", "同意", "branchReviewDecision", "approve");
  }

  /**
   * Steps 12 to 14 again after the pre-review (13, 2026-02-19) sent the case back: dates go on from there (the
   * chronology refuses a review before the send-back it answers), and the meeting of 2026-02-25 still follows.
   */
  void branchReviewAndPreReviewAfterSendBack(ProcessInstance pi) {
    complete(pi, Tasks.BRANCH_COMMITTEE_REVIEW, BRANCH_CLERK, "branchReviewDate", "2026-02-20",
        "branchReviewOpinion", "同意", "branchReviewDecision", "approve");
    complete(pi, Tasks.PRE_REVIEW, COMMITTEE_CLERK, "preReviewDate", "2026-02-21", "preReviewResult", "pass",
        "preReviewNotice", "预审合格", "leavingUnitWithin3Months", false);
    complete(pi, Tasks.FILL_VOLUNTEER_FORM, BRANCH_CLERK, "volunteerFormNo", "ZY-001", "volunteerFormDate", "2026-02-22");
  }

  void preReview(ProcessInstance pi) {
    complete(pi, Tasks.PRE_REVIEW, COMMITTEE_CLERK, "preReviewDate", "2026-02-19", "preReviewResult", "pass",
        "preReviewNotice", "预审合格", "leavingUnitWithin3Months", false);
  }

  void fillVolunteerForm(ProcessInstance pi) {
    complete(pi, Tasks.FILL_VOLUNTEER_FORM, BRANCH_CLERK, "volunteerFormNo", "ZY-001", "volunteerFormDate", "2026-02-20");
  }

  void admissionMeeting(ProcessInstance pi, int entitled, int present, int yes, int written) {
    complete(pi, Tasks.ADMISSION_MEETING, BRANCH_CLERK_2, "meetingDate", "2026-02-25", "entitledVoters", entitled,
        "presentVoters", present, "votesFor", yes, "votesAgainst", 0, "votesAbstain", 0, "writtenVotesFor", written);
  }

  void meetAndTalk(ProcessInstance pi) {
    admissionMeeting(pi, 10, 8, 5, 1);
    committeeTalk(pi);
  }

  void committeeTalk(ProcessInstance pi) {
    complete(pi, Tasks.COMMITTEE_TALK, COMMITTEE_CLERK, "committeeTalkDate", "2026-02-26", "committeeTalkerName", "陈静",
        "committeeTalkOpinion", "同意");
  }

  /** A case on the first model (before issue 16): its forms of steps 17 and 24 have no committee vote. */
  boolean onFirstModel(ProcessInstance pi) {
    return MemberDevelopment.modelRevision(repositoryService.getBpmnModelInstance(pi.getProcessDefinitionId())) < 2;
  }

  /** The decision's fields as the case's own form of step 17 or 24 has them. */
  Object[] decision(ProcessInstance pi, Object... keyValues) {
    return onFirstModel(pi) ? keyValues : voted(keyValues);
  }

  void approveAdmission(ProcessInstance pi) {
    complete(pi, Tasks.ADMISSION_APPROVAL, APPROVER, decision(pi, "admissionApprovalDate", "2026-02-27", "admissionDecision", "approve"));
    complete(pi, Tasks.FILE_WITH_ORG_DEPT, ORG_DEPT, "orgDeptFilingDate", "2026-02-28");
  }

  void swearIn(ProcessInstance pi) {
    complete(pi, Tasks.ASSIGN_BRANCH_GROUP, BRANCH_CLERK, "assignedBranchId", "guitu", "partyGroup", "第一党小组");
    complete(pi, Tasks.OATH, BRANCH_CLERK, "oathDate", "2026-03-01");
  }

  /** The quarterly probation reviews until the conversion application opens; returns their due dates and the opening. */
  List<String> probationReviewsUntilConversionOpens(ProcessInstance pi) {
    List<String> dueDates = new java.util.ArrayList<>();
    while (managementService.createJobQuery().processInstanceId(pi.getId())
        .activityId(Events.PROBATION_REVIEW_DUE).count() > 0) {
      String due = local(fireTimer(pi, Events.PROBATION_REVIEW_DUE)).toLocalDate().toString();
      dueDates.add(due);
      // a review falling due before the conversion meeting that extended the probation is held after it
      String reviewed = due;
      for (String after : List.of("conversionMeetingDate", "conversionApprovalDate")) {
        Object date = runtimeService.getVariable(pi.getId(), after);
        if (date != null && LocalDate.parse(reviewed).isBefore(LocalDate.parse(date.toString()))) {
          reviewed = date.toString();
          today(LocalDate.parse(reviewed).plusDays(1).toString());
        }
      }
      complete(pi, Tasks.PROBATION_REVIEW, BRANCH_CLERK, "reviewDate", reviewed, "reviewResult", "good",
          "reviewComment", "好");
    }
    dueDates.add(local(fireTimer(pi, Events.CONVERSION_OPENS)).toLocalDate().toString());
    return dueDates;
  }

  List<String> probationReviewsAndApplication(ProcessInstance pi) {
    List<String> dates = probationReviewsUntilConversionOpens(pi);
    complete(pi, Tasks.CONVERSION_APPLICATION, BRANCH_CLERK, "conversionApplicationDate", dates.get(dates.size() - 1));
    return dates;
  }

  void conversionMeeting(ProcessInstance pi, String date, String outcome, Object... more) {
    today(java.time.LocalDate.parse(date).plusDays(1).toString());
    List<Object> values = new java.util.ArrayList<>(List.of("conversionMeetingDate", date, "entitledVoters", 11,
        "presentVoters", 9, "votesFor", 8, "votesAgainst", 0, "votesAbstain", 1, "writtenVotesFor", 0,
        "conversionOutcome", outcome));
    values.addAll(List.of(more));
    complete(pi, Tasks.CONVERSION_MEETING, BRANCH_CLERK, values.toArray());
  }

  /** Step 24 approves the branch meeting's resolution (细则 Art. 32), with a vote that carries. */
  void approveResolution(ProcessInstance pi, String approvalDate) {
    today(java.time.LocalDate.parse(approvalDate).plusDays(1).toString());
    complete(pi, Tasks.CONVERSION_APPROVAL, APPROVER, decision(pi, "conversionApprovalDate", approvalDate, "conversionDecision", "approve"));
  }

  void approveConversionAndArchive(ProcessInstance pi, String approvalDate) {
    approveResolution(pi, approvalDate);
    complete(pi, Tasks.ARCHIVE, BRANCH_CLERK, "archiveDate", approvalDate, "archiveLocation", "规土局档案室 A-01",
        "hasApplicationLetter", true, "hasVolunteerForm", true, "hasPoliticalReview", true,
        "hasConversionApplication", true, "hasCultivationRecords", true);
  }

  /** A case walked with valid data until the given user task is open. */
  public ProcessInstance caseAt(String taskKey) {
    ProcessInstance pi = newCase();
    List<Runnable> steps = List.of(() -> talk(pi), () -> determineActivist(pi), () -> fileActivist(pi),
        () -> assignContacts(pi), () -> fireTimer(pi, Events.ACTIVIST_REVIEW_DUE),
        () -> activistReview(pi, "2025-08-10", false), () -> fireTimer(pi, Events.ACTIVIST_REVIEW_DUE),
        () -> activistReview(pi, "2026-02-10", true), () -> determineTarget(pi), () -> fileTarget(pi),
        () -> assignIntroducers(pi), () -> politicalReview(pi), () -> train(pi), () -> branchCommitteeReview(pi),
        () -> preReview(pi), () -> fillVolunteerForm(pi), () -> admissionMeeting(pi, 10, 8, 5, 1),
        () -> committeeTalk(pi), () -> approveAdmission(pi), () -> swearIn(pi),
        () -> probationReviewsUntilConversionOpens(pi),
        () -> complete(pi, Tasks.CONVERSION_APPLICATION, BRANCH_CLERK, "conversionApplicationDate", "2027-01-25"));
    for (Runnable step : steps) {
      if (taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).count() > 0) {
        return pi;
      }
      step.run();
    }
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).count())
        .as("case reached %s", taskKey).isEqualTo(1);
    return pi;
  }

  // ---- a paper case recorded after the fact (补录): the clock stands at today, the due timers run as the job
  // executor runs them, every step is recorded at once with the happy path's dates

  /** A case applied for on 2025-01-10 on paper, recorded today step by step until the given user task is open. */
  public ProcessInstance paperCaseAt(String taskKey, String today) {
    today(today);
    ProcessInstance pi = start(application("2025-01-10", "1995-05-05"));
    List<Runnable> steps = List.of(
        () -> complete(pi, Tasks.APPLICANT_TALK, BRANCH_CLERK, "talkDate", "2025-01-20", "talkerName", "马建国",
            "talkRecord", "谈话记录"),
        () -> complete(pi, Tasks.DETERMINE_ACTIVIST, BRANCH_CLERK, "recommendationMethod", "memberRecommendation",
            "recommendationDate", "2025-02-01", "committeeMeetingDate", "2025-02-10", "activistDecision", "approve"),
        () -> fileActivist(pi), () -> assignContacts(pi),
        () -> complete(pi, Tasks.ACTIVIST_REVIEW, BRANCH_CLERK, "reviewDate", "2025-08-10", "reviewResult", "good",
            "thoughtReports", 2, "reviewComment", "表现良好", "proceedToTarget", false),
        () -> complete(pi, Tasks.ACTIVIST_REVIEW, BRANCH_CLERK, "reviewDate", "2026-02-10", "reviewResult", "good",
            "thoughtReports", 2, "reviewComment", "表现良好", "proceedToTarget", true),
        () -> determineTarget(pi), () -> fileTarget(pi), () -> assignIntroducers(pi), () -> politicalReview(pi),
        () -> train(pi), () -> branchCommitteeReview(pi), () -> preReview(pi), () -> fillVolunteerForm(pi),
        () -> admissionMeeting(pi, 10, 8, 5, 1), () -> committeeTalk(pi), () -> approveAdmission(pi),
        () -> swearIn(pi),
        () -> {
          // each quarterly review on the day it fell due (the timer that opened it)
          while (taskService.createTaskQuery().processInstanceId(pi.getId())
              .taskDefinitionKey(Tasks.PROBATION_REVIEW).count() > 0) {
            String due = local((java.util.Date) runtimeService.getVariable(pi.getId(), "probationReviewAt"))
                .toLocalDate().toString();
            complete(pi, Tasks.PROBATION_REVIEW, BRANCH_CLERK, "reviewDate", due, "reviewResult", "good",
                "reviewComment", "好");
            runDueJobs(pi);
          }
        },
        () -> complete(pi, Tasks.CONVERSION_APPLICATION, BRANCH_CLERK, "conversionApplicationDate", "2027-01-25"),
        () -> complete(pi, Tasks.CONVERSION_MEETING, BRANCH_CLERK, "conversionMeetingDate", "2027-02-26",
            "entitledVoters", 11, "presentVoters", 9, "votesFor", 8, "votesAgainst", 0, "votesAbstain", 1,
            "writtenVotesFor", 0, "conversionOutcome", "convert"));
    for (Runnable step : steps) {
      runDueJobs(pi);
      if (taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).count() > 0) {
        return pi;
      }
      step.run();
    }
    runDueJobs(pi);
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).count())
        .as("paper case reached %s", taskKey).isEqualTo(1);
    return pi;
  }

  public long memberId(ProcessInstance pi) {
    return ((Number) historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("memberId").singleResult().getValue()).longValue();
  }
}
