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
    void buildOfTheExampleHandbookExitsZero() {
        int code = run("build", "--content", ExampleHandbook.content().toString(), "--out", dir.resolve("site").toString(),
                "--as-of", "2026-11-21");
        assertEquals(ExitCode.OK, code, err.toString());
        assertTrue(Files.isRegularFile(dir.resolve("site/index.html")));
        assertTrue(out.toString().endsWith("6 services; 0 errors, 0 warnings, 0 infos" + System.lineSeparator()), out.toString());
    }

    @Test
    void errorFindingsExitOneAndTheSiteIsStillWritten() {
        var tree = ContentTree.minimal(dir.resolve("content")).file("services/api/service.yaml", "owner: ops\nownr: x\n");
        int code = run("build", "--content", tree.root().toString(), "--out", dir.resolve("site").toString());
        assertEquals(ExitCode.FINDINGS, code);
        assertEquals("services/api/service.yaml:2:1: error: unknown key 'ownr' (did you mean 'owner'?) [schema]"
                + System.lineSeparator() + "1 service; 1 error, 0 warnings, 0 infos" + System.lineSeparator(), out.toString());
        assertTrue(Files.isRegularFile(dir.resolve("site/services/api/index.html")));
    }

    @Test
    void checkWritesNoSite() {
        var tree = ContentTree.minimal(dir.resolve("content"));
        int code = run("check", "--content", tree.root().toString());
        assertEquals(ExitCode.OK, code, err.toString());
        assertFalse(Files.exists(dir.resolve("site")));
    }

    @Test
    void unusableArgumentsExitTwoWithTheSynopsisAndNoStackTrace() {
        assertEquals(ExitCode.USAGE, run("build", "--as-of", "tomorrow"));
        assertTrue(err.toString().contains("Usage: opsbook build"), err.toString());
        assertFalse(err.toString().contains("at dev.opsbook"), err.toString());
    }

    @Test
    void missingContentFolderExitsTwo() {
        assertEquals(ExitCode.USAGE, run("check", "--content", dir.resolve("nope").toString()));
        assertTrue(err.toString().startsWith("opsbook: content folder " + dir.resolve("nope") + " does not exist"), err.toString());
    }

    @Test
    void outputFolderThatIsTheContentFolderIsRefused() {
        var tree = ContentTree.minimal(dir.resolve("content"));
        assertEquals(ExitCode.USAGE, run("build", "--content", tree.root().toString(), "--out", tree.root().toString()));
        assertTrue(err.toString().contains("is the content folder"), err.toString());
        assertTrue(Files.isRegularFile(tree.root().resolve("severities.yaml")));
    }

    @Test
    void newServiceCreatesASkeletonThatPassesTheStructuralChecks() {
        var tree = ContentTree.minimal(dir.resolve("content"));
        assertEquals(ExitCode.OK, run("new", "service", "billing", "--owner", "ops", "--content", tree.root().toString()));
        assertTrue(Files.isRegularFile(tree.root().resolve("services/billing/service.yaml")));
        out.getBuffer().setLength(0);
        assertEquals(ExitCode.OK, run("check", "--content", tree.root().toString()));
        assertEquals("2 services; 0 errors, 0 warnings, 0 infos" + System.lineSeparator(), out.toString());
        assertEquals(ExitCode.USAGE, run("new", "service", "Billing", "--owner", "ops", "--content", tree.root().toString()));
    }

    @Test
    void failOnWarningWithoutWarningsStillPasses() {
        var tree = ContentTree.minimal(dir.resolve("content"));
        assertEquals(ExitCode.OK, run("check", "--fail-on-warning", "--content", tree.root().toString()));
    }
}
