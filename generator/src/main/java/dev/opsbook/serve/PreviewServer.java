package dev.opsbook.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.opsbook.BuildRequest;
import dev.opsbook.BuildResult;
import dev.opsbook.Opsbook;
import dev.opsbook.OpsbookException;
import dev.opsbook.finding.Finding;
import dev.opsbook.finding.Level;
import dev.opsbook.render.SiteRenderer;
import dev.opsbook.text.Escape;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;

/**
 * Serves a built site on the loopback interface and rebuilds it when the content changes. Each
 * successful build raises a counter that open pages poll ({@code /__opsbook/build}) to reload.
 */
public final class PreviewServer implements AutoCloseable {
    static final String BUILD_ENDPOINT = "/__opsbook/build";
    private static final Map<String, String> TYPES = Map.of(
            "html",
            "text/html; charset=utf-8",
            "css",
            "text/css",
            "js",
            "text/javascript",
            "json",
            "application/json",
            "xml",
            "application/xml",
            "svg",
            "image/svg+xml",
            "png",
            "image/png",
            "ics",
            "text/calendar; charset=utf-8",
            "sarif",
            "application/sarif+json");

    /** Requests answered at once: one slow client does not hold up the others, or the reload. */
    static final int THREADS = 8;
    /** Seconds a client has to send its request, and that an idle kept-alive connection stays open. */
    static final long REQUEST_SECONDS = 10;

    static final long IDLE_SECONDS = 10;

    private final BuildRequest request;
    private final Path content;
    private final ExecutorService pool;
    private final PrintWriter log;
    private final Opsbook opsbook = new Opsbook();
    private final QuickUpdate quickUpdate = new QuickUpdate(opsbook);
    private final AtomicLong builds = new AtomicLong();
    private final HttpServer http;
    private final WatchService watcher;
    private final Thread watch;
    private volatile long lastQuickMillis = -1;
    /** The last build's error findings, shown at the top of every page served (never written to the site). */
    private volatile List<Finding> errors = List.of();

    static {
        // the JDK's server reads these once; a request not read whole within the time is dropped, so that
        // a client that sends half a request holds one thread for seconds, not the server for minutes
        System.setProperty(
                "sun.net.httpserver.maxReqTime",
                System.getProperty("sun.net.httpserver.maxReqTime", Long.toString(REQUEST_SECONDS)));
        System.setProperty(
                "sun.net.httpserver.idleInterval",
                System.getProperty("sun.net.httpserver.idleInterval", Long.toString(IDLE_SECONDS)));
    }

    public PreviewServer(BuildRequest request, int port, PrintWriter log) throws IOException, OpsbookException {
        this.request = request.cache() != null ? request : request.withCache(cacheFolder(request));
        this.log = log;
        if (!Files.isDirectory(request.content())) {
            // as build says it (exit 2), not a stack trace from the watcher's set-up
            throw OpsbookException.userError(
                    "content folder " + request.content() + " does not exist or is not a folder", null);
        }
        this.content = request.content().toRealPath(); // watched where it is, if given as a symbolic link
        // the port first: a port in use is known at once, not after a build of many seconds
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "opsbook-serve");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(pool);
        try {
            rebuild();
        } catch (OpsbookException | RuntimeException e) {
            http.stop(0);
            pool.shutdownNow();
            throw e;
        }
        http.createContext("/", this::handle);
        http.start();
        watcher = FileSystems.getDefault().newWatchService();
        registerRoots();
        watch = new Thread(this::watchLoop, "opsbook-watch");
        watch.setDaemon(true);
        watch.start();
    }

    /**
     * Where the preview keeps its build cache, so that the full build after each edit parses only what changed and
     * takes the other pages as they were (and a preview started again starts warm): one folder per content and
     * site folder under {@code $XDG_CACHE_HOME/opsbook/serve} ({@code ~/.cache/opsbook/serve}), or under
     * {@code -Dopsbook.serve.cache} (empty: none); null (no cache) where there is no such place. A cache that cannot be used is left alone by the build.
     */
    static Path cacheFolder(BuildRequest request) {
        String given = System.getProperty("opsbook.serve.cache");
        String xdg = System.getenv("XDG_CACHE_HOME");
        String home = System.getProperty("user.home");
        Path base = given != null
                ? given.isBlank() ? null : Path.of(given)
                : xdg != null && !xdg.isBlank()
                        ? Path.of(xdg, "opsbook/serve")
                        : home == null || home.isBlank() ? null : Path.of(home, ".cache/opsbook/serve");
        if (base == null) {
            return null;
        }
        String where = request.content().toAbsolutePath().normalize() + "\n"
                + (request.output() == null
                        ? ""
                        : request.output().toAbsolutePath().normalize());
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(where.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path folder = base.resolve(Long.toHexString(crc.getValue()));
        // never inside the content or the site (a cache there is refused, and the preview would not start)
        if (dev.opsbook.cache.BuildCache.refusal(folder, request.content(), request.output()) != null) {
            return null;
        }
        return folder;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** How many successful builds there have been. */
    public long builds() {
        return builds.get();
    }

    /** How long the last quick update took (the pages of edited runbooks), or -1 before the first. */
    public long lastQuickMillis() {
        return lastQuickMillis;
    }

    private void rebuild() throws OpsbookException {
        rebuild(true);
    }

    /** @param reload whether open pages reload afterwards (not after a quick update already showed the change) */
    private synchronized void rebuild(boolean reload) throws OpsbookException {
        long start = System.nanoTime();
        BuildResult r = opsbook.build(request);
        long lastBuildMillis = (System.nanoTime() - start) / 1_000_000;
        List<Finding> found =
                r.findings().stream().filter(f -> f.level() == Level.ERROR).toList();
        boolean errorsChanged = !found.equals(errors);
        errors = found;
        // after a quick update the pages show the change already; they reload once more only when the
        // errors at their top changed (the quick update does not check)
        if (reload || errorsChanged) {
            builds.incrementAndGet();
        }
        log.println("opsbook: built in " + lastBuildMillis + " ms: " + r.summary());
        errors.forEach(f -> f.lines().forEach(log::println));
        log.flush();
    }

    /**
     * Watches the content folder, and the templates folder when there is one: someone shaping their own
     * templates (or style sheet) with {@code serve --templates} sees each save, as with content. A change
     * there is no runbook edit, so it makes a full build.
     */
    private void registerRoots() throws IOException {
        registerAll(content);
        Path templates = request.templates();
        if (templates != null
                && Files.isDirectory(templates)
                && !templates.toRealPath().startsWith(content)) {
            registerAll(templates);
        }
        // a merged handbook: each part given as a folder, and the folder of each zip (for that zip alone)
        List<Path> folders = new java.util.ArrayList<>(List.of(content));
        for (dev.opsbook.part.Part part : request.parts()) {
            Path path = part.path().toAbsolutePath().normalize();
            if (Files.isDirectory(path)) {
                Path real = path.toRealPath();
                if (folders.stream().noneMatch(real::startsWith)) {
                    registerAll(real);
                    folders.add(real);
                }
            }
        }
        for (dev.opsbook.part.Part part : request.parts()) {
            Path path = part.path().toAbsolutePath().normalize();
            Path parent = path.getParent();
            if (!Files.isDirectory(path)
                    && parent != null
                    && Files.isDirectory(parent)
                    && folders.stream().noneMatch(f -> parent.toAbsolutePath().startsWith(f))) {
                zips.add(path);
                zipFolders.add(path.getParent());
                path.getParent()
                        .register(
                                watcher,
                                StandardWatchEventKinds.ENTRY_CREATE,
                                StandardWatchEventKinds.ENTRY_DELETE,
                                StandardWatchEventKinds.ENTRY_MODIFY);
            }
        }
    }

    /** The parts given as zips, and their folders, which are watched for those files only. */
    private final Set<Path> zips = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Set<Path> zipFolders = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private void registerAll(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                dir.register(
                        watcher,
                        StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_DELETE,
                        StandardWatchEventKinds.ENTRY_MODIFY);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void watchLoop() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                boolean newDirs = false;
                boolean onlyModified = true;
                boolean relevant = false;
                Set<String> changed = new TreeSet<>();
                // let a burst of saves settle, then build once
                do {
                    for (var event : key.pollEvents()) {
                        if (event.context() instanceof Path p && key.watchable() instanceof Path dir) {
                            Path file = dir.resolve(p);
                            if (zipFolders.contains(dir)
                                    && !zips.contains(file.toAbsolutePath().normalize())) {
                                continue; // another file beside a part's zip (a build's target folder, say)
                            }
                            relevant = true;
                            if (Files.isDirectory(file)) {
                                newDirs = true;
                            }
                            onlyModified &= event.kind() == StandardWatchEventKinds.ENTRY_MODIFY;
                            if (file.startsWith(content)) {
                                changed.add(content.relativize(file).toString().replace('\\', '/'));
                            } else {
                                onlyModified = false; // a template
                            }
                        } else {
                            onlyModified = false;
                            relevant = true;
                        }
                    }
                    key.reset();
                    key = watcher.poll(50, TimeUnit.MILLISECONDS);
                } while (key != null);
                if (!relevant) {
                    continue;
                }
                try {
                    if (newDirs) {
                        registerRoots();
                    }
                    // an edited runbook: its pages first (in well under a second), then everything
                    long start = System.nanoTime();
                    // a merged handbook is rebuilt whole: its pages are read from a merge of the parts
                    int quick = newDirs || !onlyModified || !request.parts().isEmpty()
                            ? -1
                            : quickUpdate
                                    .update(request, changed)
                                    .map(List::size)
                                    .orElse(-1);
                    if (quick >= 0) {
                        lastQuickMillis = (System.nanoTime() - start) / 1_000_000;
                        builds.incrementAndGet();
                        log.println("opsbook: updated " + quick + " pages in " + lastQuickMillis + " ms");
                        log.flush();
                    }
                    rebuild(quick < 0);
                } catch (OpsbookException e) {
                    log.println("opsbook: the build failed, still serving the last site: "
                            + Finding.printable(e.getMessage()));
                    log.flush();
                } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
                    // whatever one build met, the next change gets a build: the watcher never dies of it
                    log.println("opsbook: internal error in the build, still serving the last site and watching: "
                            + Finding.printable(String.valueOf(e)));
                    log.flush();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                send(
                        ex,
                        405,
                        "text/plain; charset=utf-8",
                        "opsbook serve answers GET and HEAD only\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (!localHost(ex.getRequestHeaders().getFirst("Host"))) {
                // a page elsewhere that had its name point at 127.0.0.1 (DNS rebinding) reads nothing here
                send(
                        ex,
                        421,
                        "text/plain; charset=utf-8",
                        ("opsbook serve answers only requests for 127.0.0.1:" + port() + " or localhost:" + port()
                                        + "\n")
                                .getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = URI.create(ex.getRequestURI().getRawPath()).getPath();
            if (path.equals(BUILD_ENDPOINT)) {
                send(ex, 200, "text/plain", Long.toString(builds.get()).getBytes(StandardCharsets.US_ASCII));
                return;
            }
            Path root = request.output().toAbsolutePath().normalize();
            Path file = root.resolve(path.substring(1)).normalize();
            if (path.endsWith("/")) {
                file = file.resolve("index.html");
            }
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                Path notFound = root.resolve("404.html");
                send(
                        ex,
                        404,
                        TYPES.get("html"),
                        Files.isRegularFile(notFound)
                                ? fromRoot(live(Files.readAllBytes(notFound)))
                                : "Not found".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String name = file.getFileName().toString();
            String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
            String type = TYPES.getOrDefault(ext, "application/octet-stream");
            if (ext.equals("html")) {
                send(ex, 200, type, live(Files.readAllBytes(file)));
                return;
            }
            // any other file as it is, streamed: an asset may be larger than the heap
            headers(ex, type);
            long size = Files.size(file);
            if (ex.getRequestMethod().equals("HEAD")) {
                ex.getResponseHeaders().set("Content-Length", Long.toString(size));
                ex.sendResponseHeaders(200, -1);
                return;
            }
            ex.sendResponseHeaders(200, size == 0 ? -1 : size); // 0 would mean a chunked body
            try (OutputStream out = ex.getResponseBody()) {
                Files.copy(file, out);
            }
        }
    }

    /**
     * The reload hook: a marker the site's script looks for, and a policy that lets it ask this server;
     * and, when the last build had error findings, a box listing them at the top of the page, so that
     * whoever edits sees what to fix in the browser too, not only in the terminal.
     */
    private byte[] live(byte[] html) {
        String s = new String(html, StandardCharsets.UTF_8)
                .replace("default-src 'none';", "default-src 'none'; connect-src 'self';")
                .replace("<head>", "<head>\n<meta name=\"opsbook-live\" content=\"" + builds.get() + "\">");
        List<Finding> shown = errors;
        if (!shown.isEmpty()) {
            s = s.replaceFirst("<body>", Matcher.quoteReplacement("<body>\n" + errorBox(shown)));
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The preview's list of error findings (the first 20), each with its place and hint; text escaped. */
    static String errorBox(List<Finding> errors) {
        StringBuilder b = new StringBuilder("<div class=\"preview-errors\" role=\"alert\">"
                + "<p><strong>" + errors.size() + (errors.size() == 1 ? " error" : " errors")
                + " in the content</strong> (shown by opsbook serve only; the site is written all the same):</p><ul>");
        for (var f : errors.subList(0, Math.min(errors.size(), 20))) {
            b.append("<li><code>")
                    .append(Escape.html(f.pos().toString()))
                    .append("</code> ")
                    .append(Escape.html(f.message()))
                    .append(" <small>[")
                    .append(Escape.html(f.rule()))
                    .append("]</small>");
            if (f.hint() != null) {
                b.append("<br><small>hint: ").append(Escape.html(f.hint())).append("</small>");
            }
            b.append("</li>");
        }
        if (errors.size() > 20) {
            b.append("<li>… and ").append(errors.size() - 20).append(" more (see the terminal)</li>");
        }
        return b.append("</ul></div>").toString();
    }

    /**
     * The site's 404 page, whose links lead from the site's root, for an address at any depth: a
     * {@code <base>} makes them resolve from the root (the page's policy, which forbids a base for the
     * site on disk, allows this one), or a mistyped {@code services/x/y.html} would get a page without
     * its style sheet and with links that lead nowhere.
     */
    private static byte[] fromRoot(byte[] html) {
        String s = new String(html, StandardCharsets.UTF_8)
                .replace("base-uri 'none'", "base-uri 'self'")
                .replace("<head>", "<head>\n<base href=\"/\">");
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether a Host header names this machine's loopback interface (with this server's port). */
    private boolean localHost(String host) {
        if (host == null) {
            return false;
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        String port = Integer.toString(port());
        for (String name : List.of("127.0.0.1", "localhost", "[::1]")) {
            if (h.equals(name + ":" + port) || port.equals("80") && h.equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        headers(ex, type);
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    /** The site's own headers (its _headers file), and the preview's: the page polls this server to reload. */
    private static void headers(HttpExchange ex, String type) {
        var h = ex.getResponseHeaders();
        h.set("Content-Type", type);
        h.set("Cache-Control", "no-store");
        h.set("Content-Security-Policy", SiteRenderer.CONTENT_SECURITY_POLICY + "; connect-src 'self'");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Frame-Options", "DENY");
        h.set("Referrer-Policy", "no-referrer");
    }

    @Override
    public void close() throws IOException {
        http.stop(0);
        pool.shutdownNow();
        watcher.close();
        watch.interrupt();
        // a build under way finishes (or stops) before the preview is closed: nothing writes the site afterwards
        try {
            watch.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
