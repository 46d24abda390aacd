package dev.opsbook.link;

import java.util.Set;

/** The site's page paths (outputs.md). Every path is relative to the site root and names its file. */
public final class SitePaths {
    public static final String HOME = "index.html";
    public static final String SEVERITIES = "severities.html";
    public static final String TEAMS = "teams/index.html";
    /** The page of every guide. */
    public static final String GUIDES = "guides/index.html";

    public static final String NOT_FOUND = "404.html";
    public static final String SITEMAP = "sitemap.xml";
    /** Every alert with its runbook's address, service, team and severities, for tools (AlertsJson). */
    public static final String ALERTS = "alerts.json";

    public static final String ONCALL = "oncall.html";
    /** Who did how much on call: hours, nights, weekends and holidays per person, as a page and a CSV. */
    public static final String ONCALL_HOURS = "oncall-hours.html";

    public static final String ONCALL_HOURS_CSV = "oncall-hours.csv";
    public static final String ACTIONS = "actions.html";
    /** The operations page: incidents by month and severity, times to detect and resolve, causes, hand-offs. */
    public static final String OPERATIONS = "operations.html";

    public static final String READINESS = "readiness/index.html";
    public static final String CHANGES = "readiness/changes.html";
    /** The audit document: the readiness report as one self-contained file that prints to PDF. */
    public static final String AUDIT = "readiness/audit.html";
    /** The HTTP headers for hosts that read a {@code _headers} file (Netlify, Cloudflare Pages). */
    public static final String HEADERS = "_headers";
    /** The reports, beside the pages. */
    public static final String REPORT_JSON = "opsbook-report.json";

    public static final String REPORT_JUNIT = "opsbook-report.xml";
    public static final String REPORT_SARIF = "opsbook-report.sarif";
    /** GitLab's Code Quality report, which merge requests annotate (GitLab reads no SARIF there). */
    public static final String REPORT_CODE_QUALITY = "gl-code-quality-report.json";
    /** The Backstage Location of every service's entity. */
    public static final String CATALOG = "catalog-info.yaml";

    /** The files the site has at its root; no content file may take one of these names, as file or folder. */
    private static final Set<String> ROOT_FILES = Set.of(
            HOME,
            SEVERITIES,
            NOT_FOUND,
            SITEMAP,
            ALERTS,
            ONCALL,
            ONCALL_HOURS,
            ONCALL_HOURS_CSV,
            ACTIONS,
            OPERATIONS,
            HEADERS,
            REPORT_JSON,
            REPORT_JUNIT,
            REPORT_SARIF,
            REPORT_CODE_QUALITY,
            CATALOG);
    /** Folders that only the site writes into: its script, style and search data, the report pages, people's calendars. */
    private static final Set<String> ROOT_FOLDERS = Set.of("assets", "readiness", "people", "schemas");
    /** The site's files in each service folder. */
    private static final Set<String> SERVICE_FILES = Set.of("index.html", "oncall.ics", "catalog-info.yaml");
    /** The service folders whose {@code .html} files are pages of the site. */
    private static final Set<String> SERVICE_PAGE_FOLDERS = Set.of("runbooks", "reviews", "incidents");

    private SitePaths() {}

    /** The page of a document of a service: its Markdown file's path, as HTML. */
    public static String document(String file) {
        return file.substring(0, file.length() - ".md".length()) + ".html";
    }

    /**
     * Why a content file at {@code rel} (relative to the content root) cannot be published there: the
     * path is one the site writes (a page, a report, a calendar, anything under {@code assets/}), lies
     * inside one ({@code oncall.html/x.png}), or is a file where the site needs a folder ({@code people});
     * or null when the path is free. Copied as it is, such a file would replace what opsbook generates
     * (its script, a report a CI gate reads) or stop the build.
     */
    public static String taken(String rel) {
        String[] p = rel.split("/");
        String first = p[0];
        if (ROOT_FILES.contains(first)) {
            return p.length == 1
                    ? first + " is a file the site generates"
                    : first + " is a file the site generates, so it cannot be a folder";
        }
        if (ROOT_FOLDERS.contains(first)) {
            return p.length == 1
                    ? first + "/ is a folder the site generates, so it cannot be a file"
                    : first + "/ is a folder that only the site writes into";
        }
        if (first.equals("guides") && (p.length == 1 || rel.endsWith(".html"))) {
            return p.length == 1
                    ? "guides/ is a folder the site generates, so it cannot be a file"
                    : "guides/**/*.html are the site's guide pages";
        }
        if (first.equals("teams") || first.equals("services")) {
            if (p.length == 1) {
                return first + "/ is a folder the site generates, so it cannot be a file";
            }
            if (first.equals("teams") && p[1].endsWith(".html")) {
                return "teams/*.html are the site's team pages";
            }
            if (first.equals("services") && p.length >= 3) {
                if (SERVICE_FILES.contains(p[2])) {
                    return "services/" + p[1] + "/" + p[2] + " is a file the site generates";
                }
                if (p.length >= 4 && SERVICE_PAGE_FOLDERS.contains(p[2]) && p[3].endsWith(".html")) {
                    return "services/<id>/" + p[2] + "/*.html are pages the site generates";
                }
            }
        }
        return null;
    }

    public static String service(String id) {
        return "services/" + id + "/index.html";
    }

    public static String runbook(String service, String id) {
        return "services/" + service + "/runbooks/" + id + ".html";
    }

    public static String review(String service, String id) {
        return "services/" + service + "/reviews/" + id + ".html";
    }

    public static String incident(String service, String id) {
        return "services/" + service + "/incidents/" + id + ".html";
    }

    /** A service as a Backstage catalog entity, so that a catalog can mirror what the handbook knows. */
    public static String serviceCatalog(String id) {
        return "services/" + id + "/catalog-info.yaml";
    }

    public static String serviceCalendar(String id) {
        return "services/" + id + "/oncall.ics";
    }

    public static String personCalendar(String id) {
        return "people/" + id + ".ics";
    }

    public static String guide(String id) {
        return "guides/" + id + ".html";
    }

    public static String team(String id) {
        return "teams/" + id + ".html";
    }

    public static String personAnchor(String id) {
        return "person-" + id;
    }

    public static String severityAnchor(String id) {
        return "severity-" + id;
    }

    public static String sloAnchor(String id) {
        return "slo-" + id;
    }

    public static String alertAnchor(String name) {
        // any name Prometheus accepts (HaproxyBackendMaxActiveSession>80%): characters an address would have
        // to escape, and ':', become '-', and a name so changed gets a digest of itself, so that two stay apart
        StringBuilder sb = new StringBuilder("alert-");
        boolean changed = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            // no ':' either: a link "#alert-a:b" would read as an address of scheme "#alert-a"
            boolean safe = c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.');
            sb.append(safe ? c : '-');
            changed |= !safe;
        }
        if (changed) {
            sb.append('-').append(Integer.toHexString(name.hashCode() & 0xffffff));
        }
        return sb.toString();
    }

    /**
     * The address of {@code target} (a site path, optionally with {@code #fragment}) from the page
     * {@code from}. It always names the file, even on its own page, so it depends only on the folder of
     * {@code from}: pages of one folder can share what links them.
     */
    public static String relative(String from, String target) {
        int dirEnd = from.lastIndexOf('/') + 1; // the page's folder, with its slash
        int hash = target.indexOf('#');
        int n = Math.min(dirEnd, hash < 0 ? target.length() : hash);
        int common = 0; // the folders both share, up to and with a slash
        for (int i = 0; i < n && from.charAt(i) == target.charAt(i); i++) {
            if (from.charAt(i) == '/') {
                common = i + 1;
            }
        }
        StringBuilder sb = new StringBuilder(target.length() - common + 12);
        for (int i = common; i < dirEnd; i++) {
            if (from.charAt(i) == '/') {
                sb.append("../");
            }
        }
        return sb.append(target, common, target.length()).toString();
    }

    /**
     * A file's path as a link address: the characters that would end the path or break the address
     * ({@code # ? %}, space, quotes, brackets …) percent-encoded, others as they are (a file named
     * {@code C# guide?.pdf} is {@code C%23%20guide%3F.pdf}; {@code ledger-topology.svg} stays itself).
     */
    public static String encodePath(String path) {
        StringBuilder sb = null;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            boolean encode = c <= 0x20 || c == 0x7F || "\"#%<>?[\\]^`{|}".indexOf(c) >= 0;
            if (encode && sb == null) {
                sb = new StringBuilder(path.length() + 16).append(path, 0, i);
            }
            if (sb != null) {
                if (encode) {
                    sb.append('%')
                            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? path : sb.toString();
    }

    /** The prefix that leads from the page {@code from} to the site root ({@code ""}, {@code "../"} …). */
    public static String root(String from) {
        int depth = (int) from.chars().filter(c -> c == '/').count();
        return "../".repeat(depth);
    }
}
