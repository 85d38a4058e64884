package org.dangjian.flow.audit;

import java.util.Map;

/**
 * Each step's own date in the 全程纪实: the main date its form recorded (谈话日期, 支部大会日期…), shown beside the
 * moment the step was entered. A paper case recorded after the fact (补录) is entered today about what happened then,
 * so the entry time alone would date every row of it today. One table for every process, by process key and task
 * (or start event) id, the ids and field keys of the spec; a step whose form records no date (指定培养联系人, 编入党支部
 * 和党小组, a grading self-assessment…) is not listed and shows none. Checked against the deployed forms in
 * StepDatesTest.
 */
final class StepDates {

  static final Map<String, Map<String, String>> FIELD_BY_STEP = Map.of(
      "MemberDevelopmentProcess", Map.ofEntries(
          Map.entry("StartEvent_ApplicationSubmitted", "applicationDate"),
          Map.entry("Task_ApplicantTalk", "talkDate"),
          // 3 and 7: the branch committee's meeting decides (the recommendation and the opinions come before it)
          Map.entry("Task_DetermineActivist", "committeeMeetingDate"),
          Map.entry("Task_FileActivist", "activistFilingDate"),
          Map.entry("Task_ActivistReview", "reviewDate"),
          Map.entry("Task_DetermineTarget", "committeeMeetingDate"),
          // 7a and 11: the result is known when the publicity or the training ends
          Map.entry("Task_TargetPublicity", "publicityEndDate"),
          Map.entry("Task_FileTarget", "targetFilingDate"),
          Map.entry("Task_PoliticalReview", "politicalReviewDate"),
          Map.entry("Task_ConcentratedTraining", "trainingEndDate"),
          Map.entry("Task_BranchCommitteeReview", "branchReviewDate"),
          Map.entry("Task_PreReviewPublicity", "publicityEndDate"),
          Map.entry("Task_PreReview", "preReviewDate"),
          Map.entry("Task_AdmissionOnHold", "resumeDate"),
          Map.entry("Task_FillVolunteerForm", "volunteerFormDate"),
          Map.entry("Task_AdmissionMeeting", "meetingDate"),
          Map.entry("Task_CommitteeTalk", "committeeTalkDate"),
          Map.entry("Task_AdmissionApproval", "admissionApprovalDate"),
          Map.entry("Task_FileWithOrgDept", "orgDeptFilingDate"),
          Map.entry("Task_Oath", "oathDate"),
          Map.entry("Task_ProbationReview", "reviewDate"),
          Map.entry("Task_ConversionApplication", "conversionApplicationDate"),
          Map.entry("Task_ConversionMeeting", "conversionMeetingDate"),
          Map.entry("Task_ConversionPublicity", "publicityEndDate"),
          Map.entry("Task_CancellationMeeting", "cancellationMeetingDate"),
          Map.entry("Task_ConversionApproval", "conversionApprovalDate"),
          Map.entry("Task_Archive", "archiveDate")),
      "RectificationProcess", Map.of(
          "Task_RectificationAcceptance", "acceptanceDate",
          "Task_FollowUpReview", "followUpDate"),
      "VillageHelpProcess", Map.of("Task_UnitHeadVisit", "visitDate"),
      "HelpCaseProcess", Map.of("Task_ResolveHelpCase", "resolvedDate"),
      "BranchMeetingsProcess", Map.of("Task_RecordMeeting", "meetingDate"));

  private StepDates() {
  }

  /** The key of the step's date field, or null when its form records none. */
  static String field(String processKey, String activityId) {
    return processKey == null || activityId == null ? null
        : FIELD_BY_STEP.getOrDefault(processKey, Map.of()).get(activityId);
  }
}
