package dev.opsbook.browser;

import dev.opsbook.ExampleHandbook;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Builds the example handbook once per test class and opens one headless Chromium for it. */
abstract class ExampleSiteInBrowser {
    static Path site;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        site = ExampleHandbook.shared().site();
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
