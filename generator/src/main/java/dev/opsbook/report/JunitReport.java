package dev.opsbook.report;

import dev.opsbook.check.RuleResult;
import dev.opsbook.check.ServiceAssessment;
import dev.opsbook.finding.Finding;
import dev.opsbook.finding.Level;
import dev.opsbook.finding.Rules;
import dev.opsbook.output.PageSink;
import dev.opsbook.text.Escape;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code opsbook-report.xml}: JUnit XML as Jenkins and GitLab read it. A test suite per service with
 * a test case per rule (a failure with an error → {@code <failure>}; one with warnings or infos only, which
 * do not fail the run, passes with them as its {@code <system-out>}; waived, off and not applicable →
 * {@code <skipped>} with the reason), the structural rules first, as in every report; and a suite
 * {@code handbook} with a test case per structural rule and for the findings that belong to no service.
 */
public final class JunitReport {
    private JunitReport() {}

    public static byte[] write(ReportData d) {
        return ((PageSink.Content) out -> write(d, out)).toBytes();
    }

    /** Writes the report to {@code out} (the stream stays open). */
    public static void write(ReportData d, OutputStream out) throws IOException {
        // a suite at a time: the totals in the first line are known only at the end
        List<StringBuilder> suites = new ArrayList<>();
        int tests = 0;
        int failures = 0;
        int skipped = 0;
        for (ServiceAssessment s : d.assessment().services()) {
            StringBuilder cases = new StringBuilder();
            int f = 0;
            int sk = 0;
            for (RuleResult r : s.results()) {
                switch (r.status()) {
                    case FAIL -> f += testCase(cases, s.service().id(), r.rule(), r.findings(), null);
                    case PASS -> testCase(cases, s.service().id(), r.rule(), List.of(), null);
                    default -> {
                        sk++;
                        testCase(cases, s.service().id(), r.rule(), List.of(), r.why());
                    }
                }
            }
            int n = s.results().size();
            suites.add(new StringBuilder(cases.length() + 120)
                    .append("  <testsuite name=\"")
                    .append(Escape.xml(s.service().id()))
                    .append("\" tests=\"")
                    .append(n)
                    .append("\" failures=\"")
                    .append(f)
                    .append("\" errors=\"0\" skipped=\"")
                    .append(sk)
                    .append("\">\n")
                    .append(cases)
                    .append("  </testsuite>\n"));
            tests += n;
            failures += f;
            skipped += sk;
        }
        // findings that belong to no service: structural problems in shared files, handbook-wide rules
        List<Finding> general =
                d.findings().stream().filter(x -> x.service() == null).toList();
        List<String> rules =
                general.stream().map(Finding::rule).distinct().sorted().toList();
        StringBuilder cases = new StringBuilder();
        int f = 0;
        for (String rule : Rules.STRUCTURAL) {
            f += testCase(
                    cases,
                    "handbook",
                    rule,
                    general.stream().filter(x -> x.rule().equals(rule)).toList(),
                    null);
        }
        int n = Rules.STRUCTURAL.size();
        for (String rule : rules) {
            if (!Rules.isStructural(rule)) {
                f += testCase(
                        cases,
                        "handbook",
                        rule,
                        general.stream().filter(x -> x.rule().equals(rule)).toList(),
                        null);
                n++;
            }
        }
        suites.add(new StringBuilder()
                .append("  <testsuite name=\"handbook\" tests=\"")
                .append(n)
                .append("\" failures=\"")
                .append(f)
                .append("\" errors=\"0\" skipped=\"0\">\n")
                .append(cases)
                .append("  </testsuite>\n"));
        tests += n;
        failures += f;
        Writer xml = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 65_536);
        xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"opsbook "
                + Escape.xml(d.asOf().toString()) + "\" tests=\"" + tests + "\" failures=\"" + failures
                + "\" errors=\"0\" skipped=\"" + skipped + "\">\n");
        for (StringBuilder suite : suites) {
            xml.append(suite);
        }
        xml.write("</testsuites>\n");
        xml.flush();
    }

    /** Appends one test case; returns 1 when it failed. */
    private static int testCase(StringBuilder out, String suite, String rule, List<Finding> findings, String skipped) {
        out.append("    <testcase classname=\"opsbook.")
                .append(Escape.xml(suite))
                .append("\" name=\"")
                .append(Escape.xml(rule))
                .append('"');
        if (skipped != null) {
            out.append(">\n      <skipped message=\"")
                    .append(Escape.xml(skipped))
                    .append("\"/>\n    </testcase>\n");
            return 0;
        }
        if (findings.isEmpty()) {
            out.append("/>\n");
            return 0;
        }
        String body = findings.stream()
                .map(x -> x.format() + (x.hint() != null ? "\n  hint: " + Finding.printable(x.hint()) : ""))
                .collect(Collectors.joining("\n"));
        Finding first = findings.stream()
                .filter(x -> x.level() == Level.ERROR)
                .findFirst()
                .orElse(null);
        if (first == null) {
            // warnings and infos do not fail the run, so no CI host may count them as failed tests: they are
            // shown with the case, as its output
            out.append(">\n      <system-out>").append(Escape.xml(body)).append("</system-out>\n    </testcase>\n");
            return 0;
        }
        out.append(">\n      <failure type=\"")
                .append(first.level().id())
                .append("\" message=\"")
                .append(Escape.xml(Finding.printable(first.pos() + ": " + first.message())))
                .append("\">")
                .append(Escape.xml(body))
                .append("</failure>\n    </testcase>\n");
        return 1;
    }
}
