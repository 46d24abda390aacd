package dev.opsbook.link;

import dev.opsbook.finding.DidYouMean;
import dev.opsbook.finding.Rules;
import dev.opsbook.model.Handbook;
import dev.opsbook.model.Phone;
import dev.opsbook.model.Service;
import dev.opsbook.model.Team;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Resolves a link written in content (Markdown or YAML) to what it points at: a page or file of the
 * site, an external address, or a problem (a rule id and a message). Short references
 * ({@code service:ledger}, {@code runbook:ledger/failover}, {@code severity:P1}, {@code team:payments},
 * {@code person:alice}, {@code review:…}, {@code incident:…}) and relative paths to content files are
 * both understood.
 */
public final class ContentLinks {
    private static final Set<String> EXTERNAL = Set.of("http", "https", "mailto");
    private static final Set<String> SHORT =
            Set.of("service", "runbook", "severity", "team", "person", "review", "incident", "guide");
    private final Handbook handbook;
    /** The pages content files become, and the anchors they offer. */
    private final SitePlan plan;

    private final Set<String> assets;

    /** Links into the site of {@code plan}, the plan of {@code handbook}'s site. */
    public ContentLinks(Handbook handbook, SitePlan plan) {
        this.handbook = handbook;
        this.plan = plan;
        this.assets = new HashSet<>(handbook.assets());
    }

    /** The plan of the site the links lead into. */
    public SitePlan plan() {
        return plan;
    }

    /** The site page a content file becomes, if it becomes one. */
    public Optional<String> pageOf(String contentFile) {
        return plan.pageOf(contentFile);
    }

    /** What a link resolves to. */
    public sealed interface Resolution {}

    /** An address outside the handbook (http, https, mailto, tel), to be emitted as it is. */
    public record External(String url) implements Resolution {}

    /** A page or file of the site, with an optional fragment ({@code path#fragment}). */
    public record Internal(String target) implements Resolution {}

    /**
     * A link that cannot be made: {@code rule} is broken-reference, unsafe-path or schema.
     *
     * @param following true when the link only fails because of a finding made elsewhere (it leads to a
     *                  file that is not published, which is reported at that file): not reported again
     */
    public record Problem(String rule, String message, String hint, boolean following) implements Resolution {
        public Problem(String rule, String message, String hint) {
            this(rule, message, hint, false);
        }
    }

    /**
     * Resolves {@code url} as written in the content file {@code fromFile} (relative to the content
     * root), which belongs to {@code fromService} (or null).
     */
    public Resolution resolve(String fromFile, String fromService, String url) {
        String raw = url == null ? "" : url.strip();
        // browsers ignore control characters and white space inside a scheme: so must the check
        String squeezed = withoutControls(raw);
        if (squeezed.isEmpty()) {
            return new Problem(Rules.BROKEN_REFERENCE, "empty link", "write where the link should go");
        }
        String written = scheme(squeezed);
        if (written != null) {
            String scheme = written.toLowerCase(Locale.ROOT);
            if (EXTERNAL.contains(scheme)) {
                return new External(raw);
            }
            if (scheme.equals("tel")) {
                // a phone number in a runbook ("call the processor's bridge") is one tap away on a phone
                String number = raw.substring(raw.indexOf(':') + 1);
                return Phone.dialable(number)
                        ? new External(raw.substring(0, raw.indexOf(':') + 1) + Phone.dial(number))
                        : new Problem(
                                Rules.SCHEMA,
                                "link '" + raw + "' is not a phone number",
                                "write tel: and the number in digits, such as tel:+442079460101");
            }
            if (SHORT.contains(scheme)) {
                return shortRef(scheme, raw.substring(raw.indexOf(':') + 1).strip(), fromService, raw);
            }
            return new Problem(
                    Rules.SCHEMA,
                    "link '" + raw + "' uses the scheme '" + written + ":', which is not allowed",
                    "use an http, https, mailto or tel address, a short reference "
                            + "(service:, runbook:, …) or a relative link to a content file");
        }
        if (raw.startsWith("/")
                || raw.startsWith("\\")
                || raw.length() >= 3
                        && isAsciiLetter(raw.charAt(0))
                        && raw.charAt(1) == ':'
                        && (raw.charAt(2) == '\\' || raw.charAt(2) == '/')) {
            return new Problem(
                    Rules.UNSAFE_PATH,
                    "link '" + raw + "' is an absolute path",
                    "link relative to this file, e.g. ../../ledger/runbooks/failover.md");
        }
        int hash = raw.indexOf('#');
        String pathPart = hash < 0 ? raw : raw.substring(0, hash);
        String fragment = hash < 0 ? null : raw.substring(hash + 1);
        int query = pathPart.indexOf('?');
        if (query >= 0) {
            pathPart = pathPart.substring(0, query);
        }
        if (pathPart.isEmpty()) {
            String self = plan.pageOf(fromFile).orElse(null);
            return self == null
                    ? new Problem(
                            Rules.BROKEN_REFERENCE, "link '" + raw + "' has no page to point into", "link to a page")
                    : withFragment(self, fragment, raw);
        }
        String decoded = pathPart.indexOf('%') < 0
                ? pathPart
                : URLDecoder.decode(pathPart.replace("+", "%2B"), StandardCharsets.UTF_8);
        String dir = fromFile.contains("/") ? fromFile.substring(0, fromFile.lastIndexOf('/')) : "";
        Optional<String> target = normalise(dir, decoded);
        if (target.isEmpty()) {
            return new Problem(
                    Rules.UNSAFE_PATH,
                    "link '" + raw + "' leaves the content folder",
                    "link only to files inside the handbook");
        }
        String path = target.get();
        String page = plan.pageOf(path).orElse(null);
        if (page == null && path.endsWith("/")) {
            page = plan.pageOf(path.substring(0, path.length() - 1)).orElse(null);
        }
        if (page != null) {
            return withFragment(page, fragment, raw);
        }
        if (assets.contains(path)) {
            String address = SitePaths.encodePath(path); // a file name may hold '#', '?' or '%'
            return new Internal(fragment == null ? address : address + "#" + fragment);
        }
        if (handbook.files().contains(path)) {
            // a file of the content that is not published (active content, a path the site takes): the
            // finding is at the file; the link is left out of the page, text kept
            return new Problem(
                    Rules.BROKEN_REFERENCE,
                    "link '" + raw + "' leads to " + path + ", which is not published",
                    "see the finding at " + path,
                    true);
        }
        // a misspelt file name: the nearest file of the same folder
        int slash = path.lastIndexOf('/');
        String folder = path.substring(0, slash + 1);
        String near = DidYouMean.closest(
                path.substring(slash + 1),
                Stream.concat(plan.files().stream(), assets.stream())
                        .filter(f -> f.startsWith(folder) && f.indexOf('/', folder.length()) < 0)
                        .map(f -> f.substring(folder.length()))
                        .toList());
        return new Problem(
                Rules.BROKEN_REFERENCE,
                "broken link '" + raw + "': there is no file " + path
                        + (near != null ? " (did you mean " + near + "?)" : ""),
                near != null
                        ? "change the file name to " + near
                        : "correct the path (relative to this file) or use a short reference such as runbook:<service>/<id>");
    }

    /** The text without the control characters and spaces that browsers ignore inside a scheme. */
    private static String withoutControls(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) > ' ') {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length()).append(s, 0, i);
        for (; i < s.length(); i++) {
            if (s.charAt(i) > ' ') {
                sb.append(s.charAt(i));
            }
        }
        return sb.toString();
    }

    /** The scheme the address starts with ({@code name:}, the name as written), or null. */
    private static String scheme(String s) {
        if (s.isEmpty() || !isAsciiLetter(s.charAt(0))) {
            return null;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ':') {
                return s.substring(0, i);
            }
            if (!(isAsciiLetter(c) || c >= '0' && c <= '9' || c == '+' || c == '.' || c == '-')) {
                return null;
            }
        }
        return null;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** Whether a content file that the page at {@code path} presents could not be read. */
    private boolean madeFromUnreadable(String path) {
        return plan.page(path)
                .map(p -> p.presents().keySet().stream().anyMatch(handbook::unreadable))
                .orElse(false);
    }

    private Resolution withFragment(String page, String fragment, String raw) {
        int hash = page.indexOf('#');
        if (fragment == null || fragment.isEmpty()) {
            return new Internal(page);
        }
        String path = hash < 0 ? page : page.substring(0, hash);
        Set<String> known = plan.anchors(path);
        if (!known.contains(fragment) && fragment.indexOf('%') >= 0) {
            // as a browser's address bar gives it: "#%C3%A4rger" for the heading "Ärger"
            try {
                String decoded = URLDecoder.decode(fragment.replace("+", "%2B"), StandardCharsets.UTF_8);
                if (known.contains(decoded)) {
                    fragment = decoded;
                }
            } catch (IllegalArgumentException e) {
                // not percent-encoding after all: reported below as it is
            }
        }
        if (!known.contains(fragment) && madeFromUnreadable(path)) {
            // the section may well be in the file that could not be read: its own finding is the one to act on
            return new Internal(page);
        }
        if (!known.contains(fragment)) {
            String near = DidYouMean.closest(fragment, known);
            return new Problem(
                    Rules.BROKEN_REFERENCE,
                    "broken link '" + raw + "': no section '#" + fragment + "' there"
                            + (near != null ? " (did you mean '#" + near + "'?)" : ""),
                    near != null
                            ? "change the part after # to " + near
                            : "link to a heading that exists (its anchor is the heading in lower case with dashes)");
        }
        return new Internal(path + "#" + fragment);
    }

    private Resolution shortRef(String kind, String value, String fromService, String raw) {
        int hash = value.indexOf('#');
        String id = hash < 0 ? value : value.substring(0, hash);
        String fragment = hash < 0 ? null : value.substring(hash + 1);
        Optional<String> page =
                switch (kind) {
                    case "service" -> handbook.service(id).map(s -> SitePaths.service(s.id()));
                    case "runbook" -> fromService == null && !id.contains("/")
                            ? Optional.empty()
                            : handbook.runbook(fromService, id).map(r -> SitePaths.runbook(r.service(), r.id()));
                    case "severity" -> handbook.severity(id)
                            .map(s -> SitePaths.SEVERITIES + "#" + SitePaths.severityAnchor(s.id()));
                    case "team" -> handbook.team(id).map(t -> SitePaths.team(t.id()));
                    case "guide" -> handbook.guide(id).map(g -> SitePaths.guide(g.id()));
                    case "person" -> handbook.person(id)
                            .map(p -> SitePaths.team(p.team()) + "#" + SitePaths.personAnchor(p.id()));
                    case "review" -> fromService == null && !id.contains("/")
                            ? Optional.empty()
                            : handbook.review(fromService, id).map(r -> SitePaths.review(r.service(), r.id()));
                    case "incident" -> fromService == null && !id.contains("/")
                            ? Optional.empty()
                            : handbook.incident(fromService, id).map(i -> SitePaths.incident(i.service(), i.id()));
                    default -> Optional.empty();
                };
        if (page.isEmpty()) {
            String near = DidYouMean.closest(id, candidates(kind, fromService, id));
            return new Problem(
                    Rules.BROKEN_REFERENCE,
                    "broken link '" + raw + "': there is no " + kind + " '" + id + "'" + DidYouMean.mention(near),
                    near != null
                            ? "change it to " + kind + ":" + near
                            : "use the id of an existing " + kind
                                    + (kind.equals("runbook") || kind.equals("review") || kind.equals("incident")
                                            ? " (" + kind + ":<service>/<id>)"
                                            : ""));
        }
        if (fragment != null && !page.get().contains("#")) {
            return withFragment(page.get(), fragment, raw);
        }
        return new Internal(page.get());
    }

    private List<String> candidates(String kind, String fromService, String id) {
        String service = id.contains("/") ? id.substring(0, id.indexOf('/')) : fromService;
        String prefix = id.contains("/") ? service + "/" : "";
        Optional<Service> s = service == null ? Optional.empty() : handbook.service(service);
        return switch (kind) {
            case "service" -> handbook.services().stream().map(Service::id).toList();
            case "severity" -> handbook.severities().stream().map(x -> x.id()).toList();
            case "team" -> handbook.teams().stream().map(Team::id).toList();
            case "guide" -> handbook.guides().stream().map(g -> g.id()).toList();
            case "person" -> handbook.teams().stream()
                    .flatMap(t -> t.members().stream())
                    .map(p -> p.id())
                    .toList();
            case "runbook" -> s.map(
                            x -> x.runbooks().stream().map(r -> prefix + r.id()).toList())
                    .orElse(List.of());
            case "review" -> s.map(
                            x -> x.reviews().stream().map(r -> prefix + r.id()).toList())
                    .orElse(List.of());
            case "incident" -> s.map(x ->
                            x.incidents().stream().map(r -> prefix + r.id()).toList())
                    .orElse(List.of());
            default -> List.of();
        };
    }

    /** Joins {@code dir} and a relative path; empty if the result would leave the root. */
    static Optional<String> normalise(String dir, String relative) {
        String rel = relative.indexOf('\\') >= 0 ? relative.replace('\\', '/') : relative;
        StringBuilder path = new StringBuilder(dir.length() + rel.length() + 1).append(dir);
        int n = rel.length();
        for (int i = 0; i <= n; ) {
            int j = rel.indexOf('/', i);
            if (j < 0) {
                j = n;
            }
            int len = j - i;
            if (len == 2 && rel.charAt(i) == '.' && rel.charAt(i + 1) == '.') {
                if (path.length() == 0) {
                    return Optional.empty();
                }
                path.setLength(Math.max(path.lastIndexOf("/"), 0));
            } else if (len > 0 && !(len == 1 && rel.charAt(i) == '.')) {
                if (path.length() > 0) {
                    path.append('/');
                }
                path.append(rel, i, j);
            }
            i = j + 1;
        }
        if (relative.endsWith("/") && path.length() > 0) {
            path.append('/');
        }
        return Optional.of(path.toString());
    }
}
