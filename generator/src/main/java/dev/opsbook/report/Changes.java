package dev.opsbook.report;

import dev.opsbook.finding.Level;
import java.util.Arrays;
import java.util.List;

/**
 * What changed since a baseline report: findings that are new, findings that are gone, and every
 * service whose level moved.
 */
public record Changes(String baselineAsOf, List<FindingKey> added, List<FindingKey> removed, List<LevelMove> moves) {

    /** A finding as a baseline knows it; line numbers are left out, because edits above it move them. */
    public record FindingKey(
            String rule, String severity, String service, String file, int line, int column, String message) {
        /** What identifies a finding across builds: rule, service, file and message. */
        List<String> identity() {
            return Arrays.asList(rule, service, file, message);
        }
    }

    /** "route-planner: documented → supportable"; {@code from} or {@code to} is null for a service added or removed. */
    public record LevelMove(String service, String from, String to) {
        @Override
        public String toString() {
            return service + ": " + (from == null ? "(new)" : from) + " → " + (to == null ? "(removed)" : to);
        }
    }

    public long newErrors() {
        return added.stream().filter(f -> f.severity().equals(Level.ERROR.id())).count();
    }
}
