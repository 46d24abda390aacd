package dev.opsbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsbook.ExampleHandbook;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution a user downloads (opsbook-&lt;version&gt;-distribution.tar.gz and .zip, built by the reactor):
 * unpacked anywhere, its bin/opsbook finds its own lib/opsbook.jar and builds the example handbook; the zip
 * holds the same files; the launcher is executable and the Windows one has Windows line ends; the licences
 * of the bundled libraries are there.
 */
class DistributionIT {
    private static final String BASE = System.getProperty("opsbook.distribution", "target/opsbook-distribution");

    @TempDir
    Path dir;

    private static String run(Path cwd, List<String> command, Path cache) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().remove("OPSBOOK_JAR");
        pb.environment().put("XDG_CACHE_HOME", cache.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), String.join(" ", command));
        assertEquals(0, p.exitValue(), String.join(" ", command) + "\n" + out);
        return out;
    }

    private static TreeSet<String> files(Path root) throws IOException {
        TreeSet<String> out = new TreeSet<>();
        try (Stream<Path> all = Files.walk(root)) {
            all.filter(Files::isRegularFile)
                    .forEach(f -> out.add(root.relativize(f).toString().replace('\\', '/')));
        }
        return out;
    }

    @Test
    void theTarballUnpacksToALauncherThatBuildsTheExample() throws Exception {
        Path tgz = Path.of(BASE + ".tar.gz");
        assertTrue(Files.isRegularFile(tgz), tgz + " is built by the reactor");
        run(dir, List.of("tar", "-xzf", tgz.toAbsolutePath().toString()), dir.resolve("cache"));
        Path home;
        try (Stream<Path> top = Files.list(dir)) {
            home = top.filter(p -> p.getFileName().toString().startsWith("opsbook-"))
                    .findFirst()
                    .orElseThrow();
        }
        TreeSet<String> files = files(home);
        for (String f : List.of("bin/opsbook", "bin/opsbook.cmd", "lib/opsbook.jar", "README.md")) {
            assertTrue(files.contains(f), f + " in " + files);
        }
        assertTrue(
                files.stream().anyMatch(f -> f.startsWith("licences/") && f.contains("commonmark")),
                "the bundled libraries' licences: " + files);
        assertTrue(
                files.stream().anyMatch(f -> f.startsWith("licences/") && f.endsWith("highlight.LICENSE.txt")),
                files.toString());
        // every bundled library (a folder under licences/) is named, with its licence, in THIRD-PARTY.md
        String thirdParty = Files.readString(home.resolve("licences/THIRD-PARTY.md"));
        try (Stream<Path> libs = Files.list(home.resolve("licences"))) {
            for (Path lib : libs.filter(Files::isDirectory).toList()) {
                String name = lib.getFileName().toString().replaceAll("-[0-9][^-]*(-SNAPSHOT)?-jar$", "");
                assertTrue(
                        thirdParty.matches("(?s).*\\b" + java.util.regex.Pattern.quote(name) + "\\b.*"),
                        name + " (from " + lib.getFileName() + ") is not in licences/THIRD-PARTY.md");
            }
        }
        assertTrue(
                Files.getPosixFilePermissions(home.resolve("bin/opsbook")).contains(PosixFilePermission.OWNER_EXECUTE));
        String cmd = Files.readString(home.resolve("bin/opsbook.cmd"), StandardCharsets.ISO_8859_1);
        assertTrue(cmd.contains("\r\n") && cmd.contains("lib\\opsbook.jar"), "a Windows batch file");
        // run from elsewhere, as a user who put it on the PATH would: it finds its own jar
        Path site = dir.resolve("site");
        String out = run(
                dir,
                List.of(
                        home.resolve("bin/opsbook").toString(),
                        "build",
                        "--content",
                        ExampleHandbook.content().toString(),
                        "--out",
                        site.toString(),
                        "--as-of",
                        "2026-11-21"),
                dir.resolve("cache"));
        assertTrue(out.contains("6 services: "), out);
        assertTrue(Files.isRegularFile(site.resolve("operations.html")));
        // the zip holds the same files, under the same folder
        List<String> zipped = new ArrayList<>();
        try (ZipFile zip = new ZipFile(Path.of(BASE + ".zip").toFile())) {
            zip.stream().filter(e -> !e.isDirectory()).forEach(e -> zipped.add(e.getName()));
        }
        TreeSet<String> expected = new TreeSet<>();
        files.forEach(f -> expected.add(home.getFileName() + "/" + f));
        assertEquals(expected, new TreeSet<>(zipped));
    }
}
