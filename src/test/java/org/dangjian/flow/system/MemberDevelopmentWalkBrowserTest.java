package org.dangjian.flow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.dangjian.flow.development.MemberDevelopment.Tasks;
import org.dangjian.flow.development.TestIdNumbers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

/**
 * The README's "A walk through all 25 steps in Tasklist", walked in headless Chromium: one 发展党员 case recorded
 * from paper (补录) by the table's users with the table's dates and values, from the start form to 25 材料归档,
 * every task claimed and completed through its form; then the case has ended and its 全程纪实 lists the steps in
 * order, with no reminder or violation (the paper dates met every deadline). Screenshots 200–225 show each form
 * filled before 完成.
 *
 * <p>The timers between steps (half-year reviews, quarterly reviews, the conversion application a month before the
 * probation ends) are due at once, their dates having passed. The application runs them by the job executor within
 * seconds; the test profile turns the executor off, so the test runs the jobs that are due, and only those (the
 * executor's own choice: {@code executable()}), when the next step is not open yet.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
class MemberDevelopmentWalkBrowserTest {

  private static final String CONTENT = ".task-details .three-cols-layout-cell.content";
  private static final String VOTES_RECORD = "2024-11-20";

  @LocalServerPort int port;
  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired FilterService filterService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;

  private TasklistBrowser browser;
  private String loggedIn;
  private ProcessInstance pi;
  private Task task;
  private WebElement details;
  private int shot;

  @BeforeEach
  void startBrowser() throws IOException {
    browser = new TasklistBrowser(port, processEngine, taskService, filterService, identityService);
    browser.start();
  }

  @AfterEach
  void stopBrowser() throws IOException {
    if (browser != null) {
      browser.stop();
    }
  }

  @Test
  void aClerkWalksOneCaseThroughAll25StepsAsTheReadmeSays() throws IOException {
    long started = System.nanoTime();
    try {
      walk();
    } catch (Throwable failure) {
      browser.saveState("failure-walk-" + (shot == 0 ? "start" : "after-" + shot));
      throw failure;
    } finally {
      System.out.printf("README walk through 25 steps in Tasklist: %.0f s%n", (System.nanoTime() - started) / 1e9);
    }
  }

  @SuppressWarnings("unchecked")
  private void walk() throws IOException {
    // a fresh applicant: one open case per person, and the shared database keeps other tests' cases
    String name = "走查" + suffix();
    LocalDate birthDate = LocalDate.of(1998, 5, 5);
    String idNumber = TestIdNumbers.forBirthDate(birthDate);

    // 1 递交入党申请书, the start form
    as("guitu.clerk");
    WebElement modal = browser.openStartForm();
    SearchContext start = browser.visible(modal, By.cssSelector("form.fjs-form"));
    browser.type(browser.field(start, "姓名"), name);
    browser.click(browser.field(start, "男"));
    browser.type(browser.field(start, "民族"), "汉族");
    browser.typeDate(browser.field(start, "出生日期"), birthDate);
    browser.type(browser.field(start, "居民身份证号码"), idNumber);
    browser.select(start, "学历", "大学本科");
    browser.type(browser.field(start, "职业/工作岗位"), "工程师");
    browser.type(browser.field(start, "手机号码"), "13800138000");
    browser.select(start, "所在党支部", "规土局党支部");
    browser.typeDate(browser.field(start, "递交申请书日期"), LocalDate.of(2023, 9, 1));
    browser.type(browser.field(start, "备注"), "纸质材料补录");
    assertThat(modal.findElements(By.cssSelector(".fjs-form-field-error"))).isEmpty();
    browser.screenshotWhole(String.format("%d-walk-step01-start", 200 + shot++), ".modal");
    browser.click(browser.visible(modal, By.cssSelector(".modal-footer button[ng-click='startProcessInstance()']")));
    browser.wait.until(d -> d.findElements(By.cssSelector(".modal-dialog")).isEmpty() || browser.visibleAlert("") != null);
    assertThat(browser.visibleAlert("")).as("error shown when starting").isNull();
    pi = runtimeService.createProcessInstanceQuery().variableValueEquals("idNumber", idNumber).singleResult();
    assertThat(pi).as("case started from Tasklist with ID number %s", idNumber).isNotNull();
    // the table is the baseline rule set's walk (the strict one adds the publicity steps 7a, 12a, 23a)
    assertThat(runtimeService.getVariable(pi.getId(), "targetPublicityRequired"))
        .as("case started under the baseline rule set").isEqualTo(false);

    // 2 谈话
    SearchContext form = claim("guitu.clerk", Tasks.APPLICANT_TALK);
    browser.typeDate(browser.field(form, "谈话日期"), LocalDate.of(2023, 9, 15));
    browser.type(browser.field(form, "谈话人"), "马建国");
    browser.type(browser.field(form, "谈话记录"), "申请人入党动机端正，对党的认识较为深刻。");
    complete("step02-talk");

    // 3 确定积极分子
    form = claim("guitu.clerk", Tasks.DETERMINE_ACTIVIST);
    browser.click(browser.field(form, "党员推荐"));
    browser.typeDate(browser.field(form, "推荐日期"), LocalDate.of(2023, 10, 8));
    browser.typeDate(browser.field(form, "支委会研究日期"), LocalDate.of(2023, 10, 10));
    browser.click(browser.field(form, "确定为入党积极分子"));
    complete("step03-activist");

    // 4 备案
    form = claim("jg.clerk", Tasks.FILE_ACTIVIST);
    browser.typeDate(browser.field(form, "备案日期"), LocalDate.of(2023, 10, 12));
    complete("step04-activist-filed");

    // 5 培养联系人, chosen by name
    form = claim("guitu.clerk", Tasks.ASSIGN_CONTACTS);
    browser.pick(form, "培养联系人一", "马建", "马建国（1001，正式党员）");
    browser.pick(form, "培养联系人二（可选）", "何秀", "何秀英（1002，正式党员）");
    complete("step05-contacts");

    // 6 培养考察 twice, each opened by its half-year timer
    form = claim("guitu.clerk", Tasks.ACTIVIST_REVIEW);
    review(form, LocalDate.of(2024, 4, 10));
    complete("step06-review-1");
    form = claim("guitu.clerk", Tasks.ACTIVIST_REVIEW);
    review(form, LocalDate.of(2024, 10, 10));
    browser.click(browser.field(form, "提请确定为发展对象（须满一年且已有两次半年考察）"));
    complete("step06-review-2");

    // 7 确定发展对象
    form = claim("guitu.clerk", Tasks.DETERMINE_TARGET);
    browser.typeDate(browser.field(form, "听取党小组、培养联系人、党员和群众意见日期"), LocalDate.of(2024, 10, 15));
    browser.typeDate(browser.field(form, "支委会研究日期"), LocalDate.of(2024, 10, 20));
    browser.click(browser.field(form, "确定为发展对象"));
    complete("step07-target");

    // 8 备案
    form = claim("jg.clerk", Tasks.FILE_TARGET);
    browser.typeDate(browser.field(form, "备案日期"), LocalDate.of(2024, 10, 22));
    complete("step08-target-filed");

    // 9 入党介绍人: the contacts, so no reason is asked
    form = claim("guitu.clerk", Tasks.ASSIGN_INTRODUCERS);
    browser.pick(form, "入党介绍人一", "马建", "马建国（1001，正式党员）");
    browser.pick(form, "入党介绍人二", "何秀", "何秀英（1002，正式党员）");
    assertThat(details.findElements(By.xpath(".//label[contains(normalize-space(.),'确定理由')]"))).isEmpty();
    complete("step09-introducers");

    // 10 政治审查
    form = claim("guitu.clerk", Tasks.POLITICAL_REVIEW);
    browser.typeDate(browser.field(form, "政审日期"), LocalDate.of(2024, 11, 1));
    browser.click(browser.field(form, "同本人谈话"));
    browser.click(browser.field(form, "查阅有关材料"));
    browser.click(browser.field(form, "合格"));
    browser.type(browser.field(form, "政审综合性材料摘要"), "本人及直系亲属政治历史清楚，无违法违纪记录。");
    complete("step10-political-review");

    // 11 集中培训
    form = claim("jg.clerk", Tasks.CONCENTRATED_TRAINING);
    browser.typeDate(browser.field(form, "培训开始日期"), LocalDate.of(2024, 11, 5));
    browser.typeDate(browser.field(form, "培训结束日期"), LocalDate.of(2024, 11, 7));
    browser.typeCount(browser.field(form, "培训学时"), "24");
    browser.field(form, "培训学时").sendKeys(Keys.TAB);
    browser.click(browser.field(form, "培训合格"));
    browser.type(browser.field(form, "结业证书编号"), "GXQ-2024-017");
    complete("step11-training");

    // 12 支委会审查
    form = claim("guitu.clerk", Tasks.BRANCH_COMMITTEE_REVIEW);
    browser.typeDate(browser.field(form, "审查日期"), LocalDate.of(2024, 11, 10));
    browser.type(browser.field(form, "审查意见"), "符合发展条件，同意提交支部大会讨论。");
    browser.click(browser.field(form, "同意提交支部大会讨论（报上级党委预审）"));
    complete("step12-branch-review");

    // 13 预审
    form = claim("jg.clerk", Tasks.PRE_REVIEW);
    browser.typeDate(browser.field(form, "预审日期"), LocalDate.of(2024, 11, 12));
    browser.click(browser.field(form, "预审合格"));
    browser.type(browser.field(form, "预审书面通知"), "经预审，同意提交支部大会讨论。");
    complete("step13-pre-review");

    // 14 志愿书
    form = claim("guitu.clerk", Tasks.FILL_VOLUNTEER_FORM);
    browser.type(browser.field(form, "入党志愿书编号"), "GT2024001");
    browser.typeDate(browser.field(form, "填写日期"), LocalDate.of(2024, 11, 15));
    complete("step14-volunteer-form");

    // 15 支部大会, by the branch's other clerk
    form = claim("guitu.clerk2", Tasks.ADMISSION_MEETING);
    browser.typeDate(browser.field(form, "支部大会日期"), LocalDate.parse(VOTES_RECORD));
    branchVotes(form);
    complete("step15-admission-meeting");

    // 16 谈话
    form = claim("jg.clerk", Tasks.COMMITTEE_TALK);
    browser.typeDate(browser.field(form, "谈话日期"), LocalDate.of(2024, 11, 25));
    browser.type(browser.field(form, "谈话人"), "赵敏");
    browser.type(browser.field(form, "谈话意见"), "入党动机端正，同意接收为预备党员。");
    complete("step16-committee-talk");

    // 17 审批: the committee's vote (issue 16)
    form = claim("jg.approver", Tasks.ADMISSION_APPROVAL);
    assertThat(facts().getText()).contains("应到10人，实到8人，赞成6票").doesNotContain("{{");
    browser.typeDate(browser.field(form, "审批日期"), LocalDate.of(2024, 12, 1));
    committeeVotes(form);
    browser.click(browser.field(form, "批准为预备党员"));
    browser.visible(details, By.xpath(".//*[contains(normalize-space(), '表决通过')]"));
    complete("step17-approval");
    assertThat(runtimeService.getVariables(pi.getId()))
        .containsEntry("admissionApprovalVotes", "党委会应到委员9人，实到7人，赞成6票，反对1票，弃权0票")
        .containsEntry("probationStartDate", VOTES_RECORD)
        .containsEntry("probationEndDate", "2025-11-20");

    // 18 备案
    form = claim("gxq.orgdept", Tasks.FILE_WITH_ORG_DEPT);
    browser.typeDate(browser.field(form, "备案日期"), LocalDate.of(2024, 12, 5));
    complete("step18-org-dept-filed");

    // 19, 20
    form = claim("guitu.clerk", Tasks.ASSIGN_BRANCH_GROUP);
    browser.select(form, "编入党支部", "规土局党支部");
    browser.type(browser.field(form, "党小组"), "第一党小组");
    complete("step19-branch-group");
    form = claim("guitu.clerk", Tasks.OATH);
    browser.typeDate(browser.field(form, "宣誓日期"), LocalDate.of(2024, 12, 10));
    complete("step20-oath");

    // 21 考察 three times, each opened by its quarterly timer
    for (LocalDate reviewed : List.of(LocalDate.of(2025, 2, 20), LocalDate.of(2025, 5, 20), LocalDate.of(2025, 8, 20))) {
      form = claim("guitu.clerk", Tasks.PROBATION_REVIEW);
      browser.typeDate(browser.field(form, "考察日期"), reviewed);
      browser.click(browser.field(form, "好"));
      browser.type(browser.field(form, "考察意见"), "预备期内表现良好，按时参加组织生活。");
      complete("step21-probation-review-" + reviewed.getMonthValue());
    }

    // 22 转正申请, opened a month before the probation ends
    form = claim("guitu.clerk", Tasks.CONVERSION_APPLICATION);
    browser.typeDate(browser.field(form, "转正申请日期"), LocalDate.of(2025, 10, 25));
    complete("step22-conversion-application");

    // 23 讨论转正: the branch meeting's resolution
    form = claim("guitu.clerk", Tasks.CONVERSION_MEETING);
    browser.typeDate(browser.field(form, "支部大会日期"), LocalDate.of(2025, 11, 21));
    branchVotes(form);
    browser.click(browser.field(form, "按期转为正式党员"));
    complete("step23-conversion-resolution");

    // 24 审批转正: the form shows the resolution it decides on; the committee's vote (issue 16)
    SearchContext approval = claim("jg.approver", Tasks.CONVERSION_APPROVAL);
    assertThat(facts().getText()).contains("支部大会决议：按期转正").doesNotContain("{{");
    browser.typeDate(browser.field(approval, "审批日期"), LocalDate.of(2025, 11, 28));
    committeeVotes(approval);
    browser.click(browser.field(approval, "批准支部大会的决议"));
    browser.wait.until(d -> browser.field(approval, "批准支部大会的决议").isSelected());
    browser.visible(details, By.xpath(".//*[contains(normalize-space(), '表决通过')]"));
    complete("step24-conversion-approval");

    // 25 归档
    form = claim("guitu.clerk", Tasks.ARCHIVE);
    browser.typeDate(browser.field(form, "归档日期"), LocalDate.of(2025, 12, 1));
    browser.type(browser.field(form, "档案存放位置"), "规土局党支部档案柜");
    for (String material : List.of("入党申请书", "入党志愿书", "政审材料", "转正申请书", "培养考察材料（含思想汇报、登记表）")) {
      browser.click(browser.field(form, material));
    }
    complete("step25-archive");
    browser.logout();

    // the case has ended, archived
    HistoricProcessInstance ended = historyService.createHistoricProcessInstanceQuery().processInstanceId(pi.getId())
        .singleResult();
    assertThat(ended.getEndTime()).as("case ended").isNotNull();
    assertThat(ended.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();

    // its 全程纪实: every step in order, done by the table's users, and no reminder or violation
    ResponseEntity<Map> response = new TestRestTemplate().withBasicAuth("guitu.clerk", TasklistBrowser.PASSWORD)
        .getForEntity("http://localhost:" + port + "/api/records/{ref}", Map.class, pi.getBusinessKey());
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
    Map<String, Object> record = response.getBody();
    assertThat(record).containsEntry("caseNumber", pi.getBusinessKey()).containsEntry("subject", name)
        .containsEntry("source", "history");
    List<Map<String, Object>> entries = (List<Map<String, Object>>) record.get("entries");
    assertThat(entries.get(0)).containsEntry("kind", "START").containsEntry("stepNumber", "1");
    assertThat(entries.get(entries.size() - 1)).containsEntry("kind", "END");
    List<Map<String, Object>> steps = entries.stream().filter(e -> "STEP".equals(e.get("kind"))).toList();
    assertThat(steps).extracting(e -> e.get("stepNumber")).containsExactly("2", "3", "4", "5", "6", "6", "7", "8",
        "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "21", "21", "22", "23", "24", "25");
    assertThat(steps).extracting(e -> e.get("actor")).allSatisfy(actor -> assertThat(actor).isNotNull());
    assertThat(steps.get(14).get("actor")).asString().endsWith("（guitu.clerk2）");
    assertThat(steps.get(16).get("actor")).asString().endsWith("（jg.approver）");
    assertThat(steps.get(17).get("actor")).asString().endsWith("（gxq.orgdept）");
    assertThat(steps.get(25).get("actor")).asString().endsWith("（jg.approver）");
    assertThat(entries).extracting(e -> e.get("name")).doesNotContain("提醒", "督办上报", "违规记录");
    browser.assertNothingBlockedByThePolicy();
  }

  /** Logs in as the user unless already logged in as them. */
  private void as(String user) {
    if (user.equals(loggedIn)) {
      return;
    }
    if (loggedIn != null) {
      browser.logout();
    }
    browser.login(user);
    loggedIn = user;
  }

  /**
   * Opens the case's next task as the user, from 本组待办 as a clerk finds it, and claims it. When the task is not open
   * yet, a timer stands before it: its jobs that are due run, as the job executor runs them.
   */
  private SearchContext claim(String user, String taskKey) {
    task = browser.wait.until(d -> {
      Task open = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey)
          .singleResult();
      if (open == null) {
        runDueJobs();
      }
      return open;
    });
    as(user);
    browser.openFromFilter("本组待办", task);
    details = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-details")));
    browser.click(browser.visible(details, By.cssSelector("button.claim")));
    browser.wait.until(d -> user.equals(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()));
    browser.wait.until(d -> details.findElements(By.cssSelector(".disabled-form")).isEmpty());
    return browser.visible(details, By.cssSelector("form.fjs-form"));
  }

  private void runDueJobs() {
    List<Job> due = new ArrayList<>(managementService.createJobQuery().processInstanceId(pi.getId()).executable().list());
    for (Job job : due) {
      managementService.executeJob(job.getId());
    }
  }

  /** The screenshot of the filled form (all of it), then 完成 until the task is gone. */
  private void complete(String step) throws IOException {
    // form-js marks a required field while it is being typed into, and clears the mark once it has the value
    new WebDriverWait(browser.driver, TasklistBrowser.TIMEOUT).withMessage("form errors at " + step)
        .until(d -> details.findElements(By.cssSelector(".fjs-form-field-error")).isEmpty());
    browser.screenshotWhole(String.format("%d-walk-%s", 200 + shot++, step), CONTENT);
    browser.complete(details, task.getId());
  }

  private void review(SearchContext form, LocalDate date) {
    // the count first, and left: form-js takes a number field's value a moment later and then draws the form again,
    // which empties a text typed meanwhile (seen on the 考察意见 typed right after it)
    browser.typeCount(browser.field(form, "收到思想汇报（份）"), "2");
    browser.field(form, "收到思想汇报（份）").sendKeys(Keys.TAB);
    browser.typeDate(browser.field(form, "考察日期"), date);
    browser.click(browser.field(form, "好"));
    browser.type(browser.field(form, "考察意见"), "学习认真，按时提交思想汇报。");
  }

  /** Steps 15 and 23: 应到 10, 实到 8, 赞成 6, 反对 1, 弃权 0, 书面同意 1. */
  private void branchVotes(SearchContext form) {
    browser.typeCount(browser.field(form, "应到会有表决权的正式党员"), "10");
    browser.typeCount(browser.field(form, "实到有表决权的正式党员"), "8");
    browser.typeCount(browser.field(form, "赞成票"), "6");
    browser.typeCount(browser.field(form, "反对票"), "1");
    browser.typeCount(browser.field(form, "弃权票"), "0");
    browser.typeCount(browser.field(form, "因故缺席党员书面表决同意"), "1");
    // form-js checks a field again when it is left: leave the last one before clicking what follows
    browser.field(form, "因故缺席党员书面表决同意").sendKeys(Keys.TAB);
  }

  /** Steps 17 and 24: 应到委员 9, 实到 7, 赞成 6, 反对 1, 弃权 0. */
  private void committeeVotes(SearchContext form) {
    browser.typeCount(browser.field(form, "应到会党委委员（人）"), "9");
    browser.typeCount(browser.field(form, "实到会党委委员（人）"), "7");
    browser.typeCount(browser.field(form, "赞成票"), "6");
    browser.typeCount(browser.field(form, "反对票"), "1");
    browser.typeCount(browser.field(form, "弃权票"), "0");
    browser.field(form, "弃权票").sendKeys(Keys.TAB);
  }

  /** 本案要点, the key facts the committee's forms open with. */
  private WebElement facts() {
    return browser.visible(details, By.xpath(
        ".//*[contains(@class,'fjs-form-field-text')][.//*[contains(normalize-space(), '本案要点')]]"));
  }

  /** A few Chinese characters unlikely to repeat between runs on a kept database. */
  private static String suffix() {
    String characters = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥";
    StringBuilder suffix = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      suffix.append(characters.charAt(ThreadLocalRandom.current().nextInt(characters.length())));
    }
    return suffix.toString();
  }
}
