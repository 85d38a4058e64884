package org.dangjian.flow.administration;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dangjian.flow.development.TestIdNumbers;

/**
 * Rows of 在办发展党员 as a committee would fill them from its paper files: a case recorded up to a given step,
 * every date on time, the last recorded step a few days before today, so that nothing in it is late today.
 * Dates count from the application day A (the step numbers are those of shared/spec/member-development.md).
 */
public final class PaperCases {

  /** The steps a generated case can be recorded up to, and the offset of that step's date from A. */
  static final Map<Integer, Integer> LAST_DATE = new LinkedHashMap<>();

  static {
    LAST_DATE.put(1, 0);
    LAST_DATE.put(2, 10);
    LAST_DATE.put(5, 40);
    LAST_DATE.put(6, 220);
    LAST_DATE.put(9, 420);
    LAST_DATE.put(11, 444);
    LAST_DATE.put(12, 450);
    LAST_DATE.put(13, 460);
    LAST_DATE.put(15, 470);
    LAST_DATE.put(16, 480);
    LAST_DATE.put(17, 490);
    LAST_DATE.put(18, 495);
    LAST_DATE.put(20, 500);
    LAST_DATE.put(21, 562);
    LAST_DATE.put(23, 840);
  }

  static final List<Integer> STAGES = List.copyOf(LAST_DATE.keySet());

  private PaperCases() {
  }

  /**
   * A case of the branch recorded through {@code stage}; contacts and introducers named by the ID numbers of the
   * given full members (two needed), as a first import must (their member numbers do not exist yet).
   */
  public static Map<String, String> recordedThrough(int stage, String branchId, String name, List<String> fullMembers,
      LocalDate today, int daysBeforeToday) {
    LocalDate a = today.minusDays(LAST_DATE.get(stage) + daysBeforeToday);
    LocalDate birth = a.minusYears(30).minusDays(name.length() * 7L);
    Map<String, String> r = new LinkedHashMap<>();
    r.put("candidateName", name);
    r.put("gender", name.length() % 2 == 0 ? "female" : "male");
    r.put("ethnicity", "汉族");
    r.put("birthDate", birth.toString());
    r.put("idNumber", TestIdNumbers.forBirthDate(birth));
    r.put("education", "bachelor");
    r.put("occupation", "科员");
    r.put("branchId", branchId);
    r.put("applicationDate", a.toString());
    if (stage >= 2) {
      put(r, "talkDate", a, 10, "talkerName", "王建华", "talkRecord", "了解入党动机，介绍党的基本知识");
    }
    if (stage >= 5) {
      put(r, "recommendationDate", a, 30, "recommendationMethod", "memberRecommendation");
      put(r, "3.committeeMeetingDate", a, 35, "activistDecision", "approve");
      put(r, "activistFilingDate", a, 40);
      r.put("contact1MemberId", fullMembers.get(0));
      if (fullMembers.size() > 1) {
        // the introducers are the contacts: an introducer who was not a contact needs introducerReason
        r.put("contact2MemberId", fullMembers.get(1));
      }
    }
    if (stage >= 6) {
      review(r, 1, a, 220, false);
    }
    if (stage >= 9) {
      review(r, 2, a, 405, true);
      put(r, "opinionsCollectedDate", a, 410, "targetDecision", "approve");
      put(r, "7.committeeMeetingDate", a, 415);
      put(r, "targetFilingDate", a, 420);
      r.put("introducer1MemberId", fullMembers.get(0));
      r.put("introducer2MemberId", fullMembers.get(1));
    }
    if (stage >= 11) {
      put(r, "politicalReviewDate", a, 430, "politicalReviewMethods", "talk,files",
          "politicalReviewConclusion", "pass", "politicalReviewSummary", "政治历史清楚，现实表现好");
      put(r, "trainingStartDate", a, 440, "trainingHours", "24", "trainingPassed", "true",
          "trainingCertificateNo", "PX-" + name.hashCode());
      put(r, "trainingEndDate", a, 444);
    }
    if (stage >= 12) {
      put(r, "branchReviewDate", a, 450, "branchReviewOpinion", "符合发展条件", "branchReviewDecision", "approve");
    }
    if (stage >= 13) {
      put(r, "preReviewDate", a, 460, "preReviewResult", "pass", "preReviewNotice", "同意提交支部大会讨论");
    }
    if (stage >= 15) {
      put(r, "volunteerFormNo", "ZY-" + Math.abs(name.hashCode()));
      put(r, "volunteerFormDate", a, 465);
      put(r, "meetingDate", a, 470, "15.entitledVoters", "10", "15.presentVoters", "9", "15.votesFor", "9",
          "15.votesAgainst", "0", "15.votesAbstain", "0", "15.writtenVotesFor", "0");
    }
    if (stage >= 16) {
      put(r, "committeeTalkDate", a, 480, "committeeTalkerName", "李组织", "committeeTalkOpinion", "同意接收");
    }
    if (stage >= 17) {
      put(r, "admissionApprovalDate", a, 490, "admissionDecision", "approve", "17.approvalMembersEntitled", "9",
          "17.approvalMembersPresent", "7", "17.approvalVotesFor", "6", "17.approvalVotesAgainst", "1",
          "17.approvalVotesAbstain", "0");
    }
    if (stage >= 18) {
      put(r, "orgDeptFilingDate", a, 495);
    }
    if (stage >= 20) {
      r.put("assignedBranchId", branchId);
      r.put("partyGroup", "第一党小组");
      put(r, "oathDate", a, 500);
    }
    if (stage >= 21) {
      put(r, "21.1.reviewDate", a, 562, "21.1.reviewResult", "good", "21.1.reviewComment", "表现良好");
    }
    if (stage >= 23) {
      // probation from the branch meeting (A + 470) to A + 835: reviews each quarter, the application once it opens
      put(r, "21.2.reviewDate", a, 655, "21.2.reviewResult", "good", "21.2.reviewComment", "表现良好");
      put(r, "21.3.reviewDate", a, 745, "21.3.reviewResult", "good", "21.3.reviewComment", "表现良好");
      put(r, "conversionApplicationDate", a, 806);
      put(r, "conversionMeetingDate", a, 840, "23.entitledVoters", "10", "23.presentVoters", "9", "23.votesFor", "9",
          "23.votesAgainst", "0", "23.votesAbstain", "0", "23.writtenVotesFor", "0", "conversionOutcome", "convert");
    }
    return r;
  }

  private static void review(Map<String, String> r, int n, LocalDate a, int day, boolean proceed) {
    put(r, "6." + n + ".reviewDate", a, day, "6." + n + ".reviewResult", "good", "6." + n + ".thoughtReports", "2",
        "6." + n + ".reviewComment", "表现良好");
    if (proceed) {
      r.put("6." + n + ".proceedToTarget", "true");
    }
  }

  /** A date key at A + days, then key/value pairs. */
  private static void put(Map<String, String> r, String dateKey, LocalDate a, int days, String... more) {
    r.put(dateKey, a.plusDays(days).toString());
    put(r, more);
  }

  private static void put(Map<String, String> r, String... keysAndValues) {
    for (int i = 0; i < keysAndValues.length; i += 2) {
      r.put(keysAndValues[i], keysAndValues[i + 1]);
    }
  }
}
