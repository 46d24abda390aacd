package dev.opsbook.link;

/** The site's page paths (outputs.md). Every path is relative to the site root and names its file. */
public final class SitePaths {
    public static final String HOME = "index.html";
    public static final String SEVERITIES = "severities.html";
    public static final String TEAMS = "teams/index.html";
    public static final String NOT_FOUND = "404.html";
    public static final String SITEMAP = "sitemap.xml";
    public static final String ONCALL = "oncall.html";
    public static final String ACTIONS = "actions.html";
    public static final String READINESS = "readiness/index.html";
    public static final String CHANGES = "readiness/changes.html";

    private SitePaths() {
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

    public static String serviceCalendar(String id) {
        return "services/" + id + "/oncall.ics";
    }

    public static String personCalendar(String id) {
        return "people/" + id + ".ics";
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
        return "alert-" + name;
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
                    sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
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
