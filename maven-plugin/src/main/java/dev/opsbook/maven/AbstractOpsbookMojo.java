package dev.opsbook.maven;

import dev.opsbook.BuildRequest;
import dev.opsbook.BuildResult;
import dev.opsbook.Opsbook;
import dev.opsbook.OpsbookException;
import dev.opsbook.finding.Finding;
import dev.opsbook.finding.Level;
import dev.opsbook.part.Part;
import dev.opsbook.report.ReportFiles;
import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Parameter;

/** The parameters and the one translation of results that check and generate share. */
abstract class AbstractOpsbookMojo extends OpsbookParameters {
    /** Warnings fail the build too. */
    @Parameter(property = "opsbook.failOnWarning", defaultValue = "false")
    boolean failOnWarning;

    /** An earlier opsbook-report.json: report what is new, what is gone, and which levels moved. */
    @Parameter(property = "opsbook.baseline")
    File baseline;

    /**
     * The content folder is one part of a larger handbook (a team's, with the organisation's shared facts as a
     * dependency): a reference to a service that is not in this build is one of another repository, left to the
     * organisation's build instead of failing this one ({@code opsbook:package} always checks so).
     */
    @Parameter(property = "opsbook.part", defaultValue = "false")
    boolean part;

    /** With a baseline, fail only on error findings that the baseline did not have. */
    @Parameter(property = "opsbook.failOnNew", defaultValue = "false")
    boolean failOnNew;

    /**
     * Whether the goal runs in a JVM of its own, with the JVM options of {@code bin/opsbook}
     * ({@code opsbook.forkJvmArgs}) instead of Maven's: {@code true}, {@code false}, or {@code auto} (the
     * default): when the content folder holds at least {@code opsbook.forkThreshold} Markdown files. Maven's
     * JVM has the optimising compiler and a heap a quarter of the machine's memory, which cost more than a
     * second JVM's start on a large handbook (10,000 runbooks on two cores: generate 6.5 s forked against 10.4 s),
     * while a small one is done before a second JVM has started.
     */
    @Parameter(property = "opsbook.fork", defaultValue = "auto")
    String fork;

    /** With {@code fork} {@code auto}: the number of Markdown files from which the goal forks. */
    @Parameter(property = "opsbook.forkThreshold", defaultValue = "1000")
    int forkThreshold;

    /** The options of the forked JVM (those of {@code bin/opsbook}). */
    @Parameter(
            property = "opsbook.forkJvmArgs",
            defaultValue = "-XX:TieredStopAtLevel=1 -XX:+UseParallelGC -XX:GCTimeRatio=4 -XX:NewSize=96m -Xmx1g")
    String forkJvmArgs;

    /**
     * The folder the paths of the SARIF and GitLab Code Quality reports start from, which code hosts read from
     * the repository's root: it must hold the content folder.
     */
    @Parameter(property = "opsbook.sourceRoot", defaultValue = "${project.basedir}")
    File sourceRoot;

    /** Findings in the log name their file by its absolute path rather than from the project's folder. */
    @Parameter(property = "opsbook.absolutePaths", defaultValue = "false")
    boolean absolutePaths;

    /**
     * Where the build keeps what it read and wrote for the next one, so that a build after a small change parses
     * only the Markdown that changed and renders only the pages whose data changed (a CI system that keeps
     * {@code target/}, or this folder, between jobs gets the same). The output is the same without it.
     */
    @Parameter(property = "opsbook.cacheDirectory", defaultValue = "${project.build.directory}/opsbook-cache")
    File cacheDirectory;

    /** Whether the build uses {@code opsbook.cacheDirectory}; {@code false} builds everything every time. */
    @Parameter(property = "opsbook.cache", defaultValue = "true")
    boolean cache;

    abstract BuildRequest request(LocalDate asOf, Path baseline);

    /**
     * The cache folder the build uses, or null: none is asked for, or the folder is inside the content or overlaps
     * the output (the site is replaced as a whole), which is said, and the build goes on without it.
     */
    Path cacheFolder() {
        if (!cache || cacheDirectory == null) {
            return null;
        }
        if (cacheDirectory.getPath().contains("${")) {
            // run without a pom (mvn dev.opsbook:…:generate in any folder), Maven leaves the default unresolved
            getLog().debug("opsbook: no build cache: " + cacheDirectory + " is not a folder's name");
            return null;
        }
        Path c = cacheDirectory.toPath().toAbsolutePath().normalize();
        String refusal = dev.opsbook.cache.BuildCache.refusal(c, contentDirectory.toPath(), outputDirectory.toPath());
        if (refusal != null) {
            getLog().warn("opsbook: " + refusal + "; building without it (set opsbook.cacheDirectory elsewhere, or"
                    + " opsbook.cache to false)");
            return null;
        }
        return c;
    }

    /**
     * Where the content folder is, as the log names it: from the project's folder ({@code content/}), or
     * absolute with {@code opsbook.absolutePaths} or when the content folder is outside the project.
     */
    String pathPrefix() {
        return pathPrefix(contentDirectory, basedir, absolutePaths);
    }

    static String pathPrefix(File contentDirectory, File basedir, boolean absolutePaths) {
        Path content = contentDirectory.toPath().toAbsolutePath().normalize();
        Path project =
                basedir == null ? null : basedir.toPath().toAbsolutePath().normalize();
        if (absolutePaths || project == null || !content.startsWith(project)) {
            return content.toString().replace(File.separatorChar, '/') + "/";
        }
        String rel = project.relativize(content).toString().replace(File.separatorChar, '/');
        return rel.isEmpty() ? "" : rel + "/";
    }

    /**
     * Why the goal forks ({@code "opsbook.fork"}, or {@code "1200 Markdown files, at least 1000"}), or null when it
     * runs in Maven's JVM. Counting stops at the threshold, so a large handbook is not walked to its end.
     */
    static String forkReason(String fork, Path content, int threshold) throws MojoExecutionException {
        String f = fork == null ? "auto" : fork.strip().toLowerCase(java.util.Locale.ROOT);
        switch (f) {
            case "true":
                return "opsbook.fork";
            case "false":
                return null;
            case "auto":
                break;
            default:
                throw new MojoExecutionException("opsbook.fork must be true, false or auto, found '" + fork + "'");
        }
        long markdown;
        try (var files = java.nio.file.Files.walk(content)) {
            markdown = files.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .limit(threshold)
                    .count();
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return null; // the build says what is wrong with the folder
        }
        return markdown >= threshold ? "at least " + threshold + " Markdown files" : null;
    }

    /** A finding's line in the Maven log at the finding's level (in Maven's JVM and from a forked build alike). */
    static void log(Log log, Level level, String line) {
        switch (level) {
            case ERROR -> log.error(line);
            case WARNING -> log.warn(line);
            default -> log.info(line);
        }
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped()) {
            return;
        }
        LocalDate date = asOfDate();
        if (failOnNew && baseline == null) {
            throw new MojoExecutionException("opsbook.failOnNew needs opsbook.baseline");
        }
        List<Part> parts = parts();
        BuildRequest request = request(date, baseline == null ? null : baseline.toPath())
                .withSourceRoot(sourceRoot == null ? null : sourceRoot.toPath())
                .withParts(parts)
                .asPart(part)
                .withCache(cacheFolder());
        parts.forEach(p ->
                getLog().info("opsbook: part " + p.label() + " (" + p.path().getFileName() + ")"));
        String why = forkReason(fork, contentDirectory.toPath(), forkThreshold);
        if (why != null) {
            getLog().info("opsbook: building in a JVM of its own (" + why + "): " + forkJvmArgs.strip());
            new ForkedBuild(getLog(), pathPrefix())
                    .run(
                            ForkedBuild.command(request, forkJvmArgs, failOnWarning, failOnNew),
                            request.output().resolve(ReportFiles.JSON));
            return;
        }
        BuildResult result;
        try {
            result = new Opsbook().build(request);
        } catch (OpsbookException e) {
            throw new MojoExecutionException("opsbook: " + e.getMessage(), e);
        }
        for (Finding f : result.findings()) {
            f.lines(pathPrefix()).forEach(line -> log(getLog(), f.level(), line));
        }
        var changes = result.report().changes();
        if (changes != null) {
            getLog().info("opsbook: since the baseline of " + changes.baselineAsOf() + ": "
                    + changes.added().size() + " new, " + changes.removed().size() + " gone");
            changes.moves().forEach(m -> getLog().info("opsbook: " + m));
        }
        result.deferredLine(pathPrefix()).ifPresent(l -> getLog().info("opsbook: " + Finding.printable(l)));
        if (result.cacheUsage() != null) {
            getLog().info("opsbook: build cache " + request.cache() + ": " + result.cacheUsage());
        }
        getLog().info("opsbook: " + result.summary());
        if (result.fails(failOnWarning, failOnNew)) {
            throw new MojoFailureException("opsbook: " + result.summary()
                    + (result.hasErrors() || failOnNew ? "" : " (failOnWarning is set)") + "; see the findings above");
        }
    }
}
