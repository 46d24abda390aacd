package dev.opsbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsbook.ExampleHandbook;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/opsbook, the launcher people run, against the packaged jar: it builds, passes exit codes
 * through, and keeps a class archive only from a run that did the work.
 */
class LauncherIT {
    private static final Path LAUNCHER = Path.of(System.getProperty("opsbook.launcher", "../bin/opsbook"));
    private static final Path JAR = Path.of(System.getProperty("opsbook.jar", "target/opsbook.jar"));

    @TempDir
    Path dir;

    private record Run(int exit, String out) {}

    private Run run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), args);
    }

    private Run run(Map<String, String> extraEnv, String... args) throws IOException, InterruptedException {
        return exec(
                extraEnv,
                Stream.concat(Stream.of("sh", LAUNCHER.toString()), Stream.of(args))
                        .toList());
    }

    private Run exec(Map<String, String> extraEnv, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("OPSBOOK_JAR", JAR.toAbsolutePath().toString());
        env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        extraEnv.forEach((k, v) -> {
            if (v == null) {
                env.remove(k);
            } else {
                env.put(k, v);
            }
        });
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the launcher finished");
        return new Run(p.exitValue(), out);
    }

    /** The launcher building the example handbook into {@code site}, as of its day, with {@code extraEnv}. */
    private Run buildExample(Map<String, String> extraEnv, Path site) throws IOException, InterruptedException {
        return run(
                extraEnv,
                "build",
                "--content",
                ExampleHandbook.content().toString(),
                "--out",
                site.toString(),
                "--as-of",
                "2026-11-21");
    }

    /** The launcher's class archives (and what it leaves beside them), not the preview's build caches in serve/. */
    private List<Path> archives() throws IOException {
        Path cache = dir.resolve("cache/opsbook");
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(p -> !p.getFileName().toString().equals("serve"))
                    .toList();
        }
    }

    @Test
    void buildsWithTheJarAndReusesTheClassArchiveOfTheFirstGoodRun() throws Exception {
        Run usage = run("build", "--content", dir.resolve("nowhere").toString());
        assertEquals(2, usage.exit(), usage.out());
        assertEquals(List.of(), archives(), "no class archive from a run that stopped at a usage error");

        Path site = dir.resolve("site");
        Run first = buildExample(Map.of(), site);
        assertEquals(0, first.exit(), first.out());
        assertTrue(Files.isRegularFile(site.resolve("index.html")));
        assertEquals(1, archives().size(), "the classes are archived after the first build: " + archives());
        assertTrue(
                archives().get(0).getFileName().toString().matches("classes-\\d+-\\d+\\.jsa"),
                archives().toString());
        Object archive = Files.readAttributes(archives().get(0), java.nio.file.attribute.BasicFileAttributes.class)
                .fileKey();

        Run second = buildExample(Map.of(), site);
        assertEquals(0, second.exit(), second.out());
        assertEquals(first.out(), second.out(), "the archive changes nothing but the start-up time");
        assertEquals(1, archives().size());
        assertEquals(
                archive,
                Files.readAttributes(archives().get(0), java.nio.file.attribute.BasicFileAttributes.class)
                        .fileKey(),
                "the second run maps the archive instead of writing another");

        // another checkout's jar (or another version) keeps its own archive: neither deletes the other's
        Path other = Files.createDirectories(dir.resolve("other")).resolve("opsbook.jar");
        Files.copy(JAR, other);
        Run elsewhere =
                buildExample(Map.of("OPSBOOK_JAR", other.toAbsolutePath().toString()), site);
        assertEquals(0, elsewhere.exit(), elsewhere.out());
        assertEquals(2, archives().size(), "each jar its own archive: " + archives());
        // the same jar rebuilt replaces its own archive only
        Files.setLastModifiedTime(
                other, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        Run rebuilt = buildExample(Map.of("OPSBOOK_JAR", other.toAbsolutePath().toString()), site);
        assertEquals(0, rebuilt.exit(), rebuilt.out());
        assertEquals(2, archives().size(), "the rebuilt jar's archive replaces its earlier one: " + archives());
        assertTrue(
                archives().stream().anyMatch(a -> {
                    try {
                        return archive.equals(Files.readAttributes(a, java.nio.file.attribute.BasicFileAttributes.class)
                                .fileKey());
                    } catch (IOException e) {
                        return false;
                    }
                }),
                "the first jar's archive is still there");

        // OPSBOOK_JAVA_OPTS comes last; a collector chosen there replaces the launcher's (the JVM takes only one)
        Run serial = buildExample(Map.of("OPSBOOK_JAVA_OPTS", "-XX:+UseSerialGC -Xmx512m"), site);
        assertEquals(0, serial.exit(), serial.out());

        // a heap sized in OPSBOOK_JAVA_OPTS, smaller than the launcher's young generation: no JVM warning in the output
        Run small = buildExample(Map.of("OPSBOOK_JAVA_OPTS", "-Xmx64m"), site);
        assertEquals(0, small.exit(), small.out());
        assertEquals(first.out(), small.out());
    }

    @Test
    void anAssetLargerThanTheHeapIsCopiedAsItIs() throws Exception {
        // 160 MB of content file in a 64 MB heap: read whole, it ended the run out of memory
        Path content = dir.resolve("content");
        ExampleHandbook.copy(ExampleHandbook.content(), content);
        Path video = content.resolve("services/ledger/failover-walkthrough.mp4");
        try (var file = new java.io.RandomAccessFile(video.toFile(), "rw")) {
            file.setLength(160L << 20);
            file.seek((160L << 20) - 4);
            file.write(new byte[] {1, 2, 3, 4});
        }
        Path site = dir.resolve("site");
        Run run = run(
                Map.of("OPSBOOK_JAVA_OPTS", "-Xmx64m"),
                "build",
                "--content",
                content.toString(),
                "--out",
                site.toString(),
                "--as-of",
                "2026-11-21");
        assertEquals(0, run.exit(), run.out());
        Path copied = site.resolve("services/ledger/failover-walkthrough.mp4");
        assertEquals(Files.size(video), Files.size(copied));
        assertEquals(-1L, Files.mismatch(video, copied));
    }

    /** The environment of a CI image with no locale: LC_ALL=C, or nothing set at all. */
    private static Map<String, String> noLocale(Map<String, String> env, String lcAll) {
        Map<String, String> e = new java.util.HashMap<>();
        env.keySet().stream()
                .filter(k -> k.equals("LANG") || k.startsWith("LC_"))
                .forEach(k -> e.put(k, null));
        if (lcAll != null) {
            e.put("LC_ALL", lcAll);
        }
        return e;
    }

    @Test
    void fileNamesAreReadAndPrintedTheSameUnderAnyLocale() throws Exception {
        Path content = dir.resolve("content");
        ExampleHandbook.copy(ExampleHandbook.content(), content);
        Files.copy(
                content.resolve("services/ledger/runbooks/failover.md"),
                content.resolve("services/ledger/runbooks/failover-été.md"));
        Files.writeString(content.resolve("services/ledger/schéma.txt"), "x");
        String finding = "services/ledger/runbooks/failover-été.md: error: file name 'failover-été' is not a valid id";
        for (String lcAll : new String[] {"C", "POSIX", null}) {
            Path site = dir.resolve("site-" + lcAll);
            Run run = run(
                    noLocale(System.getenv(), lcAll),
                    "build",
                    "--content",
                    content.toString(),
                    "--out",
                    site.toString(),
                    "--as-of",
                    "2026-11-21");
            assertEquals(1, run.exit(), lcAll + ": " + run.out());
            assertTrue(run.out().contains(finding), lcAll + ": " + run.out());
            assertTrue(Files.isRegularFile(site.resolve("services/ledger/schéma.txt")), lcAll);
        }

        // the JVM started some other way in an ASCII locale: one line that says why and what to do, exit 3
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Run bare = exec(
                noLocale(System.getenv(), "C"),
                List.of(
                        java,
                        "-jar",
                        JAR.toAbsolutePath().toString(),
                        "build",
                        "--content",
                        content.toString(),
                        "--out",
                        dir.resolve("bare").toString()));
        assertEquals(3, bare.exit(), bare.out());
        assertEquals(1, bare.out().lines().count(), bare.out());
        assertTrue(bare.out().startsWith("opsbook: cannot read the file name services/ledger/"), bare.out());
        assertTrue(bare.out().contains("run with a UTF-8 locale (LC_ALL=C.UTF-8)"), bare.out());
        assertTrue(Files.notExists(dir.resolve("bare")), "no site half made");
    }

    /** The output's parent and every staging or half-written file left beside the site. */
    private static List<String> leftovers(Path parent) throws IOException {
        try (Stream<Path> files = Files.list(parent)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.contains("staging") || n.contains("tmp") || n.contains("previous"))
                    .toList();
        }
    }

    /**
     * A full disk (here a file-size limit: the same failed write), a read-only output folder, an output
     * under a file: one line naming the file and what the system said, exit 3, and the previous site as it was.
     */
    @Test
    void errorsOfTheEnvironmentAreOneLineAndExit3AndTheSiteStays() throws Exception {
        Path ro = Files.createDirectories(dir.resolve("ro"));
        Path site = ro.resolve("site");
        String content = ExampleHandbook.content().toString();
        Run first = run("build", "--content", content, "--out", site.toString(), "--as-of", "2026-11-21");
        assertEquals(0, first.exit(), first.out());
        byte[] index = Files.readAllBytes(site.resolve("index.html"));

        // every file written larger than 50 KB fails as on a full disk, with "File too large"
        Run full = exec(
                Map.of(),
                List.of(
                        "sh",
                        "-c",
                        "ulimit -f 100; exec sh \"$0\" \"$@\"",
                        LAUNCHER.toString(),
                        "build",
                        "--content",
                        content,
                        "--out",
                        site.toString(),
                        "--as-of",
                        "2026-11-21"));
        assertEquals(3, full.exit(), full.out());
        assertEquals(1, full.out().lines().count(), full.out());
        assertTrue(
                full.out()
                        .matches("opsbook: I/O error: " + java.util.regex.Pattern.quote(site.toString())
                                + "/\\S+: File too large\n"),
                full.out());
        assertTrue(java.util.Arrays.equals(index, Files.readAllBytes(site.resolve("index.html"))), "the site stays");
        assertEquals(List.of(), leftovers(ro));

        // the folder the site is in cannot be written (as root, the build runs as nobody: root writes anywhere)
        List<String> asUser = "root".equals(System.getProperty("user.name"))
                ? List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--")
                : List.of();
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(ro, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Run readOnly = exec(
                    Map.of("HOME", dir.toString()),
                    Stream.concat(
                                    asUser.stream(),
                                    Stream.of(
                                            "sh",
                                            LAUNCHER.toAbsolutePath().toString(),
                                            "build",
                                            "--content",
                                            content,
                                            "--out",
                                            site.toString(),
                                            "--as-of",
                                            "2026-11-21"))
                            .toList());
            assertEquals(3, readOnly.exit(), readOnly.out());
            assertEquals(1, readOnly.out().lines().count(), readOnly.out());
            assertTrue(
                    readOnly.out().startsWith("opsbook: cannot write the output folder " + site + ": " + ro),
                    readOnly.out());
            assertTrue(readOnly.out().endsWith(": permission denied\n"), readOnly.out());
        } finally {
            Files.setPosixFilePermissions(ro, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        assertTrue(java.util.Arrays.equals(index, Files.readAllBytes(site.resolve("index.html"))), "the site stays");
        assertEquals(List.of(), leftovers(ro));

        // an output under a file
        Files.writeString(dir.resolve("notes.txt"), "mine");
        Run underFile = run(
                "build",
                "--content",
                content,
                "--out",
                dir.resolve("notes.txt/site").toString());
        assertEquals(3, underFile.exit(), underFile.out());
        assertEquals(1, underFile.out().lines().count(), underFile.out());
        assertTrue(underFile.out().contains("notes.txt"), underFile.out());
        assertEquals("mine", Files.readString(dir.resolve("notes.txt")));
    }

    @Test
    void killingTheLauncherStopsServeWhetherJavaIsItsChildOrItself() throws Exception {
        // the first run writes the class archive (java runs as the launcher's child), the second maps it (the
        // launcher execs java): either way, `kill <pid of the launcher>` stops the server
        Path content = dir.resolve("content");
        ExampleHandbook.copy(ExampleHandbook.content(), content);
        for (int round = 0; round < 2; round++) {
            if (round == 1) {
                // a build that writes the archive: the next serve maps it, and the launcher execs java
                Run build = run(
                        "build",
                        "--content",
                        content.toString(),
                        "--out",
                        dir.resolve("built").toString());
                assertTrue(build.exit() <= 1, build.out());
                assertEquals(1, archives().size(), archives().toString());
            }
            int port;
            try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
                port = free.getLocalPort();
            }
            ProcessBuilder pb = new ProcessBuilder(
                            "sh",
                            LAUNCHER.toString(),
                            "serve",
                            "--content",
                            content.toString(),
                            "--out",
                            dir.resolve("served").toString(),
                            "--port",
                            String.valueOf(port))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("serve-" + round + ".log").toFile());
            pb.environment().put("OPSBOOK_JAR", JAR.toAbsolutePath().toString());
            pb.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
            Process launcher = pb.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            boolean up = false;
            while (!up && System.nanoTime() < deadline && launcher.isAlive()) {
                try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                    up = true;
                } catch (IOException e) {
                    Thread.sleep(200);
                }
            }
            assertTrue(
                    up,
                    "serve answers (round " + round + "): " + Files.readString(dir.resolve("serve-" + round + ".log")));
            List<ProcessHandle> java = launcher.toHandle().descendants().toList();
            launcher.destroy(); // SIGTERM to the launcher's own process id
            assertTrue(launcher.waitFor(30, TimeUnit.SECONDS), "the launcher stops");
            for (ProcessHandle h : java) {
                assertTrue(h.onExit().get(30, TimeUnit.SECONDS) != null && !h.isAlive(), "no java left serving");
            }
            boolean closed = false;
            for (int i = 0; i < 50 && !closed; i++) {
                try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                    Thread.sleep(200);
                } catch (IOException e) {
                    closed = true;
                }
            }
            assertTrue(closed, "nothing listens on the port any more (round " + round + ")");
        }
    }
}
