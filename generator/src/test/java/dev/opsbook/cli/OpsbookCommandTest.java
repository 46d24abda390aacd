package dev.opsbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsbook.ContentTree;
import dev.opsbook.ExampleHandbook;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: options, printed findings and exit codes. */
class OpsbookCommandTest {
    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        return OpsbookCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void theExampleIsJudgedAsOfItsOwnDateAndPrintsTheReadmesSummaryLine() throws Exception {
        // no --as-of: the example's opsbook.yaml pins the day, so what it shows does not decay with the calendar
        int code = run(
                "check",
                "--content",
                ExampleHandbook.content().toString(),
                "--out",
                dir.resolve("reports").toString());
        assertEquals(ExitCode.OK, code, err.toString());
        String[] lines = out.toString().split(System.lineSeparator());
        String summary = lines[lines.length - 1];
        String readme = Files.readString(ExampleHandbook.content().resolve("../README.md"));
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("`(6 services: [^`]*)`").matcher(readme);
        assertTrue(m.find(), "README.md quotes the example's summary line");
        assertEquals(m.group(1), summary);
        assertTrue(summary.contains("2 operations-ready"), summary);
    }

    @Test
    void buildOfTheExampleHandbookExitsZero() {
        int code = run(
                "build",
                "--content",
                ExampleHandbook.content().toString(),
                "--out",
                dir.resolve("site").toString(),
                "--as-of",
                "2026-11-21");
        assertEquals(ExitCode.OK, code, err.toString());
        assertTrue(Files.isRegularFile(dir.resolve("site/index.html")));
        assertTrue(
                out.toString()
                        .endsWith("6 services: 2 operations-ready, 1 supportable, 3 documented; 0 errors,"
                                + " 17 warnings, 5 infos" + System.lineSeparator()),
                out.toString());
    }

    @Test
    void errorFindingsExitOneAndTheSiteIsStillWritten() {
        var tree = ContentTree.complete(dir.resolve("content"))
                .file("services/api/service.yaml", ContentTree.COMPLETE_SERVICE + "dependOn: [x]\n");
        int code = run(
                "build",
                "--content",
                tree.root().toString(),
                "--out",
                dir.resolve("site").toString(),
                "--as-of",
                "2026-11-21");
        assertEquals(ExitCode.FINDINGS, code);
        // an error says what to do on the line under it
        assertEquals(
                "services/api/service.yaml:23:1: error: unknown key 'dependOn' (did you mean 'dependsOn'?) [schema]"
                        + System.lineSeparator() + "  hint: rename it to 'dependsOn'"
                        + System.lineSeparator() + "1 service: 1 supportable; 1 error, 0 warnings, 0 infos"
                        + System.lineSeparator(),
                out.toString());
        assertTrue(Files.isRegularFile(dir.resolve("site/services/api/index.html")));
    }

    @Test
    void checkWritesTheReportsButNoSitePages() {
        var tree = ContentTree.complete(dir.resolve("content"));
        int code = run(
                "check",
                "--content",
                tree.root().toString(),
                "--out",
                dir.resolve("out").toString(),
                "--as-of",
                "2026-11-21");
        assertEquals(ExitCode.OK, code, err.toString() + out);
        assertTrue(Files.isRegularFile(dir.resolve("out/opsbook-report.json")));
        assertTrue(Files.isRegularFile(dir.resolve("out/opsbook-report.xml")));
        assertTrue(Files.isRegularFile(dir.resolve("out/opsbook-report.sarif")));
        assertFalse(Files.exists(dir.resolve("out/index.html")));
    }

    @Test
    void unusableArgumentsExitTwoWithTheSynopsisAndNoStackTrace() {
        assertEquals(ExitCode.USAGE, run("build", "--as-of", "tomorrow"));
        assertTrue(err.toString().contains("Usage: opsbook build"), err.toString());
        assertFalse(err.toString().contains("at dev.opsbook"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(ExitCode.USAGE, run("check", "--as-of", "2026-13-45"));
        assertTrue(
                err.toString()
                        .startsWith("opsbook: Invalid value for option '--as-of': "
                                + "'2026-13-45' is not a date (YYYY-MM-DD, e.g. 2026-11-21)"),
                err.toString());
        assertFalse(err.toString().contains("java."), err.toString());
    }

    @Test
    void missingContentFolderExitsTwo() {
        assertEquals(
                ExitCode.USAGE, run("check", "--content", dir.resolve("nope").toString()));
        assertTrue(
                err.toString().startsWith("opsbook: content folder " + dir.resolve("nope") + " does not exist"),
                err.toString());
    }

    @Test
    void outputFolderThatIsTheContentFolderIsRefused() {
        var tree = ContentTree.minimal(dir.resolve("content"));
        assertEquals(
                ExitCode.USAGE,
                run(
                        "build",
                        "--content",
                        tree.root().toString(),
                        "--out",
                        tree.root().toString()));
        assertTrue(err.toString().contains("is the content folder"), err.toString());
        assertTrue(Files.isRegularFile(tree.root().resolve("severities.yaml")));
    }

    @Test
    void controlCharactersInContentReachTheLogEscaped() throws Exception {
        // a YAML key holding escape sequences: "\e[1A\e[2K" would erase the finding line before it in a terminal or CI
        // log
        var tree = ContentTree.minimal(dir.resolve("content"));
        Path service = tree.root().resolve("services/api/service.yaml");
        Files.writeString(service, Files.readString(service) + "\"x\\e[1A\\e[2K\\u202Ey\\nz\": 1\n");
        Path out = dir.resolve("out");
        assertEquals(
                ExitCode.FINDINGS,
                run("check", "--content", tree.root().toString(), "--out", out.toString(), "--as-of", "2026-11-21"));
        String log = this.out.toString();
        assertTrue(log.contains("unknown key 'x\\u001b[1A\\u001b[2K\\u202ey\\u000az'"), log);
        assertFalse(log.chars().anyMatch(c -> c == 0x1b || c == 0x202e), log);
        String junit = Files.readString(out.resolve("opsbook-report.xml"));
        assertTrue(junit.contains("x\\u001b[1A\\u001b[2K\\u202ey\\u000az"), junit);
    }

    @Test
    void newServiceNeedsAnOwnerThatExists() {
        var tree = ContentTree.minimal(dir.resolve("content"));
        assertEquals(
                ExitCode.USAGE,
                run(
                        "new",
                        "service",
                        "billing",
                        "--owner",
                        "opps",
                        "--content",
                        tree.root().toString()));
        assertTrue(err.toString().contains("there is no team 'opps'"), err.toString());
        assertTrue(err.toString().contains("did you mean 'ops'?"), err.toString());
        assertFalse(Files.exists(tree.root().resolve("services/billing")));
    }

    @Test
    void aFolderOfOtherFilesIsNotReplacedAndABaselineFolderIsAUsageError() throws Exception {
        var tree = ContentTree.minimal(dir.resolve("content"));
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("guide.md"), "the user's own");
        assertEquals(ExitCode.USAGE, run("build", "--content", tree.root().toString(), "--out", docs.toString()));
        assertTrue(err.toString().contains("holds files that are not an earlier site"), err.toString());
        assertEquals("the user's own", Files.readString(docs.resolve("guide.md")));
        assertEquals(
                ExitCode.USAGE,
                run(
                        "check",
                        "--content",
                        tree.root().toString(),
                        "--out",
                        dir.resolve("out").toString(),
                        "--baseline",
                        docs.toString()));
        assertTrue(err.toString().contains("is a folder"), err.toString());
    }

    @Test
    void newServiceCreatesASkeletonThatPassesTheStructuralChecks() {
        var tree = ContentTree.complete(dir.resolve("content"));
        assertEquals(
                ExitCode.OK,
                run(
                        "new",
                        "service",
                        "billing",
                        "--owner",
                        "ops",
                        "--content",
                        tree.root().toString()));
        assertTrue(Files.isRegularFile(tree.root().resolve("services/billing/service.yaml")));
        out.getBuffer().setLength(0);
        assertEquals(
                ExitCode.OK,
                run(
                        "check",
                        "--content",
                        tree.root().toString(),
                        "--out",
                        dir.resolve("out").toString(),
                        "--as-of",
                        "2026-11-21"),
                out.toString());
        assertFalse(out.toString().contains(": error:"), out.toString());
        assertEquals(
                ExitCode.USAGE,
                run(
                        "new",
                        "service",
                        "Bill ing",
                        "--owner",
                        "ops",
                        "--content",
                        tree.root().toString()));
    }

    @Test
    void failOnWarningFailsOnWarningsOnly() {
        var tree = ContentTree.complete(dir.resolve("content"));
        String outDir = dir.resolve("out").toString();
        assertEquals(
                ExitCode.OK,
                run(
                        "check",
                        "--fail-on-warning",
                        "--content",
                        tree.root().toString(),
                        "--out",
                        outDir,
                        "--as-of",
                        "2026-11-21"));
        tree.file(
                "services/api/rota.yaml",
                ContentTree.COMPLETE_ROTA.replace("escalation:\n  - { after: 15m, contact: ops }\n", ""));
        assertEquals(
                ExitCode.OK,
                run("check", "--content", tree.root().toString(), "--out", outDir, "--as-of", "2026-11-21"));
        assertEquals(
                ExitCode.FINDINGS,
                run(
                        "check",
                        "--fail-on-warning",
                        "--content",
                        tree.root().toString(),
                        "--out",
                        outDir,
                        "--as-of",
                        "2026-11-21"));
        assertTrue(
                out.toString().contains("warning: the rota has no escalation step [rota-escalation]"), out.toString());
    }

    @Test
    void failOnNewFailsOnlyOnErrorsTheBaselineDidNotHave() throws Exception {
        var tree = ContentTree.complete(dir.resolve("content"))
                .file("services/api/sla.yaml", "availability: 99.9\nresponseTimes:\n  P1: { acknowledge: 15m }\n");
        String outDir = dir.resolve("out").toString();
        assertEquals(
                ExitCode.FINDINGS,
                run("check", "--content", tree.root().toString(), "--out", outDir, "--as-of", "2026-11-21"));
        Path baseline = Files.copy(dir.resolve("out/opsbook-report.json"), dir.resolve("baseline.json"));
        assertEquals(
                ExitCode.OK,
                run(
                        "check",
                        "--content",
                        tree.root().toString(),
                        "--out",
                        outDir,
                        "--as-of",
                        "2026-11-21",
                        "--baseline",
                        baseline.toString(),
                        "--fail-on-new"),
                out.toString());
        tree.file(
                "services/api/service.yaml",
                ContentTree.COMPLETE_SERVICE
                        .replace("tier: 2", "tier: 1")
                        .replace("objective: 99.95", "objective: 99.5"));
        assertEquals(
                ExitCode.FINDINGS,
                run(
                        "check",
                        "--content",
                        tree.root().toString(),
                        "--out",
                        outDir,
                        "--as-of",
                        "2026-11-21",
                        "--baseline",
                        baseline.toString(),
                        "--fail-on-new"));
        assertTrue(out.toString().contains("since the baseline of 2026-11-21: 1 new, 0 gone"), out.toString());
        assertEquals(ExitCode.USAGE, run("check", "--content", tree.root().toString(), "--fail-on-new"));
    }
}
