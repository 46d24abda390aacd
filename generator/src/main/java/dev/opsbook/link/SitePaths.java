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
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String fragment = hash < 0 ? "" : target.substring(hash);
        String[] f = from.split("/");
        String[] t = path.split("/");
        int common = 0;
        while (common < f.length - 1 && common < t.length - 1 && f[common].equals(t[common])) {
            common++;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = common; i < f.length - 1; i++) {
            sb.append("../");
        }
        for (int i = common; i < t.length; i++) {
            sb.append(t[i]);
            if (i < t.length - 1) {
                sb.append('/');
            }
        }
        return sb + fragment;
    }

    /** The prefix that leads from the page {@code from} to the site root ({@code ""}, {@code "../"} …). */
    public static String root(String from) {
        int depth = (int) from.chars().filter(c -> c == '/').count();
        return "../".repeat(depth);
    }
}
