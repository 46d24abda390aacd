package dev.opsbook.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsbook.BuildRequest;
import dev.opsbook.ContentTree;
import dev.opsbook.Opsbook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build killed while it writes leaves the previous site exactly as it was. */
class KillMidBuildTest {
    @TempDir
    Path dir;

    @Test
    void killingABuildMidWayLeavesThePreviousSite() throws Exception {
        Path content = dir.resolve("content");
        ContentTree tree = ContentTree.complete(content);
        Path site = dir.resolve("site");
        new Opsbook().build(BuildRequest.build(content, site));
        Map<String, String> before = SiteWriterTest.tree(site);
        // make the next build long enough to be caught in the middle
        for (int s = 0; s < 400; s++) {
            tree.file("services/big-" + s + "/service.yaml", ContentTree.COMPLETE_SERVICE);
            for (int r = 0; r < 5; r++) {
                tree.file(
                        "services/big-" + s + "/runbooks/rb-" + r + ".md",
                        ContentTree.COMPLETE_RUNBOOK + "\nSome text to render.\n".repeat(200));
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process build = new ProcessBuilder(List.of(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.opsbook.cli.OpsbookCommand",
                        "build",
                        "--content",
                        content.toString(),
                        "--out",
                        site.toString()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("build.log").toFile())
                .start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (!hasPages(staging()) && build.isAlive() && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        Path staging = staging();
        assertTrue(staging != null, "the build stages beside the site");
        assertTrue(
                build.isAlive(),
                "the build was still running when it was killed: " + Files.readString(dir.resolve("build.log")));
        build.destroyForcibly();
        assertTrue(build.waitFor(30, TimeUnit.SECONDS));
        assertEquals(before, SiteWriterTest.tree(site), "the previous site is untouched");
        // the next build cleans up after the killed one and completes
        new Opsbook().build(BuildRequest.build(content, site));
        assertFalse(Files.exists(staging));
        assertTrue(Files.isRegularFile(site.resolve("services/big-399/runbooks/rb-4.html")));
    }

    static boolean hasPages(Path staging) {
        return staging != null && Files.isRegularFile(staging.resolve("services/big-0/index.html"));
    }

    /** The staging folder of the build in progress ({@code .site.opsbook-new-<unique>}), or null. */
    private Path staging() throws IOException {
        try (var siblings = Files.list(dir)) {
            return siblings.filter(p -> p.getFileName().toString().startsWith(".site.opsbook-new-"))
                    .findFirst()
                    .orElse(null);
        }
    }
}
