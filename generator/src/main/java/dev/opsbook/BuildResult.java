package dev.opsbook;

import dev.opsbook.check.Assessment;
import dev.opsbook.check.Levels;
import dev.opsbook.check.ServiceAssessment;
import dev.opsbook.finding.Finding;
import dev.opsbook.finding.Level;
import dev.opsbook.report.ReportData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a build found and wrote.
 *
 * @param cacheUsage with a build cache, what the build took from it ("9 of 12 bodies, 30 of 31 pages from the
 *                   cache"), else null
 */
public record BuildResult(ReportData report, int services, int pagesWritten, String cacheUsage) {

    public BuildResult(ReportData report, int services, int pagesWritten) {
        this(report, services, pagesWritten, null);
    }

    /**
     * In a part's build, the references to services of other repositories, left to the organisation's build (not
     * findings); empty otherwise.
     */
    public List<Finding> deferred() {
        return report.deferred();
    }

    /**
     * "2 references to services of other repositories are left to the organisation's build (such as …)", the
     * file named from {@code prefix} (where the content folder is, as in {@link Finding#lines(String)}).
     */
    public java.util.Optional<String> deferredLine(String prefix) {
        return deferredLine(deferred(), prefix);
    }

    /** {@link #deferredLine(String)} of these references (as a forked build's report gives them). */
    public static java.util.Optional<String> deferredLine(List<Finding> deferred, String prefix) {
        if (deferred.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(deferred.size() + (deferred.size() == 1 ? " reference" : " references")
                + " to services of other repositories " + (deferred.size() == 1 ? "is" : "are")
                + " left to the organisation's build (such as "
                + deferred.get(0).lines(prefix).get(0) + ")");
    }

    public LocalDate asOf() {
        return report.asOf();
    }

    public List<Finding> findings() {
        return report.findings();
    }

    public Assessment assessment() {
        return report.assessment();
    }

    public long count(Level level) {
        return report.count(level);
    }

    public boolean hasErrors() {
        return count(Level.ERROR) > 0;
    }

    /**
     * Whether the run fails: on error findings, and with {@code failOnWarning} on warnings too; with
     * {@code failOnNew} (and a baseline) only findings that the baseline did not have count.
     */
    public boolean fails(boolean failOnWarning, boolean failOnNew) {
        var changes = report.changes();
        if (failOnNew && changes != null) {
            return changes.added().stream()
                    .anyMatch(k -> k.severity().equals(Level.ERROR.id())
                            || failOnWarning && k.severity().equals(Level.WARNING.id()));
        }
        return hasErrors() || failOnWarning && count(Level.WARNING) > 0;
    }

    /** "6 services: 2 operations-ready, 3 supportable, 1 documented; 0 errors, 12 warnings, 6 infos". */
    public String summary() {
        Map<String, Long> levels = new LinkedHashMap<>();
        List<String> order = new ArrayList<>(assessment().levels().keySet());
        Collections.reverse(order);
        order.add(Levels.NONE);
        Map<String, Long> counts = assessment().services().stream()
                .collect(Collectors.groupingBy(ServiceAssessment::level, Collectors.counting()));
        order.forEach(l -> {
            if (counts.containsKey(l)) {
                levels.put(l, counts.get(l));
            }
        });
        String perLevel = levels.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
        long e = count(Level.ERROR);
        long w = count(Level.WARNING);
        long i = count(Level.INFO);
        return services + (services == 1 ? " service" : " services") + (perLevel.isEmpty() ? "" : ": " + perLevel)
                + "; " + e + (e == 1 ? " error, " : " errors, ") + w + (w == 1 ? " warning, " : " warnings, ")
                + i + (i == 1 ? " info" : " infos");
    }
}
