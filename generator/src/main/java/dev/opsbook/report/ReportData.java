package dev.opsbook.report;

import dev.opsbook.check.Assessment;
import dev.opsbook.finding.Finding;
import dev.opsbook.finding.Level;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything the reports say: the same for the JSON, JUnit XML, SARIF and HTML reports.
 *
 * @param changes the comparison with a baseline report, or null without one
 */
public record ReportData(String generator, String version, LocalDate asOf, String contentDigest,
                         List<Finding> findings, Assessment assessment, Changes changes) {

    public long count(Level level) {
        return findings.stream().filter(f -> f.level() == level).count();
    }
}
