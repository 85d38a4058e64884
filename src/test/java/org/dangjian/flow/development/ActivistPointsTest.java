package org.dangjian.flow.development;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.dangjian.flow.development.MemberDevelopment.Tasks.*;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.dangjian.flow.system.StepRefusedException;
import org.junit.jupiter.api.Test;

/** 科技局党支部 keeps activist points (demo data); the points advise step 7 and never hold a case back. */
class ActivistPointsTest extends DevelopmentTestSupport {

  private static final String KEJI_CLERK = "keji.clerk";

  private ProcessInstance kejiActivistUnderReview() {
    today("2025-01-20");
    Map<String, Object> application = application("2025-01-10", "1994-04-04");
    application.put("branchId", "keji");
    ProcessInstance pi = start(application);
    assertThat(runtimeService.getVariable(pi.getId(), "activistPointsEnabled")).isEqualTo(true);
    complete(pi, APPLICANT_TALK, KEJI_CLERK, "talkDate", "2025-01-20", "talkerName", "宋佳", "talkRecord", "谈话记录");
    today("2025-02-15");
    complete(pi, DETERMINE_ACTIVIST, KEJI_CLERK, "recommendationMethod", "memberRecommendation",
        "recommendationDate", "2025-02-01", "committeeMeetingDate", "2025-02-10", "activistDecision", "approve");
    complete(pi, FILE_ACTIVIST, COMMITTEE_CLERK, "activistFilingDate", "2025-02-12");
    complete(pi, ASSIGN_CONTACTS, KEJI_CLERK, "contact1MemberId", "1021", "contact2MemberId", "1022");
    fireTimer(pi, MemberDevelopment.Events.ACTIVIST_REVIEW_DUE);
    return pi;
  }

  private void review(ProcessInstance pi, String date, boolean proceed, int study, int volunteering, int missed) {
    complete(pi, ACTIVIST_REVIEW, KEJI_CLERK, "reviewDate", date, "reviewResult", "good", "thoughtReports", 2,
        "reviewComment", "好", "proceedToTarget", proceed, "pointsStudySessions", study, "pointsPartyActivities", 1,
        "pointsVolunteering", volunteering, "pointsSpeeches", 0, "pointsPairingHelp", 0,
        "pointsMissedThoughtReports", missed, "pointsUnexcusedAbsences", 0, "pointsDisciplineBreaches", 0);
  }

  @Test
  void pointsAddUpOverTheReviewsAndAdviseStep7() {
    ProcessInstance pi = kejiActivistUnderReview();
    // 3 study × 2 + 1 activity × 2 + 1 volunteering × 3 − 1 missed report × 5 = 6
    review(pi, "2025-08-10", false, 3, 1, 1);
    assertThat(runtimeService.getVariable(pi.getId(), "activistPoints")).isEqualTo(6);
    assertThat(runtimeService.getVariable(pi.getId(), "activistPointsLevelTitle")).isEqualTo("一般培养");
    fireTimer(pi, MemberDevelopment.Events.ACTIVIST_REVIEW_DUE);
    // 5 × 2 + 2 + 3 × 3 = 21, total 27: 重点培养
    review(pi, "2026-02-10", true, 5, 3, 0);
    assertThat(runtimeService.getVariable(pi.getId(), "activistPointsTotal")).isEqualTo(27);
    assertThat(runtimeService.getVariable(pi.getId(), "activistPointsLevel")).isEqualTo("keyCultivation");
    assertThat(runtimeService.getVariable(pi.getId(), "activistPointsLevelTitle")).isEqualTo("重点培养");
    assertThat(pi).isWaitingAt(DETERMINE_TARGET);
  }

  @Test
  void aBranchKeepingPointsMustEnterEveryItem() {
    ProcessInstance pi = kejiActivistUnderReview();
    assertThatThrownBy(() -> complete(pi, ACTIVIST_REVIEW, KEJI_CLERK, "reviewDate", "2025-08-10",
        "reviewResult", "good", "thoughtReports", 2, "reviewComment", "好", "proceedToTarget", false))
        .isInstanceOf(StepRefusedException.class).hasMessageContaining("参加学习教育次数");
  }

  @Test
  void branchesWithoutPointsRecordNone() {
    ProcessInstance pi = caseAt(ACTIVIST_REVIEW);
    activistReview(pi, "2025-08-10", false);
    assertThat(runtimeService.getVariable(pi.getId(), "activistPointsTotal")).isNull();
  }
}
