package dev.opsbook;

import com.sun.management.OperatingSystemMXBean;
import dev.opsbook.cache.BuildCache;
import dev.opsbook.check.Assessment;
import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Completeness;
import dev.opsbook.check.ReferenceCheck;
import dev.opsbook.check.rules.AllChecks;
import dev.opsbook.finding.Finding;
import dev.opsbook.finding.Findings;
import dev.opsbook.link.ContentLinks;
import dev.opsbook.link.SitePlan;
import dev.opsbook.load.HandbookLoader;
import dev.opsbook.markdown.BodyStore;
import dev.opsbook.markdown.MarkdownEngine;
import dev.opsbook.model.Handbook;
import dev.opsbook.output.OutputGuard;
import dev.opsbook.output.OutputLock;
import dev.opsbook.output.ReplacingFileSink;
import dev.opsbook.output.SiteWriter;
import dev.opsbook.part.ContentDigest;
import dev.opsbook.part.Merge;
import dev.opsbook.render.PageRenderer;
import dev.opsbook.render.SiteRenderer;
import dev.opsbook.report.Baseline;
import dev.opsbook.report.Changes;
import dev.opsbook.report.ReportData;
import dev.opsbook.report.ReportFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The pipeline. {@link #build} loads the content, checks it, renders the pages and writes the site,
 * in that order; bad content becomes findings and never stops it. One instance holds the engines
 * (Markdown) and may run many builds.
 */
public final class Opsbook {
    public static final String VERSION = version();
    public static final String GENERATOR = "opsbook " + VERSION;

    private final MarkdownEngine markdown = new MarkdownEngine();
    private final int threads;
    /** What the last site build knew, for the preview's quick update; null before the first. */
    private volatile LastSite last;

    /**
     * What the last build that wrote a site knew: the request, the handbook, the plan of its site, the
     * report and the checks' context. Its rendered Markdown bodies stay readable until the next build.
     */
    public record LastSite(
            BuildRequest request,
            Handbook handbook,
            SitePlan plan,
            ReportData report,
            CheckContext context,
            BodyStore bodies) {}

    /** The last build that wrote a site, if there was one. */
    public Optional<LastSite> lastSite() {
        return Optional.ofNullable(last);
    }

    /** Makes {@code next} the last build, letting go of the bodies of the one before. */
    private void remember(LastSite next) {
        LastSite previous = last;
        last = next;
        if (previous != null && previous.bodies() != next.bodies()) {
            previous.bodies().close();
        }
    }

    /** The Markdown engine every build of this instance uses. */
    public MarkdownEngine markdown() {
        return markdown;
    }

    /** How many threads render pages. */
    public int threads() {
        return threads;
    }

    /** The template engine of the last build, kept while the templates folder stays the same. */
    private volatile PageRenderer pages;

    /** The template engine for the templates folder {@code templates} (null: the default templates). */
    public PageRenderer pages(Path templates) {
        PageRenderer p = pages;
        if (p == null || !Objects.equals(p.userTemplates(), templates)) {
            p = new PageRenderer(templates);
            pages = p;
        }
        return p;
    }

    /** One thread per core for rendering (or {@code -Dopsbook.threads=N}). */
    public Opsbook() {
        this(Integer.getInteger("opsbook.threads", Runtime.getRuntime().availableProcessors()));
    }

    /** @param threads how many threads render pages; the output is the same for any number */
    public Opsbook(int threads) {
        this.threads = Math.max(1, threads);
    }

    public BuildResult build(BuildRequest request) throws OpsbookException {
        // a part's build: the broken references to services not in it (other repositories') go here, not to findings
        List<Finding> deferred = request.part() ? new java.util.ArrayList<>() : null;
        if (!Files.isDirectory(request.content())) {
            throw OpsbookException.userError(
                    "content folder " + request.content() + " does not exist or is not a folder", null);
        }
        if (request.templates() != null && !Files.isDirectory(request.templates())) {
            throw OpsbookException.userError("templates folder " + request.templates() + " does not exist", null);
        }
        Path content;
        try {
            content = request.content().toRealPath(); // a folder given as a symbolic link is read where it leads
        } catch (IOException e) {
            throw OpsbookException.userError(
                    "content folder " + request.content() + " cannot be read: " + e.getMessage(), e);
        }
        OutputLock lock = null;
        if (request.output() != null) {
            guard(content, request);
            try {
                lock = OutputLock.acquire(request.output());
            } catch (OutputLock.Busy e) {
                throw OpsbookException.userError(e.getMessage(), null);
            } catch (IOException e) {
                throw OpsbookException.failure(
                        "cannot write the output folder " + request.output() + ": " + OpsbookException.describe(e), e);
            }
        }
        try (OutputLock held = lock) {
            if (held != null) {
                guard(content, request); // again, now that no other build can change the folder
            }
            return build(request, content, held, deferred);
        } catch (IOException e) {
            throw OpsbookException.failure("I/O error: " + OpsbookException.describe(e), e);
        }
    }

    /**
     * A part packaged: the check of it (with the references to services of other repositories it left to the
     * organisation's build) and the manifest of the zip written (null: not written, the check failed).
     */
    public record Packed(BuildResult result, dev.opsbook.part.PartManifest manifest) {
        /** The part's services, as a log names them: "services a, b" or "no services". */
        public String services() {
            return manifest == null || manifest.services().isEmpty()
                    ? "no services"
                    : "services " + String.join(", ", manifest.services());
        }
    }

    /**
     * Checks the content folder of {@code request} (merged with its parts, such as the organisation's shared
     * facts) and, unless the check fails ({@code failOnWarning}: on warnings too), writes the folder's own files
     * as a part to {@code zip}: an opsbook zip with a manifest naming {@code artifact} (or null) and the
     * services that the folder defines.
     */
    public Packed pack(BuildRequest request, Path zip, String artifact, boolean failOnWarning) throws OpsbookException {
        Path content;
        try {
            content = request.content().toRealPath();
        } catch (IOException e) {
            throw OpsbookException.userError(
                    "content folder " + request.content() + " does not exist or is not a folder", null);
        }
        Path target = zip.toAbsolutePath().normalize();
        if (target.startsWith(content)
                || target.startsWith(request.content().toAbsolutePath().normalize())) {
            throw OpsbookException.userError(
                    "the part " + zip + " would be written inside the content folder " + request.content()
                            + ", and packaged with it next time; write it elsewhere (such as target/)",
                    null);
        }
        BuildResult result = build(request.asPart(true));
        if (result.fails(failOnWarning, false)) {
            return new Packed(result, null);
        }
        List<String> services = result.assessment().services().stream()
                .map(s -> s.service().id())
                .filter(id -> result.report().partOf(id) == null)
                .toList();
        try {
            return new Packed(
                    result,
                    dev.opsbook.part.PartZip.write(content, packable(content), VERSION, artifact, services, target));
        } catch (IOException e) {
            throw OpsbookException.failure("cannot write the part " + zip + ": " + OpsbookException.describe(e), e);
        }
    }

    /**
     * The files of a content folder that a part holds: every file the loader reads, a link only when it leads to a
     * file inside the folder (a link to a folder, or out of it, is no content: the check has said so).
     */
    private static List<String> packable(Path content) throws IOException {
        List<String> files = new java.util.ArrayList<>();
        for (String f : Merge.files(content)) {
            Path p = content.resolve(f);
            if (Files.isRegularFile(p)
                    && (!Files.isSymbolicLink(p) || p.toRealPath().startsWith(content))) {
                files.add(f);
            }
        }
        return files;
    }

    private static void guard(Path content, BuildRequest request) throws OpsbookException {
        String refusal = OutputGuard.refusal(content, request.output(), request.writeSite(), ReportFiles.ALL);
        if (refusal != null) {
            throw OpsbookException.userError(refusal + "; choose a folder of its own for the site", null);
        }
        String cacheRefusal = request.cache() == null
                ? null
                : BuildCache.refusal(request.cache(), request.content(), request.output());
        if (cacheRefusal != null) {
            throw OpsbookException.userError(
                    cacheRefusal + "; choose a folder apart from both (such as target/opsbook-cache)", null);
        }
    }

    private BuildResult build(BuildRequest request, Path content, OutputLock lock, List<Finding> deferred)
            throws OpsbookException {
        BodyStore bodies = null;
        BuildCache cache = null;
        Merge.Merged merged = null;
        try {
            Baseline baseline = request.baseline() == null ? null : Baseline.read(request.baseline());
            Timings timings = new Timings();
            // merge: the parts with the content folder, as one folder, each file named where it came from
            Findings findings = new Findings();
            Path root = content;
            if (!request.parts().isEmpty()) {
                Findings refusals = new Findings();
                Path near = request.output() == null
                        ? null
                        : request.output().toAbsolutePath().normalize().getParent();
                merged = Merge.merge(content, request.parts(), refusals, near, threads);
                findings = new Findings(merged.origins()::name);
                refusals.sorted().forEach(findings::add);
                root = merged.root();
                timings.lap("merge");
            }
            // load
            bodies = request.writeSite() ? BodyStore.forThisJvm() : BodyStore.none(); // check: links and headings only
            cache = request.cache() == null ? null : BuildCache.open(request.cache(), VERSION);
            if (cache != null) {
                bodies.remembering(cache);
            }
            Handbook handbook = new HandbookLoader(markdown, threads, bodies)
                    .outside(content)
                    .load(root, findings);
            LocalDate asOf = asOf(request.asOf(), handbook);
            timings.lap("load");
            // check
            SitePlan plan = SitePlan.of(handbook, baseline != null);
            ContentLinks links = new ContentLinks(handbook, plan);
            CompletableFuture<String> digest = digest(root, content, handbook.files());
            new ReferenceCheck(handbook, links, findings).run(threads);
            if (deferred != null) {
                deferred.addAll(ForeignReferences.defer(handbook, findings));
            }
            timings.lap("links");
            CheckContext checkContext = new CheckContext(handbook, asOf);
            Assessment assessment = new Completeness(AllChecks.LIST).run(checkContext, threads, findings.sorted());
            assessment.findings().forEach(findings::add);
            List<Finding> sorted = findings.sorted();
            timings.lap("rules");
            Changes changes = baseline == null ? null : baseline.compare(sorted, assessment.services());
            ReportData report = new ReportData(GENERATOR, VERSION, asOf, digest, sorted, assessment, changes)
                    .placed(
                            contentPrefix(content, request.sourceRoot()),
                            handbook.settings().baseUrl(),
                            GitHead.commit(content));
            if (deferred != null) {
                report = report.withDeferred(deferred);
            }
            if (merged != null) {
                Map<String, String> serviceFiles = new HashMap<>();
                handbook.services()
                        .forEach(sv -> serviceFiles.put(sv.id(), sv.pos().file()));
                report = report.withParts(merged.parts(serviceFiles));
            }
            // render and write
            int pages = 0;
            if (request.writeSite()) {
                pages = write(request, root, lock, handbook, plan, links, report, checkContext, timings, cache);
                remember(new LastSite(request, handbook, plan, report, checkContext, bodies));
                bodies = null; // the snapshot has them now
            } else if (request.output() != null) {
                ReportFiles.write(report, new ReplacingFileSink(lock.folder()), threads);
            }
            timings.lap("commit");
            if (cache != null) {
                saveCache(cache);
                timings.lap("cache");
            }
            if (merged != null) {
                report.contentDigest(); // read before the merged folder goes
            }
            return new BuildResult(report, handbook.services().size(), pages, cache == null ? null : cache.usage());
        } catch (NoSuchFileException e) {
            throw OpsbookException.of(
                    request.baseline() != null
                            && e.getFile().equals(request.baseline().toString()),
                    "no such file: " + e.getFile(),
                    e);
        } catch (IOException e) {
            throw OpsbookException.failure("I/O error: " + OpsbookException.describe(e), e);
        } catch (UncheckedIOException e) {
            throw OpsbookException.failure("I/O error: " + OpsbookException.describe(e.getCause()), e);
        } catch (InvalidPathException e) {
            throw OpsbookException.failure(OpsbookException.unreadableName(e), e);
        } catch (Baseline.NotAReport e) {
            throw OpsbookException.userError(e.getMessage(), e);
        } catch (PageRenderer.TemplateFailure e) {
            // a user's template is the user's to fix (exit 2); a default template failing is our bug (exit 3)
            throw OpsbookException.of(
                    request.templates() != null, e.getMessage() + " (the previous site is left as it was)", e);
        } finally {
            if (cache != null) {
                cache.close();
            }
            if (bodies != null) {
                bodies.close(); // a check-only run, or a failed build
            }
            if (merged != null) {
                merged.close();
            }
        }
    }

    /**
     * The content digest, which reads every file again: on a thread of its own, while the checks run
     * and the first pages are rendered (the reports that show it come later).
     */
    private static CompletableFuture<String> digest(Path root, Path content, Collection<String> files) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return ContentDigest.of(root, content, files);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                runnable -> {
                    Thread t = new Thread(runnable, "opsbook-digest");
                    t.setDaemon(true);
                    t.start();
                });
    }

    private int write(
            BuildRequest request,
            Path content,
            OutputLock lock,
            Handbook handbook,
            SitePlan plan,
            ContentLinks links,
            ReportData report,
            CheckContext ctx,
            Timings timings,
            BuildCache cache)
            throws IOException, OpsbookException {
        PageRenderer pages = pages(request.templates());
        try (SiteWriter writer = new SiteWriter(lock)) {
            SiteRenderer renderer = new SiteRenderer(handbook, plan, links, markdown, pages, report, ctx, content);
            if (cache != null) {
                renderer.remembering(cache, templatesKey(request.templates()));
            }
            renderer.render(writer, threads);
            timings.lap("render");
            List<String> broken = renderer.verifier().verify(writer.written(), threads);
            if (!broken.isEmpty()) {
                // with the default templates a broken link is opsbook's bug; with a user's, most likely theirs
                boolean theirs = request.templates() != null;
                String shown = String.join("\n  ", broken.subList(0, Math.min(broken.size(), 20)))
                        + (broken.size() > 20 ? "\n  … and " + (broken.size() - 20) + " more" : "");
                throw OpsbookException.of(
                        theirs,
                        (theirs
                                        ? "the site built with the templates of " + request.templates() + " has "
                                                + broken.size()
                                                + " broken internal links: a template there leaves out a page, or an element that other"
                                                + " pages link to"
                                        : "internal error: the site has " + broken.size() + " broken internal links")
                                + " (the previous site is left as it was):\n  " + shown,
                        null);
            }
            timings.lap("verify");
            writer.commit();
            return (int)
                    writer.written().stream().filter(p -> p.endsWith(".html")).count();
        }
    }

    /**
     * Keeps what the build used in its cache for the next one. A cache that cannot be written costs the next
     * build its speed, not this one its result: it is said on standard error, and the build stands.
     */
    private static void saveCache(BuildCache cache) {
        try {
            cache.save();
            if (Boolean.getBoolean("opsbook.timings")) {
                System.err.println("opsbook: cache: " + cache.usage());
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("opsbook: warning: cannot write the build cache " + cache.folder() + ": "
                    + OpsbookException.describe(e instanceof UncheckedIOException u ? u.getCause() : e));
        }
    }

    /**
     * What tells the templates apart for the page cache: the default ones are the code's (the cache is of
     * one build of the code), a folder of the user's is its files' names and bytes.
     */
    static String templatesKey(Path templates) throws IOException {
        if (templates == null) {
            return "default templates";
        }
        java.security.MessageDigest sha;
        try {
            sha = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Path root = templates.toAbsolutePath().normalize();
        List<Path> files;
        try (var walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            sha.update((root.relativize(f).toString().replace('\\', '/') + "\n").getBytes(StandardCharsets.UTF_8));
            byte[] bytes = Files.readAllBytes(f);
            sha.update((bytes.length + "\n").getBytes(StandardCharsets.US_ASCII));
            sha.update(bytes);
        }
        return "templates " + java.util.HexFormat.of().formatHex(sha.digest());
    }

    /** Stage times on standard error, with {@code -Dopsbook.timings=true}: for profiling, never in output. */
    private static final class Timings {
        private final boolean on = Boolean.getBoolean("opsbook.timings");
        private long last = System.nanoTime();
        private long lastCpu = cpu();

        void lap(String stage) {
            long now = System.nanoTime();
            if (on) {
                long cpu = cpu();
                System.err.printf(
                        "opsbook: %-6s %6d ms, %6d ms of CPU%n",
                        stage, (now - last) / 1_000_000, (cpu - lastCpu) / 1_000_000);
                lastCpu = cpu;
            }
            last = now;
        }

        /** The process's CPU time so far (all threads, the JVM's own included), in nanoseconds. */
        private long cpu() {
            return on && ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                    ? os.getProcessCpuTime()
                    : 0;
        }
    }

    /** The as-of date: the caller's, then opsbook.yaml's, then SOURCE_DATE_EPOCH, then today in the handbook's zone. */
    /**
     * Where {@code content} is in {@code sourceRoot}, or when that is null in the repository it belongs to (the
     * nearest folder, itself included, that has a {@code .git}): {@code "content/"}, {@code "docs/handbook/"},
     * or "" at its root or outside any repository.
     */
    static String contentPrefix(Path content, Path sourceRoot) throws OpsbookException {
        Path c = content.toAbsolutePath().normalize();
        Path root;
        if (sourceRoot != null) {
            try {
                c = c.toRealPath();
                root = sourceRoot.toAbsolutePath().normalize().toRealPath();
            } catch (IOException e) {
                throw OpsbookException.userError("source root " + sourceRoot + " does not exist", e);
            }
            if (!c.startsWith(root)) {
                throw OpsbookException.userError(
                        "the content folder " + content + " is not inside the source root " + sourceRoot
                                + ": the reports' paths are from the source root, so it must hold the content folder",
                        null);
            }
        } else {
            root = GitHead.repository(c);
            if (root == null) {
                return "";
            }
        }
        String rel = root.relativize(c).toString().replace(java.io.File.separatorChar, '/');
        return rel.isEmpty() ? "" : rel + "/";
    }

    static LocalDate asOf(LocalDate given, Handbook handbook) throws OpsbookException {
        if (given != null) {
            return given;
        }
        if (handbook.settings().asOf() != null) {
            return handbook.settings().asOf();
        }
        ZoneId zone = handbook.settings().timezone();
        String epoch = System.getenv("SOURCE_DATE_EPOCH");
        if (epoch != null && !epoch.isBlank()) {
            try {
                return Instant.ofEpochSecond(Long.parseLong(epoch.strip()))
                        .atZone(zone)
                        .toLocalDate();
            } catch (NumberFormatException e) {
                throw OpsbookException.userError("SOURCE_DATE_EPOCH is not a number of seconds: '" + epoch + "'", e);
            }
        }
        return LocalDate.now(zone);
    }

    private static String version() {
        String v = Opsbook.class.getPackage().getImplementationVersion();
        return v != null ? v.replace("-SNAPSHOT", "") : "0.1.0";
    }
}
