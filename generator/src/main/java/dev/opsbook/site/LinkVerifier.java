package dev.opsbook.site;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Parses every written HTML page and checks that each internal link and fragment resolves to a
 * written file and an element id. Content problems never get this far (the reference check reports
 * them and the renderer drops such links), so a miss here is a bug in opsbook or a template.
 */
public final class LinkVerifier {
    private LinkVerifier() {
    }

    /** The broken links, as {@code page: href}; empty when all resolve. */
    public static List<String> verify(Path site, Set<String> written) throws IOException {
        Map<String, Set<String>> ids = new HashMap<>();
        Map<String, List<String>> links = new HashMap<>();
        for (String path : written) {
            if (!path.endsWith(".html")) {
                continue;
            }
            Document doc = Jsoup.parse(site.resolve(path).toFile(), "UTF-8");
            Set<String> pageIds = new HashSet<>();
            for (Element e : doc.select("[id]")) {
                pageIds.add(e.id());
            }
            ids.put(path, pageIds);
            List<String> hrefs = new ArrayList<>();
            doc.select("a[href], link[href]").forEach(e -> hrefs.add(e.attr("href")));
            doc.select("img[src], script[src]").forEach(e -> hrefs.add(e.attr("src")));
            links.put(path, hrefs);
        }
        List<String> broken = new ArrayList<>();
        for (var e : links.entrySet()) {
            String page = e.getKey();
            for (String href : e.getValue()) {
                String problem = check(page, href, written, ids);
                if (problem != null) {
                    broken.add(page + ": " + href + " (" + problem + ")");
                }
            }
        }
        broken.sort(null);
        return broken;
    }

    private static String check(String page, String href, Set<String> written, Map<String, Set<String>> ids) {
        if (href.matches("(?i)^(https?|mailto|tel):.*")) {
            return null;
        }
        if (href.matches("(?i)^[a-z][a-z0-9+.-]*:.*") || href.startsWith("/")) {
            return "not a relative link";
        }
        int hash = href.indexOf('#');
        String path = hash < 0 ? href : href.substring(0, hash);
        String fragment = hash < 0 ? null : href.substring(hash + 1);
        String target;
        if (path.isEmpty()) {
            target = page;
        } else {
            try {
                URI base = new URI("file:///" + page);
                URI resolved = base.resolve(new URI(null, null, path, null));
                target = resolved.getPath().substring(1);
            } catch (URISyntaxException ex) {
                return "malformed";
            }
            if (path.endsWith("/")) {
                return "names a folder, not a file";
            }
        }
        if (!written.contains(target)) {
            return "no such file " + target;
        }
        if (fragment != null && !fragment.isEmpty() && target.endsWith(".html")
                && !ids.getOrDefault(target, Set.of()).contains(fragment)) {
            return "no element with id '" + fragment + "' in " + target;
        }
        return null;
    }
}
