package dev.opsbook.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages of the generator form stages, each using only the stages below it: the model at the
 * bottom, the command line at the top, no cycle anywhere. Read from the sources (imports and names
 * written in full alike), so that a new dependency upwards fails here, with the file that made it.
 */
class StagesTest {
    /** The stages, lowest first; the packages of one stage do not use each other. */
    static final List<Set<String>> STAGES = List.of(
            Set.of("model", "text"),
            Set.of("finding"),
            Set.of("parallel"),
            Set.of("rota", "link", "markdown", "output", "part"),
            Set.of("ical", "load"),
            Set.of("check"),
            Set.of("check.rules"),
            Set.of("report"),
            Set.of("render"),
            Set.of("cache"), // the build cache: what the Markdown and the pages of a build gave, for the next
            Set.of(""), // dev.opsbook itself: Opsbook, BuildRequest, OpsbookException
            Set.of("serve"),
            Set.of("cli"));

    private static final Path SOURCES = Path.of("src/main/java/dev/opsbook");
    /** A class of another opsbook package: dev.opsbook.x.y.Name, or dev.opsbook.Name. */
    private static final Pattern USE = Pattern.compile("\\bdev\\.opsbook\\.((?:[a-z]+\\.)*)[A-Z]\\w*");

    private static int stage(String pkg) {
        for (int i = 0; i < STAGES.size(); i++) {
            if (STAGES.get(i).contains(pkg)) {
                return i;
            }
        }
        return -1;
    }

    /** Package (relative to dev.opsbook) → the packages its sources use, each with a file that uses it. */
    private static Map<String, Map<String, String>> uses() throws IOException {
        Map<String, Map<String, String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = SOURCES.relativize(f.getParent()).toString().replace('/', '.');
                Map<String, String> to = uses.computeIfAbsent(pkg, k -> new TreeMap<>());
                String text = Files.readString(f).replaceAll("(?m)^package .*$", "");
                Matcher m = USE.matcher(text);
                while (m.find()) {
                    String used = m.group(1).isEmpty()
                            ? ""
                            : m.group(1).substring(0, m.group(1).length() - 1);
                    if (!used.equals(pkg)) {
                        to.putIfAbsent(used, SOURCES.relativize(f).toString());
                    }
                }
            }
        }
        return uses;
    }

    @Test
    void everyPackageIsInAStageAndUsesOnlyTheStagesBelowIt() throws IOException {
        Map<String, Map<String, String>> uses = uses();
        assertTrue(
                uses.keySet().containsAll(List.of("", "model", "render", "cli")),
                uses.keySet().toString());
        List<String> wrong = new ArrayList<>();
        for (var e : uses.entrySet()) {
            int from = stage(e.getKey());
            if (from < 0) {
                wrong.add("package dev.opsbook." + e.getKey() + " is in no stage: add it to StagesTest.STAGES");
                continue;
            }
            for (var to : e.getValue().entrySet()) {
                int target = stage(to.getKey());
                if (target >= from) {
                    wrong.add(to.getValue() + " (stage " + from + ") uses dev.opsbook." + to.getKey() + " (stage "
                            + target + "): a stage uses only the stages below it");
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void thePackagesFormNoCycle() throws IOException {
        Map<String, Map<String, String>> uses = uses();
        // Kahn: take away packages that use nothing left; whatever remains lies on a cycle
        Map<String, Set<String>> left = new TreeMap<>();
        uses.forEach((k, v) -> left.put(k, new TreeSet<>(v.keySet())));
        boolean removed = true;
        while (removed) {
            removed = false;
            for (String p : List.copyOf(left.keySet())) {
                if (left.get(p).stream().noneMatch(left::containsKey)) {
                    left.remove(p);
                    removed = true;
                }
            }
        }
        assertEquals(Map.of(), left, "packages on a cycle, with what they use");
    }
}
