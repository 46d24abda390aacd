package dev.opsbook.browser;

import dev.opsbook.ExampleHandbook;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Builds the example handbook once per test class and opens one headless Chromium for it. */
abstract class ExampleSiteInBrowser {
    @TempDir
    static Path dir;
    static Path site;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        site = dir.resolve("site");
        ExampleHandbook.build(site);
        browser = new Browser(1280, 900);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
