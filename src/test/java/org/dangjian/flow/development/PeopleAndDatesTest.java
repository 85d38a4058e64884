package org.dangjian.flow.development;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.dangjian.flow.development.MemberDevelopment.Tasks.*;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.dangjian.flow.development.MemberDevelopment.Events;
import org.dangjian.flow.organization.MemberRegistry.NewPerson;
import org.dangjian.flow.organization.MemberStatus;
import org.dangjian.flow.system.StepRefusedException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 16, people and dates: who may be named at steps 5 and 9, the dates of a case in order across its loops,
 * and the league recommendation at step 3 in the baseline rule set (the strict one: {@link StrictRuleSetTest}).
 */
class PeopleAndDatesTest extends DevelopmentTestSupport {

  @Autowired JdbcTemplate jdbc;

  private void assertRefused(ProcessInstance pi, String taskKey, String user, String messagePart, Object... values) {
    String taskId = task(pi, taskKey).getId();
    String before = new java.util.TreeMap<>(runtimeService.getVariables(pi.getId())).toString();
    assertThatThrownBy(() -> complete(pi, taskKey, user, values)).isInstanceOf(StepRefusedException.class)
        .hasMessageContaining(messagePart);
    assertThat(task(pi, taskKey).getId()).isEqualTo(taskId);
    assertThat(new java.util.TreeMap<>(runtimeService.getVariables(pi.getId())).toString()).isEqualTo(before);
  }

  private long member(String name, String branchId, String discipline) {
    long id = registry.add(new NewPerson(name, "male", LocalDate.of(1980, 1, 1), null, branchId, MemberStatus.FULL,
        null, null));
    jdbc.update("update party_member set discipline_status = ? where id = ?", discipline, id);
    return id;
  }

  // ---- people named

  @Test
  void aMemberUnderProbationWithinThePartyIsRefusedAsContactByName() {
    ProcessInstance pi = caseAt(ASSIGN_CONTACTS);
    // 1005 冯立新 is the demo data's member under 留党察看
    assertRefused(pi, ASSIGN_CONTACTS, BRANCH_CLERK, "培养联系人一：冯立新（1005）正在留党察看期间",
        "contact1MemberId", "1005");
    assertRefused(pi, ASSIGN_CONTACTS, BRANCH_CLERK, "培养联系人二：冯立新（1005）正在留党察看期间",
        "contact1MemberId", "1001", "contact2MemberId", "1005");
  }

  @Test
  void aMemberUnderProbationWithinThePartyIsRefusedAsIntroducerByName() {
    ProcessInstance pi = caseAt(ASSIGN_INTRODUCERS);
    assertRefused(pi, ASSIGN_INTRODUCERS, BRANCH_CLERK, "入党介绍人二：冯立新（1005）正在留党察看期间",
        "introducer1MemberId", "1001", "introducer2MemberId", "1005", "introducerReason", "理由");
  }

  @Test
  void aWarnedOrSeriouslyWarnedMemberMayBeNamed() {
    long warned = member("警告党员", "guitu", "warning");
    long serious = member("严重警告党员", "guitu", "serious_warning");
    ProcessInstance pi = caseAt(ASSIGN_CONTACTS);
    complete(pi, ASSIGN_CONTACTS, BRANCH_CLERK, "contact1MemberId", String.valueOf(warned), "contact2MemberId",
        String.valueOf(serious));
    assertThat(pi).isNotWaitingAt(ASSIGN_CONTACTS);
  }

  @Test
  void aContactOfAnotherBranchNeedsTheRecordedReason() {
    ProcessInstance pi = caseAt(ASSIGN_CONTACTS);
    assertRefused(pi, ASSIGN_CONTACTS, BRANCH_CLERK, "培养联系人高明（1011，法院党支部）不是本案所在支部（规土局党支部）的党员",
        "contact1MemberId", "1001", "contact2MemberId", "1011");
    assertRefused(pi, ASSIGN_CONTACTS, BRANCH_CLERK, "contactReason", "contact1MemberId", "1011");
    complete(pi, ASSIGN_CONTACTS, BRANCH_CLERK, "contact1MemberId", "1001", "contact2MemberId", "1011",
        "contactReason", "高明同志与申请人同在项目组工作，熟悉其表现");
    assertThat(runtimeService.getVariable(pi.getId(), "contactReason")).isEqualTo("高明同志与申请人同在项目组工作，熟悉其表现");
  }

  @Test
  void contactsOfTheCasesBranchNeedNoReason() {
    ProcessInstance pi = caseAt(ASSIGN_CONTACTS);
    complete(pi, ASSIGN_CONTACTS, BRANCH_CLERK, "contact1MemberId", "1001", "contact2MemberId", "1002");
    assertThat(pi).isNotWaitingAt(ASSIGN_CONTACTS);
  }

  @Test
  void anIntroducerWhoWasNotAContactNeedsIntroducerReason() {
    // the contacts are 1001 and 1002 (DevelopmentTestSupport.assignContacts)
    ProcessInstance pi = caseAt(ASSIGN_INTRODUCERS);
    assertRefused(pi, ASSIGN_INTRODUCERS, BRANCH_CLERK, "郭志强（1003）不是本案的培养联系人",
        "introducer1MemberId", "1001", "introducer2MemberId", "1003");
    assertRefused(pi, ASSIGN_INTRODUCERS, BRANCH_CLERK, "introducerReason",
        "introducer1MemberId", "1001", "introducer2MemberId", "1003");
    complete(pi, ASSIGN_INTRODUCERS, BRANCH_CLERK, "introducer1MemberId", "1001", "introducer2MemberId", "1003",
        "introducerReason", "郭志强同志是申请人的党小组长，主动要求作介绍人");
    assertThat(runtimeService.getVariable(pi.getId(), "introducerReason")).asString().contains("党小组长");
  }

  @Test
  void anIntroducerOfAnotherBranchNeedsIntroducerReason() {
    ProcessInstance pi = caseAt(ASSIGN_INTRODUCERS);
    assertRefused(pi, ASSIGN_INTRODUCERS, BRANCH_CLERK, "高明（1011，法院党支部）不是本案所在支部（规土局党支部）的党员",
        "introducer1MemberId", "1001", "introducer2MemberId", "1011");
    complete(pi, ASSIGN_INTRODUCERS, BRANCH_CLERK, "introducer1MemberId", "1001", "introducer2MemberId", "1011",
        "introducerReason", "工作调动前为其所在支部党员");
    assertThat(pi).isWaitingAt(POLITICAL_REVIEW);
  }

  @Test
  void introducersWhoWereTheContactsNeedNoReason() {
    ProcessInstance pi = caseAt(ASSIGN_INTRODUCERS);
    complete(pi, ASSIGN_INTRODUCERS, BRANCH_CLERK, "introducer1MemberId", "1002", "introducer2MemberId", "1001");
    assertThat(pi).isWaitingAt(POLITICAL_REVIEW);
  }

  // ---- chronology

  @Test
  void aStepSentBackToIsNotDatedBeforeTheSendBack() {
    ProcessInstance pi = caseAt(PRE_REVIEW);
    complete(pi, PRE_REVIEW, COMMITTEE_CLERK, "preReviewDate", "2026-02-19", "preReviewResult", "sendBack",
        "preReviewNotice", "退回补充", "decisionReason", "缺少群众意见");
    assertRefused(pi, BRANCH_COMMITTEE_REVIEW, BRANCH_CLERK,
        "12 支部委员会审查的审查日期 2026-02-18 早于已记录的 13 上级党委预审 预审日期 2026-02-19",
        "branchReviewDate", "2026-02-18", "branchReviewOpinion", "同意", "branchReviewDecision", "approve");
    branchReviewAndPreReviewAfterSendBack(pi);
    assertThat(pi).isWaitingAt(ADMISSION_MEETING);
  }

  @Test
  void aRepeatedActivistDecisionIsNotDatedBeforeThePreviousOne() {
    ProcessInstance pi = newCase();
    talk(pi);
    today("2025-03-15");
    complete(pi, DETERMINE_ACTIVIST, BRANCH_CLERK, "recommendationMethod", "memberRecommendation",
        "recommendationDate", "2025-02-01", "committeeMeetingDate", "2025-02-10", "activistDecision", "notYet",
        "revisitDate", "2025-03-01", "decisionReason", "再考察");
    fireTimer(pi, Events.ACTIVIST_REVISIT);
    today("2025-03-15");
    assertRefused(pi, DETERMINE_ACTIVIST, BRANCH_CLERK,
        "3 推荐和确定入党积极分子的支委会研究日期 2025-02-05 早于本案上一次记录的 3 推荐和确定入党积极分子 支委会研究日期 2025-02-10",
        "recommendationMethod", "memberRecommendation", "recommendationDate", "2025-02-01",
        "committeeMeetingDate", "2025-02-05", "activistDecision", "approve");
    // the same recommendation, decided at a later meeting
    complete(pi, DETERMINE_ACTIVIST, BRANCH_CLERK, "recommendationMethod", "memberRecommendation",
        "recommendationDate", "2025-02-01", "committeeMeetingDate", "2025-03-10", "activistDecision", "approve");
    assertThat(pi).isWaitingAt(FILE_ACTIVIST);
  }

  @Test
  void anActivistReviewNotAfterTheActivistDateIsRefused() {
    ProcessInstance pi = caseAt(ACTIVIST_REVIEW);
    assertRefused(pi, ACTIVIST_REVIEW, BRANCH_CLERK, "6 培养教育考察的考察日期 2025-02-10 早于已记录的 4 上级党委备案 备案日期 2025-02-12",
        "reviewDate", "2025-02-10", "reviewResult", "good", "thoughtReports", 2, "reviewComment", "好",
        "proceedToTarget", false);
    activistReview(pi, "2025-08-10", false);
    fireTimer(pi, Events.ACTIVIST_REVIEW_DUE);
    // a second review before the first
    assertRefused(pi, ACTIVIST_REVIEW, BRANCH_CLERK,
        "6 培养教育考察的考察日期 2025-08-01 早于本案上一次记录的 6 培养教育考察 考察日期 2025-08-10",
        "reviewDate", "2025-08-01", "reviewResult", "good", "thoughtReports", 2, "reviewComment", "好",
        "proceedToTarget", false);
  }

  @Test
  void aDateAfterTodayIsRefusedOnce() {
    ProcessInstance pi = caseAt(FILE_ACTIVIST);
    String taskId = task(pi, FILE_ACTIVIST).getId();
    assertThatThrownBy(() -> complete(pi, FILE_ACTIVIST, COMMITTEE_CLERK, "activistFilingDate", "2025-03-01"))
        .isInstanceOfSatisfying(StepRefusedException.class, e -> assertThat(e.problems())
            .filteredOn(p -> p.contains("不能晚于今天")).hasSize(1));
    assertThat(task(pi, FILE_ACTIVIST).getId()).isEqualTo(taskId);
  }

  @Test
  void aProbationReviewLiesWithinTheCurrentProbation() {
    ProcessInstance pi = caseAt(ASSIGN_BRANCH_GROUP);
    swearIn(pi);
    fireTimer(pi, Events.PROBATION_REVIEW_DUE);
    // the probation runs from the admission meeting 2026-02-25 to 2027-02-25
    today("2027-03-10");
    assertRefused(pi, PROBATION_REVIEW, BRANCH_CLERK, "21 继续教育考察的考察日期 2027-03-01 不在本案当前的预备期（2026-02-25 至 2027-02-25）内",
        "reviewDate", "2027-03-01", "reviewResult", "good", "reviewComment", "好");
    assertRefused(pi, PROBATION_REVIEW, BRANCH_CLERK, "早于已记录的 20 入党宣誓 宣誓日期 2026-03-01",
        "reviewDate", "2026-02-28", "reviewResult", "good", "reviewComment", "好");
  }

  /** The branch meeting of 2027-02-26 extends the probation by 6 months; the case is back at step 21. */
  private ProcessInstance extendedCase() {
    ProcessInstance pi = caseAt(CONVERSION_MEETING);
    conversionMeeting(pi, "2027-02-26", "extend", "extensionMonths", 6, "decisionReason", "需要继续考察");
    // step 24 approves the extension before it takes effect (细则 Art. 32), by the committee's vote
    approveResolution(pi, "2027-03-01");
    return pi;
  }

  @Test
  void aProbationReviewAfterAnExtensionIsNotDatedBeforeTheConversionMeeting() {
    // the case: a probation review dated before a conversion meeting already recorded (here the meeting of
    // 2027-02-26 and step 24's approval of its extension on 2027-03-01: the refusal names the latest)
    ProcessInstance pi = extendedCase();
    fireTimer(pi, Events.PROBATION_REVIEW_DUE);
    today("2027-04-01");
    assertRefused(pi, PROBATION_REVIEW, BRANCH_CLERK,
        "21 继续教育考察的考察日期 2027-02-20 早于已记录的 24 上级党委审批转正 审批日期 2027-03-01（日期须按办理顺序，不能倒退）",
        "reviewDate", "2027-02-20", "reviewResult", "good", "reviewComment", "好");
    assertRefused(pi, PROBATION_REVIEW, BRANCH_CLERK,
        "21 继续教育考察的考察日期 2027-02-28 早于已记录的 24 上级党委审批转正 审批日期 2027-03-01",
        "reviewDate", "2027-02-28", "reviewResult", "good", "reviewComment", "好");
    complete(pi, PROBATION_REVIEW, BRANCH_CLERK, "reviewDate", "2027-03-26", "reviewResult", "good",
        "reviewComment", "好");
  }

  @Test
  void aConversionApplicationAfterAnExtensionIsNotDatedBeforeThePreviousOne() {
    // the case: a second conversion application dated before the first (2027-01-25)
    ProcessInstance pi = extendedCase();
    probationReviewsUntilConversionOpens(pi);
    assertRefused(pi, CONVERSION_APPLICATION, BRANCH_CLERK,
        "22 提出转正申请的转正申请日期 2027-01-20 早于本案上一次记录的 22 提出转正申请 转正申请日期 2027-01-25",
        "conversionApplicationDate", "2027-01-20");
  }

  // ---- league recommendation, baseline (strict: StrictRuleSetTest)

  /** A league member whose age on the recommendation date 2025-02-01 is {@code age} (their birthday that day). */
  private ProcessInstance leagueCase(int age, int daysAfterBirthday) {
    today("2025-01-20");
    Map<String, Object> application = application("2025-01-10",
        LocalDate.of(2025, 2, 1).minusYears(age).minusDays(daysAfterBirthday).toString());
    application.put("leagueMember", true);
    ProcessInstance pi = start(application);
    talk(pi);
    today("2025-02-15");
    return pi;
  }

  @Test
  void baselineLeagueMemberOf27RecommendedOtherwiseNeedsTheReasonOnRecord() {
    // 27 the day before the 28th birthday
    ProcessInstance pi = leagueCase(28, -1);
    assertRefused(pi, DETERMINE_ACTIVIST, BRANCH_CLERK, "须填写未经团组织推优的理由（recommendationReason）",
        "recommendationMethod", "memberRecommendation", "recommendationDate", "2025-02-01",
        "committeeMeetingDate", "2025-02-10", "activistDecision", "approve");
    complete(pi, DETERMINE_ACTIVIST, BRANCH_CLERK, "recommendationMethod", "memberRecommendation",
        "recommendationDate", "2025-02-01", "committeeMeetingDate", "2025-02-10", "activistDecision", "approve",
        "recommendationReason", "所在单位团组织尚未建立，由党员推荐");
    assertThat(pi).isWaitingAt(FILE_ACTIVIST);
    assertThat(runtimeService.getVariable(pi.getId(), "recommendationReason")).asString().contains("团组织尚未建立");
  }

  @Test
  void baselineLeagueMemberOf28Or29NeedsNoReason() {
    for (int[] age : new int[][] {{28, 0}, {29, 30}}) {
      ProcessInstance pi = leagueCase(age[0], age[1]);
      complete(pi, DETERMINE_ACTIVIST, BRANCH_CLERK, "recommendationMethod", "massOrgRecommendation",
          "recommendationDate", "2025-02-01", "committeeMeetingDate", "2025-02-10", "activistDecision", "approve");
      assertThat(pi).as("age %s", age[0]).isWaitingAt(FILE_ACTIVIST);
    }
  }
}
