package dev.opsbook.load;

import dev.opsbook.finding.Rules;
import dev.opsbook.link.SitePaths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A page's earlier addresses ({@code aliases:} in its front matter, as Hugo writes them:
 * {@code /kubepodcrashlooping/}), each published as a small page that sends the reader on to the page,
 * from {@code file://} and on any web server. An alias is a path of this site: {@code /old/name/} is the
 * page {@code old/name/index.html}, {@code old/name.html} is that file.
 */
final class Aliases {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._~/-]+");

    private Aliases() {}

    /** The site paths of the aliases of {@code y} (empty when it has none); a bad one is a finding and left out. */
    static List<String> read(YamlMap y) {
        List<String> out = new ArrayList<>();
        for (String alias : y.strings("aliases")) {
            String path = path(alias.strip());
            String problem = path == null ? null : SitePaths.taken(path);
            if (path == null) {
                y.schema(
                        "aliases",
                        "alias '" + alias + "' is not a path of this site",
                        "write the page's earlier address as a path, such as /kubepodcrashlooping/ or old/name.html"
                                + " (letters, digits and - _ . ~ /, no '..')");
            } else if (problem != null) {
                y.error(
                        Rules.UNSAFE_PATH,
                        y.pos("aliases"),
                        "alias '" + alias + "' cannot be published: " + problem,
                        "choose another earlier address; opsbook writes that path itself");
            } else if (!out.contains(path)) {
                out.add(path);
            }
        }
        return List.copyOf(out);
    }

    /** The file an alias is published as, or null when it is not a safe path of the site. */
    static String path(String alias) {
        if (alias.isEmpty() || !SAFE.matcher(alias).matches()) {
            return null;
        }
        String p = alias.replaceAll("^/+", "");
        boolean folder = p.isEmpty() || p.endsWith("/");
        String[] parts = p.split("/");
        for (String part : parts) {
            if (part.isEmpty() && !folder || part.equals(".") || part.equals("..")) {
                return null;
            }
        }
        if (p.isEmpty()) {
            return null; // the home page is the site's own
        }
        String last = parts[parts.length - 1];
        if (folder || !last.contains(".")) {
            return (folder ? p : p + "/") + "index.html";
        }
        return last.endsWith(".html") ? p : null;
    }
}
