package dev.opsbook.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.opsbook.finding.Finding;
import dev.opsbook.finding.Level;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * {@code gl-code-quality-report.json}: the findings as GitLab's Code Quality report (a subset of the Code
 * Climate format), which GitLab shows in merge requests and beside the changed lines; it reads no SARIF there.
 * Each finding is one issue: {@code description} (message and hint), {@code check_name} (the rule),
 * {@code fingerprint}, {@code severity} and {@code location} (the path from the repository's root and the line).
 */
public final class CodeQualityReport {
    private CodeQualityReport() {}

    public static void write(ReportData d, OutputStream out) throws IOException {
        Map<String, Integer> seen = new HashMap<>();
        try (JsonGenerator g = JsonReport.generator(out)) {
            g.writeStartArray();
            for (Finding f : d.findings()) {
                String path = d.repositoryPath(f.pos().file());
                g.writeStartObject();
                g.writeStringField("description", f.message() + (f.hint() != null ? " \u2014 " + f.hint() : ""));
                g.writeStringField("check_name", f.rule());
                g.writeStringField("fingerprint", fingerprint(f, path, seen));
                g.writeStringField("severity", severity(f.level()));
                g.writeObjectFieldStart("location");
                g.writeStringField("path", path);
                // lines.begin is what every GitLab version reads (positions came later)
                g.writeObjectFieldStart("lines");
                g.writeNumberField("begin", f.pos().hasLine() ? f.pos().line() : 1);
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        out.write('\n');
    }

    /**
     * GitLab tells a merge request's new issues from its base's by fingerprint: rule, file and message, not the
     * line (a finding that only moves is not new); the same finding twice in a file is told apart by its turn.
     */
    static String fingerprint(Finding f, String path, Map<String, Integer> seen) {
        String key = f.rule() + "\u0000" + path + "\u0000" + f.message();
        int turn = seen.merge(key, 1, Integer::sum);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((key + "\u0000" + turn).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every Java has SHA-256
        }
    }

    /** An error fails the build: critical; a warning is minor; an info is info. */
    static String severity(Level level) {
        return switch (level) {
            case ERROR -> "critical";
            case WARNING -> "minor";
            case INFO -> "info";
        };
    }
}
