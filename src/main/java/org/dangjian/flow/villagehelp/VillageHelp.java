package org.dangjian.flow.villagehelp;

/** Process keys, element ids and variable names of 驻村帮包, so code and tests never repeat raw strings. */
public final class VillageHelp {

  public static final String PROCESS_KEY = "VillageHelpProcess";
  public static final String HELP_CASE_PROCESS_KEY = "HelpCaseProcess";

  private VillageHelp() {
  }

  public static final class Tasks {
    public static final String UNIT_HEAD_VISIT = "Task_UnitHeadVisit";
    public static final String CHASE_OVERDUE_VISIT = "Task_ChaseOverdueVisit";
    public static final String MONTHLY_REPORT = "Task_MonthlyReport";
    public static final String ANNUAL_ASSESSMENT = "Task_AnnualAssessment";
    public static final String CONSIDER_RECALL = "Task_ConsiderRecall";
    public static final String VILLAGE_SATISFACTION = "Task_VillageSatisfaction";
    public static final String UNIT_SATISFACTION = "Task_UnitSatisfaction";
    public static final String COMMITTEE_SATISFACTION = "Task_CommitteeSatisfaction";
    public static final String RESOLVE_HELP_CASE = "Task_ResolveHelpCase";
    public static final String SUPERVISE_HELP_CASE = "Task_SuperviseHelpCase";
    public static final String CONFIRM_SATISFACTION = "Task_ConfirmSatisfaction";

    private Tasks() {
    }
  }

  public static final class Events {
    public static final String VISIT_OVERDUE = "BoundaryEvent_VisitOverdue";
    public static final String MONTH_ENDS = "TimerEvent_MonthEnds";
    public static final String TERM_YEAR_ENDS = "TimerEvent_TermYearEnds";
    public static final String ASSIGNMENT_ENDED = "EndEvent_AssignmentEnded";
    public static final String REPORTS_DONE = "EndEvent_MonthlyReportsDone";
    public static final String HELP_CASE_OVERDUE = "BoundaryEvent_HelpCaseOverdue";
    public static final String HELP_CASE_LONG_OVERDUE = "BoundaryEvent_HelpCaseLongOverdue";
    public static final String HELP_CASE_CLOSED = "EndEvent_HelpCaseClosed";

    private Events() {
    }
  }

  /** Variables the processes derive; the form fields are named exactly as in shared/spec. */
  public static final class Vars {
    public static final String ASSIGNMENT_KEY = "assignmentKey";
    public static final String COMMITTEE_ID = "committeeId";
    public static final String COMMITTEE_NAME = "committeeName";
    public static final String HELP_UNIT_NAME = "helpUnitName";
    public static final String COMMITTEE_CLERK_GROUP = "committeeClerkGroup";
    public static final String WORK_TEAM_GROUP = "workTeamGroup";
    public static final String VILLAGE_CLERK_GROUP = "villageClerkGroup";
    public static final String VISIT_OVERDUE_AT = "visitOverdueAt";
    public static final String REPORTS_DONE = "reportsDone";
    public static final String REPORT_PENDING = "reportPending";
    public static final String YEARS_DONE = "assessmentsDone";
    public static final String ASSESSMENT_PENDING = "assessmentPending";
    public static final String TERM_YEAR = "termYear";
    public static final String RECALL_REQUIRED = "recallRequired";
    public static final String CASE_KEY = "helpCaseKey";
    public static final String ESCALATION_LEVEL = "escalationLevel";
    public static final String COMPLAINT = "lastComplaint";

    private Vars() {
    }
  }
}
