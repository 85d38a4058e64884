package org.dangjian.flow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.dangjian.flow.organization.EngineIdentity;
import org.dangjian.flow.organization.StandingAuthorizations;
import org.dangjian.flow.organization.Organization;
import org.dangjian.flow.organization.OrganizationKind;
import org.dangjian.flow.organization.OrganizationRepository;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.dangjian.flow.ProcessTestSupport;
import org.dangjian.flow.development.MemberDevelopment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Drives the real Camunda Tasklist in headless Chromium: a branch clerk starts 发展党员 through the Chinese start
 * form, does step 2 (including a completion the server refuses), and clerks of another branch do not see the case
 * in their lists while a colleague of the same branch does. Screenshots go to target/screenshots/.
 *
 * <p>Form fields are found by their Chinese labels; Tasklist's own controls by their AngularJS attributes, never by
 * their text, so the test holds whichever language Tasklist shows (the browser asks for zh-CN).
 *
 * <p>Skipped where Debian's chromium-driver is not installed (/usr/bin/chromedriver); CI installs it.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
class TasklistBrowserTest {

  private static final Path SCREENSHOTS = TasklistBrowser.SCREENSHOTS;
  private static final Path DOWNLOADS = TasklistBrowser.DOWNLOADS;
  private static final Duration TIMEOUT = TasklistBrowser.TIMEOUT;
  private static final String PROCESS_NAME = TasklistBrowser.PROCESS_NAME;
  private static final String STEP_2 = "2 党组织派人谈话";
  private static final String PASSWORD = TasklistBrowser.PASSWORD;

  @LocalServerPort int port;
  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired FilterService filterService;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired OrganizationRepository organizations;
  @Autowired EngineIdentity engineIdentity;
  @Autowired StandingAuthorizations standingAuthorizations;
  @Autowired JdbcTemplate jdbc;

  private TasklistBrowser browser;
  // the browser's, for the steps that drive it directly
  private WebDriver driver;
  private WebDriverWait wait;

  @BeforeEach
  void startBrowser() throws IOException {
    browser = new TasklistBrowser(port, processEngine, taskService, filterService, identityService);
    browser.start();
    driver = browser.driver;
    wait = browser.wait;
  }

  @AfterEach
  void stopBrowser() throws IOException {
    if (browser != null) {
      browser.stop();
    }
  }

  @Test
  void branchClerkStartsACaseAndDoesTheTalkWhileOtherBranchesDoNotSeeIt() throws IOException {
    try {
      walkThrough();
    } catch (Throwable failure) {
      browser.saveState("failure-walkthrough");
      throw failure;
    }
  }

  @Test
  void supervisorSeesTheProcessDiagramInChineseCockpit() throws IOException {
    try {
      driver.get("http://localhost:" + port + "/camunda/app/cockpit/default/");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
      browser.screenshot("10-cockpit-login");
      browser.typeCredentials("gxq.supervisor");
      browser.submitCredentials("gxq.supervisor");
      openDiagram("MemberDevelopmentProcess", "SubProcess_Admission");
      wait.until(d -> d.findElement(By.tagName("body")).getText().contains("流程实例"));
      // the top level shows the five stages collapsed, readable at Cockpit's default zoom
      browser.screenshot("11-cockpit-member-development");
      // each stage opens from its drill-down icon, on a diagram of its own (the task names come with it)
      String[][] stages = {{"SubProcess_Application", "Task_ApplicantTalk"}, {"SubProcess_Activist", "Task_DetermineActivist"},
          {"SubProcess_Target", "Task_DetermineTarget"}, {"SubProcess_Admission", "Task_AdmissionMeeting"},
          {"SubProcess_Probation", "Task_ConversionMeeting"}};
      for (int i = 0; i < stages.length; i++) {
        String stage = stages[i][0];
        String task = stages[i][1];
        browser.click(By.cssSelector(".djs-overlays[data-container-id='" + stage + "'] .bjs-drilldown"));
        wait.until(d -> d.findElements(By.cssSelector("[data-element-id='" + task + "']")).stream()
            .anyMatch(WebElement::isDisplayed));
        browser.screenshot("11-cockpit-member-development-stage-" + (i + 1));
        browser.click(By.cssSelector(".bjs-breadcrumbs li:first-child a"));
        wait.until(d -> d.findElements(By.cssSelector(".djs-overlays[data-container-id='" + stage + "'] .bjs-drilldown")).stream()
            .anyMatch(WebElement::isDisplayed));
      }
      // an open case's user tasks: the supervisor sees who holds its step (read only)
      ProcessInstance started = startGuituCase("督导看", LocalDate.now().minusYears(30), LocalDate.now().minusDays(3));
      Task open = taskService.createTaskQuery().processInstanceId(started.getId()).singleResult();
      driver.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/process-instance/"
          + open.getProcessInstanceId() + "/runtime?tab=user-tasks-tab");
      wait.until(d -> d.findElement(By.tagName("body")).getText().contains(open.getName()));
      assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain("没有用户任务");
      browser.screenshot("13-cockpit-instance-user-tasks");
      driver.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/tasks");
      wait.until(d -> d.findElement(By.tagName("body")).getText().contains("已分配给 1 个或多个组"));
      browser.screenshot("14-cockpit-tasks");
      driver.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/dashboard");
      wait.until(d -> d.findElement(By.tagName("body")).getText().contains("未完成的人工任务"));
      browser.screenshot("15-cockpit-dashboard");
      // every other process at its default zoom
      Map<String, String> startEvents = Map.ofEntries(Map.entry("OrganizationGradingProcess", "StartEvent_GradingStarted"),
          Map.entry("GradingCampaign", "StartEvent_CampaignLaunched"),
          Map.entry("GradingBallotProcess", "StartEvent_BallotIssued"),
          Map.entry("RectificationProcess", "StartEvent_Rectification"),
          Map.entry("VillageHelpProcess", "StartEvent_AssignmentMade"),
          Map.entry("HelpCaseProcess", "StartEvent_HelpCaseOpened"),
          Map.entry("BranchMeetingsCampaign", "StartEvent_MeetingsCampaignLaunched"),
          Map.entry("BranchMeetingsProcess", "StartEvent_MeetingsYearStarted"),
          Map.entry("SecretaryReviewCampaign", "StartEvent_CampaignLaunched"),
          Map.entry("SecretaryReviewProcess", "StartEvent_ReviewStarted"),
          Map.entry("SecretaryReviewBallotProcess", "StartEvent_BallotIssued"));
      for (Map.Entry<String, String> process : new java.util.TreeMap<>(startEvents).entrySet()) {
        openDiagram(process.getKey(), process.getValue());
        browser.screenshot("12-cockpit-diagram-" + process.getKey());
      }
    } catch (Throwable failure) {
      browser.saveState("failure-cockpit");
      throw failure;
    }
  }

  /**
   * 督导总览 (issue 15, point 1) as gxq.supervisor: the plugin's dashboard entry, its page for 高新区工委, a drill-down
   * committee → branch → case → 全程纪实; Cockpit's 人工任务 without a refusal, a case's user tasks and its variables
   * without edit or delete; then jg.supervisor, who sees 高新区机关党委 and below only. Screenshots 140–149.
   */
  @Test
  void supervisorsSeeTheSupervisionOverviewAndDrillDownToACaseRecord() throws IOException {
    try {
      ProcessInstance started = startGuituCase("督导钻取", LocalDate.now().minusYears(28), LocalDate.now().minusDays(2));
      String caseNumber = (String) runtimeService.getVariable(started.getId(), "caseNumber");
      cockpitLogin("gxq.supervisor");
      driver.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/dashboard");
      wait.until(d -> !d.findElements(By.cssSelector(".dj-sv-dashboard .dj-stage-chart")).isEmpty());
      assertThat(text(".dj-sv-dashboard")).contains("督导总览", "高新区工委", "在办发展党员案件", "第一阶段 申请入党");
      screenshotTall("140-supervision-dashboard");

      driver.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/supervision");
      waitForSupervision();
      assertThat(text(".dj-sv")).contains("高新区工委 · 督导总览", "各阶段在办案件", "各组织案件分布", "高新区机关党委",
          "逾期步骤", "违规记录", "步骤平均用时", "分类定级", "驻村帮包", "东湖村");
      screenshotTall("141-supervision-working-committee");
      browser.click(By.cssSelector(".dj-units tr[data-organization='gxq-jg'] a.dj-drill"));
      wait.until(d -> text(".dj-sv").contains("高新区机关党委 · 督导总览"));
      waitForSupervision();
      assertThat(text(".dj-units")).contains("规土局党支部", "法院党支部", "科技局党支部");
      screenshotTall("142-supervision-committee");
      browser.click(By.cssSelector(".dj-units tr[data-organization='guitu'] a.dj-drill"));
      wait.until(d -> text(".dj-sv").contains("规土局党支部 · 在办案件"));
      waitForSupervision();
      String row = ".dj-cases tr[data-case='" + caseNumber + "']";
      wait.until(d -> !d.findElements(By.cssSelector(row)).isEmpty());
      assertThat(text(row)).contains("督导钻取", "第一阶段 申请入党", "2 党组织派人谈话", "规土局党支部 党务工作者");
      screenshotTall("143-supervision-branch-cases");
      browser.click(By.cssSelector(row + " a.dj-record"));
      wait.until(d -> d.findElement(By.tagName("body")).getText().contains(caseNumber));
      assertThat(driver.findElement(By.tagName("body")).getText()).contains("督导钻取");
      browser.screenshot("144-supervision-case-record");

      // Cockpit's own views: tasks per group without a refusal, the case's holders, variables read only
      driver.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/tasks");
      wait.until(d -> text("body").contains("guitu-clerk") || text("body").contains("规土局党支部"));
      assertThat(text("body")).doesNotContain("无法获取", "没有权限", "只有系统管理员");
      browser.screenshot("145-cockpit-tasks-per-group");
      driver.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/process-instance/" + started.getId()
          + "/runtime?tab=user-tasks-tab");
      wait.until(d -> text("body").contains("办理：规土局党支部 党务工作者"));
      browser.screenshot("146-cockpit-instance-user-tasks");
      driver.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/process-instance/" + started.getId()
          + "/runtime?tab=variables-tab");
      wait.until(d -> text("body").contains("candidateName"));
      assertThat(driver.findElements(By.cssSelector("button[ng-click='deleteVariable(v)']")).stream()
          .filter(WebElement::isDisplayed).toList()).isEmpty();
      assertThat(driver.findElements(By.cssSelector(".ctn-toolbar")).stream()
          .filter(WebElement::isDisplayed).toList()).isEmpty();
      browser.screenshot("147-cockpit-variables-read-only");

      // the committee's supervisor: 高新区机关党委 and its branches, nothing of the working committee
      dropSession();
      cockpitLogin("jg.supervisor");
      driver.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/supervision");
      waitForSupervision();
      assertThat(text(".dj-sv")).contains("高新区机关党委 · 督导总览", "规土局党支部").doesNotContain("东湖村", "高新区工委");
      screenshotTall("148-supervision-committee-supervisor");
      driver.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/supervision?organizationId=gxq");
      wait.until(d -> text(".dj-sv").contains("无权查看"));
      assertThat(text(".dj-error")).isEqualTo("无权查看“高新区工委”的督导总览：只有本组织及上级组织的督导可以查看");
      browser.screenshot("149-supervision-refused-above");
    } catch (Throwable failure) {
      browser.saveState("failure-supervision");
      throw failure;
    }
  }

  private void cockpitLogin(String user) {
    driver.get("http://localhost:" + port + "/camunda/app/cockpit/default/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
    browser.typeCredentials(user);
    browser.submitCredentials(user);
  }

  private void waitForSupervision() {
    wait.until(d -> !d.findElements(By.cssSelector(".dj-sv[data-loaded]")).isEmpty());
  }

  /** The text of the first element matching, read with textContent (long pages, hidden parts included). */
  private String text(String selector) {
    Object text = ((JavascriptExecutor) driver).executeScript(
        "const e = document.querySelector(arguments[0]); return e ? e.textContent : '';", selector);
    return String.valueOf(text).replaceAll("\\s+", " ");
  }

  /** The whole page: the window as tall as the document for the shot, then back. */
  private void screenshotTall(String name) throws IOException {
    Dimension normal = driver.manage().window().getSize();
    Number height = (Number) ((JavascriptExecutor) driver).executeScript(
        "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight,"
            + " ...Array.from(document.querySelectorAll('.ctn-main, .ctn-content, [ng-view]')).map(e => e.scrollHeight));");
    try {
      driver.manage().window().setSize(new Dimension(normal.getWidth(), Math.min(4000, Math.max(normal.getHeight(),
          height.intValue() + 120))));
      browser.screenshot(name);
    } finally {
      driver.manage().window().setSize(normal);
    }
  }

  /** Opens a process definition's latest version in Cockpit and waits until its diagram is drawn. */
  private void openDiagram(String processKey, String elementId) {
    String definitionId = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(processKey).latestVersion().singleResult().getId();
    driver.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/process-definition/" + definitionId
        + "/runtime");
    // the diagram renders from its diagram interchange, the Chinese element names with it; an element of this
    // process, since the previous process's diagram stays on the page until the new one is drawn
    String selector = "[data-element-id='" + elementId + "']";
    wait.until(d -> d.findElements(By.cssSelector(selector)).stream().anyMatch(WebElement::isDisplayed));
  }

  /**
   * 全程纪实 for an auditor: logs in on the Chinese welcome page (no Tasklist for auditors), opens the records
   * page from its link, reads a case of a branch below their working committee and downloads its PDF.
   */
  @Test
  void auditorOpensACaseRecordFromTheWelcomePageAndDownloadsItsPdf() throws IOException {
    try {
      ProcessInstance pi = startGuituCase("审计样例", LocalDate.of(1996, 6, 6), BusinessCalendar.today().minusDays(5));

      welcomeLogin("gxq.auditor", "20-auditor-welcome-login");
      WebElement recordsLink = wait.until(ExpectedConditions.elementToBeClickable(By.linkText("全程纪实查询")));
      // an auditor opens no Tasklist and no Cockpit
      assertThat(driver.findElements(By.cssSelector("a[href*='/app/tasklist/']"))).isEmpty();
      assertThat(driver.findElements(By.cssSelector("a[href*='/app/cockpit/']"))).isEmpty();
      browser.screenshot("21-auditor-welcome");

      follow(recordsLink, "/records.html");
      WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.xpath("//tbody[@id='cases']/tr[td[normalize-space()='" + pi.getBusinessKey() + "']]")));
      assertThat(row.getText()).contains("发展党员").contains("办理中");
      browser.screenshot("22-auditor-records");

      row.findElement(By.linkText("查看")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), pi.getBusinessKey()));
      String page = driver.findElement(By.tagName("body")).getText();
      assertThat(page).contains("全程纪实").contains("审计样例").contains("递交入党申请书");
      browser.screenshot("23-auditor-record-page");

      driver.navigate().back();
      row = wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.xpath("//tbody[@id='cases']/tr[td[normalize-space()='" + pi.getBusinessKey() + "']]")));
      try (Stream<Path> old = Files.list(DOWNLOADS)) {
        old.forEach(f -> f.toFile().delete());
      }
      row.findElement(By.linkText("PDF")).click();
      Path pdf = new WebDriverWait(driver, TIMEOUT).until(d -> {
        try (Stream<Path> files = Files.list(DOWNLOADS)) {
          // Chromium may create the file before it writes it: wait for a whole PDF (it ends with %%EOF)
          return files.filter(f -> f.toString().endsWith(".pdf")).filter(TasklistBrowserTest::isCompletePdf)
              .findFirst().orElse(null);
        } catch (IOException e) {
          return null;
        }
      });
      byte[] bytes = Files.readAllBytes(pdf);
      assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
      assertThat(pdf.getFileName().toString()).contains(pi.getBusinessKey());
      Files.copy(pdf, SCREENSHOTS.resolve("24-auditor-record.pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      browser.assertNothingBlockedByThePolicy();
    } catch (Throwable failure) {
      browser.saveState("failure-auditor");
      throw failure;
    }
  }

  private static boolean isCompletePdf(Path file) {
    try {
      String text = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
      return text.startsWith("%PDF-") && text.stripTrailing().endsWith("%%EOF");
    } catch (IOException e) {
      return false;
    }
  }

  /** 逾期待办 for a committee clerk: from the welcome page to the overdue steps of the committee's branches. */
  @Test
  void committeeClerkSeesOverdueStepsOfItsBranches() throws IOException {
    try {
      // an application of 40 days ago: the one-month talk deadline has passed
      ProcessInstance pi = startGuituCase("逾期样例", LocalDate.of(1997, 7, 7), BusinessCalendar.today().minusDays(40));

      welcomeLogin("jg.clerk", null);
      follow(wait.until(ExpectedConditions.elementToBeClickable(By.linkText("发展党员逾期待办"))), "/overdue.html");
      WebElement organization = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("organizationId")));
      // chosen by name from the organizations jg.clerk may see; the page sends the id
      wait.until(d -> organization.findElements(By.xpath("./option[normalize-space(.)='高新区机关党委']")).size() == 1);
      new Select(organization).selectByVisibleText("高新区机关党委");
      assertThat(organization.getDomProperty("value")).isEqualTo("gxq-jg");
      browser.click(By.cssSelector("#search button[type='submit']"));
      WebElement row = onSomePage(By.xpath("//tbody[@id='tasks']/tr[td[normalize-space()='" + pi.getBusinessKey()
          + "']]"));
      assertThat(row.getText()).contains("逾期样例").contains("规土局党支部").contains(STEP_2).contains("天");
      assertThat(driver.findElement(By.id("summary")).getText()).contains("项逾期待办");
      browser.screenshot("25-committee-overdue-list");

      row.findElement(By.linkText("查看")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), pi.getBusinessKey()));
      assertThat(driver.findElement(By.tagName("body")).getText()).contains("全程纪实").contains("逾期样例");
      browser.screenshot("26-committee-overdue-record");
      browser.assertNothingBlockedByThePolicy();
    } catch (Throwable failure) {
      browser.saveState("failure-overdue");
      throw failure;
    }
  }

  /**
   * The row on the overdue list, paging on with 下一页: the most overdue come first, and the suite's earlier cases
   * (dated in 2025) are more overdue than this test's (a database kept between runs holds ever more of them).
   */
  private WebElement onSomePage(By row) {
    wait.until(d -> d.findElement(By.id("summary")).getText().contains("项逾期待办"));
    while (true) {
      List<WebElement> found = driver.findElements(row);
      if (!found.isEmpty()) {
        return found.get(0);
      }
      WebElement next = driver.findElement(By.id("next"));
      assertThat(next.isEnabled()).as("a further page of the overdue list").isTrue();
      String shown = driver.findElement(By.id("summary")).getText();
      browser.click(next);
      wait.until(d -> !d.findElement(By.id("summary")).getText().equals(shown));
    }
  }

  /**
   * 管理: the administrator opens the administration page from the welcome page; the organization tree, the people
   * with their roles and a branch's registry show names, and organizations are chosen from lists of names.
   */
  @Test
  void administratorSeesTheTreePeopleAndRegistryByName() throws IOException {
    try {
      welcomeLogin("admin", null);
      follow(wait.until(ExpectedConditions.elementToBeClickable(By.linkText("管理：组织、人员与党员名册"))),
          "/admin.html");
      WebElement tree = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("organization-rows")));
      wait.until(d -> tree.getText().contains("规土局党支部"));
      assertThat(tree.getText()).contains("高新区工委").contains("高新区机关党委").contains("党支部");
      assertThat(new Select(driver.findElement(By.cssSelector("#organization-create select[name='parentId']")))
          .getOptions()).extracting(WebElement::getText).anyMatch(t -> t.contains("高新区机关党委"));
      // changing an organization: its new parent is chosen by name
      tree.findElement(By.xpath(".//tr[td[normalize-space()='guitu']]//button")).click();
      WebElement edit = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("organization-edit")));
      assertThat(edit.getText()).contains("修改组织：规土局党支部");
      assertThat(new Select(edit.findElement(By.name("parentId"))).getFirstSelectedOption().getText())
          .contains("高新区机关党委");
      browser.screenshotWhole("30-admin-organizations", "body");

      browser.click(By.cssSelector("nav .tab[data-section='people']"));
      WebElement people = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("people-rows")));
      wait.until(d -> people.getText().contains("规土局党支部 党务工作者"));
      assertThat(people.getText()).contains("王芳").contains("guitu.clerk");
      browser.screenshot("31-admin-people");

      browser.click(By.cssSelector("nav .tab[data-section='registry']"));
      new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("registry-branch"))))
          .selectByVisibleText("规土局党支部");
      WebElement members = driver.findElement(By.id("member-rows"));
      wait.until(d -> members.getText().contains("马建国"));
      assertThat(members.getText()).contains("正式党员");
      browser.screenshot("32-admin-registry");

      // 节假日: a year's holidays and make-up working days, each with its weekday; rows are added and removed
      browser.click(By.cssSelector("nav .tab[data-section='calendar']"));
      WebElement year = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("calendar-year")));
      wait.until(d -> !d.findElement(By.id("calendar-years")).getText().isEmpty());
      ((JavascriptExecutor) driver).executeScript(
          "arguments[0].value = '2026'; arguments[0].dispatchEvent(new Event('change'));", year);
      wait.until(d -> d.findElements(By.cssSelector("#holiday-rows input.day-date")).stream()
          .anyMatch(e -> "2026-10-01".equals(e.getDomProperty("value"))));
      // the make-up days' rows are drawn after the holidays' (and redrawn): found afresh until they show
      wait.until(d -> d.findElements(By.cssSelector("#make-up-rows input.day-date")).stream()
          .anyMatch(e -> "2026-10-10".equals(e.getDomProperty("value"))));
      WebElement makeUps = driver.findElement(By.id("make-up-rows"));
      assertThat(makeUps.getText()).contains("星期六").doesNotContain("星期三");
      assertThat(driver.findElement(By.id("calendar-years")).getText()).contains("2025").contains("2026");
      // the document scrolls, not the body: the screenshot grows by the document's overflow
      browser.screenshotWhole("33-admin-calendar", "html");
      int holidays = driver.findElements(By.cssSelector("#holiday-rows tr")).size();
      browser.click(By.id("add-holiday"));
      assertThat(driver.findElements(By.cssSelector("#holiday-rows tr"))).hasSize(holidays + 1);
      browser.click(By.cssSelector("#holiday-rows tr:last-child button"));
      assertThat(driver.findElements(By.cssSelector("#holiday-rows tr"))).hasSize(holidays);

      // 规则: both rule sets explained, the current one marked, and when a change applies
      browser.click(By.cssSelector("nav .tab[data-section='rules']"));
      WebElement ruleSets = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rule-set-options")));
      wait.until(d -> ruleSets.getText().contains("从严"));
      assertThat(ruleSets.getText()).contains("发展党员工作细则").contains("当前规则").contains("满6个月")
          .contains("不少于5个工作日");
      assertThat(driver.findElement(By.id("rules")).getText()).contains("已受理的案件始终按受理时的规则办理");
      // 三会一课: the days to rectify after 季审, editable on the same page within the server's bounds
      WebElement days = driver.findElement(By.id("meeting-rectification-days"));
      wait.until(d -> !days.getDomProperty("value").isEmpty());
      assertThat(days.getDomProperty("value")).matches("[0-9]+");
      assertThat(days.getDomProperty("min")).isEqualTo("1");
      assertThat(days.getDomProperty("max")).isEqualTo("90");
      assertThat(days.isEnabled()).isTrue();
      assertThat(driver.findElement(By.id("rules")).getText()).contains("季审责令整改的期限（天）")
          .contains("1–90 天，默认 30 天");
      browser.screenshotWhole("34-admin-rules", "html");
      browser.assertNothingBlockedByThePolicy();
    } catch (Throwable failure) {
      browser.saveState("failure-admin");
      throw failure;
    }
  }

  /**
   * 导入: the administrator downloads the template, fills in a working committee with a branch, a clerk, two
   * members and a paper case, checks it and sees the problem of a bad row (an ID number with a wrong check digit),
   * fixes it, checks again and imports; the imported branch's clerk then has the case's next step.
   */
  @Test
  void administratorImportsAWorkbookSeesTheProblemOfABadRowFixesItAndImportsAgain() throws Exception {
    try {
      String p = "b" + Long.toString(System.currentTimeMillis() % 10000000L, 36);
      welcomeLogin("admin", null);
      // what the browser sends once the administrator has answered its login prompt for /api (headless has none)
      ((ChromeDriver) driver).executeCdpCommand("Network.enable", Map.of());
      ((ChromeDriver) driver).executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of(
          "Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("admin:admin".getBytes(
              StandardCharsets.UTF_8)))));
      driver.get("http://localhost:" + port + "/admin.html");
      browser.click(By.cssSelector("nav .tab[data-section='imports']"));
      try (Stream<Path> old = Files.list(DOWNLOADS)) {
        old.forEach(f -> f.toFile().delete());
      }
      browser.click(By.id("template-link"));
      Path template = new WebDriverWait(driver, TIMEOUT).until(d -> {
        try (Stream<Path> files = Files.list(DOWNLOADS)) {
          return files.filter(f -> f.toString().endsWith(".xlsx")).filter(f -> f.toFile().length() > 1000)
              .findFirst().orElse(null);
        } catch (IOException e) {
          return null;
        }
      });
      LocalDate today = org.dangjian.flow.system.BusinessCalendar.today();
      String member1 = org.dangjian.flow.development.TestIdNumbers.forBirthDate(LocalDate.of(1978, 5, 6));
      String member2 = org.dangjian.flow.development.TestIdNumbers.forBirthDate(LocalDate.of(1981, 7, 8));
      String badMember2 = member2.substring(0, 17) + (member2.charAt(17) == '1' ? '2' : '1');
      Map<String, String> paperCase = org.dangjian.flow.administration.PaperCases.recordedThrough(2, p + "-zb",
          "钱申请", List.of(member1, member2), today, 3);
      Path bad = DOWNLOADS.resolve("填好的工作簿-有误.xlsx");
      Path fixed = DOWNLOADS.resolve("填好的工作簿.xlsx");
      for (Path file : List.of(bad, fixed)) {
        Files.write(file, org.dangjian.flow.administration.FilledTemplate.fill(Files.readAllBytes(template), Map.of(
            "组织", List.of(Map.of("id", p, "name", "浏览器工委" + p, "kind", "工委", "status", "正常"),
                Map.of("id", p + "-dw", "name", "浏览器党委" + p, "kind", "党委", "parentId", p, "approvalPower", "是",
                    "status", "正常"),
                Map.of("id", p + "-zb", "name", "浏览器党支部" + p, "kind", "党支部", "parentId", p + "-dw",
                    "status", "正常")),
            "人员", List.of(Map.of("userId", p + ".clerk", "name", "孙书记", "roles", p + "-zb:clerk",
                "initialPassword", "Chushi-2026")),
            "党员名册", List.of(
                Map.of("name", "周党员", "gender", "男", "birthDate", "1978-05-06", "idNumber", member1,
                    "branchId", p + "-zb", "status", "正式党员", "fullMembershipDate", "2004-07-01",
                    "disciplineStatus", "无"),
                Map.of("name", "吴党员", "gender", "女", "birthDate", "1981-07-08",
                    "idNumber", file == bad ? badMember2 : member2, "branchId", p + "-zb", "status", "正式党员",
                    "fullMembershipDate", "2006-07-01", "disciplineStatus", "无")),
            "在办发展党员", List.of(paperCase))));
      }

      driver.findElement(By.id("import-file")).sendKeys(bad.toAbsolutePath().toString());
      browser.click(By.id("import-check"));
      WebElement problems = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-problems")));
      assertThat(problems.getText()).contains("党员名册").contains("idNumber").contains("居民身份证号码");
      assertThat(driver.findElement(By.id("import-summary")).getText()).contains("未作任何修改");
      browser.screenshotWhole("35-admin-import-problems", "html");
      assertThat(jdbc.queryForObject("select count(*) from organization where id = ?", Integer.class, p)).isZero();

      driver.findElement(By.id("import-file")).clear();
      driver.findElement(By.id("import-file")).sendKeys(fixed.toAbsolutePath().toString());
      browser.click(By.id("import-check"));
      wait.until(d -> d.findElement(By.id("import-summary")).getText().contains("检查通过"));
      assertThat(driver.findElement(By.id("import-problems")).isDisplayed()).isFalse();
      browser.click(By.id("import-run"));
      wait.until(d -> d.findElement(By.id("import-summary")).getText().contains("已导入"));
      assertThat(driver.findElement(By.id("import-counts")).getText()).contains("在办发展党员 1 1 0 0");
      browser.screenshotWhole("36-admin-import-done", "html");
      String caseNumber = jdbc.queryForObject("select case_number from party_member where active_id_number = ?",
          String.class, paperCase.get("idNumber"));
      assertThat(driver.findElement(By.id("import-summary")).getText()).contains(caseNumber);
      assertThat(taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
          .taskCandidateGroup(p + "-zb-clerk").singleResult().getTaskDefinitionKey())
          .isEqualTo(MemberDevelopment.Tasks.DETERMINE_ACTIVIST);
      browser.assertNothingBlockedByThePolicy();
    } catch (Throwable failure) {
      browser.saveState("failure-import");
      throw failure;
    }
  }

  // ---- issue 14: context at decisions

  /**
   * Steps 13, 17 and 24 are decided by the committee on the branch's earlier steps: their forms show the key facts
   * (reviews, training, votes, probation) and link to the 全程纪实. Three paper cases are imported at those steps.
   */
  @Test
  void decisionStepsShowTheEarlierStepsKeyFactsAndLinkToTheRecord() throws Exception {
    try {
      LocalDate today = org.dangjian.flow.system.BusinessCalendar.today();
      org.springframework.boot.test.web.client.TestRestTemplate admin =
          new org.springframework.boot.test.web.client.TestRestTemplate().withBasicAuth("admin", "admin");
      String base = "http://localhost:" + port;
      byte[] template = admin.getForEntity(base + "/api/admin/import-template.xlsx", byte[].class).getBody();
      Map<Integer, String> decidedAt = Map.of(12, "13 上级党委预审", 16, "17 上级党委审批", 23, "24 上级党委审批转正");
      List<Map<String, String>> rows = new ArrayList<>();
      for (int stage : List.of(12, 16, 23)) {
        rows.add(org.dangjian.flow.administration.PaperCases.recordedThrough(stage, "guitu",
            "要点" + (char) ('甲' + stage % 3) + ThreadLocalRandom.current().nextInt(1000), List.of("1001", "1002"),
            today, 4));
      }
      byte[] workbook = org.dangjian.flow.administration.FilledTemplate.fill(template, Map.of("在办发展党员", rows));
      org.springframework.http.ResponseEntity<Map> imported = admin.postForEntity(base + "/api/admin/imports?dryRun=false",
          org.dangjian.flow.administration.FilledTemplate.upload(workbook, "要点.xlsx"), Map.class);
      assertThat(imported.getStatusCode().value()).as("%s", imported.getBody()).isEqualTo(200);
      List<String> caseNumbers = (List<String>) imported.getBody().get("cases");

      int shot = 37;
      for (int i = 0; i < 3; i++) {
        String caseNumber = caseNumbers.get(i);
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();
        String step = decidedAt.get(List.of(12, 16, 23).get(i));
        assertThat(task.getName()).isEqualTo(step);
        String user = step.startsWith("13") ? "jg.clerk" : "jg.approver";
        browser.login(user);
        browser.openFromFilter("本组待办", task);
        WebElement facts = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
            "//*[contains(@class,'fjs-form-field-text')][.//*[contains(normalize-space(), '本案要点')]]")));
        assertThat(facts.getText()).doesNotContain("{{");
        if (step.startsWith("13")) {
          assertThat(facts.getText()).contains("半年考察 2 次").contains("24 学时").contains("符合发展条件");
        } else if (step.startsWith("17")) {
          assertThat(facts.getText()).contains("应到10人，实到9人，赞成9票").contains("同意接收").contains("24 学时");
        } else {
          assertThat(facts.getText()).contains("决议：按期转正").contains("继续教育考察 3 次").contains("赞成9票");
        }
        WebElement record = facts.findElement(By.linkText("查看全程纪实"));
        assertThat(record.getDomAttribute("href")).isEqualTo("/api/records/" + caseNumber + ".html");
        browser.screenshot(shot++ + "-decision-facts-step" + step.substring(0, step.indexOf(' ')));
        browser.logout();
      }
      browser.assertNothingBlockedByThePolicy();
    } catch (Throwable failure) {
      browser.saveState("failure-decision-facts");
      throw failure;
    }
  }

  /**
   * Steps 17 and 24 are the committee's collective vote (细则 Art. 24): the approver types the counts, the form warns
   * at once of a meeting without quorum or a vote that does not carry, the server refuses an approval the vote does
   * not carry; step 24 shows which resolution of the branch meeting it decides on (Art. 32). Two paper cases are
   * imported at those steps.
   */
  @Test
  void committeeVotesAtSteps17And24AndTheFormWarnsOfAVoteThatDoesNotCarry() throws Exception {
    try {
      LocalDate today = org.dangjian.flow.system.BusinessCalendar.today();
      org.springframework.boot.test.web.client.TestRestTemplate admin =
          new org.springframework.boot.test.web.client.TestRestTemplate().withBasicAuth("admin", "admin");
      String base = "http://localhost:" + port;
      byte[] template = admin.getForEntity(base + "/api/admin/import-template.xlsx", byte[].class).getBody();
      List<Map<String, String>> rows = new ArrayList<>();
      for (int stage : List.of(16, 23)) {
        rows.add(org.dangjian.flow.administration.PaperCases.recordedThrough(stage, "guitu",
            "表决" + (char) ('甲' + stage % 3) + ThreadLocalRandom.current().nextInt(1000), List.of("1001", "1002"),
            today, 4));
      }
      byte[] workbook = org.dangjian.flow.administration.FilledTemplate.fill(template, Map.of("在办发展党员", rows));
      org.springframework.http.ResponseEntity<Map> imported = admin.postForEntity(base + "/api/admin/imports?dryRun=false",
          org.dangjian.flow.administration.FilledTemplate.upload(workbook, "表决.xlsx"), Map.class);
      assertThat(imported.getStatusCode().value()).as("%s", imported.getBody()).isEqualTo(200);
      List<String> caseNumbers = (List<String>) imported.getBody().get("cases");

      // step 17
      Task approval = taskService.createTaskQuery().processInstanceBusinessKey(caseNumbers.get(0)).singleResult();
      assertThat(approval.getTaskDefinitionKey()).isEqualTo(MemberDevelopment.Tasks.ADMISSION_APPROVAL);
      browser.login("jg.approver");
      browser.openFromFilter("本组待办", approval);
      WebElement details = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-details")));
      browser.click(browser.visible(details, By.cssSelector("button.claim")));
      wait.until(d -> details.findElements(By.cssSelector(".disabled-form")).isEmpty());
      SearchContext form = browser.visible(details, By.cssSelector("form.fjs-form"));
      browser.typeDate(browser.field(form, "审批日期"), today.minusDays(2));
      browser.typeCount(browser.field(form, "应到会党委委员（人）"), "9");
      browser.typeCount(browser.field(form, "实到会党委委员（人）"), "4");
      browser.typeCount(browser.field(form, "赞成票"), "4");
      browser.typeCount(browser.field(form, "反对票"), "0");
      browser.typeCount(browser.field(form, "弃权票"), "0");
      browser.field(form, "弃权票").sendKeys(Keys.TAB);
      WebElement noQuorum = browser.visible(details, By.xpath(".//*[contains(normalize-space(), '到会委员未超过应到会委员的半数')]"));
      browser.scrollToCenter(noQuorum);
      browser.screenshot("100-step17-no-quorum-warned");
      browser.typeCount(browser.field(form, "实到会党委委员（人）"), "7");
      browser.typeCount(browser.field(form, "反对票"), "3");
      browser.field(form, "反对票").sendKeys(Keys.TAB);
      browser.visible(details, By.xpath(".//*[contains(normalize-space(), '表决未通过，不能选择批准')]"));
      browser.click(browser.field(form, "批准为预备党员"));
      browser.click(browser.completeButton(details));
      WebElement refusal = wait.until(d -> browser.visibleAlert("办理未通过校验"));
      assertThat(refusal.getText()).contains("赞成4票，未超过应到会委员9人的半数，表决未通过，不能记录为批准")
          .doesNotContain("ENGINE-", "Exception");
      browser.screenshot("101-step17-not-carried-refused");
      assertThat(taskService.createTaskQuery().taskId(approval.getId()).count()).as("refused task stays open").isOne();
      browser.dismissNotifications();
      browser.typeCount(browser.field(form, "赞成票"), "6");
      browser.typeCount(browser.field(form, "反对票"), "1");
      browser.field(form, "反对票").sendKeys(Keys.TAB);
      browser.visible(details, By.xpath(".//*[contains(normalize-space(), '表决通过')]"));
      browser.screenshotWhole("102-step17-carried", ".task-details .three-cols-layout-cell.content");
      browser.complete(details, approval.getId());
      assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(approval.getProcessInstanceId())
          .variableName("admissionApprovalVotes").singleResult().getValue())
          .isEqualTo("党委会应到委员9人，实到7人，赞成6票，反对1票，弃权0票");

      // step 24: the resolution it decides on, and the vote
      Task conversion = taskService.createTaskQuery().processInstanceBusinessKey(caseNumbers.get(1)).singleResult();
      assertThat(conversion.getTaskDefinitionKey()).isEqualTo(MemberDevelopment.Tasks.CONVERSION_APPROVAL);
      browser.openFromFilter("本组待办", conversion);
      WebElement details24 = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-details")));
      browser.click(browser.visible(details24, By.cssSelector("button.claim")));
      wait.until(d -> details24.findElements(By.cssSelector(".disabled-form")).isEmpty());
      SearchContext form24 = browser.visible(details24, By.cssSelector("form.fjs-form"));
      WebElement facts = browser.visible(details24, By.xpath(".//*[contains(@class,'fjs-form-field-text')][.//*[contains(normalize-space(), '本案要点')]]"));
      assertThat(facts.getText()).contains("支部大会决议：按期转正").contains("第三十二条").doesNotContain("{{");
      browser.screenshot("103-step24-resolution-shown");
      browser.typeDate(browser.field(form24, "审批日期"), today.minusDays(2));
      browser.typeCount(browser.field(form24, "应到会党委委员（人）"), "9");
      browser.typeCount(browser.field(form24, "实到会党委委员（人）"), "8");
      browser.typeCount(browser.field(form24, "赞成票"), "7");
      browser.typeCount(browser.field(form24, "反对票"), "0");
      browser.typeCount(browser.field(form24, "弃权票"), "1");
      // form-js checks a field again when it is left: leave it before clicking the radio button under it
      browser.field(form24, "弃权票").sendKeys(Keys.TAB);
      browser.click(browser.field(form24, "批准支部大会的决议"));
      wait.until(d -> browser.field(form24, "批准支部大会的决议").isSelected());
      browser.visible(details24, By.xpath(".//*[contains(normalize-space(), '表决通过')]"));
      browser.screenshotWhole("104-step24-carried", ".task-details .three-cols-layout-cell.content");
      browser.complete(details24, conversion.getId());
      assertThat(taskService.createTaskQuery().processInstanceBusinessKey(caseNumbers.get(1)).singleResult()
          .getTaskDefinitionKey()).isEqualTo(MemberDevelopment.Tasks.ARCHIVE);
      browser.screenshot("105-step24-done");
      browser.logout();
      browser.assertNothingBlockedByThePolicy();
    } catch (Throwable failure) {
      browser.saveState("failure-committee-votes");
      throw failure;
    }
  }

  /** A 发展党员 case of 规土局党支部, started by its clerk as Tasklist does. */
  private ProcessInstance startGuituCase(String candidateName, LocalDate birthDate, LocalDate applicationDate) {
    Map<String, Object> application = new java.util.HashMap<>(Map.of("candidateName", candidateName,
        "gender", "male", "ethnicity", "汉族", "birthDate", birthDate.toString(), "idNumber", browser.idNumberFor(birthDate),
        "education", "bachelor", "occupation", "教师", "phone", "13800138000", "leagueMember", false));
    application.put("branchId", "guitu");
    application.put("applicationDate", applicationDate.toString());
    identityService.setAuthentication("guitu.clerk", List.of("guitu-clerk"));
    try {
      return runtimeService.startProcessInstanceByKey(MemberDevelopment.PROCESS_KEY, application);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** Logs in on the Chinese welcome page, with a screenshot of the filled-in form if named. */
  private void welcomeLogin(String user, String screenshotName) throws IOException {
    driver.get("http://localhost:" + port + "/camunda/app/welcome/default/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
    browser.typeCredentials(user);
    if (screenshotName != null) {
      browser.screenshot(screenshotName);
    }
    browser.submitCredentials(user);
  }

  /** Follows a link of the welcome page, which may open its page in another tab. */
  private void follow(WebElement link, String page) {
    link.click();
    wait.until(d -> d.getWindowHandles().size() > 1 || d.getCurrentUrl().contains(page));
    for (String handle : driver.getWindowHandles()) {
      driver.switchTo().window(handle);
      if (driver.getCurrentUrl().contains(page)) {
        break;
      }
    }
  }

  /**
   * 分类定级 steps 1 to 3 in Tasklist: the total is computed in the form, the evaluators are picked from a list;
   * an evaluator reads the self-assessment on the ballot and casts it; the committee's clerk reads the comments,
   * unsigned, through the decision form's link.
   */
  @Test
  void secretarySelfAssessesAnEvaluatorCastsABallotAndTheCommitteeReadsTheCommentsUnsigned() throws IOException {
    try {
      // a branch of its own, so the suite also runs on a database that keeps earlier runs
      String org = "b" + java.util.UUID.randomUUID().toString().substring(0, 8);
      organizations.save(new Organization(org, "浏览器测试党支部", OrganizationKind.BRANCH, "gxq-jg", false), 99);
      engineIdentity.synchronizeGroups();
      engineIdentity.ensureUser(org + ".secretary", "测", "试", PASSWORD, org + "-secretary");
      for (int i = 1; i <= 5; i++) {
        engineIdentity.ensureUser(org + ".eval" + i, "测评", "人" + i, PASSWORD, org + "-evaluator");
      }
      standingAuthorizations.ensure();
      // as the committee's campaign starts it: by the engine
      ProcessInstance pi = runtimeService.startProcessInstanceByKey("OrganizationGradingProcess",
          Map.of("organizationId", org, "year", 2025, "evaluationDays", 10));
      Task selfAssessment = browser.openTask(pi, "Task_SelfAssessment");

      browser.open();
      browser.typeCredentials(org + ".secretary");
      browser.submitLogin(org + ".secretary");
      browser.openFromFilter("本组待办", selfAssessment);
      WebElement details = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-details")));
      browser.click(browser.visible(details, By.cssSelector("button.claim")));
      wait.until(d -> details.findElements(By.cssSelector(".disabled-form")).isEmpty());
      SearchContext form = browser.visible(details, By.cssSelector("form.fjs-form"));
      for (String label : List.of("领导班子好（0–20分）", "党员队伍好（0–20分）", "工作机制好（0–20分）",
          "工作业绩好（0–20分）", "群众反映好（0–20分）")) {
        browser.type(browser.field(form, label), "18");
      }
      wait.until(d -> browser.visible(details, By.cssSelector("form.fjs-form")).getText().contains("自评总分：90"));
      browser.type(browser.field(form, "自评报告"), "班子团结，制度落实。");
      for (int i = 1; i <= 5; i++) {
        browser.click(browser.field(form, "测评人" + i + "（" + org + ".eval" + i + "）"));
      }
      browser.screenshotWhole("12-grading-self-assessment", ".task-details .three-cols-layout-cell.content");
      browser.complete(details, selfAssessment.getId());
      assertThat(browser.visibleAlert("")).as("error shown when completing").isNull();
      assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
          .variableName("selfTotal").singleResult().getValue()).isEqualTo(90);
      // one ballot (测评票) per evaluator, each a process of its own called by the grading
      List<String> ballots = runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).list()
          .stream().map(ProcessInstance::getId).toList();
      assertThat(ballots).hasSize(5);

      // step 2 in Tasklist: the evaluator sees the self-assessment the form shows, and casts the ballot
      Task ballot = taskService.createTaskQuery().processInstanceIdIn(ballots.toArray(String[]::new))
          .taskAssignee(org + ".eval1").singleResult();
      browser.logout();
      browser.login(org + ".eval1");
      browser.openFromFilter("我的待办", ballot);
      WebElement ballotDetails = wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector(".task-details")));
      SearchContext ballotForm = browser.visible(ballotDetails, By.cssSelector("form.fjs-form"));
      wait.until(d -> browser.visible(ballotDetails, By.cssSelector("form.fjs-form")).getText().contains("自评总分： 90")
          || browser.visible(ballotDetails, By.cssSelector("form.fjs-form")).getText().contains("自评总分：90"));
      assertThat(browser.visible(ballotDetails, By.cssSelector("form.fjs-form")).getText()).contains("班子团结，制度落实。");
      browser.click(browser.field(ballotForm, "基本满意"));
      browser.type(browser.field(ballotForm, "意见建议"), "希望多开展主题党日活动。");
      browser.screenshotWhole("13-grading-ballot", ".task-details .three-cols-layout-cell.content");
      browser.complete(ballotDetails, ballot.getId());
      assertThat(taskService.createTaskQuery().taskId(ballot.getId()).count()).as("ballot cast").isZero();
      assertThat(browser.visibleAlert("")).as("error shown when casting the ballot").isNull();
      assertThat(jdbc.queryForObject("select count(*) from secret_ballot where process_instance_id = ?"
          + " and evaluator_id = ? and choice = 'basicallySatisfied'", Integer.class, pi.getId(),
          org + ".eval1")).isEqualTo(1);

      // the others vote; the committee's clerk follows the decision form's link to the unsigned comments
      for (int i = 2; i <= 5; i++) {
        String evaluator = org + ".eval" + i;
        identityService.setAuthentication(evaluator, List.of(org + "-evaluator"));
        try {
          taskService.complete(taskService.createTaskQuery().processInstanceIdIn(ballots.toArray(String[]::new))
              .taskAssignee(evaluator).singleResult().getId(), Map.of("satisfaction", "satisfied"));
        } finally {
          identityService.clearAuthentication();
        }
      }
      Task decision = browser.openTask(pi, "Task_CommitteeDecision");
      browser.logout();
      browser.login("jg.clerk");
      browser.openFromFilter("本组待办", decision);
      WebElement decisionDetails = wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector(".task-details")));
      WebElement link = browser.visible(browser.visible(decisionDetails, By.cssSelector("form.fjs-form")),
          By.xpath(".//a[normalize-space(.)='查看测评意见建议（不署名）']"));
      assertThat(link.getDomAttribute("href")).isEqualTo("/api/grading/organizations/" + org
          + "/2025/evaluation-comments");
      driver.get("http://localhost:" + port + link.getDomAttribute("href"));
      wait.until(d -> d.findElement(By.tagName("body")).getText().contains("希望多开展主题党日活动。"));
      assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain(".eval");
    } catch (Throwable failure) {
      browser.saveState("failure-grading");
      throw failure;
    }
  }

  /**
   * 述职评议 in Tasklist (issue 17): the secretary reports (述职), an evaluator casts a secret ballot (测评), the committee's
   * clerk decides a level other than the proposal: the form asks for the reason, the server refuses without one.
   * Screenshots 180–183.
   */
  @Test
  void aSecretaryReportsAnEvaluatorVotesAndTheCommitteeDecidesInTasklist() throws IOException {
    try {
      String org = "r" + java.util.UUID.randomUUID().toString().substring(0, 8);
      organizations.save(new Organization(org, "浏览器述职测试党支部", OrganizationKind.BRANCH, "gxq-jg", false), 99);
      engineIdentity.synchronizeGroups();
      engineIdentity.ensureUser(org + ".secretary", "述", "职", PASSWORD, org + "-secretary");
      for (int i = 1; i <= 5; i++) {
        engineIdentity.ensureUser(org + ".eval" + i, "测评", "人" + i, PASSWORD, org + "-evaluator");
      }
      standingAuthorizations.ensure();
      ProcessInstance pi = runtimeService.startProcessInstanceByKey("SecretaryReviewProcess",
          Map.of("organizationId", org, "year", 2025, "evaluationDays", 10));
      Task report = browser.openTask(pi, "Task_SecretaryReport");

      browser.login(org + ".secretary");
      browser.openFromFilter("本组待办", report);
      WebElement details = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-details")));
      browser.click(browser.visible(details, By.cssSelector("button.claim")));
      wait.until(d -> details.findElements(By.cssSelector(".disabled-form")).isEmpty());
      SearchContext form = browser.visible(details, By.cssSelector("form.fjs-form"));
      browser.type(browser.field(form, "履职成效"), "落实三会一课，完成党员发展任务。");
      browser.type(browser.field(form, "存在问题"), "理论学习不够深入。");
      browser.type(browser.field(form, "下步打算"), "每月开展主题党日。");
      browser.typeDate(browser.field(form, "述职日期"), LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1));
      browser.screenshotWhole("180-secretary-review-report", ".task-details .three-cols-layout-cell.content");
      browser.complete(details, report.getId());
      assertThat(browser.visibleAlert("")).as("error shown when reporting").isNull();

      // 点评 by the committee (its form is the REST contract's; here through the engine), five evaluators
      Task comments = browser.openTask(pi, "Task_ReviewComments");
      identityService.setAuthentication("jg.clerk", List.of("gxq-jg-clerk"));
      try {
        taskService.complete(comments.getId(), Map.of("comments", "抓党建有成效", "problemsRaised", List.of(),
            "evaluators", List.of(org + ".eval1", org + ".eval2", org + ".eval3", org + ".eval4", org + ".eval5")));
      } finally {
        identityService.clearAuthentication();
      }
      List<String> ballots = runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).list()
          .stream().map(ProcessInstance::getId).toList();
      assertThat(ballots).hasSize(5);
      Task ballot = taskService.createTaskQuery().processInstanceIdIn(ballots.toArray(String[]::new))
          .taskAssignee(org + ".eval1").singleResult();
      browser.logout();
      browser.login(org + ".eval1");
      browser.openFromFilter("我的待办", ballot);
      WebElement ballotDetails = wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector(".task-details")));
      SearchContext ballotForm = browser.visible(ballotDetails, By.cssSelector("form.fjs-form"));
      wait.until(d -> browser.visible(ballotDetails, By.cssSelector("form.fjs-form")).getText().contains("理论学习不够深入。"));
      browser.click(browser.field(ballotForm, "较好"));
      browser.screenshotWhole("181-secretary-review-ballot", ".task-details .three-cols-layout-cell.content");
      browser.complete(ballotDetails, ballot.getId());
      assertThat(taskService.createTaskQuery().taskId(ballot.getId()).count()).as("ballot cast").isZero();
      assertThat(jdbc.queryForObject("select count(*) from secret_ballot where process_instance_id = ?"
          + " and evaluator_id = ? and choice = 'fairlyGood'", Integer.class, pi.getId(), org + ".eval1")).isEqualTo(1);
      assertThat(historyService.createHistoricDetailQuery().taskId(ballot.getId()).count())
          .as("nothing the ballot submitted in the history").isZero();
      for (int i = 2; i <= 5; i++) {
        String evaluator = org + ".eval" + i;
        identityService.setAuthentication(evaluator, List.of(org + "-evaluator"));
        try {
          taskService.complete(taskService.createTaskQuery().processInstanceIdIn(ballots.toArray(String[]::new))
              .taskAssignee(evaluator).singleResult().getId(), Map.of("rating", "good"));
        } finally {
          identityService.clearAuthentication();
        }
      }

      // 评定: four 好 and one 较好 propose 好; the clerk chooses 较好, and the form asks why
      Task decision = browser.openTask(pi, "Task_ReviewDecision");
      browser.logout();
      browser.login("jg.clerk");
      browser.openFromFilter("本组待办", decision);
      WebElement decisionDetails = wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector(".task-details")));
      browser.click(browser.visible(decisionDetails, By.cssSelector("button.claim")));
      wait.until(d -> decisionDetails.findElements(By.cssSelector(".disabled-form")).isEmpty());
      SearchContext decisionForm = browser.visible(decisionDetails, By.cssSelector("form.fjs-form"));
      wait.until(d -> browser.visible(decisionDetails, By.cssSelector("form.fjs-form")).getText()
          .contains("建议等次（按评定规则自动建议）：好"));
      assertThat(browser.visible(decisionDetails, By.cssSelector("form.fjs-form")).getText()).contains("好 4，较好 1")
          .doesNotContain(org + ".eval");
      browser.select(decisionForm, "评定等次", "较好");
      WebElement reason = browser.field(decisionForm, "调整理由（评定等次与建议等次不同时必填）");
      browser.screenshotWhole("182-secretary-review-decision-reason-asked", ".task-details .three-cols-layout-cell.content");
      browser.type(reason, "年内有一项整改未按期完成。");
      browser.screenshotWhole("183-secretary-review-decision", ".task-details .three-cols-layout-cell.content");
      browser.complete(decisionDetails, decision.getId());
      assertThat(browser.visibleAlert("")).as("error shown when deciding").isNull();
      assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
          .variableName("reviewLevel").singleResult().getValue()).isEqualTo("fairlyGood");
    } catch (Throwable failure) {
      browser.saveState("failure-secretary-review");
      throw failure;
    }
  }

  @Test
  void draftsSurviveEscInTheCalendarAndAClosedStartDialog() throws IOException {
    try {
      browser.open();
      browser.login("guitu.clerk");
      WebElement modal = browser.openStartForm();
      SearchContext startForm = browser.visible(modal, By.cssSelector("form.fjs-form"));
      browser.type(browser.field(startForm, "姓名"), "草稿测试");
      WebElement birth = browser.field(startForm, "出生日期");
      browser.scrollToCenter(birth);
      birth.click();
      birth.sendKeys("1990-01-02");
      wait.until(d -> !d.findElements(By.cssSelector(".flatpickr-calendar.open")).isEmpty());
      birth.sendKeys(Keys.ESCAPE);
      // Esc closed the calendar only: the dialog and what was typed stay
      wait.until(d -> d.findElements(By.cssSelector(".flatpickr-calendar.open")).isEmpty());
      assertThat(driver.findElements(By.cssSelector(".modal-dialog"))).isNotEmpty();
      assertThat(browser.field(startForm, "姓名").getDomProperty("value")).isEqualTo("草稿测试");
      assertThat(birth.getDomProperty("value")).isEqualTo("1990-01-02");
      browser.click(modal.findElement(By.cssSelector(".modal-header .close, .modal-footer button[ng-click='$dismiss()']")));
      WebElement question = browser.visible(modal, By.cssSelector(".dj-draft-question"));
      assertThat(question.getText()).contains("继续填写", "关闭，保留草稿", "放弃内容并关闭");
      browser.screenshot("60-draft-question");
      browser.click(question.findElement(By.cssSelector(".dj-draft-keep")));
      wait.until(d -> d.findElements(By.cssSelector(".modal-dialog")).isEmpty());

      modal = browser.openStartForm();
      SearchContext again = browser.visible(modal, By.cssSelector("form.fjs-form"));
      wait.until(d -> "草稿测试".equals(browser.field(again, "姓名").getDomProperty("value")));
      wait.until(d -> "1990-01-02".equals(browser.field(again, "出生日期").getDomProperty("value")));
      assertThat(browser.visible(modal, By.cssSelector(".dj-draft-note")).getText()).isEqualTo("已恢复上次未提交的内容");
      browser.screenshot("61-draft-restored");
      // discarding leaves nothing for the next start
      browser.click(modal.findElement(By.cssSelector(".modal-header .close, .modal-footer button[ng-click='$dismiss()']")));
      browser.click(browser.visible(modal, By.cssSelector(".dj-draft-discard")));
      wait.until(d -> d.findElements(By.cssSelector(".modal-dialog")).isEmpty());
      modal = browser.openStartForm();
      SearchContext fresh = browser.visible(modal, By.cssSelector("form.fjs-form"));
      assertThat(browser.field(fresh, "姓名").getDomProperty("value")).isEmpty();
      // nothing typed: the dialog closes without asking
      browser.click(modal.findElement(By.cssSelector(".modal-header .close, .modal-footer button[ng-click='$dismiss()']")));
      wait.until(d -> d.findElements(By.cssSelector(".modal-dialog")).isEmpty());
      browser.logout();
    } catch (Throwable failure) {
      browser.saveState("failure-drafts");
      throw failure;
    }
  }

  /** 表单 → 历史 → 表单 on a task: form-js draws the form anew, and what was typed (flushed or not) is put back. */
  @Test
  void draftsSurviveSwitchingATasksTabs() throws IOException {
    try {
      LocalDate applicationDate = BusinessCalendar.today().minusDays(12);
      ProcessInstance pi = startGuituCase("草稿切换测试", LocalDate.of(1992, 2, 2), applicationDate);
      Task talk = browser.openTask(pi, MemberDevelopment.Tasks.APPLICANT_TALK);
      browser.login("guitu.clerk");
      browser.openFromFilter("本组待办", talk);
      WebElement details = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-details")));
      browser.click(browser.visible(details, By.cssSelector("button.claim")));
      wait.until(d -> details.findElements(By.cssSelector(".disabled-form")).isEmpty());
      SearchContext form = browser.visible(details, By.cssSelector("form.fjs-form"));
      wait.until(ExpectedConditions.elementToBeClickable(browser.field(form, "谈话人")));
      browser.typeDate(browser.field(form, "谈话日期"), applicationDate.plusDays(3));
      browser.type(browser.field(form, "谈话人"), "马建国");
      // the last field keeps the focus: form-js has not taken its value yet when the tab changes
      WebElement notes = browser.field(form, "谈话记录");
      browser.scrollToCenter(notes);
      notes.sendKeys("切换标签前输入的记录。");

      List<WebElement> tabs = details.findElements(By.cssSelector("ul.nav-tabs li a"));
      assertThat(tabs).hasSizeGreaterThanOrEqualTo(2);
      browser.click(tabs.get(1));
      wait.until(d -> details.findElements(By.cssSelector("form.fjs-form")).stream().noneMatch(WebElement::isDisplayed));
      browser.click(details.findElements(By.cssSelector("ul.nav-tabs li a")).get(0));
      SearchContext again = browser.visible(details, By.cssSelector("form.fjs-form"));
      wait.until(d -> "马建国".equals(browser.field(again, "谈话人").getDomProperty("value")));
      wait.until(d -> "切换标签前输入的记录。".equals(browser.field(again, "谈话记录").getDomProperty("value")));
      wait.until(d -> applicationDate.plusDays(3).toString().equals(browser.field(again, "谈话日期").getDomProperty("value")));
      assertThat(browser.visible(details, By.cssSelector(".dj-draft-note")).getText()).isEqualTo("已恢复上次未提交的内容");
      browser.screenshotWhole("62-draft-tabs-restored", ".task-details .three-cols-layout-cell.content");
      // what was put back is what form-js submits
      browser.complete(details, talk.getId());
      assertThat(runtimeService.getVariable(pi.getId(), "talkRecord")).isEqualTo("切换标签前输入的记录。");
      assertThat(runtimeService.getVariable(pi.getId(), "talkDate")).isEqualTo(applicationDate.plusDays(3).toString());
      browser.logout();
    } catch (Throwable failure) {
      browser.saveState("failure-drafts-tabs");
      throw failure;
    }
  }

  /** Issue 14 point 5: after step 2 the clerk's group holds step 3 of the same case; the banner opens it. */
  @Test
  void afterCompletingAStepTheNextStepOfTheCaseIsOffered() throws IOException {
    try {
      LocalDate applicationDate = BusinessCalendar.today().minusDays(12);
      ProcessInstance pi = startGuituCase("下一步测试", LocalDate.of(1991, 1, 1), applicationDate);
      Task talk = browser.openTask(pi, MemberDevelopment.Tasks.APPLICANT_TALK);
      browser.login("guitu.clerk");
      browser.openFromFilter("本组待办", talk);
      WebElement details = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-details")));
      browser.click(browser.visible(details, By.cssSelector("button.claim")));
      wait.until(d -> details.findElements(By.cssSelector(".disabled-form")).isEmpty());
      SearchContext form = browser.visible(details, By.cssSelector("form.fjs-form"));
      wait.until(ExpectedConditions.elementToBeClickable(browser.field(form, "谈话人")));
      browser.typeDate(browser.field(form, "谈话日期"), applicationDate.plusDays(2));
      browser.type(browser.field(form, "谈话人"), "马建国");
      browser.type(browser.field(form, "谈话记录"), "申请人入党动机端正。");
      browser.click(browser.completeButton(details));
      WebElement link = browser.visible(driver, By.cssSelector(".dj-next a.dj-next-step"));
      Task next = browser.openTask(pi, MemberDevelopment.Tasks.DETERMINE_ACTIVIST);
      assertThat(link.getText()).isEqualTo(next.getName());
      assertThat(driver.findElement(By.cssSelector(".dj-next")).getText()).startsWith("已完成。本案下一步：");
      browser.screenshot("63-next-step-offered");
      browser.click(link);
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-details h2.task"),
          next.getName()));
      browser.visible(driver, By.cssSelector(".task-details form.fjs-form"));
      browser.screenshot("64-next-step-opened");
      browser.logout();
    } catch (Throwable failure) {
      browser.saveState("failure-next-step");
      throw failure;
    }
  }

  private void walkThrough() throws IOException {
    LocalDate today = BusinessCalendar.today();
    LocalDate birthDate = LocalDate.of(1995, 5, 5);
    LocalDate applicationDate = today.minusDays(10);
    LocalDate talkDate = today.minusDays(2);
    String idNumber = browser.idNumberFor(birthDate);

    // (a) log in
    browser.open();
    browser.typeCredentials("guitu.clerk");
    browser.screenshot("01-login");
    browser.submitLogin("guitu.clerk");
    browser.screenshot("02-tasklist-guitu.clerk");

    // (b) start 发展党员 through the Chinese start form
    browser.click(By.cssSelector("li.start-process-action a[ng-click='open()']"));
    WebElement modal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-dialog")));
    // other processes may come: narrow the list (it loads after the dialog opens) to ours
    browser.visible(modal, By.cssSelector("input[ng-model='page.searchValue']")).sendKeys(PROCESS_NAME);
    browser.click(browser.visible(modal, By.xpath(".//ul[contains(@class,'processes')]//a[normalize-space(.)='" + PROCESS_NAME + "']")));
    SearchContext startForm = browser.visible(modal, By.cssSelector("form.fjs-form"));
    browser.type(browser.field(startForm, "姓名"), "浏览器测试");
    browser.click(browser.field(startForm, "女"));
    browser.type(browser.field(startForm, "民族"), "汉族");
    browser.typeDate(browser.field(startForm, "出生日期"), birthDate);
    browser.type(browser.field(startForm, "居民身份证号码"), idNumber);
    browser.select(startForm, "学历", "大学本科");
    browser.type(browser.field(startForm, "职业/工作岗位"), "工程师");
    browser.type(browser.field(startForm, "手机号码"), "13800138000");
    browser.click(browser.field(startForm, "共青团员"));
    browser.select(startForm, "所在党支部", "规土局党支部");
    browser.typeDate(browser.field(startForm, "递交申请书日期"), applicationDate);
    browser.type(browser.field(startForm, "备注"), "由浏览器测试录入");
    assertThat(browser.field(startForm, "女").isSelected()).isTrue();
    assertThat(browser.field(startForm, "共青团员").isSelected()).isTrue();
    assertThat(modal.findElements(By.cssSelector(".fjs-form-field-error"))).isEmpty();
    browser.screenshotWhole("03-start-form-filled", ".modal");

    browser.click(browser.visible(modal, By.cssSelector(".modal-footer button[ng-click='startProcessInstance()']")));
    wait.until(d -> d.findElements(By.cssSelector(".modal-dialog")).isEmpty() || browser.visibleAlert("") != null);
    assertThat(browser.visibleAlert("")).as("error shown when starting").isNull();

    ProcessInstance pi = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(MemberDevelopment.PROCESS_KEY)
        .variableValueEquals("idNumber", idNumber)
        .singleResult();
    assertThat(pi).as("case started from Tasklist with ID number %s", idNumber).isNotNull();
    assertThat(pi.getBusinessKey()).matches("guitu-" + today.getYear() + "-\\d{4}");
    Map<String, Object> submitted = runtimeService.getVariables(pi.getId());
    assertThat(submitted).containsEntry("caseNumber", pi.getBusinessKey())
        .containsEntry("candidateName", "浏览器测试")
        .containsEntry("gender", "female")
        .containsEntry("ethnicity", "汉族")
        .containsEntry("birthDate", birthDate.toString())
        .containsEntry("education", "bachelor")
        .containsEntry("occupation", "工程师")
        .containsEntry("phone", "13800138000")
        .containsEntry("leagueMember", true)
        .containsEntry("branchId", "guitu")
        .containsEntry("applicationDate", applicationDate.toString())
        .containsEntry("applicationNote", "由浏览器测试录入")
        .containsEntry("initiator", "guitu.clerk");
    Task talk = browser.openTask(pi, MemberDevelopment.Tasks.APPLICANT_TALK);
    assertThat(taskService.getIdentityLinksForTask(talk.getId()))
        .anyMatch(link -> "guitu-clerk".equals(link.getGroupId()));

    // (c) step 2 in Tasklist: claim, a completion the server refuses, then the right one
    browser.openFromFilter("本组待办", talk);
    WebElement details = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-details")));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-details h2.task"), STEP_2));
    assertThat(browser.visible(details, By.cssSelector("form.fjs-form")).getText())
        .contains("案件编号：" + pi.getBusinessKey())
        .contains("申请人：浏览器测试")
        .contains("支部：规土局党支部")
        .contains("应在 " + runtimeService.getVariable(pi.getId(), "talkDueDate") + " 前完成谈话");
    browser.click(browser.visible(details, By.cssSelector("button.claim")));
    wait.until(d -> "guitu.clerk".equals(taskService.createTaskQuery().taskId(talk.getId()).singleResult().getAssignee()));
    wait.until(d -> details.findElements(By.cssSelector(".disabled-form")).isEmpty());
    SearchContext talkForm = browser.visible(details, By.cssSelector("form.fjs-form"));
    wait.until(ExpectedConditions.elementToBeClickable(browser.field(talkForm, "谈话人")));

    browser.typeDate(browser.field(talkForm, "谈话日期"), applicationDate.minusDays(5));
    browser.type(browser.field(talkForm, "谈话人"), "马建国");
    browser.type(browser.field(talkForm, "谈话记录"), "申请人入党动机端正，对党的认识较为深刻。");
    browser.click(browser.completeButton(details));
    // shown at the top of the form (issue 14), no longer as Tasklist's toast over the 完成 button
    WebElement refusal = wait.until(d -> browser.visibleAlert("办理未通过校验"));
    String refusalText = refusal.getText();
    assertThat(refusalText).contains("谈话日期（" + applicationDate.minusDays(5) + "）不能早于递交申请书日期（"
        + applicationDate + "）").doesNotContain("ENGINE-", "Exception");
    Files.writeString(SCREENSHOTS.resolve("04-step2-refused.txt"), refusalText + "\n", StandardCharsets.UTF_8);
    browser.screenshot("04-step2-refused");
    assertThat(taskService.createTaskQuery().taskId(talk.getId()).count()).as("refused task stays open").isOne();
    browser.dismissNotifications();

    browser.typeDate(browser.field(talkForm, "谈话日期"), talkDate);
    assertThat(details.findElements(By.cssSelector(".fjs-form-field-error"))).isEmpty();
    browser.screenshotWhole("05-step2-form-filled", ".task-details .three-cols-layout-cell.content");
    browser.complete(details, talk.getId());
    assertThat(browser.visibleAlert("")).as("error shown when completing").isNull();

    HistoricTaskInstance done = historyService.createHistoricTaskInstanceQuery().taskId(talk.getId()).singleResult();
    assertThat(done.getEndTime()).isNotNull();
    assertThat(done.getDeleteReason()).isEqualTo("completed");
    assertThat(done.getAssignee()).isEqualTo("guitu.clerk");
    assertThat(runtimeService.getVariables(pi.getId())).containsEntry("talkDate", talkDate.toString())
        .containsEntry("talkerName", "马建国")
        .containsEntry("talkRecord", "申请人入党动机端正，对党的认识较为深刻。");
    assertThat(runtimeService.getActiveActivityIds(pi.getId()))
        .containsExactly(MemberDevelopment.Tasks.DETERMINE_ACTIVIST);
    Task activist = browser.task(pi, MemberDevelopment.Tasks.DETERMINE_ACTIVIST);
    assertThat(activist.getAssignee()).isNull();
    browser.screenshot("06-step2-completed");

    // (d) another branch's clerk sees none of it; a colleague of the same branch does
    browser.logout();
    browser.login("fayuan.clerk");
    for (String filter : List.of("本组待办", "我的待办", "即将到期")) {
      List<String> shown = browser.shownTaskIds(filter, "fayuan.clerk", "fayuan-clerk");
      assertThat(shown).as("fayuan.clerk's %s", filter).doesNotContain(activist.getId(), talk.getId());
      for (String taskId : shown) {
        Task visible = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (visible != null && visible.getProcessInstanceId() != null) {
          assertThat(runtimeService.getVariable(visible.getProcessInstanceId(), "branchId"))
              .as("branch of task %s in fayuan.clerk's %s", taskId, filter).isNotEqualTo("guitu");
        }
      }
      if (filter.equals("本组待办")) {
        browser.screenshot("07-fayuan.clerk-group-tasks");
      } else if (filter.equals("我的待办")) {
        browser.screenshot("08-fayuan.clerk-my-tasks");
      }
    }

    browser.logout();
    browser.login("guitu.clerk2");
    assertThat(browser.shownTaskIds("本组待办", "guitu.clerk2", "guitu-clerk")).isNotEmpty();
    identityService.setAuthentication("guitu.clerk2", List.of("guitu-clerk"));
    try {
      assertThat(filterService.<Task>listPage(filterService.createFilterQuery().filterName("本组待办").singleResult()
          .getId(), 0, 1000).stream().map(Task::getId)).as("in the colleague's 本组待办").contains(activist.getId());
    } finally {
      identityService.clearAuthentication();
    }
    browser.openFromFilter("本组待办", activist);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-details h2.task"),
        "3 推荐和确定入党积极分子"));
    browser.screenshot("09-guitu.clerk2-group-tasks");
  }

  // ---- issue 14: finding work and pickers

  /** Step 5 in Tasklist: the clerk chooses the contacts by name from the branch's full members, not by number. */
  @Test
  void findingClerkPicksContactsByNameAtStep5() throws IOException {
    try {
      ProcessInstance pi = findingCaseAtStep5("联系人样例");
      Task contacts = browser.openTask(pi, MemberDevelopment.Tasks.ASSIGN_CONTACTS);
      browser.login("guitu.clerk");
      browser.openFromFilter("本组待办", contacts);
      WebElement details = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-details")));
      browser.click(browser.visible(details, By.cssSelector("button.claim")));
      wait.until(d -> details.findElements(By.cssSelector(".disabled-form")).isEmpty());
      SearchContext form = browser.visible(details, By.cssSelector("form.fjs-form"));
      WebElement first = browser.field(form, "培养联系人一");
      browser.click(first);
      WebElement group = first.findElement(By.xpath("./ancestor::div[contains(@class,'fjs-form-field')][1]"));
      List<String> offered = wait.until(d -> {
        List<String> items = group.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
            .map(e -> e.getText().trim()).toList();
        return items.isEmpty() ? null : items;
      });
      // the case's branch first, by name and number; then the other branches of 高新区机关党委, each naming its branch;
      // never the probationary member, the candidate, nor 冯立新 (1005, under 留党察看)
      assertThat(offered).contains("马建国（1001，正式党员）", "何秀英（1002，正式党员）", "郭志强（1003，正式党员）",
          "高明（1011，法院党支部，正式党员）")
          .noneMatch(o -> o.contains("林晓燕") || o.contains("联系人样例") || o.contains("冯立新"));
      assertThat(offered.indexOf("郭志强（1003，正式党员）")).isLessThan(offered.indexOf("高明（1011，法院党支部，正式党员）"));
      browser.screenshot("110-step5-contacts-offered-by-name");
      browser.pick(form, "培养联系人一", "马建", "马建国（1001，正式党员）");
      // a contact of another branch: the form asks for the reason (contactReason), the server too
      browser.pick(form, "培养联系人二（可选）", "高明", "高明（1011，法院党支部，正式党员）");
      WebElement reason = browser.field(form, "指定理由（指定其他支部党员时必填）");
      browser.scrollToCenter(reason);
      browser.screenshotWhole("111-step5-contact-of-another-branch-asks-the-reason",
          ".task-details .three-cols-layout-cell.content");
      // chosen again from the branch (the select's ×, then the name): the reason field goes
      WebElement second = browser.field(form, "培养联系人二（可选）");
      browser.click(second.findElement(By.xpath("./ancestor::div[contains(@class,'fjs-form-field')][1]"))
          .findElement(By.cssSelector(".fjs-select-cross")));
      wait.until(d -> form.findElements(By.xpath(".//label[contains(normalize-space(.),'指定理由')]")).isEmpty());
      browser.pick(form, "培养联系人二（可选）", "何秀", "何秀英（1002，正式党员）");
      assertThat(form.findElements(By.xpath(".//label[contains(normalize-space(.),'指定理由')]"))).isEmpty();
      browser.screenshotWhole("112-step5-contacts-chosen", ".task-details .three-cols-layout-cell.content");
      browser.complete(details, contacts.getId());
      assertThat(browser.visibleAlert("")).as("error shown when completing").isNull();
      assertThat(runtimeService.getVariables(pi.getId())).containsEntry("contact1MemberId", "1001")
          .containsEntry("contact2MemberId", "1002");
      browser.assertNothingBlockedByThePolicy();
    } catch (Throwable failure) {
      browser.saveState("failure-finding-contacts");
      throw failure;
    }
  }

  /** 查找: the clerk types the applicant's name (or the case number) and finds the case's task. */
  @Test
  void findingClerkFindsACaseByTheApplicantsName() throws IOException {
    try {
      String name = "查找" + findingSuffix();
      ProcessInstance pi = startGuituCase(name, LocalDate.of(1996, 3, 3), BusinessCalendar.today().minusDays(3));
      Task talk = browser.openTask(pi, MemberDevelopment.Tasks.APPLICANT_TALK);
      assertThat(runtimeService.getVariable(pi.getId(), "caseTitle")).isEqualTo(name + " · " + pi.getBusinessKey());
      browser.login("guitu.clerk");
      browser.showFilter("本组待办");
      findingSearch(name);
      List<WebElement> cards = findingCardsFor(talk);
      assertThat(cards).hasSize(1);
      assertThat(cards.get(0).getText()).contains(name).contains(pi.getBusinessKey()).contains(STEP_2);
      // every card on the list is this case's: the search found by name, nothing else
      wait.until(d -> d.findElements(By.cssSelector("[cam-tasks] ol.tasks-list li.task")).stream()
          .allMatch(card -> card.getText().contains(name)));
      // Tasklist's own search shows what was searched for, and removes it like any search
      assertThat(driver.findElement(By.cssSelector("[cam-widget-search]")).getText()).contains(name);
      browser.screenshot("52-find-case-by-applicant-name");

      findingSearch(pi.getBusinessKey());
      assertThat(findingCardsFor(talk)).hasSize(1);
      browser.assertNothingBlockedByThePolicy();
    } catch (Throwable failure) {
      browser.saveState("failure-finding-search");
      throw failure;
    }
  }

  /** An evaluator of two organizations sees two ballots, each card naming the organization and the year. */
  @Test
  void findingEvaluatorTellsGradingTasksApart() throws IOException {
    try {
      String suffix = java.util.UUID.randomUUID().toString().substring(0, 6);
      String evaluator = "f" + suffix + ".eval";
      List<String> names = List.of("测评甲党支部" + suffix.substring(0, 2), "测评乙党支部" + suffix.substring(0, 2));
      for (int i = 0; i < 2; i++) {
        String org = "f" + suffix + i;
        organizations.save(new Organization(org, names.get(i), OrganizationKind.BRANCH, "gxq-jg", false), 99);
        engineIdentity.synchronizeGroups();
        engineIdentity.ensureUser(org + ".secretary", "书", "记", PASSWORD, org + "-secretary");
        engineIdentity.ensureUser(evaluator, "测评", "人", PASSWORD, org + "-evaluator");
        List<String> evaluators = new ArrayList<>(List.of(evaluator));
        for (int e = 2; e <= 5; e++) {
          engineIdentity.ensureUser(org + ".eval" + e, "测评", "人" + e, PASSWORD, org + "-evaluator");
          evaluators.add(org + ".eval" + e);
        }
        standingAuthorizations.ensure();
        ProcessInstance grading = runtimeService.startProcessInstanceByKey("OrganizationGradingProcess",
            Map.of("organizationId", org, "year", 2025, "evaluationDays", 10));
        Task self = browser.openTask(grading, "Task_SelfAssessment");
        findingComplete(self, org + ".secretary", List.of(org + "-secretary"), Map.of("leadershipScore", 18,
            "membershipScore", 18, "mechanismScore", 18, "performanceScore", 18, "reputationScore", 18,
            "weakSigns", List.of(), "selfReport", "自评报告", "evaluators", evaluators));
        int expected = i + 1;
        wait.until(d -> taskService.createTaskQuery().taskAssignee(evaluator).count() == expected);
      }
      List<Task> mine = taskService.createTaskQuery().taskAssignee(evaluator).list();
      assertThat(mine).hasSize(2).allMatch(t -> t.getName().equals("2 党员群众测评"));
      browser.login(evaluator);
      browser.showFilter("我的待办");
      List<String> cardTexts = new ArrayList<>();
      for (Task ballot : mine) {
        List<WebElement> cards = findingCardsFor(ballot);
        assertThat(cards).hasSize(1);
        cardTexts.add(cards.get(0).getText());
      }
      assertThat(cardTexts).anyMatch(t -> t.contains(names.get(0) + " · 2025年度党员群众测评"))
          .anyMatch(t -> t.contains(names.get(1) + " · 2025年度党员群众测评"));
      browser.screenshot("53-evaluator-ballots-with-organization-and-year");
      browser.assertNothingBlockedByThePolicy();
    } catch (Throwable failure) {
      browser.saveState("failure-finding-ballots");
      throw failure;
    }
  }

  /**
   * 本组待办 keeps a task a colleague has claimed, naming who holds it; due dates are dates, late ones marked, and
   * no bare priority on the cards. 已逾期 lists the late one.
   */
  @Test
  void findingClaimedTasksStayVisibleInTheGroupListWithTheirHolder() throws IOException {
    try {
      String name = "认领" + findingSuffix();
      // applied 40 days ago: the one-month talk deadline has passed
      ProcessInstance pi = startGuituCase(name, LocalDate.of(1995, 9, 9), BusinessCalendar.today().minusDays(40));
      Task talk = browser.openTask(pi, MemberDevelopment.Tasks.APPLICANT_TALK);
      browser.login("guitu.clerk");
      // 已逾期: the group's late task, its due day a date
      browser.showFilter("已逾期");
      findingSearch(name);
      assertThat(findingCardsFor(talk)).hasSize(1);
      browser.screenshot("55-overdue-filter");

      // a colleague claims it: it stays in 本组待办, naming who holds it
      taskService.claim(talk.getId(), "guitu.clerk2");
      browser.showFilter("本组待办");
      findingSearch(name);
      WebElement card = findingCardsFor(talk).get(0);
      wait.until(d -> card.findElement(By.cssSelector("h5.assignee")).getText().contains("guitu.clerk2"));
      LocalDate lastDay = talk.getDueDate().toInstant().minusMillis(1).atZone(BusinessCalendar.ZONE).toLocalDate();
      WebElement due = card.findElement(By.cssSelector(".due-date"));
      // a deadline within the day is stored as the next day's 00:00: the card names the last day itself
      String dueDay = lastDay.toString();
      wait.until(d -> due.getText().contains(dueDay));
      assertThat(due.getText()).contains("已逾期").doesNotContain("前");
      assertThat(lastDay).isBefore(BusinessCalendar.today());
      assertThat(card.findElements(By.cssSelector(".priority")).stream().noneMatch(WebElement::isDisplayed)).isTrue();
      browser.screenshot("54-group-tasks-claimed-with-holder");
      browser.assertNothingBlockedByThePolicy();
    } catch (Throwable failure) {
      browser.saveState("failure-finding-claimed");
      throw failure;
    }
  }

  /**
   * 新建任务, 设置到期日, 设置跟进日期 and 添加组 are refused to clerks by the server: Tasklist does not offer them; the due date
   * and the task's groups are still shown, read-only.
   */
  @Test
  void actionsTheServerRefusesAreNotOffered() throws IOException {
    try {
      ProcessInstance pi = startGuituCase("动作" + findingSuffix(), LocalDate.of(1994, 4, 4),
          BusinessCalendar.today().minusDays(3));
      Task talk = browser.openTask(pi, MemberDevelopment.Tasks.APPLICANT_TALK);
      browser.login("guitu.clerk");
      browser.openFromFilter("本组待办", talk);
      WebElement details = driver.findElement(By.cssSelector(".task-details"));
      wait.until(d -> details.findElement(By.cssSelector("li.groups")).isDisplayed());
      assertThat(details.findElement(By.cssSelector("li.groups")).getText()).contains("规土局党支部");
      assertThat(details.findElement(By.cssSelector(".due-date")).isDisplayed()).isTrue();
      List<WebElement> createTask = driver.findElements(By.cssSelector("li.create-task-action"));
      assertThat(createTask).as("新建任务 is in the page").isNotEmpty();
      assertThat(createTask.stream().noneMatch(WebElement::isDisplayed)).as("新建任务 shown").isTrue();
      assertThat(details.findElements(By.cssSelector(".meta.dates .followup-date"))).as("设置跟进日期 in the page")
          .isNotEmpty();
      assertThat(details.findElements(By.cssSelector("[translate='SET_FOLLOW_UP_DATE'], [translate='ADD_GROUPS'],"
          + " .meta.dates .glyphicon-remove")).stream().noneMatch(WebElement::isDisplayed)).isTrue();
      // the due date and the groups are not editable: a click opens no editor
      ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})",
          details.findElement(By.cssSelector(".due-date")));
      new org.openqa.selenium.interactions.Actions(driver).moveToElement(details.findElement(By.cssSelector(
          ".due-date"))).click().perform();
      assertThat(details.findElements(By.cssSelector(".due-date input, .cam-widget-inline-field.field-control"))
          .stream().noneMatch(WebElement::isDisplayed)).isTrue();
      browser.screenshot("58-actions-not-offered");
      browser.assertNothingBlockedByThePolicy();
    } catch (Throwable failure) {
      browser.saveState("failure-actions");
      throw failure;
    }
  }

  /** The overdue and transfer pages offer organizations by name; their values stay ids. */
  @Test
  void findingOverdueAndTransferPagesOfferOrganizationsByName() throws IOException {
    try {
      welcomeLogin("jg.clerk", null);
      wait.until(ExpectedConditions.elementToBeClickable(By.linkText("发展党员逾期待办")));
      driver.get("http://localhost:" + port + "/overdue.html");
      WebElement organization = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("organizationId")));
      wait.until(d -> organization.findElements(By.xpath("./option[normalize-space(.)='规土局党支部']")).size() == 1);
      new Select(organization).selectByVisibleText("规土局党支部");
      assertThat(organization.getDomProperty("value")).isEqualTo("guitu");
      browser.click(By.cssSelector("#search button[type='submit']"));
      wait.until(d -> d.findElement(By.id("summary")).getText().contains("逾期待办"));
      browser.screenshot("56-overdue-page-organization-by-name");

      driver.get("http://localhost:" + port + "/development-cases.html");
      WebElement branch = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("t-branch")));
      wait.until(d -> branch.findElements(By.xpath("./option[normalize-space(.)='法院党支部']")).size() == 1);
      new Select(branch).selectByVisibleText("法院党支部");
      assertThat(branch.getDomProperty("value")).isEqualTo("fayuan");
      browser.screenshot("57-transfer-page-branch-by-name");
      browser.assertNothingBlockedByThePolicy();
    } catch (Throwable failure) {
      browser.saveState("failure-finding-pages");
      throw failure;
    }
  }

  /** A 规土局党支部 case walked by its clerk and the committee up to step 5, with dates of the last weeks. */
  private ProcessInstance findingCaseAtStep5(String name) {
    LocalDate today = BusinessCalendar.today();
    ProcessInstance pi = startGuituCase(name, LocalDate.of(1996, 4, 4), today.minusDays(30));
    List<String> branch = List.of("guitu-clerk");
    findingComplete(browser.openTask(pi, MemberDevelopment.Tasks.APPLICANT_TALK), "guitu.clerk", branch,
        Map.of("talkDate", today.minusDays(25).toString(), "talkerName", "马建国", "talkRecord", "谈话记录"));
    findingComplete(browser.openTask(pi, MemberDevelopment.Tasks.DETERMINE_ACTIVIST), "guitu.clerk", branch,
        Map.of("recommendationMethod", "memberRecommendation", "recommendationDate", today.minusDays(20).toString(),
            "committeeMeetingDate", today.minusDays(15).toString(), "activistDecision", "approve"));
    findingComplete(browser.openTask(pi, MemberDevelopment.Tasks.FILE_ACTIVIST), "jg.clerk", List.of("gxq-jg-clerk"),
        Map.of("activistFilingDate", today.minusDays(10).toString()));
    return pi;
  }

  /** Completes a task as the user, the way the engine sees a Tasklist completion (claimed, then completed). */
  private void findingComplete(Task task, String user, List<String> groups, Map<String, Object> variables) {
    identityService.setAuthentication(user, groups);
    try {
      taskService.claim(task.getId(), user);
      taskService.complete(task.getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** Uses the search box above the task list, and waits for the list to have run the search. */
  private void findingSearch(String text) {
    WebElement box = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("#dangjian-case-search input")));
    box.clear();
    box.sendKeys(text, Keys.ENTER);
    wait.until(ExpectedConditions.urlContains("searchQuery="));
    browser.waitForTaskList();
  }

  /** The cards of a task on the list shown (one, or none when the list does not show it). */
  private List<WebElement> findingCardsFor(Task task) {
    return wait.until(d -> {
      List<WebElement> cards = d.findElements(By.xpath("//*[@cam-tasks]//ol[contains(@class,'tasks-list')]"
          + "/li[contains(@class,'task')][.//h4[contains(@class,'task')]/a[contains(@href,'task=" + task.getId() + "')]]"));
      return cards.isEmpty() ? null : cards;
    });
  }

  /** A few Chinese characters unlikely to repeat between runs on a kept database. */
  private static String findingSuffix() {
    String characters = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥";
    StringBuilder suffix = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      suffix.append(characters.charAt(ThreadLocalRandom.current().nextInt(characters.length())));
    }
    return suffix.toString();
  }

  // ---- issue 14: messages

  /**
   * A clerk's typos in the start form of 发展党员: form-js's own checks (a required radio, the phone's pattern) and
   * the server's refusal (an ID number with a wrong check digit, an application date before the birth date) are
   * told in Chinese at the top of the form, beside 启动 and at each field; each clears once its field is changed,
   * and the corrected application starts the case.
   */
  @Test
  void messagesOfTheStartFormStandAtTheFieldsAtTheTopAndBesideTheButtonUntilFixed() throws IOException {
    try {
      LocalDate birthDate = LocalDate.of(1990, 4, 1);
      String idNumber = browser.idNumberFor(birthDate);
      String wrongCheckDigit = idNumber.substring(0, 17) + (idNumber.charAt(17) == '1' ? '2' : '1');
      browser.login("guitu.clerk");
      WebElement modal = messagesOpenStartForm();
      SearchContext form = browser.visible(modal, By.cssSelector("form.fjs-form"));

      // nothing filled in: form-js's required check, in Chinese, and the fields at fault brought to the eye
      browser.click(messagesStartButton(modal));
      WebElement gender = messagesField(form, "性别");
      wait.until(d -> messagesFieldError(gender).equals("此项为必填项"));
      WebElement top = browser.visible(modal, By.cssSelector(".dj-refusal"));
      assertThat(top.getText()).startsWith("请先修改以下各项").contains("性别：此项为必填项")
          .contains("姓名：此项为必填项").doesNotContain("Field", "required");
      assertThat(browser.visible(modal, By.cssSelector(".modal-footer .dj-refusal-hint")).getText()).contains("性别");
      // Tasklist's notice without a word of what is taken away
      wait.until(d -> messagesVisibleNotices().isEmpty());
      browser.screenshotWhole("40-messages-start-required", ".modal");

      browser.type(browser.field(form, "姓名"), "错字测试");
      // form-js checks a field again when it is left: leave it before clicking the radio button under it
      browser.field(form, "姓名").sendKeys(Keys.TAB);
      browser.click(browser.field(form, "男"));
      assertThat(browser.field(form, "男").isSelected()).isTrue();
      browser.type(browser.field(form, "民族"), "汉族");
      browser.typeDate(browser.field(form, "出生日期"), birthDate);
      browser.type(browser.field(form, "居民身份证号码"), wrongCheckDigit);
      browser.select(form, "学历", "大学本科");
      browser.type(browser.field(form, "职业/工作岗位"), "教师");
      browser.select(form, "所在党支部", "规土局党支部");
      // 补录 of a paper application dated before the birth date: a typo of the year
      browser.typeDate(browser.field(form, "递交申请书日期"), birthDate.minusMonths(4));
      // the list at the top keeps its lines, struck through once fixed
      wait.until(d -> top.findElements(By.cssSelector("li")).stream()
          .allMatch(li -> li.getDomAttribute("class").contains("dj-fixed")));
      assertThat(top.getText()).startsWith("已按以下各项修改，请再次提交：");
      browser.type(browser.field(form, "手机号码"), "1234");
      browser.field(form, "手机号码").sendKeys(Keys.TAB);
      WebElement phone = messagesField(form, "手机号码");
      wait.until(d -> messagesFieldError(phone).equals("手机号码应为11位数字，以1开头，第二位为3至9"));
      wait.until(d -> modal.findElement(By.cssSelector(".modal-footer .dj-refusal-hint")).getText()
          .equals("表单有误，请修改：手机号码"));
      assertThat(top.getText()).startsWith("以下各项已修改，表单中还有标红的项：");
      assertThat(messagesStartButton(modal).isEnabled()).as("form-js holds 启动 back").isFalse();
      browser.screenshotWhole("41-messages-start-phone-pattern", ".modal");

      messagesRetype(browser.field(form, "手机号码"), "13800138000");
      browser.field(form, "手机号码").sendKeys(Keys.TAB);
      wait.until(d -> modal.findElements(By.cssSelector(".dj-refusal-hint, .fjs-form-field-error")).isEmpty());

      // the server's refusal: at the top, beside 启动, at the ID number and at both dates
      browser.click(messagesStartButton(modal));
      WebElement refusedTop = wait.until(d -> d.findElements(By.cssSelector(".modal-dialog .dj-refusal")).stream()
          .filter(e -> e.getText().contains("办理未通过校验")).findFirst().orElse(null));
      String refusal = refusedTop.getText();
      String datesMessage = "递交申请书日期（" + birthDate.minusMonths(4) + "）早于出生日期（" + birthDate
          + "），请核对这两个日期";
      assertThat(refusal).contains("居民身份证号码校验位不正确").contains(datesMessage)
          .doesNotContain("ENGINE-", "Exception", "Cannot", "idNumber", "（birthDate）", "办理未通过校验：");
      WebElement id = messagesField(form, "居民身份证号码");
      WebElement applied = messagesField(form, "递交申请书日期");
      WebElement born = messagesField(form, "出生日期");
      wait.until(d -> messagesRefusalAt(id).equals("居民身份证号码校验位不正确"));
      assertThat(messagesRefusalAt(applied)).isEqualTo(datesMessage);
      assertThat(messagesRefusalAt(born)).isEqualTo(datesMessage);
      assertThat(id.getDomAttribute("class")).contains("dj-field-refused");
      assertThat(modal.findElement(By.cssSelector(".modal-footer .dj-refusal-hint")).getText())
          .startsWith("未通过校验，请修改：").contains("居民身份证号码").contains("递交申请书日期");
      wait.until(d -> messagesVisibleNotices().isEmpty());
      assertThat(runtimeService.createProcessInstanceQuery().variableValueEquals("idNumber", wrongCheckDigit).count())
          .isZero();
      Files.writeString(SCREENSHOTS.resolve("42-messages-start-refused.txt"), refusal + "\n", StandardCharsets.UTF_8);
      browser.screenshotWhole("42-messages-start-refused", ".modal");

      // fixed one by one: each message goes with its own fix, the rest stays
      messagesRetype(browser.field(form, "居民身份证号码"), idNumber);
      wait.until(d -> messagesRefusalAt(id).isEmpty());
      assertThat(refusedTop.findElements(By.cssSelector("li.dj-fixed"))).extracting(WebElement::getText)
          .containsExactly("居民身份证号码校验位不正确");
      assertThat(id.getDomAttribute("class")).doesNotContain("dj-field-refused");
      assertThat(messagesRefusalAt(applied)).isEqualTo(datesMessage);
      browser.typeDate(browser.field(form, "递交申请书日期"), BusinessCalendar.today().minusDays(3));
      wait.until(d -> d.findElements(By.cssSelector(".modal-dialog .dj-refusal-hint, .modal-dialog .dj-field-refusal,"
          + " .modal-dialog .dj-field-refused")).isEmpty());
      assertThat(refusedTop.getText()).startsWith("已按以下各项修改，请再次提交：");
      browser.screenshotWhole("43-messages-start-fixed", ".modal");

      browser.click(messagesStartButton(modal));
      wait.until(d -> d.findElements(By.cssSelector(".modal-dialog")).isEmpty() || browser.visibleAlert("") != null);
      assertThat(browser.visibleAlert("")).as("error shown when starting").isNull();
      assertThat(runtimeService.createProcessInstanceQuery().variableValueEquals("idNumber", idNumber).count())
          .isOne();
      // what was created and what comes next: the case number and the open step with its due date
      String caseNumber = runtimeService.createProcessInstanceQuery().variableValueEquals("idNumber", idNumber)
          .singleResult().getBusinessKey();
      WebElement started = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".dj-started")));
      wait.until(d -> started.getText().contains("下一步"));
      assertThat(started.getText()).contains("已受理，案件编号 " + caseNumber).contains("下一步：2 党组织派人谈话（应于 ")
          .contains("本组待办");
      browser.screenshot("59-start-confirmed");
      started.findElement(By.cssSelector(".dj-started-close")).click();
      wait.until(d -> d.findElements(By.cssSelector(".dj-started")).isEmpty());
      browser.assertNothingBlockedByThePolicy();
    } catch (Throwable failure) {
      messagesSaveState("failure-messages-start");
      throw failure;
    }
  }

  /** Step 2 refused (the talk before the application): the talk date is marked, beside 完成 too, until changed. */
  @Test
  void messagesOfATaskRefusalMarkTheTalkDateUntilItIsChanged() throws IOException {
    try {
      LocalDate applicationDate = BusinessCalendar.today().minusDays(12);
      ProcessInstance pi = startGuituCase("谈话日期测试", LocalDate.of(1993, 3, 3), applicationDate);
      Task talk = browser.openTask(pi, MemberDevelopment.Tasks.APPLICANT_TALK);
      browser.login("guitu.clerk");
      browser.openFromFilter("本组待办", talk);
      WebElement details = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-details")));
      browser.click(browser.visible(details, By.cssSelector("button.claim")));
      wait.until(d -> details.findElements(By.cssSelector(".disabled-form")).isEmpty());
      SearchContext form = browser.visible(details, By.cssSelector("form.fjs-form"));
      wait.until(ExpectedConditions.elementToBeClickable(browser.field(form, "谈话人")));
      browser.typeDate(browser.field(form, "谈话日期"), applicationDate.minusDays(4));
      browser.type(browser.field(form, "谈话人"), "马建国");
      browser.type(browser.field(form, "谈话记录"), "申请人入党动机端正。");
      browser.click(browser.completeButton(details));

      String expected = "谈话日期（" + applicationDate.minusDays(4) + "）不能早于递交申请书日期（" + applicationDate + "）";
      WebElement talkDate = messagesField(form, "谈话日期");
      wait.until(d -> messagesRefusalAt(talkDate).equals(expected));
      assertThat(talkDate.getDomAttribute("class")).contains("dj-field-refused");
      assertThat(messagesRefusalAt(messagesField(form, "谈话人"))).isEmpty();
      assertThat(browser.visible(details, By.cssSelector(".dj-refusal")).getText())
          .isEqualTo("办理未通过校验，请修改后再提交：\n" + expected);
      assertThat(browser.visible(details, By.cssSelector(".form-actions .dj-refusal-hint")).getText())
          .isEqualTo("未通过校验，请修改：谈话日期");
      // no toast over the 完成 button
      wait.until(d -> messagesVisibleNotices().isEmpty());
      assertThat(taskService.createTaskQuery().taskId(talk.getId()).count()).isOne();
      browser.screenshotWhole("44-messages-task-refused", ".task-details .three-cols-layout-cell.content");

      browser.typeDate(browser.field(form, "谈话日期"), applicationDate.plusDays(2));
      wait.until(d -> details.findElements(By.cssSelector(".dj-refusal-hint, .dj-field-refusal")).isEmpty());
      assertThat(details.findElement(By.cssSelector(".dj-refusal")).getText())
          .isEqualTo("已按以下各项修改，请再次提交：\n" + expected);
      assertThat(talkDate.getDomAttribute("class")).doesNotContain("dj-field-refused");
      browser.screenshotWhole("45-messages-task-fixed", ".task-details .three-cols-layout-cell.content");
      browser.complete(details, talk.getId());
      assertThat(browser.visibleAlert("")).as("error shown when completing").isNull();
      assertThat(runtimeService.getVariable(pi.getId(), "talkDate")).isEqualTo(applicationDate.plusDays(2).toString());
      browser.assertNothingBlockedByThePolicy();
    } catch (Throwable failure) {
      messagesSaveState("failure-messages-task");
      throw failure;
    }
  }

  /** The calendar of a date field: Chinese months and weekdays, the week from Monday; a typed date is taken. */
  @Test
  void messagesCalendarIsChineseAndStartsOnMonday() throws IOException {
    try {
      browser.login("guitu.clerk");
      WebElement modal = messagesOpenStartForm();
      SearchContext form = browser.visible(modal, By.cssSelector("form.fjs-form"));
      WebElement birth = browser.field(form, "出生日期");
      wait.until(d -> "如 2026-03-05".equals(birth.getDomAttribute("placeholder")));
      browser.typeDate(birth, LocalDate.of(1990, 3, 5));
      assertThat(birth.getDomProperty("value")).isEqualTo("1990-03-05");
      browser.click(birth);
      WebElement calendar = wait.until(d -> d.findElements(By.cssSelector(".modal-dialog .flatpickr-calendar.open"))
          .stream().findFirst().orElse(null));
      // the text of the DOM, not what is drawn yet: under load the calendar's opening animation may still hide a day
      List<String> monday = List.of("一", "二", "三", "四", "五", "六", "日");
      java.util.concurrent.atomic.AtomicReference<List<String>> weekdays = new java.util.concurrent.atomic.AtomicReference<>();
      try {
        wait.until(d -> monday.equals(weekdays.updateAndGet(old -> calendar.findElements(By.cssSelector(".flatpickr-weekday")).stream()
            .map(e -> e.getDomProperty("textContent").trim()).toList())));
      } catch (org.openqa.selenium.TimeoutException notMonday) {
        assertThat(weekdays.get()).containsExactly(monday.toArray(String[]::new));
      }
      WebElement month = calendar.findElement(By.cssSelector(".flatpickr-monthDropdown-months"));
      assertThat(new Select(month).getFirstSelectedOption().getText()).isEqualTo("三月");
      assertThat(new Select(month).getOptions()).extracting(WebElement::getText).doesNotContain("March", "January");
      // 1990-03-01 was a Thursday: with the week from Monday, three days of February come first
      List<WebElement> days = calendar.findElements(By.cssSelector(".flatpickr-day"));
      assertThat(days.get(0).getDomAttribute("class")).contains("prevMonthDay");
      assertThat(days.get(3).getText()).isEqualTo("1");
      assertThat(days.get(3).getDomAttribute("aria-label")).isEqualTo("1990年3月1日");
      assertThat(calendar.getText()).doesNotContain("Sun", "Mon", "March");
      browser.screenshotWhole("46-messages-calendar", ".modal");
      browser.assertNothingBlockedByThePolicy();
    } catch (Throwable failure) {
      messagesSaveState("failure-messages-calendar");
      throw failure;
    }
  }

  /** The product's name in the header and the title, and a refused login said in Chinese. */
  @Test
  void messagesLoginFailureAndTitlesAreChinese() throws IOException {
    try {
      browser.open();
      // a user that does not exist: a wrong password of a real one would slow its next logins (LoginThrottlingTest)
      WebElement username = driver.findElement(By.cssSelector("input[ng-model='username']"));
      username.sendKeys("nobody.here");
      driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("wrong");
      browser.click(By.cssSelector("form[name='signinForm'] button[type='submit']"));
      WebElement failed = wait.until(d -> browser.visibleAlert("登录失败"));
      // sent before the CSRF token came (see submitCredentials): the refusal to look at is the second one
      for (int again = 0; again < 2 && failed.getText().contains("CSRF"); again++) {
        browser.dismissNotifications();
        TasklistBrowser.pause(1000);
        browser.click(By.cssSelector("form[name='signinForm'] button[type='submit']"));
        failed = wait.until(d -> browser.visibleAlert("登录失败"));
      }
      assertThat(failed.getText()).contains("用户名或密码错误").doesNotContain("Unauthorized");
      browser.screenshot("47-messages-login-failed");
      browser.login("guitu.clerk");
      assertThat(driver.getTitle()).isEqualTo("党建工作流 任务办理");
      // the header names the product; Camunda only in the notice that the engine is Camunda 7 CE
      assertThat(driver.findElement(By.cssSelector("[cam-widget-header] .navbar-brand")).getText().trim())
          .isEqualTo("党建工作流 任务办理");
      assertThat(driver.findElement(By.cssSelector("[cam-widget-header]")).getText()).doesNotContain("Welcome",
          "Tasklist");
      browser.assertNothingBlockedByThePolicy();
    } catch (Throwable failure) {
      messagesSaveState("failure-messages-login");
      throw failure;
    }
  }

  /**
   * The English a clerk still reads on the Tasklist pages a clerk opens (the task list, a task form, the start
   * dialog): every Latin word shown, or in a placeholder or tooltip, printed; product names and ids excepted.
   */
  @Test
  void messagesEnglishLeftOnTheClerksTasklistPagesIsPrinted() throws IOException {
    try {
      ProcessInstance pi = startGuituCase("英文扫描", LocalDate.of(1994, 4, 4), BusinessCalendar.today().minusDays(6));
      Task talk = browser.openTask(pi, MemberDevelopment.Tasks.APPLICANT_TALK);
      browser.login("guitu.clerk");
      java.util.Map<String, List<String>> english = new java.util.LinkedHashMap<>();
      browser.showFilter("本组待办");
      english.put("任务列表", messagesEnglishWords());
      browser.screenshot("48-messages-english-task-list");
      browser.openFromFilter("本组待办", talk);
      WebElement details = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-details")));
      browser.click(browser.visible(details, By.cssSelector("button.claim")));
      wait.until(d -> details.findElements(By.cssSelector(".disabled-form")).isEmpty());
      browser.visible(details, By.cssSelector("form.fjs-form"));
      english.put("任务表单", messagesEnglishWords());
      // the keyboard shortcuts, described in config.js
      browser.click(By.cssSelector("a.showShortcutHelp"));
      WebElement shortcuts = wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector(".modal-dialog .cam-table")));
      assertThat(shortcuts.getText()).contains("ctrl+alt+c").contains("认领当前选中的任务")
          .contains("打开“启动流程”对话框");
      english.put("快捷键说明", messagesEnglishWords());
      browser.click(By.cssSelector(".modal-footer button[ng-click='$dismiss()']"));
      wait.until(d -> d.findElements(By.cssSelector(".modal-dialog")).isEmpty());
      WebElement modal = messagesOpenStartForm();
      browser.visible(modal, By.cssSelector("form.fjs-form"));
      // the drop-downs' own texts too ("Select", "Search")
      browser.click(messagesStartButton(modal));
      wait.until(d -> !d.findElements(By.cssSelector(".modal-dialog .dj-refusal")).isEmpty()
          && messagesVisibleNotices().isEmpty());
      english.put("启动对话框", messagesEnglishWords());
      browser.screenshotWhole("49-messages-english-start-dialog", ".modal");
      StringBuilder report = new StringBuilder();
      english.forEach((page, words) -> report.append(page).append("（").append(words.size()).append("）：")
          .append(String.join(" ", words)).append('\n'));
      System.out.println("English words left on the clerk's Tasklist pages:\n" + report);
      Files.writeString(SCREENSHOTS.resolve("49-messages-english-words.txt"), report.toString(), StandardCharsets.UTF_8);
      // what is left is named in the report; none of form-js's messages or the calendar's is among it
      english.forEach((page, words) -> assertThat(words).as("English on %s", page).hasSizeLessThanOrEqualTo(2)
          .doesNotContain("Field", "required", "Select", "Search", "March", "Sun", "Welcome", "Unauthorized"));
      browser.assertNothingBlockedByThePolicy();
    } catch (Throwable failure) {
      messagesSaveState("failure-messages-english");
      throw failure;
    }
  }

  /**
   * Every page a clerk, an approver, a supervisor and an auditor opens: the welcome page, each of our pages it links
   * to, Tasklist's list and a task form (the clerk's step 2, the approver's step 17), Cockpit's dashboard, process
   * list, diagram, case, 人工任务 and decisions for the supervisor, a case's record for the auditor. The English words
   * left on each are printed (and written to 90-english-words-by-role.txt); none may show more than a few, and none
   * of the webapps' own words that our translations cover.
   */
  @Test
  void messagesEnglishLeftOnEveryRolesPagesIsPrinted() throws Exception {
    try {
      ProcessInstance talkCase = startGuituCase("英文巡检", LocalDate.of(1993, 3, 3), BusinessCalendar.today().minusDays(6));
      Task talk = browser.openTask(talkCase, MemberDevelopment.Tasks.APPLICANT_TALK);
      org.springframework.boot.test.web.client.TestRestTemplate admin =
          new org.springframework.boot.test.web.client.TestRestTemplate().withBasicAuth("admin", "admin");
      String base = "http://localhost:" + port;
      byte[] template = admin.getForEntity(base + "/api/admin/import-template.xlsx", byte[].class).getBody();
      byte[] workbook = org.dangjian.flow.administration.FilledTemplate.fill(template, Map.of("在办发展党员",
          List.of(org.dangjian.flow.administration.PaperCases.recordedThrough(16, "guitu",
              "巡检" + ThreadLocalRandom.current().nextInt(100000), List.of("1001", "1002"),
              BusinessCalendar.today(), 4))));
      org.springframework.http.ResponseEntity<Map> imported = admin.postForEntity(base + "/api/admin/imports?dryRun=false",
          org.dangjian.flow.administration.FilledTemplate.upload(workbook, "巡检.xlsx"), Map.class);
      assertThat(imported.getStatusCode().value()).as("%s", imported.getBody()).isEqualTo(200);
      String approvalCase = ((List<String>) imported.getBody().get("cases")).get(0);
      Task approval = taskService.createTaskQuery().processInstanceBusinessKey(approvalCase).singleResult();

      Map<String, List<String>> english = new java.util.LinkedHashMap<>();
      // clerk
      browser.login("guitu.clerk");
      browser.showFilter("本组待办");
      english.put("党务工作者 · 任务列表", messagesEnglishWords());
      englishOfATaskForm(talk, "党务工作者 · 任务表单（2 谈话）", "90-english-clerk-task", english);
      englishOfTheWelcomePageAndOurPages("guitu.clerk", english);
      dropSession();
      // approver
      browser.login("jg.approver");
      englishOfATaskForm(approval, "审批人 · 任务表单（17 审批）", "90-english-approver-task", english);
      englishOfTheWelcomePageAndOurPages("jg.approver", english);
      dropSession();
      // supervisor
      englishOfTheWelcomePageAndOurPages("gxq.supervisor", english);
      String cockpit = base + "/camunda/app/cockpit/default/#";
      driver.get(cockpit + "/dashboard");
      wait.until(d -> d.findElement(By.tagName("body")).getText().contains("未完成的人工任务"));
      english.put("督导 · 流程监控首页", stableEnglishWords());
      driver.get(cockpit + "/processes");
      wait.until(d -> d.findElement(By.tagName("body")).getText().contains(PROCESS_NAME));
      english.put("督导 · 流程定义列表", stableEnglishWords());
      openDiagram("MemberDevelopmentProcess", "SubProcess_Admission");
      english.put("督导 · 流程图", stableEnglishWords());
      driver.get(cockpit + "/process-instance/" + talkCase.getId() + "/runtime?tab=variables-tab");
      wait.until(d -> d.findElement(By.tagName("body")).getText().contains("英文巡检"));
      english.put("督导 · 案件（变量）", stableEnglishWords());
      browser.screenshot("90-english-supervisor-instance");
      driver.get(cockpit + "/process-instance/" + talkCase.getId() + "/runtime?tab=user-tasks-tab");
      wait.until(d -> d.findElement(By.tagName("body")).getText().contains(STEP_2));
      english.put("督导 · 案件（用户任务）", stableEnglishWords());
      driver.get(cockpit + "/tasks");
      wait.until(d -> d.findElement(By.tagName("body")).getText().contains("已分配给 1 个或多个组"));
      english.put("督导 · 人工任务", stableEnglishWords());
      driver.get(cockpit + "/decisions");
      wait.until(d -> d.findElement(By.tagName("body")).getText().contains("决策"));
      english.put("督导 · 决策", stableEnglishWords());
      browser.screenshot("90-english-supervisor-decisions");
      dropSession();
      // auditor
      englishOfTheWelcomePageAndOurPages("gxq.auditor", english);
      driver.get(base + "/api/records/" + talkCase.getBusinessKey() + ".html");
      wait.until(d -> d.findElement(By.tagName("body")).getText().contains("全程纪实"));
      english.put("审计 · 全程纪实", stableEnglishWords());
      browser.screenshot("90-english-auditor-record");

      StringBuilder report = new StringBuilder();
      english.forEach((page, words) -> report.append(page).append("（").append(words.size()).append("）：")
          .append(String.join(" ", words)).append('\n'));
      System.out.println("English words left on every role's pages:\n" + report);
      Files.writeString(SCREENSHOTS.resolve("90-english-words-by-role.txt"), report.toString(), StandardCharsets.UTF_8);
      // ids a page shows as ids (process keys, Excel and PDF as the formats' names, "ID"); the variables table shows
      // the engine's variable names and raw values to administrators, which are data, not the page's words
      java.util.Set<String> ids = new java.util.HashSet<>(List.of("ID", "Excel", "PDF"));
      repositoryService.createProcessDefinitionQuery().latestVersion().list().forEach(d -> ids.add(d.getKey()));
      runtimeService.getVariables(talkCase.getId()).forEach((name, value) -> {
        ids.add(name);
        ids.addAll(List.of(String.valueOf(value).split("[^A-Za-z]+")));
      });
      english.forEach((page, words) -> assertThat(words.stream().filter(w -> !ids.contains(w)).toList())
          .as("English on %s", page).hasSizeLessThanOrEqualTo(3)
          .doesNotContain("Welcome", "Dashboard", "Processes", "Tasks", "Variables", "Search", "Select", "Field",
              "required", "Unauthorized", "Logout", "Cockpit", "Tasklist", "Admin", "String", "Boolean", "null",
              "zoom", "Actions"));
      browser.assertNothingBlockedByThePolicy();
    } catch (Throwable failure) {
      messagesSaveState("failure-messages-english-roles");
      throw failure;
    }
  }

  /** The task opened from 本组待办 with its form drawn: the English on it, and a screenshot. */
  private void englishOfATaskForm(Task task, String page, String shot, Map<String, List<String>> english)
      throws IOException {
    browser.openFromFilter("本组待办", task);
    browser.visible(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-details"))),
        By.cssSelector("form.fjs-form"));
    english.put(page, messagesEnglishWords());
    browser.screenshot(shot);
  }

  /**
   * The welcome page of the user (logged in there unless already in a webapp), and each of our own pages it links to,
   * as that user sees them; the user is logged out after (the session's cookie dropped).
   */
  private void englishOfTheWelcomePageAndOurPages(String user, Map<String, List<String>> english) throws IOException {
    driver.get("http://localhost:" + port + "/camunda/app/welcome/default/");
    wait.until(d -> !d.findElements(By.cssSelector("li.account a.dropdown-toggle, input[ng-model='username']"))
        .stream().filter(WebElement::isDisplayed).toList().isEmpty());
    if (!driver.findElements(By.cssSelector("input[ng-model='username']")).stream().filter(WebElement::isDisplayed)
        .toList().isEmpty()) {
      browser.typeCredentials(user);
      browser.submitCredentials(user);
    }
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li.account a.dropdown-toggle")));
    english.put(user + " · 欢迎页", stableEnglishWords());
    browser.screenshot("90-english-" + user + "-welcome");
    List<String> ours = driver.findElements(By.cssSelector("a[href^='/']")).stream()
        .map(a -> a.getDomAttribute("href")).filter(href -> href.endsWith(".html")).distinct().toList();
    for (String page : ours) {
      driver.get("http://localhost:" + port + page);
      english.put(user + " · " + page, stableEnglishWords());
    }
  }

  /** Leaves the webapps' session: the next login starts on a login form. */
  private void dropSession() {
    driver.get("http://localhost:" + port + "/camunda/app/welcome/default/");
    driver.manage().deleteAllCookies();
  }

  /** The English words once the page stops changing (its requests answered): the same text twice, 400 ms apart. */
  private List<String> stableEnglishWords() {
    String[] last = {null};
    new WebDriverWait(driver, TIMEOUT).pollingEvery(Duration.ofMillis(400)).until(d -> {
      String now = d.findElement(By.tagName("body")).getText();
      boolean stable = !now.isBlank() && now.equals(last[0]);
      last[0] = now;
      return stable;
    });
    return messagesEnglishWords();
  }

  /**
   * The Latin words of the page as shown (text, placeholders, tooltips, the title). Not words: case numbers and ids
   * (guitu-2026-0001, guitu.clerk, ctrl+alt+c), dates, the product name the page must show (the footer's
   * "Camunda Platform", the notice that the engine is Camunda 7) and the time zone's id.
   */
  private List<String> messagesEnglishWords() {
    @SuppressWarnings("unchecked")
    List<String> texts = (List<String>) ((JavascriptExecutor) driver).executeScript(
        "const texts = [document.title, document.body.innerText];"
            + " for (const e of document.querySelectorAll('[placeholder], [title], [uib-tooltip], [aria-label]')) {"
            + "   if (e.offsetParent !== null) { texts.push(e.getAttribute('placeholder') || '', e.getAttribute('title')"
            + "     || '', e.getAttribute('aria-label') || ''); } }"
            + " return texts;");
    // the footer's "技术支持：Camunda Platform" and the browser's time zone (an IANA id, "Asia/Shanghai")
    java.util.Set<String> allowed = java.util.Set.of("Camunda", "Platform", "Asia", "Shanghai");
    java.util.Set<String> words = new java.util.TreeSet<>();
    for (String text : texts) {
      for (String token : text.split("[\\s，。：；、（）()\\[\\]{}<>\"'“”/|·,:;!?]+")) {
        // ids and numbers (guitu.clerk, guitu-2026-0001, v7.24.0, ctrl+alt+c) are not words to translate
        if (token.matches("[A-Za-z]{2,}") && !allowed.contains(token)) {
          words.add(token);
        }
      }
    }
    return new ArrayList<>(words);
  }

  /**
   * Replaces a filled-in text as a clerk does (select all, type): WebDriver's clear() empties the input without an
   * input event, so form-js keeps its value and the next keys are appended to it.
   */
  private void messagesRetype(WebElement input, String text) {
    browser.scrollToCenter(input);
    input.click();
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    input.sendKeys(text);
    assertThat(input.getDomProperty("value")).isEqualTo(text);
  }

  /** The page, its screenshot and the browser's console (our script's errors would be there). */
  private void messagesSaveState(String name) {
    browser.saveState(name);
    try {
      StringBuilder console = new StringBuilder();
      for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
        console.append(entry.getLevel()).append(' ').append(entry.getMessage()).append('\n');
      }
      Files.writeString(SCREENSHOTS.resolve(name + "-console.txt"), console.toString(), StandardCharsets.UTF_8);
    } catch (RuntimeException | IOException e) {
      // keep the original failure
    }
  }

  private WebElement messagesOpenStartForm() {
    browser.click(By.cssSelector("li.start-process-action a[ng-click='open()']"));
    WebElement modal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-dialog")));
    browser.visible(modal, By.cssSelector("input[ng-model='page.searchValue']")).sendKeys(PROCESS_NAME);
    browser.click(browser.visible(modal, By.xpath(".//ul[contains(@class,'processes')]//a[normalize-space(.)='" + PROCESS_NAME + "']")));
    browser.visible(modal, By.cssSelector("form.fjs-form"));
    return modal;
  }

  private WebElement messagesStartButton(WebElement modal) {
    return browser.visible(modal, By.cssSelector(".modal-footer button[ng-click='startProcessInstance()']"));
  }

  /** A form-js field (label, input, description, errors) by its label. */
  private WebElement messagesField(SearchContext form, String label) {
    return wait.until(d -> form.findElements(By.xpath(".//div[contains(concat(' ', @class, ' '), ' fjs-form-field ')]"
        + "[.//label[contains(@class,'fjs-form-field-label')][normalize-space(text()[1])='" + label + "']]"))
        .stream().reduce((outer, inner) -> inner).orElse(null));
  }

  /** form-js's own error under a field, "" if none. */
  private String messagesFieldError(WebElement field) {
    return field.findElements(By.cssSelector(".fjs-form-field-error")).stream().map(WebElement::getText)
        .findFirst().orElse("").trim();
  }

  /** The server's refusal drawn at a field, "" if none. */
  private String messagesRefusalAt(WebElement field) {
    return field.findElements(By.cssSelector(".dj-field-refusal")).stream().map(WebElement::getText)
        .findFirst().orElse("").trim();
  }

  /** Tasklist's own notifications now shown (the toast, the dialog's panel). */
  private List<String> messagesVisibleNotices() {
    List<String> shown = new ArrayList<>();
    for (WebElement notice : driver.findElements(By.cssSelector(".notifications .alert"))) {
      try {
        if (notice.isDisplayed()) {
          shown.add(notice.getText());
        }
      } catch (StaleElementReferenceException removedWhileLooking) {
        // gone
      }
    }
    return shown;
  }

  // ---- issue 15: the register (台账) and our pages in one style

  /**
   * 台账 and the welcome page by role: a committee clerk sees the links of the pages a clerk uses (not 驻村帮包督导, not
   * 管理), opens the register, chooses 高新区机关党委 by name, finds two cases of this test by the applicants' name,
   * sorts them by days open and filters the overdue one; the overdue page takes the committee by name; a
   * supervisor's welcome page links other pages (驻村帮包督导, not 撤回与转接), and the village help view takes the
   * working committee by name.
   */
  @Test
  void registerIsFilteredAndSortedOnThePageAndTheWelcomePageLinksWhatEachRoleMayUse() throws IOException {
    try {
      String name = "台账" + findingSuffix();
      ProcessInstance late = startGuituCase(name + "甲", LocalDate.of(1995, 3, 3),
          BusinessCalendar.today().minusDays(40));
      ProcessInstance recent = startGuituCase(name + "乙", LocalDate.of(1996, 4, 4),
          BusinessCalendar.today().minusDays(5));

      welcomeLogin("jg.clerk", null);
      Map<String, Boolean> clerkLinks = ourLinksOnTheWelcomePage();
      assertThat(clerkLinks).containsEntry("发展党员台账", true).containsEntry("发展党员逾期待办", true)
          .containsEntry("全程纪实查询", true).containsEntry("发展党员案件撤回与转接", true)
          .containsEntry("驻村帮包督导", false).containsEntry("管理：组织、人员与党员名册", false);
      browser.screenshot("160-welcome-committee-clerk-links");

      follow(driver.findElement(By.linkText("发展党员台账")), "/register.html");
      WebElement organization = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("organizationId")));
      wait.until(d -> organization.findElements(By.xpath("./option[normalize-space(.)='高新区机关党委']")).size() == 1);
      new Select(organization).selectByVisibleText("高新区机关党委");
      assertThat(organization.getDomProperty("value")).isEqualTo("gxq-jg");
      browser.type(driver.findElement(By.id("q")), name);
      browser.click(By.cssSelector("#search button[type='submit']"));
      wait.until(d -> registerCases().size() == 2);
      assertThat(driver.findElement(By.id("summary")).getText()).isEqualTo("高新区机关党委：共 2 件，本页第 1–2 件。");
      WebElement lateRow = registerRow(late.getBusinessKey());
      assertThat(lateRow.getText()).contains(name + "甲", "规土局党支部", "第一阶段 申请入党", STEP_2,
          "规土局党支部 党务工作者", "40 天", "已逾期", BusinessCalendar.today().minusDays(40).toString());
      assertThat(lateRow.getDomAttribute("class")).isEqualTo("overdue");
      assertThat(driver.findElement(By.id("export")).getDomAttribute("href"))
          .startsWith("/api/development-cases/register.xlsx?organizationId=gxq-jg&state=all&q=");
      browser.screenshot("161-register-found-by-name");

      WebElement days = driver.findElement(By.cssSelector("th[data-key='daysOpen']"));
      browser.click(days);
      wait.until(d -> registerCases().equals(List.of(recent.getBusinessKey(), late.getBusinessKey())));
      browser.click(By.cssSelector("th[data-key='daysOpen']"));
      wait.until(d -> registerCases().equals(List.of(late.getBusinessKey(), recent.getBusinessKey())));
      assertThat(driver.findElement(By.cssSelector("th[data-key='daysOpen']")).getDomAttribute("class"))
          .contains("sorted-desc");
      browser.screenshot("162-register-sorted-by-days-open");

      browser.click(By.id("overdueOnly"));
      wait.until(d -> registerCases().equals(List.of(late.getBusinessKey())));
      assertThat(driver.findElement(By.id("shown")).getText()).isEqualTo("本页筛选后显示 1 件。");
      browser.screenshot("163-register-only-overdue");
      browser.click(By.id("overdueOnly"));
      browser.type(driver.findElement(By.id("text")), name + "乙");
      wait.until(d -> registerCases().equals(List.of(recent.getBusinessKey())));
      browser.screenshot("164-register-filtered-by-text");

      driver.get("http://localhost:" + port + "/overdue.html");
      WebElement overdueOrganization = wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.id("organizationId")));
      wait.until(d -> overdueOrganization.findElements(By.xpath("./option[normalize-space(.)='高新区机关党委']"))
          .size() == 1);
      new Select(overdueOrganization).selectByVisibleText("高新区机关党委");
      browser.click(By.cssSelector("#search button[type='submit']"));
      WebElement overdueRow = onSomePage(By.xpath("//tbody[@id='tasks']/tr[td[normalize-space()='"
          + late.getBusinessKey() + "']]"));
      ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", overdueRow);
      assertThat(overdueRow.getText()).contains(name + "甲");
      assertThat(driver.findElement(By.cssSelector("header.dj-header")).getText())
          .contains("党建工作流", "发展党员逾期待办", "返回首页");
      browser.screenshot("165-overdue-committee-chosen-by-name");

      browser.click(By.linkText("返回首页"));
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li.account a.dropdown-toggle")));
      assertThat(driver.getCurrentUrl()).contains("/app/welcome/");
      browser.assertNothingBlockedByThePolicy();

      dropSession();
      welcomeLogin("gxq.supervisor", null);
      Map<String, Boolean> supervisorLinks = ourLinksOnTheWelcomePage();
      assertThat(supervisorLinks).containsEntry("发展党员台账", true).containsEntry("驻村帮包督导", true)
          .containsEntry("全程纪实查询", true).containsEntry("发展党员案件撤回与转接", false)
          .containsEntry("管理：组织、人员与党员名册", false).containsEntry("通知设置", true);
      browser.screenshot("166-welcome-supervisor-links");

      follow(driver.findElement(By.linkText("驻村帮包督导")), "/village-help.html");
      WebElement committee = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("committee")));
      wait.until(d -> committee.findElements(By.xpath("./option[normalize-space(.)='高新区工委']")).size() == 1);
      assertThat(committee.getDomProperty("value")).isEqualTo("gxq");
      wait.until(d -> !d.findElement(By.id("assignments")).getText().isBlank());
      browser.screenshot("167-village-help-committee-by-name");

      driver.get("http://localhost:" + port + "/register.html?organizationId=gxq");
      wait.until(d -> "gxq".equals(d.findElement(By.id("organizationId")).getDomProperty("value")));
      browser.type(driver.findElement(By.id("q")), name);
      browser.click(By.cssSelector("#search button[type='submit']"));
      wait.until(d -> registerCases().size() == 2);
      registerRow(recent.getBusinessKey()).findElement(By.linkText(recent.getBusinessKey())).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), name + "乙"));
      assertThat(driver.findElement(By.cssSelector("header.dj-header")).getText()).contains("党建工作流", "返回首页");
      browser.screenshot("168-record-page-in-the-same-style");
      browser.assertNothingBlockedByThePolicy();

      // 通知设置: the supervisor's own choices, kept over a reload; put back as they were for the other tests. A change
      // needs credentials on the request (no cross-site request forgery): what the browser sends once the user has
      // answered its login prompt for the page (headless has none)
      ((ChromeDriver) driver).executeCdpCommand("Network.enable", Map.of());
      ((ChromeDriver) driver).executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of(
          "Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("gxq.supervisor:demo".getBytes(
              StandardCharsets.UTF_8)))));
      driver.get("http://localhost:" + port + "/notifications.html");
      wait.until(d -> "gxq.supervisor".equals(d.findElement(By.id("userId")).getText()));
      WebElement digest = driver.findElement(By.id("dailyDigest"));
      boolean digestBefore = digest.isSelected();
      assertThat(driver.findElement(By.id("email")).getText()).satisfiesAnyOf(
          text -> assertThat(text).contains("@"), text -> assertThat(text).startsWith("未登记邮箱"));
      browser.click(digest);
      browser.click(By.id("save"));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "已保存"));
      driver.navigate().refresh();
      wait.until(d -> "gxq.supervisor".equals(d.findElement(By.id("userId")).getText()));
      assertThat(driver.findElement(By.id("dailyDigest")).isSelected()).isEqualTo(!digestBefore);
      browser.screenshot("169-notification-settings");
      browser.click(By.id("dailyDigest"));
      browser.click(By.id("save"));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "已保存"));
      browser.assertNothingBlockedByThePolicy();
    } catch (Throwable failure) {
      browser.saveState("failure-register");
      throw failure;
    }
  }

  /** The welcome page's links to our pages, once its script has asked which this user may use: shown or not. */
  private Map<String, Boolean> ourLinksOnTheWelcomePage() {
    wait.until(d -> {
      List<WebElement> wrappers = d.findElements(By.cssSelector(".custom-link-wrapper"));
      return !wrappers.isEmpty() && wrappers.stream().allMatch(w -> "true".equals(w.getDomAttribute("data-dj-checked")));
    });
    Map<String, Boolean> links = new java.util.LinkedHashMap<>();
    for (WebElement wrapper : driver.findElements(By.cssSelector(".custom-link-wrapper"))) {
      WebElement link = wrapper.findElement(By.tagName("a"));
      links.put(link.getDomProperty("textContent").strip(), wrapper.isDisplayed());
    }
    return links;
  }

  private List<String> registerCases() {
    return driver.findElements(By.cssSelector("#rows tr")).stream().map(r -> r.getDomAttribute("data-case-number"))
        .toList();
  }

  private WebElement registerRow(String caseNumber) {
    return driver.findElement(By.cssSelector("#rows tr[data-case-number='" + caseNumber + "']"));
  }

  /**
   * 三会一课 in Tasklist (issue 17): a branch clerk records a 支委会 meeting (the form warns of a date in the future
   * and of more present than entitled before the server would refuse them), and the committee's clerk does the
   * quarter's review (月查季审) with the quarter's meetings side by side with what was due, ordering a rectification.
   * Screenshots 170–177.
   */
  @Test
  void aBranchClerkRecordsACommitteeMeetingAndTheCommitteeClerkReviewsTheQuarter() throws IOException {
    try {
      String branch = "m" + java.util.UUID.randomUUID().toString().substring(0, 8);
      organizations.save(new Organization(branch, "三会一课浏览器测试支部", OrganizationKind.BRANCH, "gxq-jg", false), 99);
      engineIdentity.synchronizeGroups();
      identityService.createMembership("guitu.clerk", branch + "-clerk");
      standingAuthorizations.ensure();
      // last year, checked from January: its first quarter is over whenever this runs, so its review can open
      int year = BusinessCalendar.today().getYear() - 1;
      ProcessInstance pi = runtimeService.startProcessInstanceByKey("BranchMeetingsProcess",
          Map.of("branchId", branch, "year", year, "checkedFromMonth", 1));
      Task record = browser.openTask(pi, "Task_RecordMeeting");

      browser.login("guitu.clerk");
      browser.openFromFilter("本组待办", record);
      WebElement details = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-details")));
      browser.click(browser.visible(details, By.cssSelector("button.claim")));
      wait.until(d -> details.findElements(By.cssSelector(".disabled-form")).isEmpty());
      SearchContext form = browser.visible(details, By.cssSelector("form.fjs-form"));
      browser.select(form, "会议类型", "支部委员会（支委会）");
      browser.typeDate(browser.field(form, "会议日期"), BusinessCalendar.today().plusDays(3));
      wait.until(d -> browser.visible(details, By.cssSelector("form.fjs-form")).getText().contains("会议日期晚于今天"));
      browser.screenshot("170-meetings-record-future-date");
      browser.typeDate(browser.field(form, "会议日期"), LocalDate.of(year, 3, 10));
      wait.until(d -> !browser.visible(details, By.cssSelector("form.fjs-form")).getText().contains("会议日期晚于今天"));
      browser.type(browser.field(form, "会议主题"), "研究一季度发展党员工作");
      browser.type(browser.field(form, "第一议题（首先学习的内容）"), "学习习近平总书记重要讲话精神");
      browser.type(browser.field(form, "应到人数"), "7");
      browser.type(browser.field(form, "实到人数"), "8");
      wait.until(d -> browser.visible(details, By.cssSelector("form.fjs-form")).getText().contains("实到人数多于应到人数"));
      browser.screenshotWhole("171-meetings-record-too-many-present", ".task-details .three-cols-layout-cell.content");
      browser.type(browser.field(form, "实到人数"), "6");
      browser.type(browser.field(form, "缺席人员及原因"), "郭志强（出差）");
      browser.type(browser.field(form, "会议记录"), "传达学习上级精神，讨论确定两名入党积极分子。");
      browser.screenshotWhole("172-meetings-record-committee-meeting", ".task-details .three-cols-layout-cell.content");
      wait.until(d -> browser.completeButton(details).isEnabled());
      browser.complete(details, record.getId());
      assertThat(browser.visibleAlert("")).as("error shown when recording").isNull();
      assertThat(jdbc.queryForObject("select count(*) from branch_meeting where branch_id = ?"
          + " and meeting_kind = 'committeeMeeting' and attendees_present = 6", Integer.class, branch)).isEqualTo(1);
      // the task is there again for the next meeting, on a blank form
      Task next = browser.openTask(pi, "Task_RecordMeeting");
      assertThat(next.getId()).isNotEqualTo(record.getId());
      browser.openFromFilter("本组待办", next);
      browser.screenshot("173-meetings-record-again");

      // the first quarter ends: 月查 records what was not held, the committee reviews
      org.camunda.bpm.engine.ManagementService management = processEngine.getManagementService();
      for (String timer : List.of("TimerEvent_MeetingMonthEnds", "TimerEvent_MeetingMonthEnds",
          "TimerEvent_MeetingMonthEnds", "TimerEvent_MeetingQuarterEnds")) {
        management.executeJob(management.createJobQuery().processInstanceId(pi.getId()).activityId(timer)
            .singleResult().getId());
      }
      Task review = browser.openTask(pi, "Task_QuarterlyMeetingReview");
      browser.logout();
      browser.login("jg.clerk");
      browser.openFromFilter("本组待办", review);
      WebElement reviewDetails = wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector(".task-details")));
      browser.click(browser.visible(reviewDetails, By.cssSelector("button.claim")));
      wait.until(d -> reviewDetails.findElements(By.cssSelector(".disabled-form")).isEmpty());
      SearchContext reviewForm = browser.visible(reviewDetails, By.cssSelector("form.fjs-form"));
      wait.until(d -> browser.visible(reviewDetails, By.cssSelector("form.fjs-form")).getText().contains("已召开 1 次"));
      assertThat(browser.visible(reviewDetails, By.cssSelector("form.fjs-form")).getText())
          .contains(year + "年第1季度", "未召开", "出勤率 85.7%");
      browser.screenshotWhole("174-meetings-quarterly-review", ".task-details .three-cols-layout-cell.content");
      browser.click(browser.field(reviewForm, "责令整改"));
      wait.until(d -> browser.visible(reviewDetails, By.cssSelector("form.fjs-form")).getText().contains("责令整改须写明"));
      browser.type(browser.field(reviewForm, "审核意见（责令整改时必填：须整改的问题）"), "主题党日、党小组会、党课均未开展，限期补开并报告。");
      browser.screenshotWhole("175-meetings-quarterly-review-rectify", ".task-details .three-cols-layout-cell.content");
      wait.until(d -> browser.completeButton(reviewDetails).isEnabled());
      browser.complete(reviewDetails, review.getId());
      assertThat(browser.visibleAlert("")).as("error shown when reviewing").isNull();
      Task rectification = browser.openTask(pi, "Task_MeetingRectification");
      browser.logout();
      browser.login("guitu.clerk");
      browser.openFromFilter("本组待办", rectification);
      wait.until(d -> browser.visible(d.findElement(By.cssSelector(".task-details")), By.cssSelector("form.fjs-form"))
          .getText().contains("限期补开并报告"));
      browser.screenshotWhole("176-meetings-rectification", ".task-details .three-cols-layout-cell.content");
      browser.logout();
      // the committee's page: per branch and period, held against due, attendance, violations, the review
      browser.login("jg.clerk");
      driver.get("http://localhost:" + port + "/branch-meetings.html?committeeId=gxq-jg&year=" + year);
      wait.until(d -> d.findElement(By.id("periods")).getText().contains("三会一课浏览器测试支部"));
      assertThat(driver.findElement(By.id("periods")).getText()).contains(year + "年第1季度", "责令整改", "85.7%");
      screenshotTall("177-meetings-committee-page");
    } catch (Throwable failure) {
      browser.saveState("failure-meetings");
      throw failure;
    }
  }
}
