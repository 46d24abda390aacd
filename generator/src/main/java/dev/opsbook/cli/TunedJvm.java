package dev.opsbook.cli;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar opsbook.jar build|check|serve}, started with the JVM's defaults, runs the command in a second
 * JVM with the options of {@code bin/opsbook}: the JVM cannot change its compiler or collector once started,
 * and its defaults cost twice the time on a build of seconds (the optimising compiler on two cores) and a heap
 * a quarter of the machine's memory. The first JVM only waits: it passes the exit code on, stops the second
 * when it is stopped (TERM, INT), and the second stops by itself if the first is killed outright. A JVM
 * started with any option of its own ({@code java -Xmx4g -jar …}, or {@code JDK_JAVA_OPTIONS}), or with
 * {@code OPSBOOK_RELAUNCH=0}, runs the command itself, as it was told.
 */
final class TunedJvm {
    /** The system property that marks the second JVM; its value is the first JVM's process id. */
    static final String MARK = "opsbook.tunedBy";

    /** The JVM options of bin/opsbook, without its class archive (see there why each). */
    static final List<String> OPTIONS = List.of(
            "-XX:TieredStopAtLevel=1",
            "-Xmx1g",
            "-XX:-UsePerfData",
            "-XX:+UseParallelGC",
            "-XX:GCTimeRatio=4",
            "-XX:NewSize=96m",
            "-Dsun.jnu.encoding=UTF-8",
            "-Dfile.encoding=UTF-8");

    /** The commands whose work is worth a second JVM (not --help, --version, new or schemas). */
    private static final Set<String> WORK = Set.of("build", "check", "serve");

    private TunedJvm() {}

    /** The second JVM's command line for {@code args}, or empty when this JVM runs the command itself. */
    static Optional<List<String>> command(String[] args) {
        if (System.getProperty(MARK) != null || "0".equals(System.getenv("OPSBOOK_RELAUNCH"))) {
            return Optional.empty();
        }
        if (args.length == 0 || !WORK.contains(args[0])) {
            return Optional.empty();
        }
        if (!ManagementFactory.getRuntimeMXBean().getInputArguments().isEmpty()) {
            return Optional.empty(); // options chosen by whoever started it: respected
        }
        String classPath = System.getProperty("java.class.path", "");
        if (!classPath.endsWith(".jar") || classPath.contains(File.pathSeparator)) {
            return Optional.empty(); // not java -jar opsbook.jar (a test, an IDE, an embedding)
        }
        Optional<String> java = ProcessHandle.current().info().command();
        if (java.isEmpty()) {
            return Optional.empty();
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(java.get());
        cmd.addAll(OPTIONS);
        cmd.add("-D" + MARK + "=" + ProcessHandle.current().pid());
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(OpsbookCommand.class.getName());
        cmd.addAll(List.of(args));
        return Optional.of(List.copyOf(cmd));
    }

    /**
     * Runs {@code cmd} with this JVM's standard streams and returns its exit code; null when it cannot be
     * started (then this JVM runs the command itself).
     */
    static Integer run(List<String> cmd) {
        Process child;
        try {
            child = new ProcessBuilder(cmd).inheritIO().start();
        } catch (IOException e) {
            return null;
        }
        Thread stop = new Thread(
                () -> {
                    if (child.isAlive()) {
                        child.destroy(); // TERM: serve stops as it does when stopped itself
                        try {
                            if (!child.waitFor(20, TimeUnit.SECONDS)) {
                                child.destroyForcibly();
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                },
                "opsbook-stop-tuned-jvm");
        Runtime.getRuntime().addShutdownHook(stop);
        while (true) {
            try {
                return child.waitFor();
            } catch (InterruptedException e) {
                // not interrupted by anyone but the JVM's end, which the hook handles
            }
        }
    }

    /** In the second JVM: end when the first is gone without stopping it (killed with KILL, say). */
    static void followFirst() {
        String first = System.getProperty(MARK);
        if (first == null) {
            return;
        }
        try {
            ProcessHandle.of(Long.parseLong(first))
                    .ifPresentOrElse(
                            h -> h.onExit().thenRun(() -> Runtime.getRuntime().halt(ExitCode.INTERNAL)),
                            () -> Runtime.getRuntime().halt(ExitCode.INTERNAL));
        } catch (NumberFormatException e) {
            // not ours: nothing to follow
        }
    }
}
