package org.dangjian.flow.benchmark;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.dangjian.flow.system.HeadlessChromium;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a clerk waits for in Tasklist (issue 18): a whole page, every request it makes, in headless Chromium. Each
 * load is a fresh navigation to a filter's list with one task opened ({@code #/?filter=…&task=…}), as a clerk's
 * bookmark or a link from a mail does; a script the browser runs before the page's own ({@code
 * Page.addScriptToEvaluateOnNewDocument}) notes, in the page's own clock from the start of the navigation, when
 * the list's first card is in the page and when the task's form has its fields. The browser's session stays
 * logged in between loads, as a clerk's does; its cache is on, as in a clerk's browser after the first visit.
 */
public final class TasklistPageTiming implements AutoCloseable {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  /** Notes the first moment each part is in the page; Tasklist draws both after its requests return. */
  private static final String OBSERVER = """
      (() => {
        const seen = () => {
          if (window.__djList === undefined && document.querySelector('[cam-tasks] ol.tasks-list li.task')) {
            window.__djList = performance.now();
          }
          if (window.__djForm === undefined
              && document.querySelector('.task-details form.fjs-form .fjs-form-field')) {
            window.__djForm = performance.now();
          }
          return window.__djList !== undefined && window.__djForm !== undefined;
        };
        new MutationObserver((changes, observer) => { if (seen()) { observer.disconnect(); } })
            .observe(document, {childList: true, subtree: true});
      })();
      """;

  private final String baseUrl;
  private final Path userDataDir;
  private final ChromeDriver driver;
  private final WebDriverWait wait;
  private String loggedIn;

  /** Whether this machine can run it (the benchmark says so and goes on without the page figures otherwise). */
  public static boolean available() {
    return HeadlessChromium.available();
  }

  public TasklistPageTiming(String baseUrl) throws IOException {
    this.baseUrl = baseUrl;
    userDataDir = Files.createTempDirectory("tasklist-page-timing");
    driver = HeadlessChromium.start(HeadlessChromium.options(userDataDir, Map.of()));
    driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", OBSERVER));
    wait = new WebDriverWait(driver, TIMEOUT, Duration.ofMillis(20));
  }

  /** One user's page: the filter's list with a task of theirs opened. */
  public record Load(String user, String password, String filterId, String taskId) {
  }

  /** Milliseconds from navigation to the list drawn and to the task's form drawn, over the loads given. */
  public Map<String, Object> measure(List<Load> loads, int warmUp) {
    Latencies list = new Latencies();
    Latencies form = new Latencies();
    for (int i = 0; i < loads.size(); i++) {
      Load load = loads.get(i);
      double[] times = load(load);
      if (i >= warmUp) {
        list.add(Math.round(times[0] * 1_000_000));
        form.add(Math.round(times[1] * 1_000_000));
      }
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("listDrawn", list.summary());
    m.put("taskFormDrawn", form.summary());
    return m;
  }

  private double[] load(Load load) {
    if (!load.user().equals(loggedIn)) {
      login(load.user(), load.password());
    }
    driver.get("about:blank");
    driver.get(baseUrl + "/camunda/app/tasklist/default/#/?filter=" + load.filterId() + "&task=" + load.taskId());
    JavascriptExecutor js = driver;
    wait.until(d -> js.executeScript("return window.__djList !== undefined && window.__djForm !== undefined"));
    Number listAt = (Number) js.executeScript("return window.__djList");
    Number formAt = (Number) js.executeScript("return window.__djForm");
    return new double[] {listAt.doubleValue(), formAt.doubleValue()};
  }

  private void login(String user, String password) {
    driver.manage().deleteAllCookies();
    driver.get(baseUrl + "/camunda/app/tasklist/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
    driver.findElement(By.cssSelector("input[ng-model='username']")).sendKeys(user);
    driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(password);
    driver.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li.account a.dropdown-toggle")));
    loggedIn = user;
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    try (Stream<Path> files = Files.walk(userDataDir)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }
}
