package dev.opsbook.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsbook.BuildRequest;
import dev.opsbook.BuildResult;
import dev.opsbook.finding.Finding;
import dev.opsbook.finding.Level;
import dev.opsbook.model.Pos;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * A build run by the opsbook command line in a JVM of its own ({@code opsbook.fork}), with the JVM
 * options of {@code bin/opsbook} instead of Maven's: on a large handbook and a few cores the quick
 * compiler alone is much faster than Maven's default JIT. The command line's findings and summary go to
 * the Maven log at their level, and its exit code becomes the goal's outcome, as in the build in
 * Maven's own JVM.
 */
final class ForkedBuild {
    /** A finding as the command line prints it: {@code file:line:column: level: message [rule]}. */
    private final Log log;
    /** Where the content folder is, as the log names it (see AbstractOpsbookMojo#pathPrefix). */
    private final String pathPrefix;

    ForkedBuild(Log log, String pathPrefix) {
        this.log = log;
        this.pathPrefix = pathPrefix;
    }

    /**
     * The forked JVM decodes file names with its locale's character set: under {@code LC_ALL=C} or no
     * {@code LANG} (many CI images) that is ASCII and a name such as {@code café.md} cannot be read. When
     * Maven's own JVM runs so, the fork gets the C.UTF-8 locale (nothing else in opsbook's output depends on it).
     */
    static void utf8Names(Map<String, String> env) {
        String charset = System.getProperty("sun.jnu.encoding", "UTF-8");
        if (!charset.equalsIgnoreCase("UTF-8")
                && !System.getProperty("os.name", "").startsWith("Windows")) {
            if (env.containsKey("LC_ALL")) {
                env.put("LC_ALL", "C.UTF-8");
            } else {
                env.put("LC_CTYPE", "C.UTF-8");
            }
        }
    }

    /** The command line that builds {@code request}, in a JVM run with {@code jvmArgs}. */
    static List<String> command(BuildRequest request, String jvmArgs, boolean failOnWarning, boolean failOnNew)
            throws MojoExecutionException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Dfile.encoding=UTF-8"); // what it prints is read back as UTF-8, whatever the system's locale
        cmd.add("-Dsun.stdout.encoding=UTF-8");
        cmd.add("-Dsun.stderr.encoding=UTF-8");
        Arrays.stream(jvmArgs.strip().split("\\s+")).filter(a -> !a.isEmpty()).forEach(cmd::add);
        String classpath = classpath();
        cmd.addAll(ForkArchive.options(request.cache(), classpath, jvmArgs));
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add("dev.opsbook.cli.OpsbookCommand");
        cmd.add(request.writeSite() ? "build" : "check");
        cmd.add("--content");
        cmd.add(request.content().toString());
        for (dev.opsbook.part.Part p : request.parts()) {
            cmd.add("--content");
            cmd.add(p.path().toString());
        }
        cmd.add("--out");
        cmd.add(request.output().toString());
        if (request.asOf() != null) {
            cmd.add("--as-of");
            cmd.add(request.asOf().toString());
        }
        if (request.templates() != null) {
            cmd.add("--templates");
            cmd.add(request.templates().toString());
        }
        if (request.sourceRoot() != null) {
            cmd.add("--source-root");
            cmd.add(request.sourceRoot().toString());
        }
        if (request.baseline() != null) {
            cmd.add("--baseline");
            cmd.add(request.baseline().toString());
        }
        if (failOnWarning) {
            cmd.add("--fail-on-warning");
        }
        if (failOnNew) {
            cmd.add("--fail-on-new");
        }
        if (request.part()) {
            cmd.add("--part");
        }
        if (request.cache() != null) {
            cmd.add("--cache");
            cmd.add(request.cache().toString());
        }
        return cmd;
    }

    /**
     * The plugin's own classpath: the generator and everything it needs. Maven gives plugins its own
     * SLF4J (through which ical4j logs) instead of theirs, so that jar is added from where Maven has it.
     */
    private static String classpath() throws MojoExecutionException {
        ClassLoader plugin = ForkedBuild.class.getClassLoader();
        if (!(plugin instanceof URLClassLoader loader)) {
            throw new MojoExecutionException("opsbook.fork: the plugin's class loader does not tell its classpath");
        }
        List<URL> urls = new ArrayList<>(Arrays.asList(loader.getURLs()));
        try {
            var slf4j = Class.forName("org.slf4j.LoggerFactory", false, plugin)
                    .getProtectionDomain()
                    .getCodeSource();
            if (slf4j != null && !urls.contains(slf4j.getLocation())) {
                urls.add(slf4j.getLocation());
            }
        } catch (ClassNotFoundException e) {
            // not in this Maven: ical4j will say so in the forked build
        }
        List<String> entries = new ArrayList<>();
        for (URL url : urls) {
            try {
                entries.add(new File(url.toURI()).getPath());
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new MojoExecutionException("opsbook.fork: cannot use " + url + " on a classpath", e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /**
     * Runs {@code cmd}; the findings, read from the JSON report the run wrote ({@code report}), to the log
     * at their level, as the goal in Maven's own JVM logs them; a failing exit code becomes the goal's failure.
     */
    void run(List<String> cmd, Path report) throws MojoExecutionException, MojoFailureException {
        Process process;
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd);
            utf8Names(pb.environment());
            process = pb.start();
        } catch (IOException e) {
            throw new MojoExecutionException("opsbook.fork: cannot start " + cmd.get(0) + ": " + e.getMessage(), e);
        }
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        Thread stderr = new Thread(() -> lines(process.getErrorStream(), errors), "opsbook-fork-stderr");
        stderr.start();
        List<String> out = new ArrayList<>();
        lines(process.getInputStream(), out);
        int code;
        try {
            code = ForkArchive.finish(cmd, process.waitFor());
            stderr.join();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("opsbook.fork: interrupted", e);
        }
        String summary = out.isEmpty() ? "" : out.get(out.size() - 1);
        List<String> printed = new ArrayList<>();
        if (code == 0 || code == 1) {
            // the findings from the report, at their levels; their lines are left out of what the command line
            // printed, which is logged as it is (what the baseline changed, the summary, the JVM's own words)
            JsonNode root = read(report);
            for (Finding f : findings(root, "findings")) {
                f.lines(pathPrefix).forEach(line -> AbstractOpsbookMojo.log(log, f.level(), line));
                printed.addAll(f.lines());
            }
            // a part's check: the references it left to the organisation's build, the file named as Maven's log does
            List<Finding> deferred = findings(root, "deferred");
            BuildResult.deferredLine(deferred, pathPrefix).ifPresent(l -> log.info("opsbook: " + Finding.printable(l)));
            BuildResult.deferredLine(deferred, null).ifPresent(l -> printed.add(Finding.printable(l)));
        }
        int next = 0;
        for (String line : out) {
            if (next < printed.size() && line.equals(printed.get(next))) {
                next++;
            } else {
                log.info("opsbook: " + line);
            }
        }
        for (String line : errors) {
            if (line.startsWith("SLF4J")) {
                log.debug(line); // no logging backend in the forked JVM: ical4j has nothing to say anyway
            } else {
                log.error(line);
            }
        }
        if (code == 1) {
            throw new MojoFailureException("opsbook: " + summary + "; see the findings above");
        }
        if (code != 0) {
            throw new MojoExecutionException("opsbook: the forked build ended with exit code " + code
                    + (errors.isEmpty() ? "" : ": " + String.join(" ", errors)));
        }
    }

    /** The report the forked run wrote. */
    static JsonNode read(Path report) throws MojoExecutionException {
        try {
            return new ObjectMapper().readTree(report.toFile());
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "opsbook.fork: cannot read the forked build's report " + report + ": " + e.getMessage(), e);
        }
    }

    /**
     * The findings listed under {@code field} of the report the forked run wrote ({@code findings}, or a part's
     * {@code deferred}), in its order (the order they were printed in).
     */
    static List<Finding> findings(JsonNode root, String field) {
        List<Finding> findings = new ArrayList<>();
        for (var f : root.path(field)) {
            findings.add(new Finding(
                    f.path("rule").asText(),
                    Level.valueOf(f.path("severity").asText().toUpperCase(Locale.ROOT)),
                    f.hasNonNull("service") ? f.path("service").asText() : null,
                    new Pos(
                            f.path("file").asText(),
                            f.path("line").asInt(0),
                            f.path("column").asInt(0)),
                    f.path("message").asText(),
                    f.hasNonNull("hint") ? f.path("hint").asText() : null));
        }
        return findings;
    }

    private static void lines(InputStream in, List<String> into) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                into.add(line);
            }
        } catch (IOException e) {
            into.add("opsbook.fork: reading the forked build's output failed: " + e.getMessage());
        }
    }
}
