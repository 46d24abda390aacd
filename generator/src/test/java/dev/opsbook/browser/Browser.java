package dev.opsbook.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A real headless Chromium, Debian's, driven through Debian's chromedriver: Selenium is given the
 * system driver, so it never downloads one. Without them the tests fail and say how to install them.
 */
public final class Browser implements AutoCloseable {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String DRIVER = "/usr/bin/chromedriver";

    private final ChromeDriver driver;
    private final Path profile;

    public Browser(int width, int height) throws Exception {
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(DRIVER))) {
            throw new IllegalStateException("browser tests need Debian's chromium and chromium-driver (" + CHROMIUM
                    + ", " + DRIVER + "): apt-get install chromium chromium-driver (.ci/run does)");
        }
        profile = Files.createTempDirectory("opsbook-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--allow-file-access-from-files",
                "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        // headless Chromium keeps its window at least about 500 px wide whatever --window-size says: the page's
        // viewport is set exactly, and as a phone's below 600 px (the pages size themselves to device-width)
        this.width = width;
        this.height = height;
        emulate();
    }

    private final int width;
    private final int height;

    private void emulate() {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    }

    public ChromeDriver driver() {
        return driver;
    }

    private String clock;

    /**
     * The reader's clock for the documents opened from now on: {@code Date.now()} is {@code at} (the one set
     * before is removed).
     */
    public void fakeClock(java.time.Instant at) {
        if (clock != null) {
            driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", java.util.Map.of("identifier", clock));
        }
        var added = driver.executeCdpCommand(
                "Page.addScriptToEvaluateOnNewDocument",
                java.util.Map.of("source", "(() => { const T = " + at.toEpochMilli() + "; Date.now = () => T; })();"));
        clock = String.valueOf(added.get("identifier"));
    }

    /** Opens a file from disk, as support staff do when the network is down. */
    public void open(Path file) {
        driver.get(file.toUri().toString());
        // Chromium 150 now and then drops the override when a navigation swaps the page's renderer: set it again
        if (!Long.valueOf(width).equals(driver.executeScript("return window.innerWidth;"))) {
            emulate();
            driver.get(file.toUri().toString());
        }
    }

    /** The browser console since the last call: CSP violations and script errors show up here. */
    public List<LogEntry> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll();
    }

    @Override
    public void close() throws Exception {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }
}
