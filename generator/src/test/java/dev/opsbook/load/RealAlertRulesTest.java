package dev.opsbook.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.opsbook.BuildRequest;
import dev.opsbook.BuildResult;
import dev.opsbook.Opsbook;
import dev.opsbook.finding.Finding;
import dev.opsbook.model.Handbook;
import dev.opsbook.model.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kube-prometheus's 139 alerting rules (eight PrometheusRule objects) and prometheus-operator's runbooks
 * beside them, both as published (../shared/realworld, which CI has): every rule read, rules of one name one
 * alert, exactly the runbook_urls with no page behind them reported at their lines, and the runbooks no rule
 * reaches. Every expected figure is worked out here from the files themselves.
 */
class RealAlertRulesTest {
    @TempDir
    Path dir;

    private static final Path REAL = Path.of("../../shared/realworld");
    private static final String BASE = "https://runbooks.prometheus-operator.dev/";

    /** One rule as the test reads it from the file, by lines: its name, severity, runbook_url and their lines. */
    record Written(String file, String alert, int alertLine, String severity, String url, int urlLine) {}

    static List<Written> written(Path rules) throws Exception {
        List<Written> out = new ArrayList<>();
        Pattern alert = Pattern.compile("^\\s*- alert: (\\S+)\\s*$");
        Pattern url = Pattern.compile("^\\s*runbook_url: (\\S+)\\s*$");
        Pattern severity = Pattern.compile("^\\s*severity: (\\S+)\\s*$");
        try (Stream<Path> files = Files.list(rules)) {
            for (Path f :
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                String name = null;
                int at = 0;
                String sev = null;
                String u = null;
                int uAt = 0;
                for (int i = 0; i <= lines.size(); i++) {
                    Matcher a = i < lines.size() ? alert.matcher(lines.get(i)) : null;
                    boolean end =
                            i == lines.size() || a.matches() || lines.get(i).matches("^\\s*- (name|record): .*");
                    if (end && name != null) {
                        out.add(new Written("rules/" + f.getFileName(), name, at, sev, u, uAt));
                        name = null;
                    }
                    if (i == lines.size()) {
                        break;
                    }
                    if (a.matches()) {
                        name = a.group(1);
                        at = i + 1;
                        sev = null;
                        u = null;
                    } else if (name != null) {
                        Matcher m = url.matcher(lines.get(i));
                        if (m.matches()) {
                            u = m.group(1);
                            uAt = i + 1;
                        }
                        Matcher s = severity.matcher(lines.get(i));
                        if (s.matches()) {
                            sev = s.group(1);
                        }
                    }
                }
            }
        }
        return out;
    }

    @Test
    void kubePrometheusRulesAndTheRunbooksTheyLinkTo() throws Exception {
        Path runbooks = REAL.resolve("prometheus-operator-runbooks/runbooks");
        Path rules = REAL.resolve("kube-prometheus-rules");
        assumeTrue(Files.isDirectory(runbooks) && Files.isDirectory(rules), "../shared/realworld, as in CI");
        Path content = dir.resolve("content");
        Set<String> pages = new HashSet<>(); // component/alert in lower case, as the rules' addresses have them
        try (Stream<Path> files = Files.walk(runbooks)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path to = content.resolve(runbooks.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
                String name = f.getFileName().toString();
                if (!name.startsWith("_")) {
                    pages.add(f.getParent().getFileName() + "/"
                            + name.replace(".md", "").toLowerCase(Locale.ROOT));
                }
            }
        }
        Files.createDirectories(content.resolve("rules"));
        try (Stream<Path> files = Files.list(rules)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Files.copy(f, content.resolve("rules").resolve(f.getFileName().toString()));
            }
        }
        Files.writeString(
                content.resolve("severities.yaml"),
                "severities:\n  - { id: critical, name: Critical }\n  - { id: warning, name: Warning }\n"
                        + "  - { id: info, name: Info }\n");
        Files.createDirectories(content.resolve("teams"));
        Files.writeString(
                content.resolve("teams/SRE-A.yaml"),
                "name: SRE A\nmembers:\n  - { id: amelia.park, name: Amelia Park }\n");
        Files.writeString(
                content.resolve("opsbook.yaml"),
                "baseUrl: " + BASE + "\nlayouts:\n  - runbooks: \"{service}/{runbook}.md\"\n    owner: SRE-A\n"
                        + "    addresses: \"runbooks/{service}/{runbook:lower}/\"\nalertRules:\n  - files: \"rules/*.yaml\"\n");
        List<Written> expected = written(content.resolve("rules"));
        assertTrue(expected.size() >= 139, expected.size() + " rules");

        BuildResult r = new Opsbook(1)
                .build(new BuildRequest(content, dir.resolve("site"), LocalDate.of(2026, 11, 21), null, true, null));
        List<String> structural = r.findings().stream()
                .filter(f -> dev.opsbook.finding.Rules.isStructural(f.rule()))
                .map(Finding::format)
                .toList();
        assertEquals(List.of(), structural);

        Handbook hb = new HandbookLoader(
                        new dev.opsbook.markdown.MarkdownEngine(), 1, dev.opsbook.markdown.BodyStore.none())
                .load(content, new dev.opsbook.finding.Findings());
        List<Service.Alert> alerts = new ArrayList<>(hb.unplacedAlerts());
        hb.services().forEach(s -> alerts.addAll(s.alerts()));
        // every rule read; the names with several rules are one alert each
        assertEquals(
                expected.size(), alerts.stream().mapToInt(a -> a.rules().size()).sum());
        Map<String, Integer> byName = new HashMap<>();
        expected.forEach(w -> byName.merge(w.alert(), 1, Integer::sum));
        Set<String> several = new TreeSet<>();
        byName.forEach((n, c) -> {
            if (c > 1) {
                several.add(n);
            }
        });
        assertTrue(several.size() >= 12, several.toString());
        for (Service.Alert a : alerts) {
            assertEquals(byName.get(a.name()), a.rules().size(), a.name());
        }
        assertEquals(byName.size(), alerts.size(), "one alert per name");

        // exactly the runbook_urls with no page behind them, each at its line (rules that do not page aside)
        Set<String> lost = new TreeSet<>();
        for (Written w : expected) {
            String path =
                    w.url() == null ? null : w.url().substring(BASE.length()).replaceFirst("^runbooks/", "");
            if (!"none".equals(w.severity()) && w.url() != null && !pages.contains(path)) {
                lost.add(w.file() + ":" + w.urlLine());
            }
        }
        assertTrue(lost.size() >= 20, lost.toString());
        Set<String> reported = new TreeSet<>();
        r.findings().stream()
                .filter(f -> f.rule().equals("alert-rule-runbook"))
                .forEach(f -> reported.add(f.pos().file() + ":" + f.pos().line()));
        assertEquals(lost, reported);

        // the runbooks no rule reaches
        Set<String> reached = new HashSet<>();
        for (Written w : expected) {
            if (w.url() != null) {
                reached.add(w.url().substring(BASE.length()).replaceFirst("^runbooks/", ""));
            }
        }
        Set<String> unreached = new TreeSet<>(pages);
        unreached.removeAll(reached);
        Set<String> orphans = new TreeSet<>();
        r.findings().stream()
                .filter(f -> f.rule().equals("runbook-orphan"))
                .forEach(f -> orphans.add(f.pos().file().replace(".md", "").toLowerCase(Locale.ROOT)));
        assertEquals(unreached, orphans);
        assertTrue(!unreached.isEmpty() && unreached.size() < pages.size(), unreached.toString());

        // the annotations to write, printed: every paging rule, those without a page named as such
        java.io.StringWriter printed = new java.io.StringWriter();
        int code = dev.opsbook.cli.OpsbookCommand.execute(
                new String[] {"runbook-urls", "--content", content.toString()},
                new java.io.PrintWriter(printed, true),
                new java.io.PrintWriter(new java.io.StringWriter(), true));
        assertEquals(0, code);
        List<String> lines = printed.toString().lines().toList();
        long paging =
                expected.stream().filter(w -> !"none".equals(w.severity())).count();
        assertEquals(
                paging + " alerting rules that page, " + lost.size()
                        + " without a runbook_url leading to their runbook",
                lines.get(lines.size() - 1));
        assertEquals(
                lost.size(),
                lines.stream().filter(l -> l.contains("no runbook to lead to")).count());
        assertTrue(
                lines.contains(
                        "rules/kubernetesControlPlane-prometheusRule.yaml:16:7: KubePodCrashLooping: runbook_url: "
                                + BASE + "services/kubernetes/runbooks/KubePodCrashLooping.html  (leads there)"),
                lines.toString());
        // alerts.json: every alert of a service, with its runbook's address under baseUrl
        var json = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(dir.resolve("site/alerts.json").toFile());
        long placed = hb.services().stream().mapToLong(s -> s.alerts().size()).sum();
        assertEquals(placed, json.get("alerts").size());
        assertEquals(byName.size() - hb.unplacedAlerts().size(), placed);
        for (var a : json.get("alerts")) {
            if (a.get("runbookUrl").isTextual()) {
                assertTrue(a.get("runbookUrl").asText().startsWith(BASE + "services/"), a.toString());
            }
        }
    }
}
