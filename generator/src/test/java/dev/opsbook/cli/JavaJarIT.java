package dev.opsbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsbook.ExampleHandbook;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar opsbook.jar}, as a user without the launcher runs it: the work is done in a JVM with the
 * launcher's options (the quick compiler, a small heap), the exit code is passed on, stopping the first JVM
 * stops the second, killing it outright does too, and a JVM given options of its own keeps them.
 */
class JavaJarIT {
    private static final Path JAR = Path.of(System.getProperty("opsbook.jar", "target/opsbook.jar"));
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

    @TempDir
    Path dir;

    private Process start(List<String> jvm, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(JAVA));
        cmd.addAll(jvm);
        cmd.add("-jar");
        cmd.add(JAR.toAbsolutePath().toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.log").toFile());
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().remove("OPSBOOK_RELAUNCH");
        return pb.start();
    }

    private int port() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    /** Starts serve on the example and waits until it answers. */
    private Process serve(List<String> jvm, int port) throws Exception {
        Path content = dir.resolve("content");
        if (!Files.isDirectory(content)) {
            ExampleHandbook.copy(ExampleHandbook.content(), content);
        }
        Process p = start(
                jvm,
                "serve",
                "--content",
                content.toString(),
                "--out",
                dir.resolve("served").toString(),
                "--port",
                String.valueOf(port));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline && p.isAlive()) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return p;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("serve does not answer: " + Files.readString(dir.resolve("out.log")));
    }

    private static void closed(int port) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                Thread.sleep(200);
            } catch (IOException e) {
                return;
            }
        }
        throw new AssertionError("still serving on " + port);
    }

    private static Optional<ProcessHandle> tunedChild(Process p) {
        return p.toHandle()
                .children()
                .filter(c -> c.info()
                        .arguments()
                        .map(a -> List.of(a).contains("-XX:TieredStopAtLevel=1"))
                        .orElse(false))
                .findFirst();
    }

    @Test
    void exitCodesArePassedOnFromTheJvmThatDoesTheWork() throws Exception {
        Process p = start(
                List.of(),
                "build",
                "--content",
                ExampleHandbook.content().toString(),
                "--out",
                dir.resolve("site").toString(),
                "--as-of",
                "2026-11-21");
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String out = Files.readString(dir.resolve("out.log"), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("6 services: "), out);
        // a structural error: exit 1, from the second JVM through the first
        Path bad = dir.resolve("bad");
        ExampleHandbook.copy(ExampleHandbook.content(), bad);
        Files.writeString(bad.resolve("severities.yaml"), "severities: [\n");
        p = start(
                List.of(),
                "check",
                "--content",
                bad.toString(),
                "--out",
                dir.resolve("reports").toString());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(ExitCode.FINDINGS, p.exitValue(), Files.readString(dir.resolve("out.log")));
    }

    @Test
    void stoppingOrKillingTheJvmStartedStopsServe() throws Exception {
        int port = port();
        Process first = serve(List.of(), port);
        ProcessHandle second = tunedChild(first).orElseThrow(() -> new AssertionError("no tuned JVM serves"));
        first.destroy(); // TERM to the process the user started
        assertTrue(first.waitFor(30, TimeUnit.SECONDS));
        assertTrue(second.onExit().get(30, TimeUnit.SECONDS) != null);
        closed(port);
        // killed outright (no shutdown hook runs): the second JVM sees it and ends
        port = port();
        first = serve(List.of(), port);
        second = tunedChild(first).orElseThrow();
        first.destroyForcibly();
        assertTrue(second.onExit().get(30, TimeUnit.SECONDS) != null);
        assertFalse(second.isAlive());
        closed(port);
    }

    @Test
    void aJvmGivenOptionsOfItsOwnKeepsThem() throws Exception {
        int port = port();
        Process p = serve(List.of("-Xmx512m"), port);
        try {
            assertTrue(tunedChild(p).isEmpty(), "no second JVM: the user's options hold");
            assertEquals(0, p.toHandle().children().count());
        } finally {
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        closed(port);
    }

    @Test
    void theSecondJvmHasTheLaunchersOptions() throws Exception {
        // TunedJvm keeps its own copy of bin/opsbook's JVM options: the two must not drift apart
        String launcher = Files.readString(Path.of(System.getProperty("opsbook.launcher", "../bin/opsbook")));
        for (String option : TunedJvm.OPTIONS) {
            if (!option.startsWith("-D")) { // the launcher sets the locale instead
                assertTrue(launcher.contains(option), option + " is not among bin/opsbook's options");
            }
        }
    }
}
