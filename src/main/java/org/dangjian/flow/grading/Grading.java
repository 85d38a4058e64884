package org.dangjian.flow.grading;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.dangjian.flow.system.SecretBallot;

/** Process keys, element ids and variable names of 分类定级 and 整顿后进, so code and tests never repeat raw strings. */
public final class Grading {

  public static final String CAMPAIGN_KEY = "GradingCampaign";
  public static final String PROCESS_KEY = "OrganizationGradingProcess";
  public static final String RECTIFICATION_KEY = "RectificationProcess";
  /** One evaluator's ballot (党员群众测评), called per evaluator: its task sees only what the ballot shows. */
  public static final String BALLOT_KEY = "GradingBallotProcess";
  public static final String DECISION_KEY = "GradingLevelDecision";
  public static final String OBJECTION_MESSAGE = "GradingObjection";
  public static final String REDECIDE_ERROR = "GRADING_REDECIDE";

  /**
   * The ballot of 党员群众测评, secret by {@link org.dangjian.flow.system.SecretBallots}: satisfied, basically
   * satisfied or unsatisfied, with an unsigned comment; gradings started before the ballot was a process of its own
   * hold it themselves.
   */
  public static final SecretBallot BALLOT = new SecretBallot(BALLOT_KEY, Tasks.MASS_EVALUATION, Vars.SATISFACTION,
      "测评意见", choices(), Vars.EVALUATION_COMMENT, "意见建议", Set.of(PROCESS_KEY));

  private Grading() {
  }

  private static Map<String, String> choices() {
    Map<String, String> choices = new LinkedHashMap<>();
    choices.put("satisfied", "满意");
    choices.put("basicallySatisfied", "基本满意");
    choices.put("unsatisfied", "不满意");
    return choices;
  }

  public static String businessKey(String organizationId, int year) {
    return organizationId + "-" + year;
  }

  public static final class Tasks {
    public static final String SELF_ASSESSMENT = "Task_SelfAssessment";
    /** The ballot, in {@link Grading#BALLOT_KEY}. */
    public static final String MASS_EVALUATION = "Task_MassEvaluation";
    public static final String COMMITTEE_DECISION = "Task_CommitteeDecision";
    public static final String HANDLE_OBJECTION = "Task_HandleObjection";
    public static final String RECTIFICATION_PLAN = "Task_RectificationPlan";
    public static final String RECTIFICATION_PROGRESS = "Task_RectificationProgress";
    public static final String RECTIFICATION_ACCEPTANCE = "Task_RectificationAcceptance";
    public static final String FOLLOW_UP_REVIEW = "Task_FollowUpReview";

    private Tasks() {
    }
  }

  public static final class Events {
    public static final String MASS_EVALUATION_CALL = "CallActivity_MassEvaluation";
    public static final String EVALUATION_CLOSED = "BoundaryEvent_EvaluationClosed";
    public static final String PUBLICITY_ENDS = "TimerEvent_PublicityEnds";
    public static final String GRADED = "EndEvent_Graded";
    public static final String RECTIFIED = "EndEvent_Rectified";
    public static final String RECTIFICATION_CALL = "CallActivity_Rectification";
    public static final String MONTHLY_PROGRESS = "TimerEvent_MonthlyProgress";
    public static final String RECTIFICATION_DEADLINE = "TimerEvent_RectificationDeadline";
    public static final String FOLLOW_UP_DUE = "TimerEvent_FollowUpDue";
    public static final String RECTIFICATION_DONE = "EndEvent_RectificationDone";

    private Events() {
    }
  }

  public static final class Vars {
    public static final String COMMITTEE_ID = "committeeId";
    public static final String COMMITTEE_NAME = "committeeName";
    public static final String YEAR = "year";
    public static final String EVALUATION_DAYS = "evaluationDays";
    public static final String ORGANIZATION_ID = "organizationId";
    public static final String ORGANIZATION_NAME = "organizationName";
    public static final String SECRETARY_GROUP = "secretaryGroup";
    public static final String COMMITTEE_CLERK_GROUP = "committeeClerkGroup";
    public static final String EVALUATORS = "evaluators";
    public static final String EVALUATOR_OPTIONS = "evaluatorOptions";
    public static final String EVALUATION_CLOSES_AT = "evaluationClosesAt";
    public static final String SELF_TOTAL = "selfTotal";
    public static final String WEAK_SIGNS = "weakSigns";
    public static final String WEAK_SIGN_COUNT = "weakSignCount";
    public static final String SELF_ASSESSED_BY = "selfAssessedBy";
    public static final String SATISFACTION = "satisfaction";
    public static final String EVALUATION_COMMENT = "evaluationComment";
    public static final String SATISFACTION_RATE = "satisfactionRate";
    public static final String UNSATISFIED_RATE = "unsatisfiedRate";
    public static final String BALLOTS_CAST = "ballotsCast";
    public static final String BALLOTS_MISSING = "ballotsMissing";
    public static final String LEVEL_PROPOSAL = "levelProposal";
    public static final String SUGGESTED_LEVEL = "suggestedLevel";
    public static final String SUGGESTED_LEVEL_NAME = "suggestedLevelName";
    public static final String LEVEL_OPTIONS = "levelOptions";
    public static final String COMMITTEE_SCORE = "committeeScore";
    public static final String FINAL_LEVEL = "finalLevel";
    public static final String FINAL_LEVEL_NAME = "finalLevelName";
    public static final String OVERRIDE_REASON = "overrideReason";
    public static final String RECTIFICATION_REQUIRED = "rectificationRequired";
    public static final String PUBLICITY_ENDS_AT = "publicityEndsAt";
    public static final String PUBLICITY_END_DATE = "publicityEndDate";
    public static final String OBJECTION_TEXT = "objectionText";
    public static final String OBJECTION_BY = "objectionBy";
    public static final String OBJECTION_OUTCOME = "objectionOutcome";
    public static final String OBJECTION_FINDING = "objectionFinding";
    public static final String RECTIFICATION_DEADLINE = "rectificationDeadline";
    public static final String RECTIFICATION_PASSED = "rectificationPassed";

    private Vars() {
    }
  }
}
