package org.dangjian.flow.branchlife;

/** Process keys, element ids and variable names of 三会一课 (branch-life.md), so code and tests never repeat them. */
public final class BranchMeetings {

  public static final String PROCESS_KEY = "BranchMeetingsProcess";
  /** The committee clerk's one action for the year: one BranchMeetingsProcess per active branch. */
  public static final String CAMPAIGN_KEY = "BranchMeetingsCampaign";
  public static final String RULE_NOT_HELD = "MEETING_NOT_HELD";
  public static final String RULE_RECTIFICATION = "MEETING_RECTIFICATION";

  private BranchMeetings() {
  }

  public static String businessKey(String branchId, int year) {
    return branchId + "-" + year;
  }

  public static final class Tasks {
    public static final String RECORD_MEETING = "Task_RecordMeeting";
    public static final String QUARTERLY_REVIEW = "Task_QuarterlyMeetingReview";
    public static final String RECTIFICATION = "Task_MeetingRectification";

    private Tasks() {
    }
  }

  public static final class Events {
    public static final String MONTH_ENDS = "TimerEvent_MeetingMonthEnds";
    public static final String QUARTER_ENDS = "TimerEvent_MeetingQuarterEnds";
    public static final String RECORDING_CLOSES = "BoundaryEvent_RecordingCloses";
    public static final String RECTIFICATION_OVERDUE = "BoundaryEvent_MeetingRectificationOverdue";

    private Events() {
    }
  }

  public static final class Vars {
    public static final String BRANCH_ID = "branchId";
    public static final String BRANCH_NAME = "branchName";
    public static final String COMMITTEE_ID = "committeeId";
    public static final String COMMITTEE_NAME = "committeeName";
    public static final String YEAR = "year";
    public static final String BRANCH_CLERK_GROUP = "branchClerkGroup";
    public static final String COMMITTEE_CLERK_GROUP = "committeeClerkGroup";
    public static final String PARTY_GROUP_OPTIONS = "partyGroupOptions";
    /** The first month whose end is checked (13: none); see {@link BranchMeetingsStarted#checkedFrom}. */
    public static final String CHECKED_FROM_MONTH = "checkedFromMonth";
    public static final String MONTH_CLOSING = "monthClosing";
    public static final String MONTH_ENDS_AT = "monthEndsAt";
    public static final String MONTHS_PENDING = "monthsPending";
    public static final String QUARTER_REVIEWED = "reviewQuarter";
    public static final String QUARTER_ENDS_AT = "quarterEndsAt";
    public static final String QUARTERS_PENDING = "quartersPending";
    public static final String REVIEW_SUMMARY = "reviewSummary";
    public static final String RECORDING_CLOSES_AT = "recordingClosesAt";
    public static final String RECTIFICATION_DEADLINE = "rectificationDeadline";
    public static final String RECTIFICATION_DUE_AT = "rectificationDueAt";
    public static final String MEETINGS_RECORDED = "meetingsRecorded";

    // the form fields, as in branch-life.md
    public static final String MEETING_KIND = "meetingKind";
    public static final String MEETING_DATE = "meetingDate";
    public static final String PARTY_GROUP = "partyGroup";
    public static final String TOPIC = "topic";
    public static final String FIRST_TOPIC = "firstTopic";
    public static final String ATTENDEES_ENTITLED = "attendeesEntitled";
    public static final String ATTENDEES_PRESENT = "attendeesPresent";
    public static final String ABSENTEES = "absentees";
    public static final String LECTURER = "lecturer";
    public static final String MINUTES = "minutes";
    public static final String REVIEW_RESULT = "reviewResult";
    public static final String REVIEW_NOTE = "reviewNote";
    public static final String RECTIFICATION_REPORT = "rectificationReport";

    private Vars() {
    }
  }
}
