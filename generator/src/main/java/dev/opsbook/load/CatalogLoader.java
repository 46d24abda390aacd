package dev.opsbook.load;

import dev.opsbook.finding.DidYouMean;
import dev.opsbook.finding.Findings;
import dev.opsbook.finding.Rules;
import dev.opsbook.link.ContentPaths;
import dev.opsbook.model.CatalogEntry;
import dev.opsbook.model.Keys;
import dev.opsbook.model.Link;
import dev.opsbook.model.Person;
import dev.opsbook.model.Pos;
import dev.opsbook.model.Ref;
import dev.opsbook.model.Service;
import dev.opsbook.model.Team;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a Backstage software catalog: {@code catalog-info.yaml} at the top of the content folder or in a
 * service's folder, the files that opsbook.yaml's {@code catalog:} globs name, and the files their
 * {@code Location} entities lead to. Each file holds one entity or several ({@code ---}). The kinds
 * Component, Resource, System, Domain, API, Group, User and Location are read strictly, with the keys of
 * Backstage's descriptor format; entities of other kinds (a scaffolder Template) are not read.
 *
 * <p>A Component or a Resource is a service: its name is the service's id, as written; {@code title} its
 * name, {@code description}, {@code spec.owner} (a Group, or a User, whose first group is then the team),
 * {@code spec.lifecycle}, {@code spec.dependsOn} and the providers of its {@code spec.consumesApis} its
 * dependencies, {@code metadata.links} its links; {@code opsbook.dev/tier}, {@code opsbook.dev/support-model},
 * {@code opsbook.dev/support-hours}, {@code opsbook.dev/rota} and {@code opsbook.dev/production-since}
 * annotations give opsbook's own facts. A
 * Group is a team (its display name and email), a User a person of every group it is {@code memberOf}
 * (with {@code opsbook.dev/phone} and {@code opsbook.dev/timezone} annotations).
 */
final class CatalogLoader {
    /** The name of a catalog file that is read wherever it is: at the top and in each service folder. */
    static final String FILE = ContentPaths.CATALOG_FILE;
    /** The prefix of the annotations that carry opsbook's facts. */
    static final String PREFIX = "opsbook.dev/";

    /** The address of a service's handbook page, which the catalog the site publishes carries: kept, not read. */
    static final String HANDBOOK_PAGE = PREFIX + "handbook-page";

    static final List<String> SERVICE_ANNOTATIONS = List.of(
            PREFIX + "tier",
            PREFIX + "support-model",
            PREFIX + "support-hours",
            PREFIX + "rota",
            PREFIX + "production-since",
            HANDBOOK_PAGE);
    static final List<String> USER_ANNOTATIONS = List.of(PREFIX + "phone", PREFIX + "timezone");

    private static final List<String> METADATA = List.of(
            "name", "namespace", "title", "description", "labels", "annotations", "tags", "links", "uid", "etag");

    /** The keys of {@code spec} of each kind read, and those of them that are required (Backstage's schemas). */
    private record KindSpec(List<String> keys, List<String> required) {}

    private static final Map<String, KindSpec> KINDS = Map.of(
            "Component",
            new KindSpec(
                    List.of(
                            "type",
                            "lifecycle",
                            "owner",
                            "system",
                            "subcomponentOf",
                            "providesApis",
                            "consumesApis",
                            "dependsOn",
                            "dependencyOf"),
                    List.of("type", "lifecycle", "owner")),
            "Resource",
            new KindSpec(List.of("type", "owner", "system", "dependsOn", "dependencyOf"), List.of("type", "owner")),
            "System",
            new KindSpec(List.of("type", "owner", "domain"), List.of("owner")),
            "Domain",
            new KindSpec(List.of("type", "owner", "subdomainOf"), List.of("owner")),
            "API",
            new KindSpec(
                    List.of("type", "lifecycle", "owner", "system", "definition"),
                    List.of("type", "lifecycle", "owner", "definition")),
            "Group",
            new KindSpec(List.of("type", "profile", "parent", "children", "members"), List.of("type", "children")),
            "User",
            new KindSpec(List.of("profile", "memberOf"), List.of("memberOf")),
            "Location",
            new KindSpec(List.of("type", "target", "targets", "presence"), List.of()));

    private static final List<String> LIST_KEYS = List.of(
            "providesApis", "consumesApis", "dependsOn", "dependencyOf", "children", "members", "memberOf", "targets");

    private CatalogLoader() {}

    /** A service as a catalog describes it, and the opsbook keys its entity gives. */
    record CatalogService(ServiceLoader.Parts parts, CatalogEntry entry) {}

    /** What the catalog holds: its services by id, its teams (with their people), the files it was read from. */
    record Result(Map<String, CatalogService> services, List<Team> teams, Set<String> files) {
        static final Result EMPTY = new Result(Map.of(), List.of(), Set.of());
    }

    /** One entity as read: kind, name, where it starts, its metadata and the values of its spec. */
    private record Entity(
            String kind,
            String name,
            String namespace,
            Pos pos,
            String file,
            Meta meta,
            Map<String, Ref> values,
            Map<String, List<Ref>> lists,
            Profile profile,
            Keys specKeys,
            YamlMap annotations) {
        Ref value(String key) {
            return values.get(key);
        }

        List<Ref> list(String key) {
            return lists.getOrDefault(key, List.of());
        }
    }

    private record Meta(
            String title,
            String description,
            List<String> tags,
            Map<String, String> annotations,
            Map<String, String> labels,
            List<Link> links,
            Keys keys) {}

    private record Profile(String displayName, String email) {}

    /**
     * Every file of {@code listed} (the content folder's files) that is a catalog file: those named
     * {@code catalog-info.yaml} where opsbook reads them, and those {@code globs} match that are not another
     * kind of content file (opsbook.yaml, a team …).
     */
    static List<String> files(Collection<String> listed, List<String> globs) {
        List<PathMatcher> matchers = globs.stream()
                .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g))
                .toList();
        List<String> out = new ArrayList<>();
        for (String rel : listed) {
            ContentPaths.Kind kind = ContentPaths.of(rel).kind();
            if (kind == ContentPaths.Kind.CATALOG) {
                out.add(rel);
            } else if ((kind == ContentPaths.Kind.ASSET || kind == ContentPaths.Kind.SERVICE_OTHER)
                    && ContentPaths.isYaml(rel)
                    && matchers.stream().anyMatch(m -> m.matches(Path.of(rel)))) {
                out.add(rel);
            }
        }
        return out;
    }

    /**
     * Reads the catalog files {@code start}, following Location entities to other files of {@code listed};
     * a target that is not a file of the content folder is a finding at the target.
     */
    static Result read(ContentReader reader, List<String> start, Set<String> listed, Findings findings)
            throws IOException {
        if (start.isEmpty()) {
            return Result.EMPTY;
        }
        Set<String> files = new LinkedHashSet<>();
        ArrayDeque<String> queue = new ArrayDeque<>(start);
        List<Entity> entities = new ArrayList<>();
        while (!queue.isEmpty()) {
            String rel = queue.poll();
            if (!files.add(rel)) {
                continue;
            }
            Optional<List<YamlMap>> docs = reader.yamlAll(rel, ContentPaths.serviceOf(rel));
            if (docs.isEmpty()) {
                continue;
            }
            for (YamlMap doc : docs.get()) {
                Entity e = entity(doc, rel);
                if (e == null) {
                    continue;
                }
                if (e.kind().equals("Location")) {
                    follow(e, rel, listed, queue, findings);
                } else {
                    entities.add(e);
                }
            }
        }
        return resolve(entities, files, findings);
    }

    /** One document of a catalog file read as an entity, or null (after a finding, or for a kind not read). */
    private static Entity entity(YamlMap doc, String file) {
        String kind = doc.string("kind");
        KindSpec spec = kind == null ? null : KINDS.get(kind);
        if (kind != null && spec == null) {
            // an entity of another kind (a scaffolder Template, a custom kind): not opsbook's to read
            return null;
        }
        doc.require("apiVersion", "kind", "metadata");
        String api = doc.string("apiVersion");
        if (api != null && !api.startsWith("backstage.io/")) {
            doc.schema(
                    "apiVersion",
                    "a " + kind + " entity's apiVersion must be backstage.io/…, found '" + api + "'",
                    "write apiVersion: backstage.io/v1alpha1");
        }
        doc.has("spec");
        doc.has("relations"); // written by Backstage itself in a catalog it exports: not read
        doc.has("status");
        Optional<YamlMap> metaMap = doc.map("metadata");
        Optional<YamlMap> specMap = doc.map("spec");
        doc.finish();
        if (kind == null || metaMap.isEmpty()) {
            return null;
        }
        YamlMap m = metaMap.get();
        m.require("name");
        String name = m.string("name");
        if (name != null && !Ids.valid(name)) {
            m.error(Rules.INVALID_ID, m.pos("name"), kind + " " + Ids.problem(name), "use '" + Ids.suggest(name) + "'");
            name = null;
        }
        String namespace = m.string("namespace");
        if (namespace != null && !Ids.valid(namespace)) {
            m.error(
                    Rules.INVALID_ID,
                    m.pos("namespace"),
                    kind + " namespace " + Ids.problem(namespace),
                    "use '" + Ids.suggest(namespace) + "'");
            name = null;
        }
        String title = m.string("title");
        String description = m.string("description");
        List<String> tags = m.strings("tags");
        YamlMap annotations = m.map("annotations").orElse(null);
        Map<String, String> annotationValues = new LinkedHashMap<>();
        if (annotations != null) {
            for (String k : annotations.keys()) {
                if (!k.startsWith(PREFIX) || k.equals(HANDBOOK_PAGE)) {
                    String v = annotations.scalarAt(k);
                    if (v != null) {
                        annotationValues.put(k, v);
                    }
                }
            }
        }
        Map<String, String> labels = new LinkedHashMap<>();
        m.map("labels").ifPresent(l -> {
            for (String k : l.keys()) {
                String v = l.scalarAt(k);
                if (v != null) {
                    labels.put(k, v);
                }
            }
            l.finish();
        });
        List<Link> links = new ArrayList<>();
        for (YamlMap l : m.maps("links")) {
            l.require("url");
            String url = Urls.check(l, "url");
            String linkTitle = l.string("title");
            l.has("icon");
            l.has("type");
            l.finish();
            if (url != null) {
                links.add(new Link(linkTitle != null ? linkTitle : url, url, l.pos()));
            }
        }
        for (String k : METADATA) {
            m.has(k);
        }
        m.finish();
        Meta meta = new Meta(
                title, description, tags, annotationValues, labels, List.copyOf(links), m.keyPositions(m.pos()));

        Map<String, Ref> values = new LinkedHashMap<>();
        Map<String, List<Ref>> lists = new LinkedHashMap<>();
        Profile profile = null;
        Keys specKeys = Keys.none(doc.pos());
        if (specMap.isEmpty()) {
            if (!spec.required().isEmpty()) {
                doc.require("spec");
            }
        } else {
            YamlMap s = specMap.get();
            s.require(spec.required().toArray(String[]::new));
            for (String key : spec.keys()) {
                if (LIST_KEYS.contains(key)) {
                    lists.put(key, s.refs(key));
                } else if (key.equals("profile")) {
                    profile = s.map("profile").map(CatalogLoader::profile).orElse(null);
                } else if (key.equals("definition")) {
                    s.has(key); // an API's definition: not opsbook's to read
                } else {
                    Ref r = s.ref(key);
                    if (r != null) {
                        values.put(key, r);
                    }
                }
            }
            s.finish();
            specKeys = s.keyPositions(s.pos());
        }
        if (name == null) {
            return null;
        }
        return new Entity(
                kind,
                name,
                namespace != null ? namespace : "default",
                doc.pos(),
                file,
                meta,
                values,
                lists,
                profile,
                specKeys,
                annotations);
    }

    private static Profile profile(YamlMap p) {
        String displayName = p.string("displayName");
        String email = TeamLoader.email(p);
        p.has("picture");
        p.finish();
        return new Profile(displayName, email);
    }

    /** The files a Location leads to ({@code ./components/petstore.yaml}, or a glob), queued to be read. */
    private static void follow(
            Entity location, String from, Set<String> listed, ArrayDeque<String> queue, Findings findings) {
        List<Ref> targets = new ArrayList<>(location.list("targets"));
        Ref target = location.value("target");
        if (target != null) {
            targets.add(0, target);
        }
        String folder = from.contains("/") ? from.substring(0, from.lastIndexOf('/') + 1) : "";
        for (Ref t : targets) {
            String written = t.id();
            if (written.matches("(?i)[a-z][a-z0-9+.-]*:.*")) {
                findings.error(
                        Rules.BROKEN_REFERENCE,
                        ContentPaths.serviceOf(from),
                        t.pos(),
                        "the catalog location '" + written + "' is an address: opsbook reads catalog files of the"
                                + " content folder only",
                        "add the file to the content folder and name it by its path, or leave this location out");
                continue;
            }
            String rel = normalise(folder + (written.startsWith("./") ? written.substring(2) : written));
            if (rel == null) {
                findings.error(
                        Rules.UNSAFE_PATH,
                        ContentPaths.serviceOf(from),
                        t.pos(),
                        "the catalog location '" + written + "' leads out of the content folder",
                        "name a catalog file inside the content folder, relative to this file");
                continue;
            }
            if (rel.contains("*") || rel.contains("?") || rel.contains("{")) {
                PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + rel);
                List<String> matched = listed.stream()
                        .filter(f -> ContentPaths.isYaml(f) && glob.matches(Path.of(f)))
                        .toList();
                if (matched.isEmpty()) {
                    findings.error(
                            Rules.BROKEN_REFERENCE,
                            ContentPaths.serviceOf(from),
                            t.pos(),
                            "the catalog location '" + written + "' matches no file",
                            "correct the pattern; it is relative to "
                                    + (folder.isEmpty() ? "the content folder" : folder));
                }
                queue.addAll(matched);
            } else if (listed.contains(rel)) {
                queue.add(rel);
            } else {
                String near = DidYouMean.closest(rel, listed);
                findings.error(
                        Rules.BROKEN_REFERENCE,
                        ContentPaths.serviceOf(from),
                        t.pos(),
                        "the catalog location '" + written + "' leads to no file (" + rel + ")"
                                + DidYouMean.mention(near),
                        "correct the path; it is relative to " + (folder.isEmpty() ? "the content folder" : folder));
            }
        }
    }

    /** {@code path} with its {@code .} and {@code ..} folders resolved, or null when it leaves the content folder. */
    static String normalise(String path) {
        if (path.startsWith("/")) {
            return null;
        }
        ArrayDeque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }

    /**
     * An entity reference, {@code [kind:][namespace/]name}, split; kind lower case or null, namespace null when
     * not written (then the referring entity's, as Backstage reads it).
     */
    record EntityRef(String kind, String namespace, String name) {}

    /** {@code ref} read as an entity reference (every text is one: what it names is checked where it is used). */
    private static EntityRef entityRef(Ref ref) {
        String s = ref.id();
        String kind = null;
        int colon = s.indexOf(':');
        if (colon > 0) {
            kind = s.substring(0, colon).toLowerCase(Locale.ROOT);
            s = s.substring(colon + 1);
        }
        String namespace = null;
        int slash = s.indexOf('/');
        if (slash >= 0) {
            namespace = s.substring(0, slash);
            s = s.substring(slash + 1);
        }
        return new EntityRef(kind, namespace, s);
    }

    /**
     * The entity of {@code kind} that {@code r}, written by {@code from}, names, or null. opsbook's ids are the
     * names, so a name is one entity of its kind whatever its namespace; the reference's namespace (or, when it
     * writes none, the referring entity's) must be that entity's.
     */
    private static Entity find(Map<String, Entity> byRef, String kind, EntityRef r, Entity from) {
        Entity e = byRef.get(kind + ":" + r.name());
        String namespace = r.namespace() != null ? r.namespace() : from.namespace();
        return e != null && e.namespace().equals(namespace) ? e : null;
    }

    /** The entities joined: services, teams and their people, with findings for what does not fit together. */
    private static Result resolve(List<Entity> entities, Set<String> files, Findings findings) {
        Map<String, Entity> byRef = new LinkedHashMap<>();
        for (Entity e : entities) {
            String key = e.kind().toLowerCase(Locale.ROOT) + ":" + e.name();
            Entity first = byRef.putIfAbsent(key, e);
            if (first != null && first.namespace().equals(e.namespace())) {
                findings.error(
                        Rules.DUPLICATE_ID,
                        ContentPaths.serviceOf(e.file()),
                        e.meta().keys().at("name"),
                        e.kind() + " '" + e.name() + "' is already described at " + first.pos(),
                        "describe each entity once");
            } else if (first != null) {
                findings.error(
                        Rules.DUPLICATE_ID,
                        ContentPaths.serviceOf(e.file()),
                        e.meta().keys().at("name"),
                        e.kind() + " '" + e.name() + "' of namespace '" + e.namespace() + "' has the name of the one"
                                + " of namespace '" + first.namespace() + "' at " + first.pos()
                                + ": the handbook's ids are the names, one entity each whatever its namespace",
                        "rename one of the two");
            }
        }
        // the services: Components and Resources share one id space
        Map<String, Entity> serviceEntities = new LinkedHashMap<>();
        for (Entity e : byRef.values()) {
            if (e.kind().equals("Component") || e.kind().equals("Resource")) {
                Entity first = serviceEntities.putIfAbsent(e.name(), e);
                if (first != null) {
                    findings.error(
                            Rules.DUPLICATE_ID,
                            ContentPaths.serviceOf(e.file()),
                            e.meta().keys().at("name"),
                            "service '" + e.name() + "' is already the " + first.kind() + " described at "
                                    + first.pos(),
                            "a Component and a Resource of one name are one service in the handbook: rename one");
                }
            }
        }
        // each API's providers, so that consuming it depends on them
        Map<String, List<String>> providers = new LinkedHashMap<>();
        for (Entity e : serviceEntities.values()) {
            for (Ref api : e.list("providesApis")) {
                providers
                        .computeIfAbsent(entityRef(api).name(), k -> new ArrayList<>())
                        .add(e.name());
            }
        }
        // people: each User in every group it is a member of, its first group its home
        Map<String, List<Entity>> membersOf = new LinkedHashMap<>();
        Map<String, String> homeGroup = new LinkedHashMap<>();
        for (Entity e : byRef.values()) {
            if (e.kind().equals("User")) {
                for (Ref g : e.list("memberOf")) {
                    EntityRef r = entityRef(g);
                    if (find(byRef, "group", r, e) == null) {
                        findings.error(
                                Rules.BROKEN_REFERENCE,
                                ContentPaths.serviceOf(e.file()),
                                g.pos(),
                                "User '" + e.name() + "' is memberOf '" + g.id() + "', which is no Group of the catalog"
                                        + DidYouMean.mention(DidYouMean.closest(r.name(), groupNames(byRef))),
                                "name a Group of the catalog");
                        continue;
                    }
                    homeGroup.putIfAbsent(e.name(), r.name());
                    List<Entity> members = membersOf.computeIfAbsent(r.name(), k -> new ArrayList<>());
                    if (!members.contains(e)) {
                        members.add(e);
                    }
                }
            }
        }
        for (Entity e : byRef.values()) {
            if (e.kind().equals("Group")) {
                for (Ref u : e.list("members")) {
                    EntityRef r = entityRef(u);
                    Entity user = find(byRef, "user", r, e);
                    if (user == null) {
                        findings.error(
                                Rules.BROKEN_REFERENCE,
                                ContentPaths.serviceOf(e.file()),
                                u.pos(),
                                "Group '" + e.name() + "' has member '" + u.id() + "', which is no User of the catalog",
                                "name a User of the catalog");
                        continue;
                    }
                    homeGroup.putIfAbsent(user.name(), e.name());
                    List<Entity> members = membersOf.computeIfAbsent(e.name(), k -> new ArrayList<>());
                    if (!members.contains(user)) {
                        members.add(user);
                    }
                }
            }
        }
        Map<String, Person> people = new LinkedHashMap<>();
        for (Entity e : byRef.values()) {
            if (e.kind().equals("User")) {
                String home = homeGroup.get(e.name());
                Person p = person(e, home);
                if (home == null) {
                    if (e.list("memberOf").isEmpty()) {
                        findings.error(
                                Rules.SCHEMA,
                                ContentPaths.serviceOf(e.file()),
                                e.specKeys().at("memberOf"),
                                "User '" + e.name() + "' is a member of no Group: the handbook lists people in teams",
                                "add memberOf: [<group>] to its spec");
                    }
                    continue;
                }
                people.put(e.name(), p);
            }
        }
        List<Team> teams = new ArrayList<>();
        for (Entity e : byRef.values()) {
            if (e.kind().equals("Group")) {
                List<Person> members = membersOf.getOrDefault(e.name(), List.of()).stream()
                        .map(u -> people.get(u.name()))
                        .filter(Objects::nonNull)
                        .toList();
                Profile p = e.profile();
                String name = p != null && p.displayName() != null
                        ? p.displayName()
                        : e.meta().title();
                teams.add(new Team(
                        e.name(),
                        name != null ? name : e.name(),
                        p == null ? null : p.email(),
                        null,
                        members,
                        e.pos()));
            }
        }
        Map<String, CatalogService> services = new LinkedHashMap<>();
        for (Entity e : serviceEntities.values()) {
            services.put(e.name(), service(e, byRef, providers, homeGroup, findings));
        }
        return new Result(services, List.copyOf(teams), Set.copyOf(files));
    }

    private static List<String> groupNames(Map<String, Entity> byRef) {
        return byRef.values().stream()
                .filter(e -> e.kind().equals("Group"))
                .map(Entity::name)
                .toList();
    }

    /** A User as a person of the handbook, at home in {@code team}. */
    private static Person person(Entity e, String team) {
        Profile p = e.profile();
        String name = p != null && p.displayName() != null
                ? p.displayName()
                : e.meta().title();
        String phone = null;
        String timezone = null;
        YamlMap a = e.annotations();
        if (a != null) {
            phone = TeamLoader.phone(a, PREFIX + "phone");
            timezone = TeamLoader.timezone(a, PREFIX + "timezone");
            known(a, USER_ANNOTATIONS);
        }
        return new Person(
                e.name(), name != null ? name : e.name(), p == null ? null : p.email(), phone, timezone, team, e.pos());
    }

    /** The {@code opsbook.dev/} annotations written that are not one of {@code known}: findings. */
    private static void known(YamlMap annotations, List<String> known) {
        for (String k : annotations.keys()) {
            if (k.startsWith(PREFIX) && !known.contains(k)) {
                String near = DidYouMean.closest(k, known);
                annotations.error(
                        Rules.SCHEMA,
                        annotations.keyPos(k),
                        "unknown opsbook annotation '" + k + "'" + DidYouMean.mention(near),
                        near != null
                                ? "rename it to '" + near + "'"
                                : "the opsbook annotations here are " + String.join(", ", known));
            }
        }
    }

    /** A Component or Resource as a service. */
    private static CatalogService service(
            Entity e,
            Map<String, Entity> byRef,
            Map<String, List<String>> providers,
            Map<String, String> homeGroup,
            Findings findings) {
        String file = e.file();
        Map<String, Pos> written = new LinkedHashMap<>();
        Set<String> refused = new LinkedHashSet<>();
        Keys meta = e.meta().keys();
        Keys spec = e.specKeys();
        map(written, refused, "name", meta, "title");
        map(written, refused, "description", meta, "description");
        map(written, refused, "links", meta, "links");
        map(written, refused, "owner", spec, "owner");
        map(written, refused, "lifecycle", spec, "lifecycle");
        map(written, refused, "dependsOn", spec, "dependsOn");

        // the owner: a Group is the team; a User's team is the first group it is a member of
        Ref ownerWritten = e.value("owner");
        Ref owner = null;
        if (ownerWritten != null) {
            EntityRef r = entityRef(ownerWritten);
            if ("user".equals(r.kind())
                    || r.kind() == null && find(byRef, "user", r, e) != null && find(byRef, "group", r, e) == null) {
                String home = homeGroup.get(r.name());
                if (home == null) {
                    findings.error(
                            Rules.BROKEN_REFERENCE,
                            ContentPaths.serviceOf(file),
                            ownerWritten.pos(),
                            find(byRef, "user", r, e) != null
                                    ? "the owner of " + e.kind() + " '" + e.name() + "', User '" + r.name()
                                            + "', is a member of no Group: the handbook needs the owning team"
                                    : "the owner of " + e.kind() + " '" + e.name() + "', User '" + r.name()
                                            + "', is not in the catalog",
                            "make a Group the owner, or the User a member of one");
                    refused.add("owner");
                } else {
                    owner = new Ref(home, ownerWritten.pos());
                }
            } else if ((r.kind() == null || r.kind().equals("group"))
                    && byRef.containsKey("group:" + r.name())
                    && find(byRef, "group", r, e) == null) {
                // the Group of that name is in another namespace than the reference says
                findings.error(
                        Rules.BROKEN_REFERENCE,
                        ContentPaths.serviceOf(file),
                        ownerWritten.pos(),
                        "the owner of " + e.kind() + " '" + e.name() + "', '" + ownerWritten.id()
                                + "', is in namespace '" + (r.namespace() != null ? r.namespace() : e.namespace())
                                + "', but Group '" + r.name() + "' is in namespace '"
                                + byRef.get("group:" + r.name()).namespace() + "'",
                        "write the Group's namespace: group:"
                                + byRef.get("group:" + r.name()).namespace() + "/" + r.name());
                refused.add("owner");
            } else if (r.kind() == null || r.kind().equals("group")) {
                owner = new Ref(r.name(), ownerWritten.pos());
            } else {
                findings.error(
                        Rules.SCHEMA,
                        ContentPaths.serviceOf(file),
                        ownerWritten.pos(),
                        "the owner of " + e.kind() + " '" + e.name() + "' must be a Group or a User, found '"
                                + ownerWritten.id() + "'",
                        "write spec.owner: group:<name> or user:<name>");
                refused.add("owner");
            }
        }
        String lifecycle = null;
        Ref lc = e.value("lifecycle");
        if (lc != null && lc.id().equals("unknown")) {
            // what opsbook's own export writes for a lifecycle that is not set (Backstage requires one)
            written.remove("lifecycle");
        } else if (lc != null) {
            if (ServiceLoader.LIFECYCLES.contains(lc.id())) {
                lifecycle = lc.id();
            } else {
                String near = DidYouMean.closest(lc.id(), ServiceLoader.LIFECYCLES);
                findings.error(
                        Rules.SCHEMA,
                        ContentPaths.serviceOf(file),
                        lc.pos(),
                        "'lifecycle' must be one of " + String.join(", ", ServiceLoader.LIFECYCLES) + ", found '"
                                + lc.id() + "'" + DidYouMean.mention(near),
                        DidYouMean.changeTo(near, "write one of " + String.join(", ", ServiceLoader.LIFECYCLES)));
                refused.add("lifecycle");
            }
        }
        // dependencies: what it depends on, and the providers of the APIs it consumes
        List<Ref> dependsOn = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (Ref d : e.list("dependsOn")) {
            EntityRef r = entityRef(d);
            if (r.kind() != null && !r.kind().equals("component") && !r.kind().equals("resource")) {
                findings.error(
                        Rules.SCHEMA,
                        ContentPaths.serviceOf(file),
                        d.pos(),
                        "dependsOn names '" + d.id() + "': a " + e.kind() + " depends on Components and Resources",
                        "write component:<name> or resource:<name>");
                refused.add("dependsOn");
            } else if (seen.add(r.name())) {
                dependsOn.add(new Ref(r.name(), d.pos()));
            }
        }
        for (Ref api : e.list("consumesApis")) {
            EntityRef r = entityRef(api);
            if (find(byRef, "api", r, e) == null) {
                findings.error(
                        Rules.BROKEN_REFERENCE,
                        ContentPaths.serviceOf(file),
                        api.pos(),
                        e.kind() + " '" + e.name() + "' consumes API '" + api.id() + "', which is not in the catalog",
                        "describe the API, or correct its name");
                continue;
            }
            for (String provider : providers.getOrDefault(r.name(), List.of())) {
                if (!provider.equals(e.name()) && seen.add(provider)) {
                    dependsOn.add(new Ref(provider, api.pos()));
                }
            }
            written.putIfAbsent("dependsOn", spec.at("consumesApis"));
        }
        for (Ref api : e.list("providesApis")) {
            resolved(api, "api", e, "provides API '%s', which is not in the catalog", byRef, findings);
        }
        Ref system = resolved(
                e.value("system"), "system", e, "is part of system '%s', which is not in the catalog", byRef, findings);
        Ref parent = resolved(
                e.value("subcomponentOf"),
                "component",
                e,
                "is a subcomponent of '%s', which is no Component of the catalog",
                byRef,
                findings);
        // opsbook's own facts, as annotations
        Integer tier = null;
        String supportModel = null;
        String supportHours = null;
        Ref rota = null;
        java.time.LocalDate productionSince = null;
        YamlMap a = e.annotations();
        if (a != null) {
            productionSince = a.date(PREFIX + "production-since");
            tier = a.integer(PREFIX + "tier", 1, 4);
            supportModel = a.oneOf(PREFIX + "support-model", ServiceLoader.SUPPORT_MODELS);
            supportHours = a.oneOf(PREFIX + "support-hours", ServiceLoader.SUPPORT_HOURS);
            rota = a.ref(PREFIX + "rota");
            known(a, SERVICE_ANNOTATIONS);
            Keys ak = a.keyPositions(meta.at("annotations"));
            map(written, refused, "tier", ak, PREFIX + "tier");
            map(written, refused, "supportModel", ak, PREFIX + "support-model");
            map(written, refused, "supportHours", ak, PREFIX + "support-hours");
            map(written, refused, "rota", ak, PREFIX + "rota");
            map(written, refused, "productionSince", ak, PREFIX + "production-since");
        }
        Keys keys = new Keys(written, refused, e.pos());
        ServiceLoader.Parts parts = new ServiceLoader.Parts(
                e.meta().title() != null ? e.meta().title() : e.name(),
                e.meta().description(),
                owner,
                tier,
                lifecycle,
                supportModel,
                supportHours,
                List.copyOf(dependsOn),
                e.meta().links(),
                Service.Telemetry.NONE,
                List.of(),
                List.of(),
                Service.Readiness.NONE,
                List.of(),
                keys,
                rota,
                productionSince);
        Ref type = e.value("type");
        CatalogEntry entry = new CatalogEntry(
                e.kind(),
                e.name(),
                e.namespace(),
                e.meta().title(),
                type == null ? null : type.id(),
                system,
                parent,
                e.meta().tags(),
                e.meta().annotations(),
                e.meta().labels(),
                e.list("providesApis").stream().map(Ref::id).toList(),
                e.list("consumesApis").stream().map(Ref::id).toList(),
                ownerWritten,
                e.pos());
        return new CatalogService(parts, entry);
    }

    /**
     * A service that both service.yaml ({@code own}) and a catalog entity describe: each of name,
     * description, owner, lifecycle, tier, support model, support hours and rota is taken from where it is
     * written; written in both with different values, it is a {@code catalog-conflict} at both places, and
     * service.yaml's value holds. Dependencies and links are those of both. What only opsbook's files say
     * (SLOs, alerts, telemetry, readiness, notApplicable) comes from service.yaml.
     */
    static ServiceLoader.Parts merge(String id, ServiceLoader.Parts own, CatalogService cat, Findings findings) {
        ServiceLoader.Parts c = cat.parts();
        Map<String, java.util.function.Function<ServiceLoader.Parts, Object>> facts = new LinkedHashMap<>();
        facts.put("name", ServiceLoader.Parts::name);
        facts.put("description", ServiceLoader.Parts::description);
        facts.put("owner", p -> p.owner() == null ? null : p.owner().id());
        facts.put("lifecycle", ServiceLoader.Parts::lifecycle);
        facts.put("tier", ServiceLoader.Parts::tier);
        facts.put("supportModel", ServiceLoader.Parts::supportModel);
        facts.put("supportHours", ServiceLoader.Parts::supportHours);
        facts.put("rota", p -> p.rota() == null ? null : p.rota().id());
        facts.put("productionSince", ServiceLoader.Parts::productionSince);
        Map<String, Boolean> fromCatalog = new LinkedHashMap<>();
        facts.forEach((key, value) -> {
            boolean ownWrites = own.keys().written().containsKey(key) && value.apply(own) != null;
            boolean catWrites = c.keys().written().containsKey(key) && value.apply(c) != null;
            fromCatalog.put(key, catWrites && !ownWrites);
            if (ownWrites && catWrites && !value.apply(own).equals(value.apply(c))) {
                Pos ownAt = own.keys().at(key);
                Pos catAt = c.keys().at(key);
                String what = "'" + key + "' of service '" + id + "'";
                findings.error(
                        Rules.CATALOG_CONFLICT,
                        id,
                        ownAt,
                        what + " is '" + value.apply(own) + "' here and '" + value.apply(c) + "' in the catalog at "
                                + catAt + " (service.yaml's value holds)",
                        "make the two agree, or write it in one place only");
                findings.error(
                        Rules.CATALOG_CONFLICT,
                        id,
                        catAt,
                        what + " is '" + value.apply(c) + "' here and '" + value.apply(own) + "' in service.yaml at "
                                + ownAt + " (service.yaml's value holds)",
                        "make the two agree, or write it in one place only");
            }
        });
        Map<String, Pos> written = new LinkedHashMap<>(c.keys().written());
        written.putAll(own.keys().written());
        Set<String> refused = new LinkedHashSet<>(own.keys().refused());
        fromCatalog.forEach((key, catalog) -> {
            if (catalog) {
                written.put(key, c.keys().at(key));
                if (c.keys().refused(key)) {
                    refused.add(key);
                }
            }
        });
        List<Ref> dependsOn = new ArrayList<>(own.dependsOn());
        Set<String> ids = new TreeSet<>();
        own.dependsOn().forEach(d -> ids.add(d.id()));
        c.dependsOn().stream().filter(d -> ids.add(d.id())).forEach(dependsOn::add);
        if (!c.dependsOn().isEmpty() && !own.keys().written().containsKey("dependsOn")) {
            written.put("dependsOn", c.keys().at("dependsOn"));
        }
        List<Link> links = new ArrayList<>(own.links());
        Set<String> urls = new TreeSet<>();
        own.links().forEach(l -> urls.add(l.url()));
        c.links().stream().filter(l -> urls.add(l.url())).forEach(links::add);
        if (!c.links().isEmpty() && !own.keys().written().containsKey("links")) {
            written.put("links", c.keys().at("links"));
        }
        return new ServiceLoader.Parts(
                fromCatalog.get("name") ? c.name() : own.name(),
                fromCatalog.get("description") ? c.description() : own.description(),
                fromCatalog.get("owner") ? c.owner() : own.owner(),
                fromCatalog.get("tier") ? c.tier() : own.tier(),
                fromCatalog.get("lifecycle") ? c.lifecycle() : own.lifecycle(),
                fromCatalog.get("supportModel") ? c.supportModel() : own.supportModel(),
                fromCatalog.get("supportHours") ? c.supportHours() : own.supportHours(),
                List.copyOf(dependsOn),
                List.copyOf(links),
                own.telemetry(),
                own.slos(),
                own.alerts(),
                own.readiness(),
                own.notApplicable(),
                new Keys(written, refused, own.keys().fallback()),
                fromCatalog.get("rota") ? c.rota() : own.rota(),
                fromCatalog.get("productionSince") ? c.productionSince() : own.productionSince());
    }

    /**
     * {@code ref} (as {@code e} writes it) as the name of an entity of {@code kind}, or null; one that is not in
     * the catalog is a {@code broken-reference} saying {@code what} (with the reference for {@code %s}).
     */
    private static Ref resolved(
            Ref ref, String kind, Entity e, String what, Map<String, Entity> byRef, Findings findings) {
        if (ref == null) {
            return null;
        }
        EntityRef r = entityRef(ref);
        if (find(byRef, kind, r, e) == null) {
            findings.error(
                    Rules.BROKEN_REFERENCE,
                    ContentPaths.serviceOf(e.file()),
                    ref.pos(),
                    e.kind() + " '" + e.name() + "' " + what.formatted(ref.id()),
                    kind.equals("component")
                            ? "correct the name"
                            : "describe the " + (kind.equals("api") ? "API" : "System") + ", or correct its name");
        }
        return new Ref(r.name(), ref.pos());
    }

    /** Records where the catalog writes what opsbook calls {@code key} ({@code from} in {@code keys}). */
    private static void map(Map<String, Pos> written, Set<String> refused, String key, Keys keys, String from) {
        if (keys.written().containsKey(from)) {
            written.put(key, keys.at(from));
        }
        if (keys.refused(from)) {
            refused.add(key);
        }
    }
}
