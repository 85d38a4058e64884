package org.dangjian.flow.system;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.dangjian.flow.ProcessTestSupport;
import org.junit.jupiter.api.Assumptions;
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
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Camunda Tasklist in headless Chromium, driven as a clerk would: log in, open a task from a filter, fill
 * Camunda Forms (form-js) fields found by their Chinese labels, complete. Tasklist's own controls are found by their
 * AngularJS attributes, never by their text, so it holds whichever language Tasklist shows (the browser asks for
 * zh-CN). The browser tests of this package share it; screenshots go to target/screenshots/.
 */
class TasklistBrowser {

  static final String CHROMEDRIVER = HeadlessChromium.CHROMEDRIVER;
  static final Path SCREENSHOTS = Paths.get("target", "screenshots");
  static final Path DOWNLOADS = Paths.get("target", "downloads");
  static final Duration TIMEOUT = Duration.ofSeconds(30);
  static final String PROCESS_NAME = "发展党员";
  static final String PASSWORD = "demo";
  static final int TASKLIST_PAGE_SIZE = 15;

  private final int port;
  /** The texts {@link #type} put in the fields of the form open now, for {@link #putBackDroppedText}. */
  private final Map<WebElement, String> typed = new java.util.LinkedHashMap<>();
  private final ProcessEngine processEngine;
  private final TaskService taskService;
  private final FilterService filterService;
  private final IdentityService identityService;

  WebDriver driver;
  WebDriverWait wait;
  private Path userDataDir;

  TasklistBrowser(int port, ProcessEngine processEngine, TaskService taskService, FilterService filterService,
      IdentityService identityService) {
    this.port = port;
    this.processEngine = processEngine;
    this.taskService = taskService;
    this.filterService = filterService;
    this.identityService = identityService;
  }

  /** Starts headless Chromium (skips the test where Debian's chromium-driver is not installed). */
  void start() throws IOException {
    Assumptions.assumeTrue(new File(CHROMEDRIVER).exists(),
        "Chromium and its driver are not installed (apt-get install chromium chromium-driver)");
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
    ProcessTestSupport.addressThisContextsEngine(processEngine);
    Files.createDirectories(SCREENSHOTS);
    userDataDir = Files.createTempDirectory("tasklist-browser-test");
    // downloads (the record's PDF) land in target/downloads without asking, PDFs are saved rather than shown
    Files.createDirectories(DOWNLOADS);
    ChromeOptions options = HeadlessChromium.options(userDataDir, Map.of(
        "download.default_directory", DOWNLOADS.toAbsolutePath().toString(), "download.prompt_for_download", false,
        "plugins.always_open_pdf_externally", true));
    // the console, to see whether the Content-Security-Policy blocked anything
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    driver = HeadlessChromium.start(options);
    wait = new WebDriverWait(driver, TIMEOUT);
    wait.ignoring(StaleElementReferenceException.class);
  }

  void stop() throws IOException {
    if (driver != null) {
      driver.quit();
    }
    if (userDataDir != null) {
      try (Stream<Path> files = Files.walk(userDataDir)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  /** A number field typed over: select what is there (clear() leaves form-js's number input as it was). */
  void typeCount(WebElement input, String count) {
    scrollToCenter(input);
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), count);
    wait.until(d -> count.equals(input.getDomProperty("value")));
  }

  /** What the browser refused to load or run under a page's Content-Security-Policy since the last look. */
  void assertNothingBlockedByThePolicy() {
    List<String> blocked = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      if (entry.getMessage().contains("Content Security Policy")) {
        blocked.add(entry.getMessage());
      }
    }
    assertThat(blocked).as("blocked by the Content-Security-Policy").isEmpty();
  }

  WebElement openStartForm() {
    click(By.cssSelector("li.start-process-action a[ng-click='open()']"));
    WebElement modal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-dialog")));
    visible(modal, By.cssSelector("input[ng-model='page.searchValue']")).sendKeys(PROCESS_NAME);
    click(visible(modal, By.xpath(".//ul[contains(@class,'processes')]//a[normalize-space(.)='" + PROCESS_NAME + "']")));
    return modal;
  }

  void open() {
    driver.get("http://localhost:" + port + "/camunda/app/tasklist/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
  }

  void typeCredentials(String user) {
    WebElement username = driver.findElement(By.cssSelector("input[ng-model='username']"));
    username.clear();
    username.sendKeys(user);
    WebElement password = driver.findElement(By.cssSelector("input[ng-model='password']"));
    password.clear();
    // the administrator's password is its own (README, demo users)
    password.sendKeys("admin".equals(user) ? "admin" : PASSWORD);
  }

  /**
   * Submits the typed credentials of a webapp's login form and waits until the user is logged in. The webapps send
   * the CSRF token an earlier answer gave them; on a loaded machine the form can be sent before that answer came,
   * and the login is refused with "CSRFPreventionFilter: Token provided via HTTP Header is absent/empty" (seen in
   * CI, Cockpit): then the credentials are typed and sent again, three times at the most.
   */
  void submitCredentials(String user) {
    for (int attempt = 1; ; attempt++) {
      click(By.cssSelector("form[name='signinForm'] button[type='submit']"));
      wait.until(d -> !d.findElements(By.cssSelector("li.account a.dropdown-toggle")).stream()
          .filter(WebElement::isDisplayed).toList().isEmpty() || visibleAlert("CSRF") != null);
      if (visibleAlert("CSRF") == null) {
        return;
      }
      assertThat(attempt).as("login of %s refused for the CSRF token %d times", user, attempt).isLessThan(3);
      System.out.printf("TasklistBrowser: login of %s sent before the CSRF token came; again%n", user);
      dismissNotifications();
      pause(1000);
      typeCredentials(user);
    }
  }

  void submitLogin(String user) {
    submitCredentials(user);
    // the filters are created at startup; Tasklist selects the first one once they are loaded
    wait.until(d -> d.findElements(By.cssSelector("[cam-tasklist-filters] .task-filter")).size() >= 3);
  }

  void login(String user) {
    open();
    typeCredentials(user);
    submitLogin(user);
  }

  void logout() {
    dismissNotifications();
    click(By.cssSelector("li.account a.dropdown-toggle"));
    click(By.cssSelector("li.account a[ng-click='logout()']"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
  }

  void showFilter(String name) {
    String filterId = filterService.createFilterQuery().filterName(name).singleResult().getId();
    click(By.xpath("//div[contains(@class,'task-filter')]//h4[contains(@class,'name')]/a[normalize-space(text())='"
        + name + "']"));
    wait.until(ExpectedConditions.urlContains("filter=" + filterId));
    wait.until(d -> d.findElement(By.xpath("//div[contains(@class,'task-filter')][.//h4/a[normalize-space(text())='"
        + name + "']]")).getDomAttribute("class").contains("active"));
    waitForTaskList();
  }

  /** The task list has loaded: either the list or the "no task" notice is shown and no loader spins. */
  void waitForTaskList() {
    wait.until(d -> {
      WebElement tasks = d.findElement(By.cssSelector("[cam-tasks]"));
      boolean loading = tasks.findElements(By.cssSelector(".loader")).stream().anyMatch(WebElement::isDisplayed);
      boolean shown = tasks.findElements(By.cssSelector("ol.tasks-list, [ng-if='!totalItems']")).stream()
          .anyMatch(WebElement::isDisplayed);
      return !loading && shown;
    });
  }

  /**
   * The tasks a filter lists for the logged-in user, once the list shows what the engine's filter gives that user
   * (so that a list still loading, or still showing the previous filter, is not taken for the answer).
   */
  List<String> shownTaskIds(String filter, String userId, String... groupIds) {
    showFilter(filter);
    String filterId = filterService.createFilterQuery().filterName(filter).singleResult().getId();
    List<String> ids = new ArrayList<>();
    wait.until(d -> {
      ids.clear();
      for (WebElement link : d.findElements(By.cssSelector("[cam-tasks] ol.tasks-list li.task h4.task a"))) {
        String href = link.getDomAttribute("href");
        ids.add(href.substring(href.indexOf("task=") + "task=".length()));
      }
      return listsWhatFilterFinds(filterId, ids, userId, groupIds);
    });
    return ids;
  }

  /**
   * Whether Tasklist lists what the engine's filter finds for the user: as many tasks (up to Tasklist's page of 15)
   * and each of them one the filter finds.
   */
  boolean listsWhatFilterFinds(String filterId, List<String> shown, String userId, String... groupIds) {
    identityService.setAuthentication(userId, List.of(groupIds));
    try {
      if (shown.size() != Math.min(filterService.count(filterId), TASKLIST_PAGE_SIZE)) {
        return false;
      }
      return shown.stream()
          .allMatch(taskId -> filterService.singleResult(filterId, taskService.createTaskQuery().taskId(taskId)) != null);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /**
   * Opens a task of a filter the way a link to it does. The list shows 15 tasks a page, and on a database that
   * keeps earlier runs (with their clocks moved into the future) a new task need not be on the first page.
   */
  void openFromFilter(String filter, Task task) {
    showFilter(filter);
    String filterId = filterService.createFilterQuery().filterName(filter).singleResult().getId();
    driver.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?filter=" + filterId + "&task="
        + task.getId());
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-details h2.task"),
        task.getName()));
  }

  WebElement completeButton(WebElement details) {
    return visible(details, By.cssSelector(".form-actions button[ng-click='complete()']"));
  }

  /**
   * Completes the open task with 完成 and waits until it is gone or an error is shown. Tasklist enables 完成 once
   * form-js has validated the last change, and a click before that does nothing (seen in CI on a loaded machine,
   * on the ballots and on 述职评议's decision): click when enabled, and again if the task is still open a while later.
   */
  void complete(WebElement details, String taskId) {
    // the field typed last gives form-js its value now, not a moment later
    ((JavascriptExecutor) driver).executeScript("if (document.activeElement) document.activeElement.blur();");
    pause(300);
    for (int attempt = 0; attempt == 0 || attempt < 3 && taskService.createTaskQuery().taskId(taskId).count() > 0
        && visibleAlert("") == null; attempt++) {
      putBackDroppedText();
      wait.until(d -> completeButton(details).isEnabled());
      click(completeButton(details));
      try {
        // a field error: form-js refused the submission in the browser (an emptied field is typed again above)
        new WebDriverWait(driver, TIMEOUT).until(d -> taskService.createTaskQuery().taskId(taskId).count() == 0
            || visibleAlert("") != null || !details.findElements(By.cssSelector(".fjs-form-field-error")).isEmpty());
      } catch (org.openqa.selenium.TimeoutException stillOpen) {
        // not submitted: try the button again
      }
    }
    assertThat(visibleAlert("")).as("error shown when completing").isNull();
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("task completed").isZero();
    typed.clear();
  }

  WebElement visibleAlert(String text) {
    for (WebElement alert : driver.findElements(By.cssSelector(".alert-danger"))) {
      try {
        if (alert.isDisplayed() && alert.getText().contains(text)) {
          return alert;
        }
      } catch (StaleElementReferenceException removedWhileLooking) {
        // Tasklist re-renders its notifications; one that is gone is not shown
      }
    }
    return null;
  }

  void dismissNotifications() {
    for (WebElement close : driver.findElements(By.cssSelector(".notifications button.close[ng-click^='removeNotification']"))) {
      if (close.isDisplayed()) {
        close.click();
      }
    }
    wait.until(d -> d.findElements(By.cssSelector(".notifications .alert")).stream().noneMatch(WebElement::isDisplayed));
  }

  WebElement field(SearchContext form, String label) {
    WebElement labelElement = wait.until(d -> form.findElements(By.xpath(
            ".//label[contains(@class,'fjs-form-field-label')][normalize-space(text()[1])='" + label + "']"))
        .stream().findFirst().orElse(null));
    String id = labelElement.getDomAttribute("for");
    assertThat(id).as("label %s is for a field", label).isNotBlank();
    return form.findElement(By.id(id));
  }

  void type(WebElement input, String text) {
    scrollToCenter(input);
    input.clear();
    input.sendKeys(text);
    // form-js may draw the form again while the keys arrive (see putBackDroppedText): then type once more
    // (select all and type over it: a clear() that form-js undoes leaves the old value in front, seen as "86666")
    for (int again = 0; again < 3 && !text.equals(input.getDomProperty("value")); again++) {
      pause(300);
      scrollToCenter(input);
      input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
    }
    assertThat(input.getDomProperty("value")).isEqualTo(text);
    typed.put(input, text);
  }

  /**
   * Types again a text that form-js dropped: it takes a text field's value a moment after the keys (debounced), and
   * a redraw in that moment (after a number field's change, seen in CI on step 11's 结业证书编号) empties the field.
   * The value was typed by the test and is what the form is checked with; only an emptied field is typed again.
   */
  private void putBackDroppedText() {
    for (Map.Entry<WebElement, String> entry : typed.entrySet()) {
      try {
        WebElement input = entry.getKey();
        if (!entry.getValue().isEmpty() && input.isDisplayed() && input.getDomProperty("value").isEmpty()) {
          System.out.printf("TasklistBrowser: form-js emptied a field typed with \"%s\"; typing it again%n",
              entry.getValue());
          scrollToCenter(input);
          input.sendKeys(entry.getValue(), Keys.TAB);
        }
      } catch (StaleElementReferenceException drawnAnew) {
        // not the open form's field any more
      }
    }
  }

  /**
   * Types a date the way the picker's placeholder asks (yyyy-mm-dd once our Tasklist script has set the picker up,
   * "如 2026-03-05"; form-js's own is the browser's order, mm/dd/yyyy here), then checks the picker took it.
   */
  void typeDate(WebElement input, LocalDate date) {
    scrollToCenter(input);
    String placeholder = input.getDomAttribute("placeholder");
    String pattern = placeholder == null || !placeholder.contains("yy") ? "yyyy-MM-dd" : placeholder.replace("mm", "MM");
    DateTimeFormatter typed = DateTimeFormatter.ofPattern(pattern);
    DateTimeFormatter shown = DateTimeFormatter.ofPattern(pattern.replace("MM", "M").replace("dd", "d"));
    input.clear();
    input.sendKeys(date.format(typed), Keys.TAB);
    wait.until(d -> {
      try {
        return date.equals(LocalDate.parse(input.getDomProperty("value"), shown));
      } catch (DateTimeParseException notYet) {
        return false;
      }
    });
  }

  /** form-js draws its own drop-down: click the field, then the entry. */
  void select(SearchContext form, String label, String entry) {
    WebElement hidden = field(form, label);
    WebElement display = form.findElement(By.id(hidden.getDomAttribute("id") + "-display"));
    click(display);
    WebElement group = hidden.findElement(By.xpath("./ancestor::div[contains(@class,'fjs-form-field')][1]"));
    WebElement item = wait.until(d -> group.findElements(By.xpath(
            ".//div[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)='" + entry + "']"))
        .stream().findFirst().orElse(null));
    click(item);
    wait.until(d -> entry.equals(display.getText().trim()));
  }

  /** Waits for a displayed element inside another: Tasklist renders most things after a request returns. */
  WebElement visible(SearchContext within, By locator) {
    return wait.until(d -> within.findElements(locator).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
  }

  void click(By locator) {
    click(wait.until(ExpectedConditions.elementToBeClickable(locator)));
  }

  /** Clicks once nothing covers the element (Tasklist's notifications float over the page). */
  void click(WebElement element) {
    wait.until(d -> {
      scrollToCenter(element);
      try {
        element.click();
        return true;
      } catch (ElementClickInterceptedException covered) {
        // a tooltip of the element last clicked (a filter's description) can cover its neighbour: move away
        new org.openqa.selenium.interactions.Actions(driver).moveToLocation(1, 1).perform();
        return false;
      }
    });
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  void scrollToCenter(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  Task openTask(ProcessInstance pi, String taskKey) {
    return wait.until(d -> taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey)
        .singleResult());
  }

  Task task(ProcessInstance pi, String taskKey) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).list();
    assertThat(tasks).as("open tasks %s", taskKey).hasSize(1);
    return tasks.get(0);
  }

  void screenshot(String name) throws IOException {
    byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    Files.write(SCREENSHOTS.resolve(name + ".png"), png);
  }

  /** A screenshot of the whole of a scrolling region: the window grows for it, then goes back. */
  void screenshotWhole(String name, String scrollingSelector) throws IOException {
    Dimension normal = driver.manage().window().getSize();
    Number hidden = (Number) ((JavascriptExecutor) driver).executeScript(
        "const e = document.querySelector(arguments[0]); if (!e) { return 0; } e.scrollTop = 0;"
            + " return Math.max(0, e.scrollHeight - e.clientHeight);", scrollingSelector);
    try {
      driver.manage().window().setSize(new Dimension(normal.getWidth(), normal.getHeight() + hidden.intValue() + 40));
      screenshot(name);
    } finally {
      driver.manage().window().setSize(normal);
    }
  }

  void saveState(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      if (driver != null) {
        screenshot(name);
        Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
      }
    } catch (RuntimeException | IOException e) {
      // keep the original failure
    }
  }

  /** A valid, unique 18-character resident ID (GB 11643-1999, ISO 7064 MOD 11-2 check character). */
  static String idNumberFor(LocalDate birthDate) {
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    String body = String.format("%06d", ThreadLocalRandom.current().nextInt(110000, 659000))
        + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE)
        + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (body.charAt(i) - '0') * weights[i];
    }
    return body + "10X98765432".charAt(sum % 11);
  }

  /** Picks an entry of a searchable form-js select: types part of it, then clicks it. */
  void pick(SearchContext form, String label, String typed, String entry) {
    WebElement input = field(form, label);
    scrollToCenter(input);
    click(input);
    input.clear();
    input.sendKeys(typed);
    WebElement group = input.findElement(By.xpath("./ancestor::div[contains(@class,'fjs-form-field')][1]"));
    WebElement item = wait.until(d -> group.findElements(By.xpath(
            ".//div[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)='" + entry + "']"))
        .stream().findFirst().orElse(null));
    click(item);
    wait.until(d -> entry.equals(input.getDomProperty("value")));
  }
}
