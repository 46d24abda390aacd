package dev.opsbook;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's example handbook is, seen from a module's tests. */
public final class ExampleHandbook {
    private ExampleHandbook() {}

    public static Path content() {
        Path p = Path.of("../content").toAbsolutePath().normalize();
        if (!Files.isRegularFile(p.resolve("severities.yaml"))) {
            throw new IllegalStateException("example handbook not found at " + p);
        }
        return p;
    }

    /** Copies a content folder (the example handbook or a part of it) without its Maven pom.xml. */
    public static void copy(Path from, Path to) throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else if (!f.getFileName().toString().equals("pom.xml")) {
                    Files.copy(f, target);
                }
            }
        }
    }

    /**
     * Replaces {@code from} by {@code to} in {@code file} of the content folder {@code content}; {@code from} must
     * be there, so that a test never goes on without the change it is about.
     */
    public static void edit(Path content, String file, String from, String to) throws java.io.IOException {
        Path f = content.resolve(file);
        String text = Files.readString(f);
        if (!text.contains(from)) {
            throw new IllegalStateException(file + " does not contain " + from);
        }
        Files.writeString(f, text.replace(from, to));
    }

    /** The YAML and Markdown files of a content folder, sorted: what the fuzz tests change. */
    public static java.util.List<Path> contentFiles(Path root) throws java.io.IOException {
        try (java.util.stream.Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".md"))
                    .sorted()
                    .toList();
        }
    }

    /** The example handbook built once: where its site is, and what the build said. */
    public record Built(Path site, BuildResult result) {}

    private static Built shared;

    /**
     * The example handbook built once for every test of this JVM that only reads the site (such tests
     * must not change it); it is deleted when the JVM exits.
     */
    public static synchronized Built shared() throws OpsbookException, java.io.IOException {
        if (shared == null) {
            Path dir = Files.createTempDirectory("opsbook-example-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder())
                            .forEach(f -> f.toFile().delete());
                } catch (java.io.IOException e) {
                    // a temporary folder left behind
                }
            }));
            Path site = dir.resolve("site");
            shared = new Built(site, build(site));
        }
        return shared;
    }

    /** Builds it into {@code out} as of a fixed date. */
    public static BuildResult build(Path out) throws OpsbookException {
        return new Opsbook().build(BuildRequest.build(content(), out).withAsOf(java.time.LocalDate.of(2026, 11, 21)));
    }
}
