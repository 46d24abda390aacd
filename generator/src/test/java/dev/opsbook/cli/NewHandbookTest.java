package dev.opsbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsbook.BuildRequest;
import dev.opsbook.BuildResult;
import dev.opsbook.Opsbook;
import dev.opsbook.finding.Finding;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code opsbook new}: a new handbook checks with exactly one finding per TODO placeholder its files hold,
 * each at the placeholder (a runbook section's at its heading) and each hint naming it; once every
 * placeholder is replaced, nothing is left to report. The other skeletons fail their rules in the same way,
 * and nothing that exists is overwritten.
 */
class NewHandbookTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 21);

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        return OpsbookCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private BuildResult check(Path content) throws Exception {
        return new Opsbook().build(BuildRequest.check(content, null).withAsOf(DAY));
    }

    /** Where each placeholder of the files is: file:line (a Markdown one at the heading of its section). */
    static TreeSet<String> placeholders(Path content) throws Exception {
        TreeSet<String> out = new TreeSet<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(content)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f);
            int heading = 0;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.startsWith("## ")) {
                    heading = i + 1;
                }
                if (line.contains("TODO") && !line.strip().startsWith("#")) {
                    boolean markdown = f.toString().endsWith(".md") && line.startsWith("TODO");
                    out.add(content.relativize(f) + ":" + (markdown ? heading : i + 1));
                }
            }
        }
        return out;
    }

    @Test
    void aNewHandbookAsksForExactlyItsPlaceholders() throws Exception {
        Path content = dir.resolve("handbook");
        assertEquals(
                ExitCode.OK,
                run(
                        "new",
                        "handbook",
                        "--content",
                        content.toString(),
                        "--team",
                        "payments",
                        "--service",
                        "billing",
                        "--today",
                        DAY.toString()),
                err.toString());
        for (String f : List.of(
                "opsbook.yaml",
                "severities.yaml",
                "teams/payments.yaml",
                "services/billing/service.yaml",
                "services/billing/runbooks/service-down.md")) {
            assertTrue(Files.isRegularFile(content.resolve(f)), f);
        }
        TreeSet<String> todo = placeholders(content);
        assertEquals(18, todo.size(), todo.toString()); // a description, five sections, twelve marks
        assertTrue(out.toString().contains("replace the 18 TODO placeholders"), out.toString());

        BuildResult result = check(content);
        List<Finding> findings = result.findings();
        TreeSet<String> at = new TreeSet<>();
        for (Finding f : findings) {
            at.add(f.pos().file() + ":" + f.pos().line());
            assertTrue(f.hint().contains("TODO placeholder"), f.format() + " / " + f.hint());
        }
        assertEquals(todo, at, findings.stream().map(Finding::format).toList().toString());
        assertEquals(todo.size(), findings.size(), "one finding per placeholder");
        assertFalse(result.hasErrors(), "a new handbook builds clean apart from its placeholders");
        // the README's start says what check prints
        String readme = Files.readString(Path.of("../README.md"));
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("`(1 service: 1 none; [^`]*)`").matcher(readme);
        assertTrue(m.find(), "README.md quotes the new handbook's summary line");
        assertEquals(m.group(1), result.summary());

        // every placeholder replaced: nothing is left to report
        Path service = content.resolve("services/billing/service.yaml");
        Files.writeString(
                service,
                Files.readString(service)
                        .replace("TODO: what the service does, in one sentence", "Bills customers every month.")
                        .replaceAll("\"TODO: [^\"]*\"", "\"Not yet: the service is in its first sprint.\""));
        Path runbook = content.resolve("services/billing/runbooks/service-down.md");
        Files.writeString(runbook, Files.readString(runbook).replaceAll("(?m)^TODO: .*$", "Written by the team."));
        assertEquals(List.of(), placeholders(content).stream().toList());
        assertEquals(
                List.of(),
                check(content).findings().stream().map(Finding::format).toList());
    }

    @Test
    void theOtherSkeletonsFailTheirRulesUntilTheirPlaceholdersAreReplaced() throws Exception {
        Path content = dir.resolve("handbook");
        run("new", "handbook", "--content", content.toString(), "--today", DAY.toString());
        assertEquals(ExitCode.OK, run("new", "team", "sre", "--content", content.toString()), err.toString());
        assertEquals(
                ExitCode.OK,
                run(
                        "new",
                        "service",
                        "ledger",
                        "--owner",
                        "sre",
                        "--content",
                        content.toString(),
                        "--today",
                        DAY.toString()),
                err.toString());
        assertEquals(
                ExitCode.OK,
                run("new", "runbook", "ledger", "DiskFull", "--content", content.toString(), "--today", DAY.toString()),
                err.toString());
        assertEquals(
                ExitCode.OK,
                run(
                        "new",
                        "review",
                        "ledger",
                        "osr-2026-001",
                        "--content",
                        content.toString(),
                        "--today",
                        DAY.toString()),
                err.toString());
        assertEquals(
                ExitCode.OK,
                run(
                        "new",
                        "incident",
                        "ledger",
                        "2026-11-20-slow",
                        "--content",
                        content.toString(),
                        "--today",
                        DAY.toString()),
                err.toString());
        List<String> lines = check(content).findings().stream()
                .filter(f -> f.pos().file().startsWith("services/ledger/"))
                .map(f -> f.format() + " | " + f.hint())
                .toList();
        assertTrue(
                lines.stream()
                        .anyMatch(
                                l -> l.startsWith("services/ledger/reviews/osr-2026-001.yaml:11:")
                                        && l.contains(
                                                "answers deploymentChange, scalabilityChange, testingChange, newSystems,"
                                                        + " automatedValidation only with the placeholders of a skeleton [review-unanswered]")),
                String.join("\n", lines));
        assertTrue(
                lines.stream()
                        .anyMatch(l -> l.startsWith("services/ledger/incidents/2026-11-20-slow.md:6:")
                                && l.contains("(the placeholder of a skeleton) [schema]")
                                && l.contains("replace the TODO placeholder")),
                String.join("\n", lines));
        assertEquals(
                5,
                lines.stream()
                        .filter(l -> l.startsWith("services/ledger/runbooks/DiskFull.md:") && l.contains("placeholder"))
                        .count(),
                String.join("\n", lines));
        // the alert of the new service names the least severe level of the handbook
        assertTrue(Files.readString(content.resolve("services/ledger/service.yaml"))
                .contains("severity: P4"));

        // nothing that exists is overwritten
        Files.writeString(content.resolve("teams/sre.yaml"), "name: SRE\nmembers: []\n");
        err.getBuffer().setLength(0);
        assertEquals(ExitCode.USAGE, run("new", "team", "sre", "--content", content.toString()));
        assertTrue(err.toString().contains("already exists; nothing was written"), err.toString());
        assertEquals("name: SRE\nmembers: []\n", Files.readString(content.resolve("teams/sre.yaml")));
        assertEquals(ExitCode.USAGE, run("new", "handbook", "--content", content.toString()));
        err.getBuffer().setLength(0);
        assertEquals(ExitCode.USAGE, run("new", "runbook", "ledgr", "x", "--content", content.toString()));
        assertTrue(err.toString().contains("did you mean 'ledger'?"), err.toString());
    }

    @Test
    void aNewServiceIsNotDocumentedUntilItsPlaceholdersAreReplaced() throws Exception {
        Path content = dir.resolve("handbook");
        run("new", "handbook", "--content", content.toString(), "--today", DAY.toString());
        var assessment = check(content).assessment().services().get(0);
        assertEquals("none", assessment.level(), "a skeleton scores as nothing, not as documented");
        List<String> ruleIds = new ArrayList<>();
        check(content).findings().forEach(f -> ruleIds.add(f.rule()));
        assertTrue(ruleIds.contains("service-description") && ruleIds.contains("runbook-sections"), ruleIds.toString());
    }
}
