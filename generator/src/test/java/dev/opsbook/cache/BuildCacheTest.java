package dev.opsbook.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsbook.BuildRequest;
import dev.opsbook.BuildResult;
import dev.opsbook.ExampleHandbook;
import dev.opsbook.Opsbook;
import dev.opsbook.OpsbookException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build cache: a build with it writes the same bytes as a build without it, cold or warm, after
 * changes to a runbook's body, a runbook's title, a team and a service, and with a cache that is damaged,
 * made by other code, locked by another build or beside a site edited by hand; and a warm build really
 * takes unchanged pages from the previous site (the same file, not a copy) and renders the changed ones.
 */
class BuildCacheTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 21);

    @TempDir
    Path dir;

    Path content;
    Path cache;
    final Opsbook opsbook = new Opsbook();

    @BeforeEach
    void copy() throws IOException {
        content = dir.resolve("content");
        ExampleHandbook.copy(ExampleHandbook.content(), content);
        cache = dir.resolve("cache");
    }

    BuildResult build(Path out, Path cacheDir) throws OpsbookException {
        return opsbook.build(BuildRequest.build(content, out).withAsOf(AS_OF).withCache(cacheDir));
    }

    /** A cold build without a cache into a folder of its own: what every cached build must equal. */
    Path cold(String name) throws OpsbookException {
        Path out = dir.resolve(name);
        build(out, null);
        return out;
    }

    @Test
    void aBuildWithTheCacheWritesWhatOneWithoutItWrites() throws Exception {
        Path site = dir.resolve("site");
        build(site, cache);
        assertSame(cold("cold-0"), site);
        assertTrue(Files.size(cache.resolve(BuildCache.BODIES)) > 0);
        assertTrue(Files.size(cache.resolve(BuildCache.PAGES)) > 0);

        // warm, nothing changed: every page is the previous site's file itself, and so is the search data
        Object before = inode(site.resolve("services/payments-api/runbooks/high-latency.html"));
        Object search = inode(site.resolve("assets/search-index.js"));
        build(site, cache);
        assertSame(cold("cold-1"), site);
        assertEquals(before, inode(site.resolve("services/payments-api/runbooks/high-latency.html")));
        assertEquals(search, inode(site.resolve("assets/search-index.js")));

        // a runbook's body: its page changes, a page of another service is taken as it was
        ExampleHandbook.edit(
                content,
                "services/payments-api/runbooks/high-latency.md",
                "## Impact",
                "## What it costs\n\nSee [the error rate](high-error-rate.md).\n\n## Impact");
        Object latency = inode(site.resolve("services/payments-api/runbooks/high-latency.html"));
        Object other = inode(site.resolve("services/ledger/index.html"));
        build(site, cache);
        assertSame(cold("cold-2"), site);
        assertNotEquals(latency, inode(site.resolve("services/payments-api/runbooks/high-latency.html")));
        assertNotEquals(search, inode(site.resolve("assets/search-index.js")), "a new heading is searched for");
        assertEquals(other, inode(site.resolve("services/ledger/index.html")));
        assertTrue(Files.readString(site.resolve("services/payments-api/runbooks/high-latency.html"))
                .contains("What it costs"));

        // a runbook's title (shown on its service's page and its neighbours'), a person's name (shown wherever
        // they are on call), a service's SLA
        ExampleHandbook.edit(
                content,
                "services/payments-api/runbooks/high-latency.md",
                "title: Slow card authorisations",
                "title: Card authorisations are slow");
        ExampleHandbook.edit(content, "teams/payments.yaml", "Alice Moreno", "Alice Moreno-Silva");
        build(site, cache);
        assertSame(cold("cold-3"), site);
        assertTrue(Files.readString(site.resolve("services/payments-api/index.html"))
                .contains("Card authorisations are slow"));
    }

    @Test
    void aDamagedCacheIsNotUsedAndTheBuildIsTheSame() throws Exception {
        Path site = dir.resolve("site");
        build(site, cache);
        // cut both files short in the middle of an entry, then build after a change
        for (String f : List.of(BuildCache.BODIES, BuildCache.PAGES)) {
            byte[] bytes = Files.readAllBytes(cache.resolve(f));
            Files.write(cache.resolve(f), java.util.Arrays.copyOf(bytes, bytes.length / 2 + 3));
        }
        ExampleHandbook.edit(content, "services/ledger/service.yaml", "name: ", "name: The ");
        build(site, cache);
        assertSame(cold("cold-a"), site);
        // garbage, and a cache made by other code (another header)
        Files.write(cache.resolve(BuildCache.BODIES), "not a cache".getBytes(StandardCharsets.US_ASCII));
        byte[] pages = Files.readAllBytes(cache.resolve(BuildCache.PAGES));
        pages[20] ^= 1; // inside the code's fingerprint
        Files.write(cache.resolve(BuildCache.PAGES), pages);
        build(site, cache);
        assertSame(cold("cold-b"), site);
        // and the cache is whole again afterwards: the next build takes the pages
        Object ledger = inode(site.resolve("services/ledger/index.html"));
        build(site, cache);
        assertEquals(ledger, inode(site.resolve("services/ledger/index.html")));
    }

    @Test
    void aCacheMostlyOutOfUseIsWrittenAgainWithWhatIsUsed() throws Exception {
        Path site = dir.resolve("site");
        build(site, cache);
        List<Path> runbooks;
        try (Stream<Path> s = Files.walk(content.resolve("services"))) {
            runbooks = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        // each round gives every runbook a new body: the file grows by them, then, once most of it is out of use,
        // is written again with the bodies of the last build only (those it still had read from it once more)
        long grown = 0;
        for (int round = 1; round <= 2; round++) {
            for (Path r : runbooks) {
                Files.writeString(r, Files.readString(r) + "\nEdited in round " + round + ".\n");
            }
            build(site, cache);
            if (round == 1) {
                grown = Files.size(cache.resolve(BuildCache.BODIES));
            }
        }
        assertTrue(Files.size(cache.resolve(BuildCache.BODIES)) < grown, "written again, smaller");
        BuildResult warm = build(site, cache);
        assertTrue(
                warm.cacheUsage().matches("(\\d+) of \\1 bodies, (\\d+) of \\2 pages from the cache"),
                warm.cacheUsage());
        assertSame(cold("cold"), site);
    }

    @Test
    void aPageEditedByHandInThePreviousSiteIsWrittenAgain() throws Exception {
        Path site = dir.resolve("site");
        build(site, cache);
        Path page = site.resolve("services/ledger/index.html");
        Files.writeString(page, Files.readString(page).replace("</body>", "<p>edited</p></body>"));
        // the same size, a different byte: told by the time of the change
        Path other = site.resolve("services/payments-api/index.html");
        byte[] b = Files.readAllBytes(other);
        b[b.length - 2] = (byte) (b[b.length - 2] == 'x' ? 'y' : 'x');
        Files.write(other, b);
        Files.setLastModifiedTime(other, java.nio.file.attribute.FileTime.fromMillis(0));
        build(site, cache);
        assertSame(cold("cold"), site);
    }

    @Test
    void aCacheInUseByAnotherBuildIsLeftAlone() throws Exception {
        Path site = dir.resolve("site");
        try (BuildCache other = BuildCache.open(cache, "test")) {
            assertNotNull(other);
            assertNull(BuildCache.open(cache, "test")); // held
            build(site, cache);
        }
        assertSame(cold("cold"), site);
        assertTrue(!Files.exists(cache.resolve(BuildCache.BODIES)), "the build did not write a cache it did not hold");
    }

    @Test
    void theCacheIsRefusedInsideTheContentOrTheSite() {
        Path site = dir.resolve("site");
        OpsbookException inContent = assertThrows(OpsbookException.class, () -> build(site, content.resolve("cache")));
        assertTrue(inContent.getMessage().contains("inside the content folder"), inContent.getMessage());
        OpsbookException inSite = assertThrows(OpsbookException.class, () -> build(site, site.resolve("cache")));
        assertTrue(inSite.getMessage().contains("overlap"), inSite.getMessage());
        assertTrue(!Files.exists(content.resolve("cache")));
    }

    @Test
    void checkUsesTheCacheAndItsReportsAreTheSame() throws Exception {
        Path reports = dir.resolve("reports");
        for (int i = 0; i < 2; i++) {
            opsbook.build(BuildRequest.check(content, reports).withAsOf(AS_OF).withCache(cache));
        }
        Path plain = dir.resolve("plain");
        opsbook.build(BuildRequest.check(content, plain).withAsOf(AS_OF));
        assertSame(plain, reports);
        assertTrue(Files.size(cache.resolve(BuildCache.BODIES)) > 0);
    }

    private static Object inode(Path p) throws IOException {
        return Files.getAttribute(p, "unix:ino");
    }

    /** Both folders hold the same files with the same bytes. */
    static void assertSame(Path expected, Path actual) throws IOException {
        TreeSet<String> want = files(expected);
        TreeSet<String> got = files(actual);
        assertEquals(want, got, "the same files");
        List<String> differ = new ArrayList<>();
        for (String f : want) {
            if (Files.mismatch(expected.resolve(f), actual.resolve(f)) >= 0) {
                differ.add(f);
            }
        }
        assertEquals(List.of(), differ, "files whose bytes differ");
    }

    private static TreeSet<String> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            TreeSet<String> out = new TreeSet<>();
            s.filter(Files::isRegularFile)
                    .forEach(p -> out.add(root.relativize(p).toString()));
            return out;
        }
    }
}
