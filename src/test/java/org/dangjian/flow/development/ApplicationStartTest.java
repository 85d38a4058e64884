package org.dangjian.flow.development;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.dangjian.flow.system.StepRefusedException;
import org.junit.jupiter.api.Test;

/** Step 1: a refused start leaves nothing behind, neither a case nor a registry entry nor a case number. */
class ApplicationStartTest extends DevelopmentTestSupport {

  private void assertRefusedWithoutTrace(Map<String, Object> application, String messagePart) {
    long cases = runtimeService.createProcessInstanceQuery().processDefinitionKey(MemberDevelopment.PROCESS_KEY).count();
    assertThatThrownBy(() -> start(application)).isInstanceOf(StepRefusedException.class)
        .hasMessageContaining(messagePart);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(MemberDevelopment.PROCESS_KEY).count())
        .isEqualTo(cases);
    assertThat(registry.findActiveByIdNumber((String) application.get("idNumber"))).isEmpty();
  }

  @Test
  void rejectsApplicantUnder18() {
    today("2025-03-01");
    // eighteen tomorrow
    assertRefusedWithoutTrace(application("2025-01-10", "2007-01-11"), "未满18周岁");
  }

  /** A year mistyped, not an applicant under 18: the refusal says so and names both dates for the form to mark. */
  @Test
  void rejectsAnApplicationDatedBeforeTheBirthNamingBothDates() {
    today("2025-03-01");
    assertThatThrownBy(() -> start(application("1994-12-01", "1995-05-05")))
        .isInstanceOfSatisfying(StepRefusedException.class, refused -> {
          assertThat(refused.problems()).contains("递交申请书日期（1994-12-01）早于出生日期（1995-05-05），请核对这两个日期")
              .noneMatch(problem -> problem.contains("未满18周岁"));
          assertThat(refused.fields()).contains("birthDate", "applicationDate");
        });
  }

  /** The fields at fault are those whose labels the problems mention, for Tasklist to mark them. */
  @Test
  void aRefusalNamesTheFieldsItsProblemsAreAbout() {
    today("2025-03-01");
    Map<String, Object> application = application("2025-01-10", "1995-05-05");
    String id = (String) application.get("idNumber");
    application.put("idNumber", id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1'));
    application.put("phone", "1234");
    assertThatThrownBy(() -> start(application)).isInstanceOfSatisfying(StepRefusedException.class,
        refused -> assertThat(refused.fields()).containsExactlyInAnyOrder("idNumber", "phone"));
  }

  @Test
  void acceptsApplicantOnTheir18thBirthday() {
    today("2025-03-01");
    ProcessInstance pi = start(application("2025-01-10", "2007-01-10"));
    assertThat(pi.getBusinessKey()).startsWith("guitu-2025-");
  }

  @Test
  void rejectsIdNumberWithWrongCheckDigit() {
    today("2025-03-01");
    Map<String, Object> application = application("2025-01-10", "1995-05-05");
    String id = (String) application.get("idNumber");
    char wrong = id.charAt(17) == '1' ? '2' : '1';
    application.put("idNumber", id.substring(0, 17) + wrong);
    assertRefusedWithoutTrace(application, "校验位不正确");
  }

  @Test
  void rejectsIdNumberWhoseBirthDateDiffersFromTheForm() {
    today("2025-03-01");
    Map<String, Object> application = application("2025-01-10", "1995-05-05");
    application.put("birthDate", "1995-05-06");
    assertRefusedWithoutTrace(application, "不一致");
  }

  @Test
  void rejectsApplicationDateInTheFuture() {
    today("2025-03-01");
    assertRefusedWithoutTrace(application("2025-03-02", "1995-05-05"), "不能晚于今天");
  }

  @Test
  void rejectsUnknownBranchAndNonBranchOrganizations() {
    today("2025-03-01");
    Map<String, Object> application = application("2025-01-10", "1995-05-05");
    application.put("branchId", "gxq-jg");
    assertRefusedWithoutTrace(application, "党支部“gxq-jg”不存在");
  }

  @Test
  void reportsEveryMissingFieldAtOnce() {
    today("2025-03-01");
    Map<String, Object> application = application("2025-01-10", "1995-05-05");
    application.remove("candidateName");
    application.remove("gender");
    application.put("phone", "12345");
    assertThatThrownBy(() -> start(application)).isInstanceOfSatisfying(StepRefusedException.class,
        e -> assertThat(e.problems()).hasSize(3).anyMatch(p -> p.contains("姓名")).anyMatch(p -> p.contains("性别"))
            .anyMatch(p -> p.contains("手机号码")));
  }

  @Test
  void rejectsASecondOpenCaseForTheSamePerson() {
    today("2025-03-01");
    Map<String, Object> application = application("2025-01-10", "1995-05-05");
    ProcessInstance first = start(application);
    assertThatThrownBy(() -> start(application)).isInstanceOf(StepRefusedException.class)
        .hasMessageContaining(first.getBusinessKey());
  }

  @Test
  void numbersCasesPerBranchAndYear() {
    today("2025-03-01");
    ProcessInstance a = start(application("2025-01-10", "1995-05-05"));
    ProcessInstance b = start(application("2025-01-10", "1996-05-05"));
    int seqA = Integer.parseInt(a.getBusinessKey().substring("guitu-2025-".length()));
    assertThat(b.getBusinessKey()).isEqualTo(String.format("guitu-2025-%04d", seqA + 1));
  }

  @Test
  void aClerkOfAnotherBranchCannotOpenACaseForThisBranch() {
    today("2025-03-01");
    Map<String, Object> application = application("2025-01-10", "1995-05-05");
    login("fayuan.clerk");
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(MemberDevelopment.PROCESS_KEY, application))
        .isInstanceOf(StepRefusedException.class).hasMessageContaining("不能为该支部受理入党申请");
    identityService.clearAuthentication();
    assertThat(registry.findActiveByIdNumber((String) application.get("idNumber"))).isEmpty();
  }

  @Test
  void aCommitteeClerkMayOpenACaseForABranchBelow() {
    today("2025-03-01");
    login(COMMITTEE_CLERK);
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(MemberDevelopment.PROCESS_KEY,
        application("2025-01-10", "1995-05-05"));
    identityService.clearAuthentication();
    assertThat(pi.getBusinessKey()).startsWith("guitu-2025-");
  }
}
