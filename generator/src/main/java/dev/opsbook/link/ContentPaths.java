package dev.opsbook.link;

/**
 * The one description of the content layout, beside the site's {@link SitePaths}: where each kind of
 * content file lives (paths relative to the content folder, with {@code /}), and back from a path to what
 * it is. Nothing else builds or splits content paths.
 *
 * <pre>
 * opsbook.yaml, severities.yaml
 * teams/&lt;team&gt;.yaml
 * guides/&lt;guide&gt;.md (and guides/&lt;folder&gt;/&lt;guide&gt;.md)
 * rotas/&lt;rota&gt;.yaml (a rota shared by the services that name it)
 * services/&lt;service&gt;/service.yaml, sla.yaml, rota.yaml
 * catalog-info.yaml, services/&lt;service&gt;/catalog-info.yaml (Backstage entities; also the files catalog: names)
 * services/&lt;service&gt;/runbooks/&lt;runbook&gt;.md
 * services/&lt;service&gt;/reviews/&lt;review&gt;.yaml
 * services/&lt;service&gt;/incidents/&lt;incident&gt;.md
 * anything else: an asset, copied as it is
 * </pre>
 */
public final class ContentPaths {
    public static final String SETTINGS = "opsbook.yaml";
    public static final String SEVERITIES = "severities.yaml";
    /** The folder of the team files, with its slash: a prefix of every team file. */
    public static final String TEAMS = "teams/";
    /** The folder of the guides (the organisation's playbooks), with its slash; sub-folders allowed. */
    public static final String GUIDES = "guides/";
    /** The folder of the shared rotas, with its slash. */
    public static final String ROTAS = "rotas/";
    /** The folder of the service folders, with its slash. */
    public static final String SERVICES = "services/";
    /** The files of a service folder that are not documents, by name. */
    public static final String SERVICE_FILE = "service.yaml";
    /** A Backstage catalog file, read at the top of the content folder and in each service folder. */
    public static final String CATALOG_FILE = "catalog-info.yaml";

    public static final String SLA_FILE = "sla.yaml";
    public static final String ROTA_FILE = "rota.yaml";
    /** The folders of a service's documents, by name. */
    public static final String RUNBOOKS = "runbooks";

    public static final String REVIEWS = "reviews";
    public static final String INCIDENTS = "incidents";

    private ContentPaths() {}

    /** What a content file is. */
    public enum Kind {
        SETTINGS,
        SEVERITIES,
        TEAM,
        GUIDE,
        SERVICE,
        SLA,
        ROTA,
        /** A rota kept once for several services: {@code rotas/<id>.yaml}. */
        SHARED_ROTA,
        RUNBOOK,
        REVIEW,
        /** A Backstage catalog file: {@code catalog-info.yaml} at the top or in a service folder. */
        CATALOG,
        INCIDENT,
        /** A file of a service folder that opsbook does not read (a YAML file there is a finding). */
        SERVICE_OTHER,
        /** Any other file: copied into the site as it is. */
        ASSET
    }

    /**
     * A content path read back: its kind, the service it belongs to (null outside a service folder), and
     * the id of the team, runbook, review or incident it is (its file name without the extension; null
     * for other kinds). The id is as written: whether it is a valid id is the loader's to judge.
     */
    public record Entry(Kind kind, String service, String id) {}

    /** A guide's file: {@code guides/<id>.md}, where the id may hold folders ({@code onboarding/first-week}). */
    public static String guide(String id) {
        return GUIDES + id + ".md";
    }

    /** A team's file: {@code teams/<id>.yaml}. */
    public static String team(String id) {
        return TEAMS + id + ".yaml";
    }

    /** The prefix every file of a team has, whatever its extension: {@code teams/<id>.}. */
    public static String teamPrefix(String id) {
        return TEAMS + id + ".";
    }

    /** A service's folder, without a slash at the end: {@code services/<id>}. */
    public static String serviceFolder(String service) {
        return SERVICES + service;
    }

    public static String serviceFile(String service) {
        return serviceFolder(service) + "/" + SERVICE_FILE;
    }

    public static String sla(String service) {
        return serviceFolder(service) + "/" + SLA_FILE;
    }

    /** The file a service's rota is read from: its own rota.yaml, or the shared rota its {@code rota:} names. */
    public static String rotaFile(dev.opsbook.model.Service s) {
        return s.sharedRota() != null ? sharedRota(s.sharedRota().id()) : rota(s.id());
    }

    /** A shared rota's file: {@code rotas/<id>.yaml}. */
    public static String sharedRota(String id) {
        return ROTAS + id + ".yaml";
    }

    public static String rota(String service) {
        return serviceFolder(service) + "/" + ROTA_FILE;
    }

    /** The folder of a service's runbooks, with its slash: {@code services/<id>/runbooks/}. */
    public static String runbooks(String service) {
        return serviceFolder(service) + "/" + RUNBOOKS + "/";
    }

    /** The folder of a service's reviews, with its slash. */
    public static String reviews(String service) {
        return serviceFolder(service) + "/" + REVIEWS + "/";
    }

    public static String runbook(String service, String id) {
        return runbooks(service) + id + ".md";
    }

    public static String review(String service, String id) {
        return reviews(service) + id + ".yaml";
    }

    public static String incident(String service, String id) {
        return serviceFolder(service) + "/" + INCIDENTS + "/" + id + ".md";
    }

    /** The service a content path lies in (or is the folder of), or null outside every service folder. */
    public static String serviceOf(String path) {
        if (!path.startsWith(SERVICES)) {
            return null;
        }
        int end = path.indexOf('/', SERVICES.length());
        String service = end < 0 ? path.substring(SERVICES.length()) : path.substring(SERVICES.length(), end);
        return service.isEmpty() ? null : service;
    }

    /** Whether a file name is a YAML file's ({@code .yaml}, or {@code .yml}, which is a finding). */
    public static boolean isYaml(String name) {
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** A file name without its extension. */
    public static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /** What the file at {@code path} (relative to the content folder) is. */
    public static Entry of(String path) {
        String[] parts = path.split("/", -1);
        if (parts.length == 1) {
            return switch (path) {
                case SETTINGS -> new Entry(Kind.SETTINGS, null, null);
                case SEVERITIES -> new Entry(Kind.SEVERITIES, null, null);
                case CATALOG_FILE -> new Entry(Kind.CATALOG, null, null);
                default -> new Entry(Kind.ASSET, null, null);
            };
        }
        if (GUIDES.equals(parts[0] + "/") && path.endsWith(".md")) {
            return new Entry(Kind.GUIDE, null, path.substring(GUIDES.length(), path.length() - ".md".length()));
        }
        if (parts.length == 2 && (TEAMS).equals(parts[0] + "/") && isYaml(parts[1])) {
            return new Entry(Kind.TEAM, null, stem(parts[1]));
        }
        if (parts.length == 2 && ROTAS.equals(parts[0] + "/") && isYaml(parts[1])) {
            return new Entry(Kind.SHARED_ROTA, null, stem(parts[1]));
        }
        if (parts.length >= 3 && SERVICES.equals(parts[0] + "/")) {
            return inService(parts[1], path.substring(SERVICES.length() + parts[1].length() + 1));
        }
        return new Entry(Kind.ASSET, null, null);
    }

    /** What the file at {@code name} (relative to the folder of {@code service}) is. */
    public static Entry inService(String service, String name) {
        String[] parts = name.split("/", -1);
        if (parts.length == 1) {
            return switch (name) {
                case SERVICE_FILE -> new Entry(Kind.SERVICE, service, null);
                case SLA_FILE -> new Entry(Kind.SLA, service, null);
                case ROTA_FILE -> new Entry(Kind.ROTA, service, null);
                case CATALOG_FILE -> new Entry(Kind.CATALOG, service, null);
                default -> new Entry(isYaml(name) ? Kind.SERVICE_OTHER : Kind.ASSET, service, null);
            };
        }
        if (parts.length == 2) {
            if (parts[0].equals(RUNBOOKS) && parts[1].endsWith(".md")) {
                return new Entry(Kind.RUNBOOK, service, stem(parts[1]));
            }
            if (parts[0].equals(INCIDENTS) && parts[1].endsWith(".md")) {
                return new Entry(Kind.INCIDENT, service, stem(parts[1]));
            }
            if (parts[0].equals(REVIEWS) && isYaml(parts[1])) {
                return new Entry(Kind.REVIEW, service, stem(parts[1]));
            }
        }
        return new Entry(Kind.ASSET, service, null);
    }
}
