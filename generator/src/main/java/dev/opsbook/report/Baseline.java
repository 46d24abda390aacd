package dev.opsbook.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsbook.check.ServiceAssessment;
import dev.opsbook.finding.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** An earlier {@code opsbook-report.json}, and what changed since. */
public final class Baseline {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String asOf;
    private final List<Changes.FindingKey> findings;
    private final Map<String, String> levels;

    private Baseline(String asOf, List<Changes.FindingKey> findings, Map<String, String> levels) {
        this.asOf = asOf;
        this.findings = findings;
        this.levels = levels;
    }

    /** A baseline file that is not an opsbook report: the user's to fix (exit 2). */
    public static final class NotAReport extends RuntimeException {
        NotAReport(String message) {
            super(message);
        }
    }

    /** Reads a baseline report; a file that is not one is a {@link NotAReport} naming it. */
    public static Baseline read(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new NotAReport("baseline " + file + " is a folder; name its opsbook-report.json");
        }
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (JacksonException e) {
            throw new NotAReport("baseline " + file + " is not JSON: " + e.getOriginalMessage());
        }
        if (root == null
                || !root.path("findings").isArray()
                || !root.path("services").isArray()) {
            throw new NotAReport("baseline " + file + " is not an opsbook-report.json (no findings and services)");
        }
        List<Changes.FindingKey> findings = new ArrayList<>();
        for (JsonNode f : root.path("findings")) {
            findings.add(new Changes.FindingKey(
                    f.path("rule").asText(),
                    f.path("severity").asText(),
                    f.path("service").isNull() || f.path("service").isMissingNode()
                            ? null
                            : f.path("service").asText(),
                    f.path("file").asText(),
                    f.path("line").asInt(0),
                    f.path("column").asInt(0),
                    f.path("message").asText()));
        }
        Map<String, String> levels = new LinkedHashMap<>();
        for (JsonNode s : root.path("services")) {
            levels.put(s.path("id").asText(), s.path("level").asText());
        }
        return new Baseline(root.path("asOf").asText(null), findings, levels);
    }

    public Changes compare(List<Finding> current, List<ServiceAssessment> services) {
        List<Changes.FindingKey> now = current.stream()
                .map(f -> new Changes.FindingKey(
                        f.rule(),
                        f.level().id(),
                        f.service(),
                        f.pos().file(),
                        f.pos().line(),
                        f.pos().column(),
                        f.message()))
                .toList();
        List<Changes.FindingKey> added = unmatched(now, findings);
        List<Changes.FindingKey> removed = unmatched(findings, now);
        List<Changes.LevelMove> moves = new ArrayList<>();
        Map<String, String> currentLevels = new LinkedHashMap<>();
        services.forEach(s -> currentLevels.put(s.service().id(), s.level()));
        for (var e : currentLevels.entrySet()) {
            String before = levels.get(e.getKey());
            if (!Objects.equals(before, e.getValue())) {
                moves.add(new Changes.LevelMove(e.getKey(), before, e.getValue()));
            }
        }
        levels.keySet().stream()
                .filter(id -> !currentLevels.containsKey(id))
                .sorted()
                .forEach(id -> moves.add(new Changes.LevelMove(id, levels.get(id), null)));
        return new Changes(asOf, added, removed, moves);
    }

    /** The keys of {@code a} with no counterpart in {@code b}, matched one to one (so duplicates count). */
    private static List<Changes.FindingKey> unmatched(List<Changes.FindingKey> a, List<Changes.FindingKey> b) {
        Map<List<String>, Integer> pool = new HashMap<>();
        b.forEach(k -> pool.merge(k.identity(), 1, Integer::sum));
        List<Changes.FindingKey> out = new ArrayList<>();
        for (Changes.FindingKey k : a) {
            Integer n = pool.get(k.identity());
            if (n == null || n == 0) {
                out.add(k);
            } else {
                pool.put(k.identity(), n - 1);
            }
        }
        return List.copyOf(out);
    }
}
