package org.dangjian.flow.system;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, as the browser tests and the benchmark's Tasklist page timing start it: the flags this
 * machine's closed network needs (no background connections, no component updates), Chinese as the browser's first
 * language (Tasklist picks its language from navigator.language, which --lang alone leaves at en-US on Linux), and
 * the business calendar's time zone (Tasklist shows due dates in the browser's zone).
 */
public final class HeadlessChromium {

  public static final String CHROMIUM = "/usr/bin/chromium";
  public static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  private HeadlessChromium() {
  }

  /** Whether Debian's chromium and chromium-driver are installed. */
  public static boolean available() {
    return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
  }

  /** The options, with a fresh user data directory and any further preferences. */
  public static ChromeOptions options(Path userDataDir, Map<String, Object> morePrefs) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--window-size=1400,1000",
        "--lang=zh-CN", "--user-data-dir=" + userDataDir.toAbsolutePath());
    Map<String, Object> prefs = new LinkedHashMap<>(Map.of("intl.accept_languages", "zh-CN,zh"));
    prefs.putAll(morePrefs);
    options.setExperimentalOption("prefs", prefs);
    return options;
  }

  /** The driver, on a free port, in Asia/Shanghai. */
  public static ChromeDriver start(ChromeOptions options) {
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
        .usingAnyFreePort().withEnvironment(Map.of("TZ", BusinessCalendar.ZONE.getId())).build();
    return new ChromeDriver(service, options);
  }
}
