package org.dangjian.flow.development;

/** The process key, element ids and variable names of 发展党员, so code and tests never repeat raw strings. */
public final class MemberDevelopment {

  public static final String PROCESS_KEY = "MemberDevelopmentProcess";
  public static final String WITHDRAW_MESSAGE = "DevelopmentCaseWithdrawn";
  public static final String CANCELLATION_MESSAGE = "ProbationCancellationRequested";

  private MemberDevelopment() {
  }

  /** The process property {@code modelRevision} of a deployed 发展党员 model; 1 when it has none (the first one). */
  static int modelRevision(org.camunda.bpm.model.bpmn.BpmnModelInstance model) {
    org.camunda.bpm.model.bpmn.instance.Process process = model.getModelElementById(PROCESS_KEY);
    if (process == null || process.getExtensionElements() == null) {
      return 1;
    }
    return process.getExtensionElements().getElementsQuery()
        .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).list().stream()
        .flatMap(p -> p.getCamundaProperties().stream()).filter(p -> "modelRevision".equals(p.getCamundaName()))
        .map(p -> Integer.parseInt(p.getCamundaValue())).findFirst().orElse(1);
  }

  /** User task ids, in step order (2a, 7a and 13a are our own additions to the official 25 steps). */
  public static final class Tasks {
    public static final String APPLICANT_TALK = "Task_ApplicantTalk";
    public static final String TALK_OVERDUE_SUPERVISION = "Task_TalkOverdueSupervision";
    public static final String DETERMINE_ACTIVIST = "Task_DetermineActivist";
    public static final String FILE_ACTIVIST = "Task_FileActivist";
    public static final String ASSIGN_CONTACTS = "Task_AssignContacts";
    public static final String ACTIVIST_REVIEW = "Task_ActivistReview";
    public static final String DETERMINE_TARGET = "Task_DetermineTarget";
    public static final String TARGET_PUBLICITY = "Task_TargetPublicity";
    public static final String FILE_TARGET = "Task_FileTarget";
    public static final String ASSIGN_INTRODUCERS = "Task_AssignIntroducers";
    public static final String POLITICAL_REVIEW = "Task_PoliticalReview";
    public static final String CONCENTRATED_TRAINING = "Task_ConcentratedTraining";
    public static final String BRANCH_COMMITTEE_REVIEW = "Task_BranchCommitteeReview";
    public static final String PRE_REVIEW = "Task_PreReview";
    public static final String ADMISSION_ON_HOLD = "Task_AdmissionOnHold";
    public static final String FILL_VOLUNTEER_FORM = "Task_FillVolunteerForm";
    public static final String ADMISSION_MEETING = "Task_AdmissionMeeting";
    public static final String COMMITTEE_TALK = "Task_CommitteeTalk";
    public static final String ADMISSION_APPROVAL = "Task_AdmissionApproval";
    public static final String FILE_WITH_ORG_DEPT = "Task_FileWithOrgDept";
    public static final String ASSIGN_BRANCH_GROUP = "Task_AssignBranchGroup";
    public static final String OATH = "Task_Oath";
    public static final String PROBATION_REVIEW = "Task_ProbationReview";
    public static final String CONVERSION_APPLICATION = "Task_ConversionApplication";
    public static final String CONVERSION_MEETING = "Task_ConversionMeeting";
    public static final String CONVERSION_APPROVAL = "Task_ConversionApproval";
    public static final String ARCHIVE = "Task_Archive";
    /** 预备期内取消预备党员资格: the branch meeting's vote on a cancellation opened during probation. */
    public static final String CANCELLATION_MEETING = "Task_CancellationMeeting";
    /** (strict rule set) publicity before step 13 and before step 24, like 7a. */
    public static final String PRE_REVIEW_PUBLICITY = "Task_PreReviewPublicity";
    public static final String CONVERSION_PUBLICITY = "Task_ConversionPublicity";

    private Tasks() {
    }
  }

  public static final class Events {
    public static final String FULL_MEMBER = "EndEvent_FullMember";
    public static final String NOT_ADMITTED = "EndEvent_NotAdmitted";
    public static final String PROBATION_CANCELLED = "EndEvent_ProbationCancelled";
    public static final String WITHDRAWN = "EndEvent_Withdrawn";
    public static final String ACTIVIST_REVIEW_DUE = "TimerEvent_ActivistReviewDue";
    public static final String ACTIVIST_REVISIT = "TimerEvent_ActivistRevisit";
    public static final String TARGET_REVISIT = "TimerEvent_TargetRevisit";
    public static final String PROBATION_REVIEW_DUE = "TimerEvent_ProbationReviewDue";
    public static final String CONVERSION_OPENS = "TimerEvent_ConversionOpens";
    public static final String TALK_OVERDUE = "BoundaryEvent_TalkOverdue";
    public static final String APPROVAL_OVERDUE = "BoundaryEvent_ApprovalOverdue";
    public static final String PROBATION_ENDS = "BoundaryEvent_ProbationEnds";
    public static final String CONVERSION_APPROVAL_OVERDUE = "BoundaryEvent_ConversionApprovalOverdue";
    public static final String CANCELLATION_REQUESTED = "BoundaryEvent_CancellationRequested";

    private Events() {
    }
  }

  /** Variables the process derives; the form fields are named exactly as in shared/spec. */
  public static final class Vars {
    public static final String CASE_NUMBER = "caseNumber";
    public static final String MEMBER_ID = "memberId";
    public static final String BRANCH_ID = "branchId";
    public static final String BRANCH_NAME = "branchName";
    public static final String COMMITTEE_ID = "committeeId";
    public static final String COMMITTEE_NAME = "committeeName";
    public static final String ORG_DEPT_ID = "orgDeptId";
    public static final String BRANCH_CLERK_GROUP = "branchClerkGroup";
    public static final String COMMITTEE_CLERK_GROUP = "committeeClerkGroup";
    public static final String COMMITTEE_APPROVER_GROUP = "committeeApproverGroup";
    public static final String ORG_DEPT_GROUP = "orgDeptGroup";
    public static final String RULE_SET = "ruleSet";
    public static final String RULE_SET_STRICT = "ruleSetStrict";
    public static final String SEND_BACK_REASON = "sendBackReason";
    public static final String DECISION_REASON = "decisionReason";
    public static final String END_REASON = "endReason";
    public static final String ACTIVIST_POINTS_ENABLED = "activistPointsEnabled";
    public static final String FOUR_EYES_USERS = "admissionStepUsers";
    public static final String WITHDRAW_REASON = "withdrawReason";
    public static final String WITHDRAWN_BY = "withdrawnBy";
    /** The members step 5 and step 9 offer ([{label, value}], value the member number): the forms' valuesKey. */
    public static final String CONTACT_OPTIONS = "contactOptions";
    public static final String INTRODUCER_OPTIONS = "introducerOptions";

    private Vars() {
    }
  }
}
