package org.dangjian.flow.branchlife;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.dangjian.flow.system.SecretBallot;

/**
 * Process keys, element ids and variable names of 述职评议 (the secretaries' annual review, spec branch-life.md), so
 * code and tests never repeat raw strings.
 */
final class SecretaryReview {

  static final String CAMPAIGN_KEY = "SecretaryReviewCampaign";
  static final String PROCESS_KEY = "SecretaryReviewProcess";
  /** One evaluator's ballot (测评), called per evaluator: its task sees only what the ballot shows. */
  static final String BALLOT_KEY = "SecretaryReviewBallotProcess";
  static final String DECISION_KEY = "SecretaryReviewLevelDecision";
  /** The case event that tells the working committee of a secretary reviewed 差. */
  static final String POOR_RULE = "SECRETARY_REVIEW_POOR";

  /** The four levels of the review, in order (好/较好/一般/差); the ballot's ratings are the same four. */
  static final Map<String, String> LEVELS = levels();

  /** The ballot of 测评: secret by {@link org.dangjian.flow.system.SecretBallots}, as grading's 党员群众测评. */
  static final SecretBallot BALLOT = new SecretBallot(BALLOT_KEY, Tasks.SECRETARY_EVALUATION, Vars.RATING,
      "测评等次", LEVELS, null, null, Set.of());

  private SecretaryReview() {
  }

  static String businessKey(String organizationId, int year) {
    return organizationId + "-" + year;
  }

  private static Map<String, String> levels() {
    Map<String, String> levels = new LinkedHashMap<>();
    levels.put("good", "好");
    levels.put("fairlyGood", "较好");
    levels.put("average", "一般");
    levels.put("poor", "差");
    return Collections.unmodifiableMap(levels);
  }

  static final class Tasks {
    static final String SECRETARY_REPORT = "Task_SecretaryReport";
    static final String REVIEW_COMMENTS = "Task_ReviewComments";
    /** The ballot, in {@link SecretaryReview#BALLOT_KEY}. */
    static final String SECRETARY_EVALUATION = "Task_SecretaryEvaluation";
    static final String REVIEW_DECISION = "Task_ReviewDecision";
    static final String REVIEW_RECTIFICATION = "Task_ReviewRectification";
    static final String RECTIFICATION_ACCEPTANCE = "Task_ReviewRectificationAcceptance";

    private Tasks() {
    }
  }

  static final class Events {
    static final String EVALUATION_CALL = "CallActivity_SecretaryEvaluation";
    static final String EVALUATION_CLOSED = "BoundaryEvent_EvaluationClosed";
    static final String RECTIFICATIONS = "SubProcess_ReviewRectification";
    static final String REVIEWED = "EndEvent_Reviewed";

    private Events() {
    }
  }

  static final class Vars {
    static final String COMMITTEE_ID = "committeeId";
    static final String COMMITTEE_NAME = "committeeName";
    static final String YEAR = "year";
    static final String EVALUATION_DAYS = "evaluationDays";
    static final String ORGANIZATION_ID = "organizationId";
    static final String ORGANIZATION_NAME = "organizationName";
    static final String SECRETARY_GROUP = "secretaryGroup";
    static final String COMMITTEE_CLERK_GROUP = "committeeClerkGroup";
    static final String WORKING_COMMITTEE_CLERK_GROUP = "workingCommitteeClerkGroup";
    static final String WORKING_COMMITTEE_NAME = "workingCommitteeName";
    static final String EVALUATOR_OPTIONS = "evaluatorOptions";
    static final String EVALUATORS = "evaluators";
    static final String EVALUATION_CLOSE_DATE = "evaluationCloseDate";
    static final String EVALUATION_CLOSES_AT = "evaluationClosesAt";
    static final String ACHIEVEMENTS = "achievements";
    static final String PROBLEMS = "problems";
    static final String PLANS = "plans";
    static final String REPORT_DATE = "reportDate";
    static final String REPORTED_BY = "reportedBy";
    static final String COMMENTS = "comments";
    static final String PROBLEMS_RAISED = "problemsRaised";
    static final String PROBLEM_NUMBERS = "problemNumbers";
    static final String PROBLEM_NUMBER = "problemNumber";
    static final String PROBLEM_COUNT = "problemCount";
    static final String RATING = "rating";
    static final String BALLOTS_CAST = "ballotsCast";
    static final String BALLOTS_MISSING = "ballotsMissing";
    static final String GOOD_RATE = "goodRate";
    static final String GOOD_OR_FAIRLY_GOOD_RATE = "goodOrFairlyGoodRate";
    static final String POOR_RATE = "poorRate";
    static final String LEVEL_PROPOSAL = "levelProposal";
    static final String PROPOSED_LEVEL = "proposedLevel";
    static final String PROPOSED_LEVEL_NAME = "proposedLevelName";
    static final String REVIEW_LEVEL = "reviewLevel";
    static final String REVIEW_LEVEL_NAME = "reviewLevelName";
    static final String OVERRIDE_REASON = "overrideReason";
    static final String PROBLEM = "problem";
    static final String PROBLEM_DEADLINE = "problemDeadline";
    static final String PROBLEM_DEADLINE_AT = "problemDeadlineAt";
    static final String RECTIFICATION_MEASURES = "rectificationMeasures";
    static final String RECTIFICATION_RESULT = "rectificationResult";
    static final String ACCEPTANCE_RESULT = "acceptanceResult";
    static final String ACCEPTANCE_OPINION = "acceptanceOpinion";

    private Vars() {
    }
  }
}
