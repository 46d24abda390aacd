package dev.opsbook.output;

import dev.opsbook.parallel.Parallel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks that every internal link and fragment of the site resolves to a written file and an element
 * id. Pages are recorded as they are rendered (their links and ids are read from the HTML text then,
 * not parsed again from disk). Content problems never get this far (the reference check reports them
 * and the renderer drops such links), so a miss here is a bug in opsbook or a template.
 */
public final class LinkVerifier {
    /** The ids of each page, sorted (a compact set: tens of thousands of pages are kept until the end). */
    private final Map<String, String[]> ids = new ConcurrentHashMap<>();

    private final Map<String, String[]> links = new ConcurrentHashMap<>();
    /** One copy of each id and link target: tens of thousands of pages name the same few. */
    private final Map<String, String> strings = new ConcurrentHashMap<>();

    private static final String[] NONE = {};

    private String intern(String s) {
        String seen = strings.get(s); // a lock-free read first: nearly every string was seen before
        if (seen == null) {
            seen = strings.putIfAbsent(s, s);
        }
        return seen != null ? seen : s;
    }

    /** Records the links and ids of a page given as text (see {@link #record(String, byte[])}). */
    public void record(String path, String html) {
        record(path, html.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Records the links ({@code href}, {@code src}) and ids of a page, from its UTF-8 bytes. The pages
     * are opsbook's own output, where every attribute value is double-quoted and any quote in text is
     * escaped, so a walk through the tags for {@code name="…"} finds exactly the attributes.
     */
    public void record(String path, byte[] html) {
        Set<String> pageIds = new HashSet<>();
        List<String> pageLinks = new ArrayList<>();
        int n = html.length;
        int i = 0;
        while (i < n) {
            if (html[i] != '<' || i + 1 >= n || !isAsciiLetter(html[i + 1])) {
                i++;
                continue;
            }
            // a start tag: walk it to its '>', which a quoted value may hold
            int j = i + 2;
            while (j < n && html[j] != '>') {
                if (html[j] == '"') {
                    int end = j + 1;
                    while (end < n && html[end] != '"') {
                        end++;
                    }
                    if (html[j - 1] == '=') {
                        attribute(html, j - 1, j + 1, end, pageIds, pageLinks);
                    }
                    j = end + 1;
                } else {
                    j++;
                }
            }
            i = j + 1;
        }
        String[] keptIds = new String[pageIds.size()];
        int k = 0;
        for (String id : pageIds) {
            keptIds[k++] = intern(id);
        }
        Arrays.sort(keptIds);
        List<String> kept = new ArrayList<>(pageLinks.size());
        for (String href : pageLinks) {
            // external addresses need no check: keep only what points into the site
            if (!external(href)) {
                kept.add(intern(href));
            }
        }
        ids.put(path, keptIds);
        links.put(path, kept.toArray(new String[0]));
    }

    /**
     * Records the links and ids of a page read from it before (a warm build's page taken from the previous
     * site): {@code pageIds} sorted, {@code pageLinks} those into the site, as {@link #recorded} gave them.
     */
    public void record(String path, String[] pageIds, String[] pageLinks) {
        String[] keptIds = new String[pageIds.length];
        for (int i = 0; i < keptIds.length; i++) {
            keptIds[i] = intern(pageIds[i]);
        }
        String[] kept = new String[pageLinks.length];
        for (int i = 0; i < kept.length; i++) {
            kept[i] = intern(pageLinks[i]);
        }
        ids.put(path, keptIds);
        links.put(path, kept);
    }

    /** The ids (sorted) and the links into the site recorded for a page, or null for a page not recorded. */
    public Recorded recorded(String path) {
        String[] i = ids.get(path);
        String[] l = links.get(path);
        return i == null || l == null ? null : new Recorded(i, l);
    }

    /** A page's ids and links as recorded. */
    public record Recorded(String[] ids, String[] links) {}

    private static boolean isAsciiLetter(byte b) {
        return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z';
    }

    private static final byte[] ID = {'i', 'd'};
    private static final byte[] HREF = {'h', 'r', 'e', 'f'};
    private static final byte[] SRC = {'s', 'r', 'c'};

    /** The attribute whose {@code =} is at {@code eq} and whose value runs from {@code from} to {@code to}. */
    private static void attribute(byte[] html, int eq, int from, int to, Set<String> ids, List<String> links) {
        boolean id = named(html, eq, ID);
        if (id || named(html, eq, HREF) || named(html, eq, SRC)) {
            String value = new String(html, from, to - from, StandardCharsets.UTF_8);
            if (value.indexOf('&') >= 0) {
                value = value.replace("&amp;", "&");
            }
            (id ? ids : links).add(value);
        }
    }

    private static boolean named(byte[] html, int eq, byte[] name) {
        int start = eq - name.length;
        if (start < 1
                || html[start - 1] != ' '
                        && html[start - 1] != '\n'
                        && html[start - 1] != '\t'
                        && html[start - 1] != '\r') {
            return false;
        }
        for (int k = 0; k < name.length; k++) {
            if (html[start + k] != name[k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The broken links, as {@code page: href (why)}, sorted; empty when all resolve. Checked on
     * {@code threads} threads, a folder of pages at a time.
     */
    public List<String> verify(Set<String> written, int threads) {
        // pages of one folder share most of their links: each is resolved once per folder
        Map<String, List<String>> folders = new HashMap<>();
        for (String page : links.keySet()) {
            folders.computeIfAbsent(page.substring(0, page.lastIndexOf('/') + 1), f -> new ArrayList<>())
                    .add(page);
        }
        List<String> broken = new ArrayList<>();
        try {
            for (List<String> found : Parallel.map(List.copyOf(folders.values()), threads, pages -> {
                List<String> out = new ArrayList<>();
                Map<String, String> targets = new HashMap<>();
                // the verdict on a link that names a file is the same from every page of the folder (the
                // header, the breadcrumbs and the on-call box repeat on each); "#id" or "?q" alone names the
                // page itself
                Map<String, String> verdicts = new HashMap<>();
                for (String page : pages) {
                    for (String href : links.get(page)) {
                        String problem;
                        if (href.isEmpty() || href.charAt(0) == '#' || href.charAt(0) == '?') {
                            problem = check(page, href, written, targets);
                        } else {
                            problem = verdicts.get(href);
                            if (problem == null) {
                                problem = Objects.requireNonNullElse(check(page, href, written, targets), "");
                                verdicts.put(href, problem);
                            }
                        }
                        if (problem != null && !problem.isEmpty()) {
                            out.add(page + ": " + href + " (" + problem + ")");
                        }
                    }
                }
                return out;
            })) {
                broken.addAll(found);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // checking reads no file
        }
        broken.sort(null);
        return broken;
    }

    private static boolean external(String href) {
        int colon = href.indexOf(':');
        if (colon < 3 || colon > 6) {
            return false; // tel:, http:, https: and mailto: put their colon at 3 to 6; site links have none there
        }
        return href.regionMatches(true, 0, "http://", 0, 7)
                || href.regionMatches(true, 0, "https://", 0, 8)
                || href.regionMatches(true, 0, "mailto:", 0, 7)
                || href.regionMatches(true, 0, "tel:", 0, 4);
    }

    private String check(String page, String href, Set<String> written, Map<String, String> targets) {
        if (external(href)) {
            return null;
        }
        int colon = href.indexOf(':');
        int slash = href.indexOf('/');
        if (href.startsWith("/") || colon > 0 && (slash < 0 || colon < slash)) {
            return "not a relative link";
        }
        int hash = href.indexOf('#');
        String path = hash < 0 ? href : href.substring(0, hash);
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query); // a query does not change which file opens
        }
        String fragment = hash < 0 ? null : href.substring(hash + 1);
        String target;
        if (path.isEmpty()) {
            target = page;
        } else {
            if (path.endsWith("/")) {
                return "names a folder, not a file";
            }
            // pages of one folder share most of their links: each is resolved once per folder
            target = targets.computeIfAbsent(
                    path,
                    p -> Objects.requireNonNullElse(
                            resolve(
                                    page,
                                    p.indexOf('%') >= 0
                                            ? URLDecoder.decode(p.replace("+", "%2B"), StandardCharsets.UTF_8)
                                            : p),
                            ""));
            if (target.isEmpty()) {
                return "leaves the site";
            }
        }
        if (!written.contains(target)) {
            return "no such file " + target;
        }
        if (fragment != null
                && !fragment.isEmpty()
                && target.endsWith(".html")
                && Arrays.binarySearch(ids.getOrDefault(target, NONE), fragment) < 0) {
            return "no element with id '" + fragment + "' in " + target;
        }
        return null;
    }

    /** {@code relative} seen from the page {@code page}, as a path from the site root; null if it leaves it. */
    static String resolve(String page, String relative) {
        ArrayDeque<String> parts = new ArrayDeque<>();
        int end = page.lastIndexOf('/');
        if (end > 0) {
            for (String p : page.substring(0, end).split("/")) {
                parts.addLast(p);
            }
        }
        for (String p : relative.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else {
                parts.addLast(p);
            }
        }
        return String.join("/", parts);
    }
}
