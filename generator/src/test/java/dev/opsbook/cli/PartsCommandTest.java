package dev.opsbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsbook.ContentTree;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code opsbook package} and {@code --content} given more than once: the same merge as the Maven plugin's. */
class PartsCommandTest {
    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return OpsbookCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    /** The organisation's shared facts, and a team's repository with one service that depends on another team's. */
    void repositories() {
        ContentTree.empty(dir.resolve("org"))
                .file("severities.yaml", ContentTree.SEVERITIES)
                .file("teams/ops.yaml", ContentTree.TEAM);
        ContentTree.empty(dir.resolve("team-a"))
                .file(
                        "services/api/service.yaml",
                        ContentTree.SERVICE.replace("tier: 2", "tier: 3") + "dependsOn: [db]\n")
                .file("services/api/runbooks/api-down.md", ContentTree.RUNBOOK);
        ContentTree.empty(dir.resolve("team-b"))
                .file(
                        "services/db/service.yaml",
                        ContentTree.SERVICE
                                .replace("tier: 2", "tier: 3")
                                .replace("name: API", "name: DB")
                                .replace("ApiDown", "DbDown")
                                .replace("api-down", "db-down"))
                .file("services/db/runbooks/db-down.md", ContentTree.RUNBOOK);
    }

    @Test
    void teamsPackageTheirPartsAgainstTheSharedFactsAndTheOrganisationBuildsOneSiteOfThem() throws Exception {
        repositories();
        String facts = dir.resolve("facts.zip").toString();
        assertEquals(
                ExitCode.OK,
                run(
                        "package",
                        "--content",
                        dir.resolve("org").toString(),
                        "--out",
                        facts,
                        "--artifact",
                        "com.example:facts:1.0",
                        "--as-of",
                        "2026-11-21"),
                out + "" + err);
        assertTrue(
                out.toString().contains("wrote the part " + facts + ": 2 files, no services, sha256:"), out.toString());

        String a = dir.resolve("a.zip").toString();
        assertEquals(
                ExitCode.OK,
                run(
                        "package",
                        "--content",
                        dir.resolve("team-a").toString(),
                        "--content",
                        facts,
                        "--out",
                        a,
                        "--artifact",
                        "com.example:team-a:2.0",
                        "--as-of",
                        "2026-11-21"),
                out + "" + err);
        assertTrue(
                out.toString()
                        .contains("opsbook: 1 reference to services of other repositories is left to the"
                                + " organisation's build (such as services/api/service.yaml:"),
                out.toString());
        assertTrue(out.toString().contains(": 2 files, services api, sha256:"), out.toString());

        String b = dir.resolve("b.zip").toString();
        assertEquals(
                ExitCode.OK,
                run(
                        "package",
                        "--content",
                        dir.resolve("team-b").toString(),
                        "--content",
                        facts,
                        "--out",
                        b,
                        "--as-of",
                        "2026-11-21"));

        Path site = dir.resolve("site");
        int code = run(
                "build",
                "--content",
                dir.resolve("org").toString(),
                "--content",
                a,
                "--content",
                b,
                "--out",
                site.toString(),
                "--as-of",
                "2026-11-21");
        assertEquals(ExitCode.OK, code, out + "" + err);
        assertFalse(out.toString().contains("broken-reference"), out.toString());
        assertTrue(out.toString().contains("com.example:team-a:2.0!/services/api/"), out.toString());
        assertTrue(
                out.toString().contains("b.zip!/services/db/"),
                "a part without an artifact is named by its file: " + out);
        assertTrue(Files.readString(site.resolve("services/api/index.html")).contains("href=\"../db/index.html\""));

        // check merges the same way
        assertEquals(
                code,
                run(
                        "check",
                        "--content",
                        dir.resolve("org").toString(),
                        "--content",
                        a,
                        "--content",
                        b,
                        "--out",
                        dir.resolve("reports").toString(),
                        "--as-of",
                        "2026-11-21"));
    }

    @Test
    void aTeamsCheckAsAPartLeavesOtherRepositoriesServicesToTheOrganisationAndWithoutItJudgesThem() throws Exception {
        repositories();
        String facts = dir.resolve("facts.zip").toString();
        assertEquals(ExitCode.OK, run("package", "--content", dir.resolve("org").toString(), "--out", facts));
        String[] check = {
            "check",
            "--content",
            dir.resolve("team-a").toString(),
            "--content",
            facts,
            "--out",
            dir.resolve("reports").toString(),
            "--as-of",
            "2026-11-21"
        };
        assertEquals(ExitCode.FINDINGS, run(check), out.toString());
        assertTrue(out.toString().contains("error: there is no service 'db' [broken-reference]"), out.toString());

        String[] asPart = java.util.Arrays.copyOf(check, check.length + 1);
        asPart[check.length] = "--part";
        assertEquals(ExitCode.OK, run(asPart), out.toString());
        assertTrue(
                out.toString()
                        .contains("1 reference to services of other repositories is left to the"
                                + " organisation's build (such as services/api/service.yaml:"),
                out.toString());
        assertFalse(out.toString().contains("[broken-reference]\n"), out.toString());
        // the report keeps on record what was left to the organisation's build
        var report = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(dir.resolve("reports/opsbook-report.json").toFile());
        assertEquals(1, report.get("deferred").size(), report.toString());
        assertEquals(
                "there is no service 'db'",
                report.get("deferred").get(0).get("message").asText());
        assertEquals(
                "services/api/service.yaml",
                report.get("deferred").get(0).get("file").asText());
    }

    @Test
    void aFolderCanBeAPartTooAndAHostilePartFailsTheBuildWithAFindingNotACrash() throws Exception {
        repositories();
        Path evil = Files.writeString(dir.resolve("evil.zip"), "PK not really");
        int code = run(
                "build",
                "--content",
                dir.resolve("org").toString(),
                "--content",
                dir.resolve("team-a").toString(),
                "--content",
                dir.resolve("team-b").toString(),
                "--content",
                evil.toString(),
                "--out",
                dir.resolve("site").toString(),
                "--as-of",
                "2026-11-21");
        assertEquals(ExitCode.FINDINGS, code, out + "" + err);
        assertTrue(
                out.toString()
                        .contains("evil.zip!/: error: the part evil.zip is refused: it is not a zip file;"
                                + " nothing of it is used [part-refused]"),
                out.toString());
        assertTrue(Files.isRegularFile(dir.resolve("site/services/db/index.html")));
    }

    @Test
    void aCommandThatReadsOneFolderRefusesASecondAndPackageNeedsItsZip() {
        repositories();
        assertEquals(
                ExitCode.USAGE,
                run(
                        "runbook-urls",
                        "--content",
                        dir.resolve("org").toString(),
                        "--content",
                        dir.resolve("team-a").toString()));
        assertTrue(err.toString().contains("this command reads one content folder"), err.toString());
        assertEquals(
                ExitCode.USAGE, run("package", "--content", dir.resolve("org").toString()));
        assertEquals(
                ExitCode.USAGE,
                run(
                        "package",
                        "--content",
                        dir.resolve("org").toString(),
                        "--out",
                        dir.resolve("x.zip").toString(),
                        "--artifact",
                        "not-coordinates"));
        assertTrue(err.toString().contains("--artifact must be GROUP:ARTIFACT:VERSION"), err.toString());
    }

    @Test
    void aPartWhoseCheckFailsIsNotWritten() {
        repositories();
        String zip = dir.resolve("a.zip").toString();
        // without the shared facts, the team's content has no severities
        assertEquals(
                ExitCode.FINDINGS,
                run("package", "--content", dir.resolve("team-a").toString(), "--out", zip, "--as-of", "2026-11-21"));
        assertTrue(out.toString().contains("opsbook: no part written: the check failed"), out.toString());
        assertFalse(Files.exists(Path.of(zip)));
    }
}
