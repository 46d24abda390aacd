package dev.opsbook.load;

import dev.opsbook.finding.Rules;
import dev.opsbook.link.SitePaths;
import dev.opsbook.model.Ref;
import dev.opsbook.model.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A repository's own layout ({@code layouts:} in opsbook.yaml): the runbooks of a repository written for
 * GitHub or Hugo ({@code kubernetes/KubePodCrashLooping.md}) read where they are, each file a runbook of the
 * service its folder names, its relative links working as they do on GitHub. The native
 * {@code services/<id>/runbooks/} stays as it is; a file opsbook already reads (a guide, a team, anything
 * under {@code services/}) is never taken for a layout's.
 */
final class Layouts {
    static final String SERVICE = "{service}";
    static final String RUNBOOK = "{runbook}";
    /** A folder's name written as it is in a pattern. */
    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");
    /** What an address pattern may hold besides its placeholders. */
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._~/-]*");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(service|runbook)(:lower)?\\}");

    /** A file of a layout: the service its folder names, and the runbook (the file's name without .md). */
    record Match(Settings.Layout layout, String service, String runbook, boolean document) {
        /** Hugo's section page of the folder ({@code _index.md}): it names the service, and is no runbook. */
        boolean section() {
            return !document && runbook.equals("_index");
        }
    }

    private final List<Settings.Layout> layouts;
    private final List<Pattern> patterns = new ArrayList<>();
    /** Other Markdown under a layout's service folder (a helper in a sub-folder, a README): its documents. */
    private final List<Pattern> folders = new ArrayList<>();
    /** What comes before each layout's {@code {service}} folder ({@code alerts/}, or nothing). */
    private final List<String> prefixes = new ArrayList<>();

    Layouts(List<Settings.Layout> layouts) {
        this.layouts = layouts;
        for (Settings.Layout l : layouts) {
            StringBuilder re = new StringBuilder();
            for (String part : l.runbooks().split("/")) {
                if (!re.isEmpty()) {
                    re.append('/');
                }
                re.append(
                        part.equals(SERVICE)
                                ? "([^/]+)"
                                : part.equals(RUNBOOK + ".md") ? "([^/]+)\\.md" : Pattern.quote(part));
            }
            patterns.add(Pattern.compile(re.toString()));
            String prefix = l.runbooks().substring(0, l.runbooks().indexOf(SERVICE));
            prefixes.add(prefix);
            folders.add(Pattern.compile(Pattern.quote(prefix) + "([^/]+)/(.+\\.md)"));
        }
    }

    boolean isEmpty() {
        return layouts.isEmpty();
    }

    /** The layout a content file belongs to, the first that matches, or null. */
    Match match(String rel) {
        for (int i = 0; i < layouts.size(); i++) {
            Matcher m = patterns.get(i).matcher(rel);
            if (m.matches()) {
                Settings.Layout l = layouts.get(i);
                boolean serviceFirst =
                        l.runbooks().indexOf(SERVICE) < l.runbooks().indexOf(RUNBOOK);
                String runbook = m.group(serviceFirst ? 2 : 1);
                boolean readme = runbook.equalsIgnoreCase("readme");
                return new Match(l, m.group(serviceFirst ? 1 : 2), runbook, readme);
            }
        }
        for (int i = 0; i < layouts.size(); i++) {
            Matcher m = folders.get(i).matcher(rel);
            if (m.matches()) {
                return new Match(layouts.get(i), m.group(1), m.group(2), true);
            }
        }
        return null;
    }

    /** The service whose folder a layout gives {@code rel} is in ({@code kubernetes/alerts.rules.yaml}), or null. */
    String serviceOf(String rel) {
        for (String prefix : prefixes) {
            if (rel.startsWith(prefix) && rel.indexOf('/', prefix.length()) > prefix.length()) {
                return rel.substring(prefix.length(), rel.indexOf('/', prefix.length()));
            }
        }
        return null;
    }

    /** The further address of a runbook's page that its layout gives (a site path), or null. */
    static String address(Match m) {
        if (m.layout().addresses() == null) {
            return null;
        }
        Matcher p = PLACEHOLDER.matcher(m.layout().addresses());
        StringBuilder sb = new StringBuilder();
        while (p.find()) {
            String value = p.group(1).equals("service") ? m.service() : m.runbook();
            p.appendReplacement(
                    sb, Matcher.quoteReplacement(p.group(2) != null ? value.toLowerCase(Locale.ROOT) : value));
        }
        return Aliases.path(p.appendTail(sb).toString());
    }

    /** One entry of {@code layouts:}, or empty (with a finding) when its pattern cannot be used. */
    static Optional<Settings.Layout> read(YamlMap y) {
        y.require("runbooks");
        String runbooks = y.string("runbooks");
        Ref owner = y.ref("owner");
        String addresses = y.string("addresses");
        y.finish();
        if (runbooks == null) {
            return Optional.empty();
        }
        String problem = problem(runbooks);
        if (problem != null) {
            y.schema(
                    "runbooks",
                    "layout '" + runbooks + "' " + problem,
                    "write a path relative to the content folder with {service} as one folder and {runbook}.md as"
                            + " the file, such as {service}/{runbook}.md or alerts/{service}/{runbook}.md");
            return Optional.empty();
        }
        if (addresses != null) {
            String sample = PLACEHOLDER.matcher(addresses).replaceAll("x");
            String path = ADDRESS.matcher(sample).matches() ? Aliases.path(sample) : null;
            if (path == null || !addresses.contains(RUNBOOK) && !addresses.contains("{runbook:lower}")) {
                y.schema(
                        "addresses",
                        "addresses '" + addresses + "' is not a path of this site for each runbook",
                        "write a path with {runbook} (or {runbook:lower}) and, if the address has it, {service}"
                                + " (or {service:lower}), such as runbooks/{service}/{runbook:lower}/");
                addresses = null;
            } else if (SitePaths.taken(path) != null) {
                y.error(
                        Rules.UNSAFE_PATH,
                        y.pos("addresses"),
                        "addresses '" + addresses + "' cannot be published: " + SitePaths.taken(path),
                        "choose other addresses; opsbook writes that path itself");
                addresses = null;
            }
        }
        return Optional.of(new Settings.Layout(runbooks, owner, addresses, y.pos()));
    }

    /** What is wrong with a runbooks pattern, or null. */
    private static String problem(String pattern) {
        String[] parts = pattern.split("/", -1);
        if (parts.length < 2) {
            return "has no {service} folder";
        }
        int services = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].equals(SERVICE)) {
                services++;
            } else if (!LITERAL.matcher(parts[i]).matches() || parts[i].equals("..")) {
                return "has a folder '" + parts[i] + "' that is neither {service} nor a folder's name";
            }
        }
        if (services != 1) {
            return services == 0 ? "has no {service} folder" : "has {service} more than once";
        }
        if (!parts[parts.length - 1].equals(RUNBOOK + ".md")) {
            return "does not end in {runbook}.md";
        }
        if (pattern.startsWith("services/") || pattern.startsWith("guides/") || pattern.startsWith("teams/")) {
            return "is inside a folder opsbook reads itself (services/, guides/, teams/)";
        }
        return null;
    }
}
