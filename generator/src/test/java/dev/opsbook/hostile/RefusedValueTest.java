package dev.opsbook.hostile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsbook.BuildRequest;
import dev.opsbook.BuildResult;
import dev.opsbook.ExampleHandbook;
import dev.opsbook.Opsbook;
import dev.opsbook.finding.Level;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The refused-value property: every value of every file kind of the example handbook (each YAML file
 * and each Markdown file's front matter, every key at every depth and every list item) is replaced in
 * turn by values that the schema refuses — absent, a mapping where text belongs, text where a mapping
 * or list belongs, text that is no id, date, duration, number, URL or phone number, a negative number —
 * and the handbook is then <em>built</em>, site and all. The build must end in a result (exit 0 or 1),
 * never in an exception (exit 3): what {@code check} refuses, every page must survive.
 *
 * <p>To keep this inside the suite's time, one build carries one replacement in each of several files
 * at once, files of different services, so that no replacement hides another's page: a round takes the
 * n-th value of every file (see {@link #groups}). A failure names every replacement of its round.
 */
public class RefusedValueTest {
    /** What replaces a scalar value. */
    public static final String[] FOR_SCALAR = {
        "~", "{refused: [1]}", "'javascript:x/../Not an id, date or 99:99'", "-1", "[]"
    };
    /** What replaces a mapping or a list. */
    public static final String[] FOR_COLLECTION = {"~", "refused", "'2026-13-45'"};

    @TempDir
    Path dir;

    public record Value(Path file, int start, int end, String path, boolean scalar) {
        String describe(String with) {
            return file.toString().replace('\\', '/') + " at " + path + " := " + with;
        }
    }

    record Replacement(Value value, String with) {}

    /** What one thread found: builds, replacements, refused findings and failures. */
    record Tally(int builds, int replacements, long refused, List<String> failures) {}

    @Test
    void everyRefusedValueOfEveryFileKindLeavesABuildNotACrash() throws Exception {
        Path content = dir.resolve("content");
        ExampleHandbook.copy(ExampleHandbook.content(), content);
        List<Path> files = ExampleHandbook.contentFiles(content);
        java.util.Map<Path, List<Replacement>> perFile = new java.util.LinkedHashMap<>();
        int values = 0;
        for (Path f : files) {
            List<Replacement> rs = new ArrayList<>();
            for (Value found : values(f)) {
                Value v = new Value(content.relativize(f), found.start(), found.end(), found.path(), found.scalar());
                values++;
                for (String with : v.scalar() ? FOR_SCALAR : FOR_COLLECTION) {
                    rs.add(new Replacement(v, with));
                }
            }
            perFile.put(content.relativize(f), rs);
        }
        assertTrue(values > 300, "the example handbook's values are all found: " + values);

        // The handbook-wide files on one thread, the services on another, each in its own copy.
        List<List<List<Replacement>>> groups = groups(perFile);
        List<List<List<Replacement>>> wide = groups.subList(0, groups.size() - 1);
        List<List<List<Replacement>>> services = groups.subList(groups.size() - 1, groups.size());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> run(wide, content, dir.resolve("a")));
            var b = pool.submit(() -> run(services, content, dir.resolve("b")));
            Tally x = a.get();
            Tally y = b.get();
            int builds = x.builds() + y.builds();
            List<String> failures = new ArrayList<>(x.failures());
            failures.addAll(y.failures());
            assertTrue(
                    failures.isEmpty(),
                    failures.size() + " of " + builds + " builds ended in an exception:\n  "
                            + String.join("\n  ", failures.subList(0, Math.min(30, failures.size()))));
            assertTrue(
                    x.refused() + y.refused() >= builds,
                    "the replacements are refused: " + (x.refused() + y.refused()) + " errors in " + builds
                            + " builds of " + (x.replacements() + y.replacements()) + " replacements");
        } finally {
            pool.shutdownNow();
        }
    }

    /** Builds every round of the groups in a copy of the handbook at {@code work}. */
    private static Tally run(List<List<List<Replacement>>> groups, Path original, Path work) throws IOException {
        Path content = work.resolve("content");
        ExampleHandbook.copy(original, content);
        Opsbook opsbook = new Opsbook();
        int builds = 0;
        int replacements = 0;
        long refused = 0;
        List<String> failures = new ArrayList<>();
        for (List<List<Replacement>> group : groups) {
            int rounds = group.stream().mapToInt(List::size).max().orElse(0);
            for (int round = 0; round < rounds; round++) {
                List<Replacement> now = new ArrayList<>();
                for (List<Replacement> rs : group) {
                    if (round < rs.size()) {
                        now.add(rs.get(round));
                    }
                }
                List<byte[]> originals = new ArrayList<>();
                for (Replacement r : now) {
                    Path file = content.resolve(r.value().file());
                    originals.add(Files.readAllBytes(file));
                    Files.writeString(file, replace(file, r));
                }
                try {
                    BuildResult result = opsbook.build(
                            BuildRequest.build(content, work.resolve("site")).withAsOf(LocalDate.of(2026, 11, 21)));
                    builds++;
                    replacements += now.size();
                    refused += result.findings().stream()
                            .filter(x -> x.level() == Level.ERROR)
                            .count();
                    if (!Files.isRegularFile(work.resolve("site/index.html"))) {
                        failures.add(describe(now) + " -> no site");
                    }
                } catch (Exception | StackOverflowError e) {
                    failures.add(describe(now) + " -> " + trace(e));
                } finally {
                    for (int i = 0; i < now.size(); i++) {
                        Files.write(content.resolve(now.get(i).value().file()), originals.get(i));
                    }
                }
            }
        }
        return new Tally(builds, replacements, refused, failures);
    }

    /** The exception and its causes, each with its first frames in opsbook's own code. */
    private static String trace(Throwable e) {
        StringBuilder trace = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            trace.append(t == e ? "" : "\n    caused by ").append(t);
            int shown = 0;
            for (StackTraceElement el : t.getStackTrace()) {
                if (el.getClassName().startsWith("dev.opsbook") && shown++ < 4) {
                    trace.append("\n      at ").append(el);
                }
            }
        }
        return trace.toString();
    }

    private static String describe(List<Replacement> now) {
        StringBuilder b = new StringBuilder();
        for (Replacement r : now) {
            b.append(b.isEmpty() ? "" : " + ").append(r.value().describe(r.with()));
        }
        return b.toString();
    }

    /**
     * What is changed together in one build. A group is a list of queues; each round takes the next
     * replacement of every queue of the group. Files of one kind that each describe a different thing
     * (the teams; files in one folder) are queues of one group, so a round changes each team once; a
     * handbook-wide file alone (opsbook.yaml, severities.yaml) is a group of its own, since every page
     * reads it. The last group holds the services: one queue per service, every value of every file of
     * that service in turn, so that a build changes each service at most once and no replacement hides
     * another's page.
     */
    static List<List<List<Replacement>>> groups(java.util.Map<Path, List<Replacement>> perFile) {
        java.util.Map<String, List<List<Replacement>>> byFolder = new java.util.TreeMap<>();
        java.util.Map<String, List<Replacement>> byService = new java.util.TreeMap<>();
        for (var e : perFile.entrySet()) {
            String rel = e.getKey().toString().replace('\\', '/');
            if (rel.startsWith("services/")) {
                byService
                        .computeIfAbsent(rel.split("/")[1], k -> new ArrayList<>())
                        .addAll(e.getValue());
            } else {
                int slash = rel.lastIndexOf('/');
                String folder = slash < 0 ? rel : rel.substring(0, slash);
                byFolder.computeIfAbsent(folder, k -> new ArrayList<>()).add(e.getValue());
            }
        }
        List<List<List<Replacement>>> out = new ArrayList<>(byFolder.values());
        out.add(new ArrayList<>(byService.values()));
        return out;
    }

    /** The file's text with one value replaced (by code points, as SnakeYAML counts). */
    static String replace(Path file, Replacement r) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int[] cps = text.codePoints().toArray();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < r.value().start(); i++) {
            b.appendCodePoint(cps[i]);
        }
        b.append(r.with());
        for (int i = r.value().end(); i < cps.length; i++) {
            b.appendCodePoint(cps[i]);
        }
        return b.toString();
    }

    /** Every value node of a YAML file or of a Markdown file's front matter, with where it is in the file. */
    public static List<Value> values(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int offset = 0;
        String yaml = text;
        if (file.toString().endsWith(".md")) {
            if (!text.startsWith("---\n")) {
                return List.of();
            }
            int end = text.indexOf("\n---", 4);
            if (end < 0) {
                return List.of();
            }
            offset = text.codePointCount(0, 4);
            yaml = text.substring(4, end + 1);
        }
        Node root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
        List<Value> out = new ArrayList<>();
        if (root != null) {
            walk(root, "", file, offset, yaml.codePoints().toArray(), out);
        }
        return out;
    }

    private static void walk(Node n, String path, Path file, int offset, int[] cps, List<Value> out) {
        if (n instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
                Node v = t.getValueNode();
                String p = path + "/" + key;
                add(v, p, file, offset, cps, out);
                walk(v, p, file, offset, cps, out);
            }
        } else if (n instanceof SequenceNode seq) {
            for (int i = 0; i < seq.getValue().size(); i++) {
                Node v = seq.getValue().get(i);
                String p = path + "[" + i + "]";
                add(v, p, file, offset, cps, out);
                walk(v, p, file, offset, cps, out);
            }
        }
    }

    private static void add(Node v, String path, Path file, int offset, int[] cps, List<Value> out) {
        int start = v.getStartMark().getIndex();
        int end = v.getEndMark().getIndex();
        while (end > start && Character.isWhitespace(cps[end - 1])) {
            end--; // a block collection ends where the next line starts
        }
        if (end <= start && !(v instanceof ScalarNode)) {
            return; // an empty collection written as nothing
        }
        out.add(new Value(file, offset + start, offset + end, path, v instanceof ScalarNode));
    }
}
