package dev.opsbook.load;

import dev.opsbook.finding.DidYouMean;
import dev.opsbook.finding.Findings;
import dev.opsbook.finding.Rules;
import dev.opsbook.link.ContentPaths;
import dev.opsbook.link.SitePaths;
import dev.opsbook.markdown.BodyStore;
import dev.opsbook.markdown.MarkdownEngine;
import dev.opsbook.model.Guide;
import dev.opsbook.model.Handbook;
import dev.opsbook.model.Incident;
import dev.opsbook.model.Keys;
import dev.opsbook.model.Person;
import dev.opsbook.model.Pos;
import dev.opsbook.model.Ref;
import dev.opsbook.model.Review;
import dev.opsbook.model.Rota;
import dev.opsbook.model.Runbook;
import dev.opsbook.model.Service;
import dev.opsbook.model.Settings;
import dev.opsbook.model.Severity;
import dev.opsbook.model.Sla;
import dev.opsbook.model.Team;
import dev.opsbook.parallel.Parallel;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads a content folder (content.md) into a {@link Handbook}. Every problem is a finding; the
 * handbook returned holds everything that could be read.
 */
public final class HandbookLoader {
    private final MarkdownEngine markdown;
    private final int threads;
    private final BodyStore bodies;

    /**
     * @param threads how many services are read at once
     * @param bodies  where the rendered Markdown bodies are kept until their pages are written
     */
    public HandbookLoader(MarkdownEngine markdown, int threads, BodyStore bodies) {
        this.markdown = markdown;
        this.threads = threads;
        this.bodies = bodies;
    }

    /** The folder that rule files named {@code ../} are found from, when it is not the one loaded; or null. */
    private Path outside;

    /**
     * Finds the rule files that opsbook.yaml names outside the content folder ({@code ../deploy/}) from
     * {@code folder}: the organisation's content folder, when a merge of it and the parts is loaded.
     */
    public HandbookLoader outside(Path folder) {
        this.outside = folder;
        return this;
    }

    public Handbook load(Path given, Findings findings) throws IOException {
        // the real path: a content folder given as a symbolic link is the folder it leads to
        Path root = given.toRealPath();
        Path outsideRoot = outside == null ? root : outside.toRealPath();
        ContentReader reader = new ContentReader(root, findings);
        reader.outside(outsideRoot);
        Settings settings = Settings.defaults();
        Path settingsFile = root.resolve("opsbook.yaml");
        // the same rule for links as every other file (the listing below cannot come first: it needs exclude)
        if (Files.exists(settingsFile, LinkOption.NOFOLLOW_LINKS)
                && followable(settingsFile, "opsbook.yaml", root, findings)) {
            settings =
                    reader.yaml("opsbook.yaml", null).map(SettingsLoader::read).orElse(settings);
        }
        reader.foreignKeys(settings.foreignKeys());
        List<PathMatcher> exclude = settings.exclude().stream()
                .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g))
                .toList();
        TreeSet<String> files = list(root, exclude, findings);
        // a Backstage catalog: read first, for the files its locations lead to are not assets
        CatalogLoader.Result catalog =
                CatalogLoader.read(reader, CatalogLoader.files(files, settings.catalog()), files, findings);

        List<Severity> severities = List.of();
        if (files.contains("severities.yaml")) {
            severities = reader.yaml("severities.yaml", null)
                    .map(SeveritiesLoader::read)
                    .orElse(List.of());
        } else {
            findings.error(
                    Rules.SCHEMA,
                    null,
                    Pos.file("severities.yaml"),
                    "severities.yaml is missing: every handbook defines its incident severity levels",
                    "create severities.yaml with a `severities:` list, most severe first");
        }

        List<Team> teams = new ArrayList<>();
        List<Guide> guides = new ArrayList<>();
        Map<String, TreeSet<String>> serviceFiles = new TreeMap<>();
        Layouts layouts = new Layouts(settings.layouts());
        Map<String, Map<String, Layouts.Match>> laidOut = new TreeMap<>();
        List<String> assets = new ArrayList<>();
        // rotas kept once for the services that name them (empty: the file could not be read)
        Map<String, Optional<Rota>> sharedRotas = new TreeMap<>();
        Set<String> badFolders = new HashSet<>();
        Map<String, RuleAlerts.Source> ruleFiles = new TreeMap<>();
        List<Map.Entry<PathMatcher, Settings.AlertRules>> ruleSources = settings.alertRules().stream()
                .map(a -> Map.entry(FileSystems.getDefault().getPathMatcher("glob:" + a.files()), a))
                .toList();
        ruleFilesOutside(outsideRoot, settings.alertRules(), reader, ruleFiles, findings);
        List<PathMatcher> sloMatchers = settings.sloFiles().stream()
                .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g))
                .toList();
        List<String> sloOutside = new ArrayList<>();
        for (String rel : files) {
            if (catalog.files().contains(rel)) {
                continue; // read above
            }
            if (ContentPaths.of(rel).kind() == ContentPaths.Kind.ASSET
                    && ContentPaths.isYaml(rel)
                    && sloMatchers.stream().anyMatch(m -> m.matches(Path.of(rel)))) {
                sloOutside.add(rel); // OpenSLO or Sloth files that opsbook.yaml's sloFiles names
                continue;
            }
            ContentPaths.Entry entry = ContentPaths.of(rel);
            String name = rel.substring(rel.lastIndexOf('/') + 1);
            boolean other = entry.kind() == ContentPaths.Kind.ASSET || entry.kind() == ContentPaths.Kind.SERVICE_OTHER;
            Settings.AlertRules source = !other
                    ? null
                    : ruleSources.stream()
                            .filter(e -> e.getKey().matches(Path.of(rel)))
                            .map(Map.Entry::getValue)
                            .findFirst()
                            .orElse(null);
            if (source != null) {
                ruleFiles.put(rel, new RuleAlerts.Source(null, source));
                continue;
            }
            if (other && entry.service() != null && Ids.valid(entry.service()) && RuleAlerts.isRuleFile(name)) {
                // a service's Prometheus rules, beside its service.yaml
                ruleFiles.put(rel, new RuleAlerts.Source(entry.service(), null));
                serviceFiles.computeIfAbsent(entry.service(), k -> new TreeSet<>());
                continue;
            }
            String laidOutService =
                    other && entry.service() == null && RuleAlerts.isRuleFile(name) ? layouts.serviceOf(rel) : null;
            if (laidOutService != null && Ids.valid(laidOutService)) {
                // the same in a folder of a layout (kubernetes/alerts.rules.yaml), beside the runbooks
                ruleFiles.put(rel, new RuleAlerts.Source(laidOutService, null));
                continue;
            }
            if (entry.kind() == ContentPaths.Kind.SETTINGS || entry.kind() == ContentPaths.Kind.SEVERITIES) {
                continue; // read above
            } else if (entry.kind() == ContentPaths.Kind.TEAM) {
                String id = entry.id();
                if (id.equals("index")) {
                    // teams/index.html is the page of all teams: a team page of that name would replace it
                    findings.error(
                            Rules.INVALID_ID,
                            null,
                            Pos.file(rel),
                            "team id 'index' is taken: teams/index.html" + " is the page of all teams",
                            "rename the file, such as to 'index-team.yaml'");
                } else if (checkName(rel, id, name, null, findings)) {
                    reader.yaml(rel, null).ifPresent(y -> teams.add(TeamLoader.read(id, y)));
                }
            } else if (entry.kind() == ContentPaths.Kind.SHARED_ROTA) {
                if (checkName(rel, entry.id(), name, null, findings)) {
                    sharedRotas.put(
                            entry.id(), reader.yaml(rel, null).map(y -> RotaLoader.read(y, holidayFiles(reader))));
                }
            } else if (entry.kind() == ContentPaths.Kind.GUIDE) {
                guide(reader, rel, entry.id(), name, findings).ifPresent(guides::add);
            } else if (entry.service() != null) {
                String id = entry.service();
                if (!Ids.valid(id)) {
                    if (badFolders.add(id)) {
                        findings.error(
                                Rules.INVALID_ID,
                                null,
                                Pos.file(ContentPaths.serviceFolder(id)),
                                "service folder " + Ids.problem(id),
                                "rename the folder to '" + Ids.suggest(id) + "'");
                    }
                    continue;
                }
                serviceFiles
                        .computeIfAbsent(id, k -> new TreeSet<>())
                        .add(rel.substring(ContentPaths.serviceFolder(id).length() + 1));
            } else {
                Layouts.Match m = layouts.isEmpty() ? null : layouts.match(rel);
                if (m == null) {
                    assets.add(rel);
                } else if (!Ids.valid(m.service())) {
                    if (badFolders.add(m.service())) {
                        findings.error(
                                Rules.INVALID_ID,
                                null,
                                Pos.file(rel),
                                "the folder of service '" + m.service() + "' (layout "
                                        + m.layout().runbooks() + ") " + Ids.problem(m.service()),
                                "rename the folder to '" + Ids.suggest(m.service()) + "'");
                    }
                } else {
                    laidOut.computeIfAbsent(m.service(), k -> new TreeMap<>()).put(rel, m);
                    serviceFiles.computeIfAbsent(m.service(), k -> new TreeSet<>());
                }
            }
        }
        Set<String> teamFiles = new HashSet<>();
        teams.forEach(t -> teamFiles.add(t.id()));
        for (Team t : catalog.teams()) {
            if (teamFiles.contains(t.id())) {
                findings.error(
                        Rules.DUPLICATE_ID,
                        null,
                        t.pos(),
                        "team '" + t.id() + "' is described by " + ContentPaths.team(t.id()) + " too",
                        "describe the team once: as a Group of the catalog, or in " + ContentPaths.team(t.id()));
            } else {
                teams.add(t);
            }
        }
        for (String id : catalog.services().keySet()) {
            if (Ids.valid(id)) {
                serviceFiles.computeIfAbsent(id, k -> new TreeSet<>());
            }
        }
        checkPeople(teams, findings);
        // two service folders, teams or guides whose names differ only in case are one on macOS and Windows
        for (Map.Entry<String, String> c :
                Ids.caseClashes(serviceFiles.keySet()).entrySet()) {
            findings.error(
                    Rules.DUPLICATE_ID,
                    null,
                    Pos.file(ContentPaths.serviceFolder(c.getKey())),
                    caseClash("service folder", c.getKey(), c.getValue()),
                    "rename one of the two folders");
        }
        reportCaseClashes(teams, Team::id, t -> t.pos().file(), "team", null, findings);
        reportCaseClashes(guides, Guide::id, Guide::file, "guide", null, findings);

        List<Service> services =
                services(reader, serviceFiles, laidOut, assets, settings.timezone(), sharedRotas, catalog.services());
        List<Service.Alert> unplaced = new ArrayList<>();
        if (!ruleFiles.isEmpty()) {
            services = new RuleAlerts(settings, severities, services)
                    .join(reader, ruleFiles, services, unplaced, findings);
        }
        if (!sloOutside.isEmpty()) {
            services = sloFilesOutside(reader, sloOutside, services, findings);
        }
        assets.sort(null);
        foreignFolder(serviceFiles.isEmpty(), assets, findings);
        List<String> published = new ArrayList<>(assets.size());
        for (String asset : assets) {
            String service = ContentPaths.serviceOf(asset);
            if (publishable(reader, asset, service, findings)) {
                reader.scanAsset(asset, service);
                published.add(asset);
            }
        }
        return new Handbook(
                settings,
                severities,
                teams,
                guides,
                services,
                files,
                published,
                reader.unreadable(),
                reader.secrets(),
                unplaced,
                reader.unreadableTexts());
    }

    /**
     * The SLOs of OpenSLO and Sloth files outside the service folders, each joined to the service it names
     * ({@code spec.service}, Sloth's {@code service}); one that names no service of the handbook is a finding.
     */
    private static List<Service> sloFilesOutside(
            ContentReader reader, List<String> files, List<Service> services, Findings findings) throws IOException {
        Map<String, List<Service.Slo>> added = new TreeMap<>();
        List<String> ids = services.stream().map(Service::id).toList();
        for (String rel : files) {
            Optional<List<YamlMap>> docs = reader.yamlAll(rel, null);
            if (docs.isEmpty()) {
                continue;
            }
            for (SloFiles.Read r : SloFiles.read(docs.get())) {
                if (r.service() == null) {
                    continue; // the missing key is reported
                }
                if (!ids.contains(r.service())) {
                    findings.error(
                            Rules.BROKEN_REFERENCE,
                            null,
                            r.servicePos(),
                            "there is no service '" + r.service() + "' for these SLOs"
                                    + dev.opsbook.finding.DidYouMean.mention(
                                            dev.opsbook.finding.DidYouMean.closest(r.service(), ids)),
                            "name a service of the handbook");
                    continue;
                }
                added.computeIfAbsent(r.service(), k -> new ArrayList<>()).addAll(r.slos());
            }
        }
        return services.stream()
                .map(s -> added.containsKey(s.id())
                        ? s.withSlos(SloFiles.join(s.slos(), added.get(s.id()), s.id(), findings))
                        : s)
                .toList();
    }

    /**
     * The rule files that {@code alertRules:} names outside the content folder ({@code ../deploy/*.yaml}):
     * only inside the repository the content folder is in (the nearest folder above it with a {@code .git}),
     * never through a link that leads out of it. A glob that reaches further is {@code unsafe-path}.
     */
    private static void ruleFilesOutside(
            Path root,
            List<Settings.AlertRules> sources,
            ContentReader reader,
            Map<String, RuleAlerts.Source> ruleFiles,
            Findings findings)
            throws IOException {
        Path repository = null;
        for (Settings.AlertRules src : sources) {
            if (!src.files().startsWith("../")) {
                continue;
            }
            if (repository == null) {
                for (Path p = root.getParent(); p != null && repository == null; p = p.getParent()) {
                    if (Files.exists(p.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
                        repository = p;
                    }
                }
            }
            String fixed = src.files().replaceFirst("[*?\\[{].*$", "");
            Path base = root.resolve(fixed.contains("/") ? fixed.substring(0, fixed.lastIndexOf('/')) : ".")
                    .normalize();
            if (repository == null || !base.startsWith(repository)) {
                findings.error(
                        Rules.UNSAFE_PATH,
                        null,
                        src.pos(),
                        "rule files '" + src.files() + "' are outside "
                                + (repository == null
                                        ? "the content folder, which is in no repository (.git)"
                                        : "the repository " + repository.getFileName()),
                        "keep the rule files inside the repository that holds the content folder");
                continue;
            }
            reader.repository(repository);
            if (!Files.isDirectory(base, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + src.files());
            final Path repo = repository;
            try (var walk = Files.walk(base, 16)) {
                for (Path f : walk.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                        .sorted()
                        .toList()) {
                    String rel = root.relativize(f).toString().replace('\\', '/');
                    if (glob.matches(Path.of(rel)) && f.toRealPath().startsWith(repo) && !rel.startsWith("../.git/")) {
                        ruleFiles.putIfAbsent(rel, new RuleAlerts.Source(null, src));
                    }
                }
            }
        }
    }

    /**
     * A content folder with no service folder but Markdown elsewhere (a runbook repository written for
     * GitHub or Hugo, pointed at as it is): what opsbook found, where it expects runbooks, and the
     * walk-through, instead of copying the Markdown silently.
     */
    private static void foreignFolder(boolean noServices, List<String> assets, Findings findings) {
        if (!noServices) {
            return;
        }
        List<String> markdown = assets.stream().filter(a -> a.endsWith(".md")).toList();
        if (markdown.isEmpty()) {
            return;
        }
        findings.error(
                Rules.SCHEMA,
                null,
                Pos.file(ContentPaths.SERVICES),
                "no service folders: opsbook found " + markdown.size() + " Markdown "
                        + (markdown.size() == 1 ? "file" : "files") + " (such as " + markdown.get(0)
                        + ") outside " + ContentPaths.SERVICES + "<service>/runbooks/ and " + ContentPaths.GUIDES
                        + ", which are copied as files, not published as pages",
                "to read them where they are, name their layout in opsbook.yaml (layouts: [{runbooks: \"{service}/{runbook}.md\","
                        + " owner: <team>}]), or give each service a folder " + ContentPaths.SERVICES
                        + "<service>/ with a service.yaml and its runbooks in runbooks/; docs/adopting.md walks"
                        + " through adopting a runbook repository");
    }

    /**
     * A guide ({@code guides/<id>.md}), when its name and its folders' are valid ids (and it is not
     * {@code guides/index.md}, whose page would be the list of guides); else a finding and nothing.
     */
    private Optional<Guide> guide(ContentReader reader, String rel, String id, String name, Findings findings)
            throws IOException {
        String[] folders = id.split("/");
        for (int i = 0; i < folders.length - 1; i++) {
            if (!Ids.valid(folders[i])) {
                findings.error(
                        Rules.INVALID_ID,
                        null,
                        Pos.file(rel),
                        "guide folder " + Ids.problem(folders[i]),
                        "rename the folder to '" + Ids.suggest(folders[i]) + "'");
                return Optional.empty();
            }
        }
        String stem = folders[folders.length - 1];
        if (id.equals("index")) {
            findings.error(
                    Rules.INVALID_ID,
                    null,
                    Pos.file(rel),
                    "guide id 'index' is taken: guides/index.html" + " is the page of all guides",
                    "rename the file, such as to 'introduction.md'");
            return Optional.empty();
        }
        if (!checkName(rel, stem, name, null, findings)) {
            return Optional.empty();
        }
        return Optional.of(reader.frontMatter(rel, null)
                .map(fm -> GuideLoader.read(
                        id, rel, fm, reader.frontMatterYaml(fm, rel, null), markdown, bodies, findings))
                .orElseGet(() -> GuideLoader.unknown(id, rel)));
    }

    /**
     * Reads one runbook again (for the preview's quick update), or empty when its file cannot be read;
     * findings about it go to {@code findings}.
     */
    public Optional<Runbook> reloadRunbook(Path root, String rel, String serviceId, Findings findings)
            throws IOException {
        String name = rel.substring(rel.lastIndexOf('/') + 1);
        ContentReader reader = new ContentReader(root, findings);
        return reader.frontMatter(rel, serviceId)
                .map(fm -> RunbookLoader.read(
                        ContentPaths.stem(name),
                        serviceId,
                        rel,
                        fm,
                        reader.frontMatterYaml(fm, rel, serviceId),
                        markdown,
                        bodies,
                        findings));
    }

    /** Reads the severity levels again (for the preview's quick update), or empty when the file cannot be read. */
    public Optional<List<Severity>> reloadSeverities(Path root, Findings findings) throws IOException {
        return new ContentReader(root, findings)
                .yaml(ContentPaths.SEVERITIES, null)
                .map(SeveritiesLoader::read);
    }

    /** Reads one team file again (for the preview's quick update), or empty when it cannot be read. */
    public Optional<Team> reloadTeam(Path root, String rel, Findings findings) throws IOException {
        String id = ContentPaths.of(rel).id();
        return new ContentReader(root, findings).yaml(rel, null).map(y -> TeamLoader.read(id, y));
    }

    /**
     * Reads one service folder again (for the preview's quick update): {@code files} are its files, as
     * paths relative to the content root; {@code zone} is the handbook's time zone.
     */
    public Optional<Service> reloadService(
            Path root, String id, Collection<String> files, ZoneId zone, Findings findings) throws IOException {
        String dir = ContentPaths.serviceFolder(id) + "/";
        TreeSet<String> names = new TreeSet<>();
        files.stream().filter(f -> f.startsWith(dir)).forEach(f -> names.add(f.substring(dir.length())));
        ContentReader reader = new ContentReader(root, findings);
        Map<String, Optional<Rota>> sharedRotas = new TreeMap<>();
        for (String f : files) {
            ContentPaths.Entry e = ContentPaths.of(f);
            if (e.kind() == ContentPaths.Kind.SHARED_ROTA && Ids.valid(e.id())) {
                // read again with the service: a shared rota's findings belong to the full build, not this one
                sharedRotas.put(
                        e.id(),
                        new ContentReader(root, new Findings())
                                .yaml(f, null)
                                .map(y -> RotaLoader.read(y, holidayFiles(reader))));
            }
        }
        return service(reader, id, names, Map.of(), new ArrayList<>(), zone, sharedRotas, null);
    }

    /**
     * A document of a service: Markdown in its folder that is not a runbook or an incident (a helper
     * beside the runbooks, an architecture note), published as a page at its own path
     * ({@code services/api/docs/architecture.md} as {@code services/api/docs/architecture.html}), or empty
     * with a finding when its name is not an id or its page would take one the site makes.
     */
    private Optional<Guide> document(ContentReader reader, String rel, String service, Findings findings)
            throws IOException {
        String name = rel.substring(rel.lastIndexOf('/') + 1);
        String stem = ContentPaths.stem(name);
        if (!stem.equalsIgnoreCase("readme") && !checkName(rel, stem, name, service, findings)) {
            return Optional.empty();
        }
        // the service's own page, and its runbooks', reviews' and incidents' pages, are paths the site takes
        String taken = SitePaths.taken(SitePaths.document(rel));
        if (taken != null) {
            findings.error(
                    Rules.UNSAFE_PATH,
                    service,
                    Pos.file(rel),
                    "'" + rel + "' cannot be published as a page: " + taken,
                    "rename the file");
            return Optional.empty();
        }
        String id = rel.substring(0, rel.length() - ".md".length());
        return Optional.of(reader.frontMatter(rel, service)
                .map(fm -> GuideLoader.read(
                        id, rel, fm, reader.frontMatterYaml(fm, rel, service), markdown, bodies, findings))
                .orElseGet(() -> GuideLoader.unknown(id, rel)));
    }

    /**
     * What is known of a service that only a layout names: the layout's {@code owner}, and the title
     * and description of Hugo's section page of its folder ({@code _index.md}) when it has one. Its
     * findings point at the layout in opsbook.yaml, where the service is defined.
     */
    private static ServiceLoader.Parts laidOutParts(ContentReader reader, String id, Map<String, Layouts.Match> laidOut)
            throws IOException {
        Settings.Layout layout = laidOut.values().iterator().next().layout();
        String name = null;
        String description = null;
        for (Map.Entry<String, Layouts.Match> e : laidOut.entrySet()) {
            if (!e.getValue().section()) {
                continue;
            }
            Optional<FrontMatter> fm = reader.frontMatter(e.getKey(), id);
            if (fm.isPresent()) {
                YamlMap y = reader.frontMatterYaml(fm.get(), e.getKey(), id);
                if (y != null) {
                    name = y.string("title");
                    description = y.string("description");
                    y.finish();
                }
                String body = fm.get().body().strip();
                if (description == null && !body.isEmpty()) {
                    description = body.split("\n\s*\n", 2)[0].replaceAll("\s+", " ");
                }
            }
        }
        return ServiceLoader.Parts.laidOut(id, name, description, layout.owner(), layout.pos());
    }

    /**
     * Whether a file that is not content (an image, a PDF, a diagram) may be copied to the site as it is:
     * not when it would take a path the site writes (a page, a report, its script), nor when a browser
     * would run it. Either is a finding at the file, and the file is left out.
     */
    private static boolean publishable(ContentReader reader, String rel, String service, Findings findings)
            throws IOException {
        String taken = SitePaths.taken(rel);
        if (taken != null) {
            findings.error(
                    Rules.UNSAFE_PATH,
                    service,
                    Pos.file(rel),
                    "'" + rel + "' cannot be published: " + taken,
                    "rename or move the file; opsbook writes that path itself");
            return false;
        }
        String active = ActiveContent.reason(reader.real(rel), rel);
        if (active != null) {
            findings.error(
                    Rules.UNSAFE_CONTENT,
                    service,
                    Pos.file(rel),
                    "'" + rel + "' is not published: " + active,
                    rel.endsWith(".svg")
                            ? "export the diagram again without script, links to javascript: or event"
                                    + " handlers, or as PNG"
                            : "write it as a runbook or guide in Markdown, or publish it elsewhere"
                                    + " and link to its address");
            return false;
        }
        return true;
    }

    /** Reads the service folders, several at once; the list keeps the folders' order. */
    private List<Service> services(
            ContentReader reader,
            Map<String, TreeSet<String>> serviceFiles,
            Map<String, Map<String, Layouts.Match>> laidOut,
            List<String> assets,
            ZoneId zone,
            Map<String, Optional<Rota>> sharedRotas,
            Map<String, CatalogLoader.CatalogService> catalog)
            throws IOException {
        List<String> shared = Collections.synchronizedList(assets);
        return Parallel.map(
                        List.copyOf(serviceFiles.entrySet()),
                        threads,
                        e -> service(
                                reader,
                                e.getKey(),
                                e.getValue(),
                                laidOut.getOrDefault(e.getKey(), Map.of()),
                                shared,
                                zone,
                                sharedRotas,
                                catalog.get(e.getKey())))
                .stream()
                .flatMap(Optional::stream)
                .toList();
    }

    /**
     * One service: the files of its folder ({@code names}, relative to it) and those a layout gives it
     * ({@code laidOut}: content path → match), read where they are.
     */
    private Optional<Service> service(
            ContentReader reader,
            String id,
            TreeSet<String> names,
            Map<String, Layouts.Match> laidOut,
            List<String> assets,
            ZoneId zone,
            Map<String, Optional<Rota>> sharedRotas,
            CatalogLoader.CatalogService cat)
            throws IOException {
        Findings findings = reader.findings();
        String dir = ContentPaths.serviceFolder(id) + "/";
        // a service.yaml that is missing or does not parse still leaves a service, so that its runbooks,
        // rota and reviews are checked and published: nothing of the folder is lost
        ServiceLoader.Parts p;
        if (cat != null && names.contains(ContentPaths.SERVICE_FILE)) {
            // described twice: by the catalog and by service.yaml
            p = reader.yaml(ContentPaths.serviceFile(id), id)
                    .map(y -> CatalogLoader.merge(id, ServiceLoader.read(id, y, true), cat, findings))
                    .orElse(cat.parts());
        } else if (cat != null) {
            p = cat.parts();
        } else if (!names.contains(ContentPaths.SERVICE_FILE) && !laidOut.isEmpty()) {
            // a service that only a layout names: its team from the layout, its name from Hugo's section page
            p = laidOutParts(reader, id, laidOut);
        } else if (!names.contains(ContentPaths.SERVICE_FILE)) {
            findings.error(
                    Rules.SCHEMA,
                    id,
                    Pos.file(ContentPaths.serviceFile(id)),
                    "service folder '" + id + "' has no service.yaml",
                    "add " + ContentPaths.serviceFile(id) + " with at least `owner: <team id>`");
            reader.missing(ContentPaths.serviceFile(id));
            p = ServiceLoader.Parts.unknown(id, ContentPaths.serviceFile(id));
        } else {
            p = reader.yaml(ContentPaths.serviceFile(id), id)
                    .map(y -> ServiceLoader.read(id, y))
                    .orElse(ServiceLoader.Parts.unknown(id, ContentPaths.serviceFile(id)));
        }
        Sla sla = null;
        Rota rota = null;
        List<Runbook> runbooks = new ArrayList<>();
        List<Review> reviews = new ArrayList<>();
        List<Incident> incidents = new ArrayList<>();
        List<Guide> documents = new ArrayList<>();
        List<Service.Slo> fileSlos = new ArrayList<>();
        boolean slosUnread = false;
        for (String name : names) {
            String rel = dir + name;
            ContentPaths.Entry entry = ContentPaths.inService(id, name);
            String file = name.substring(name.lastIndexOf('/') + 1);
            ContentPaths.Kind kind = entry.kind();
            if (kind == ContentPaths.Kind.SERVICE || kind == ContentPaths.Kind.CATALOG) {
                continue;
            } else if (kind == ContentPaths.Kind.SLA) {
                sla = reader.yaml(rel, id).map(SlaLoader::read).orElse(null);
            } else if (kind == ContentPaths.Kind.ROTA) {
                rota = reader.yaml(rel, id)
                        .map(y -> RotaLoader.read(y, holidayFiles(reader)))
                        .orElse(null);
            } else if (kind == ContentPaths.Kind.RUNBOOK) {
                String rid = entry.id();
                if (checkName(rel, rid, file, id, findings)) {
                    runbooks.add(reader.frontMatter(rel, id)
                            .map(fm -> RunbookLoader.read(
                                    rid, id, rel, fm, reader.frontMatterYaml(fm, rel, id), markdown, bodies, findings))
                            .orElseGet(() -> RunbookLoader.unknown(rid, id, rel)));
                }
            } else if (kind == ContentPaths.Kind.INCIDENT) {
                String iid = entry.id();
                if (checkName(rel, iid, file, id, findings)) {
                    incidents.add(reader.frontMatter(rel, id)
                            .map(fm -> IncidentLoader.read(
                                    iid,
                                    id,
                                    rel,
                                    fm,
                                    reader.frontMatterYaml(fm, rel, id),
                                    zone,
                                    markdown,
                                    bodies,
                                    findings))
                            .orElseGet(() -> IncidentLoader.unknown(iid, id, rel)));
                }
            } else if (kind == ContentPaths.Kind.REVIEW) {
                String rid = entry.id();
                if (checkName(rel, rid, file, id, findings)) {
                    reviews.add(reader.yaml(rel, id)
                            .map(m -> ReviewLoader.read(rid, id, m))
                            .orElseGet(() -> ReviewLoader.unknown(rid, id, rel)));
                }
            } else if (kind == ContentPaths.Kind.ASSET && name.endsWith(".md")) {
                document(reader, rel, id, findings).ifPresent(documents::add);
            } else if (kind == ContentPaths.Kind.SERVICE_OTHER
                    && reader.peek(rel, 4_096).map(SloFiles::looksLikeSlos).orElse(false)) {
                // the service's SLOs as OpenSLO or Sloth keep them
                Optional<List<YamlMap>> docs = reader.yamlAll(rel, id);
                if (docs.isEmpty()) {
                    slosUnread = true;
                } else {
                    SloFiles.read(docs.get()).forEach(r -> fileSlos.addAll(r.slos()));
                }
            } else if (kind == ContentPaths.Kind.SERVICE_OTHER) {
                findings.error(
                        Rules.SCHEMA,
                        id,
                        Pos.file(rel),
                        "unknown file '" + name + "' in a service folder" + nearFile(name),
                        "a service folder holds service.yaml, sla.yaml and rota.yaml");
            } else {
                assets.add(rel);
            }
        }
        for (Map.Entry<String, Layouts.Match> e : laidOut.entrySet()) {
            String rel = e.getKey();
            Layouts.Match m = e.getValue();
            if (m.section()) {
                continue;
            }
            if (m.document()) {
                document(reader, rel, id, findings).ifPresent(documents::add);
                continue;
            }
            String file = rel.substring(rel.lastIndexOf('/') + 1);
            if (checkName(rel, m.runbook(), file, id, findings)) {
                Runbook r = reader.frontMatter(rel, id)
                        .map(fm -> RunbookLoader.read(
                                m.runbook(),
                                id,
                                rel,
                                fm,
                                reader.frontMatterYaml(fm, rel, id),
                                markdown,
                                bodies,
                                findings))
                        .orElseGet(() -> RunbookLoader.unknown(m.runbook(), id, rel));
                runbooks.add(RunbookLoader.withAddress(r, Layouts.address(m)));
            }
        }
        Ref sharedRota = p.rota();
        if (sharedRota != null) {
            rota = sharedRota(id, sharedRota, names.contains(ContentPaths.ROTA_FILE), sharedRotas, findings)
                    .orElse(rota);
            if (names.contains(ContentPaths.ROTA_FILE)) {
                sharedRota = null; // the finding says so; the service keeps its own rota.yaml
            }
            // a name that leads nowhere stays: rota-present then follows the broken-reference finding
        }
        reportCaseClashes(runbooks, Runbook::id, Runbook::file, "runbook", id, findings);
        reportCaseClashes(reviews, Review::id, r -> r.pos().file(), "review", id, findings);
        reportCaseClashes(incidents, Incident::id, i -> i.pos().file(), "incident", id, findings);
        documents.sort(java.util.Comparator.comparing(Guide::file));
        List<Service.Slo> slos = SloFiles.join(p.slos(), fileSlos, id, findings);
        Keys keys = p.keys();
        if (slosUnread) {
            // an SLO file that could not be read: "has no SLO" would be untrue, and its finding says what to fix
            Set<String> refused = new HashSet<>(keys.refused());
            refused.add("slos");
            keys = new Keys(keys.written(), refused, keys.fallback());
        }
        return Optional.of(new Service(
                id,
                p.name(),
                p.description(),
                p.owner(),
                p.tier(),
                p.lifecycle(),
                p.supportModel(),
                p.supportHours(),
                p.dependsOn(),
                p.links(),
                p.telemetry(),
                slos,
                p.alerts(),
                p.readiness(),
                p.notApplicable(),
                sla,
                rota,
                List.copyOf(runbooks),
                List.copyOf(reviews),
                List.copyOf(incidents),
                List.copyOf(documents),
                keys,
                // a service only a layout names is defined there, in opsbook.yaml; one only a catalog
                // describes, at its entity
                names.contains(ContentPaths.SERVICE_FILE)
                        ? new Pos(ContentPaths.serviceFile(id), 1, 1)
                        : cat != null
                                ? cat.entry().pos()
                                : laidOut.isEmpty()
                                        ? new Pos(ContentPaths.serviceFile(id), 1, 1)
                                        : p.keys().fallback(),
                sharedRota,
                cat == null ? null : cat.entry(),
                p.productionSince()));
    }

    /**
     * The shared rota {@code ref} names for service {@code id} ({@code rota: <id>} in service.yaml): kept once
     * in rotas/&lt;id&gt;.yaml. A service with a rota.yaml of its own as well, or naming a rota that is not
     * there, is a finding at the key.
     */
    private static Optional<Rota> sharedRota(
            String id, Ref ref, boolean ownFile, Map<String, Optional<Rota>> sharedRotas, Findings findings) {
        if (ownFile) {
            findings.error(
                    Rules.SCHEMA,
                    id,
                    ref.pos(),
                    "service '" + id + "' names the shared rota '" + ref.id() + "' and has a rota.yaml of its own",
                    "keep one: remove `rota:` from " + ContentPaths.serviceFile(id) + ", or remove "
                            + ContentPaths.rota(id));
            return Optional.empty();
        }
        if (!sharedRotas.containsKey(ref.id())) {
            String near = DidYouMean.closest(ref.id(), sharedRotas.keySet());
            findings.error(
                    Rules.BROKEN_REFERENCE,
                    id,
                    ref.pos(),
                    "service '" + id + "' names the rota '" + ref.id() + "', but there is no "
                            + ContentPaths.sharedRota(ref.id()) + DidYouMean.mention(near),
                    DidYouMean.changeTo(
                            near,
                            "add " + ContentPaths.sharedRota(ref.id()) + ", or write the service's own rota.yaml"));
            return Optional.empty();
        }
        return sharedRotas.get(ref.id());
    }

    /** How a rota reads the holiday calendar it names: a file of the content folder, read with the others. */
    private static RotaLoader.Files holidayFiles(ContentReader reader) {
        return (rel, at) -> {
            if (rel.startsWith("/")
                    || rel.contains("\\")
                    || java.util.Arrays.asList(rel.split("/")).contains("..")) {
                reader.findings()
                        .error(
                                Rules.UNSAFE_PATH,
                                ContentPaths.serviceOf(at.file()),
                                at,
                                "the holiday calendar '" + rel + "' is not a file of the content folder",
                                "keep the .ics file in the content folder and name it from there, such as holidays/england.ics");
                return Optional.empty();
            }
            return reader.text(rel, ContentPaths.serviceOf(at.file()), at);
        };
    }

    private static String nearFile(String name) {
        String near = DidYouMean.closest(
                name, List.of(ContentPaths.SERVICE_FILE, ContentPaths.SLA_FILE, ContentPaths.ROTA_FILE));
        return DidYouMean.mention(near);
    }

    static String caseClash(String what, String id, String first) {
        return what + " '" + id + "' differs from '" + first + "' only in case: on macOS and Windows they are one"
                + " file, so ids that differ only in case are one id";
    }

    /** A finding at each of {@code items} whose id differs only in case from one before it. */
    static <T> void reportCaseClashes(
            List<T> items,
            java.util.function.Function<T, String> id,
            java.util.function.Function<T, String> file,
            String what,
            String service,
            Findings findings) {
        Map<String, String> clashes = Ids.caseClashes(items.stream().map(id).toList());
        if (clashes.isEmpty()) {
            return;
        }
        // both are kept: on this file system they are two files, and what links to either still works
        for (T x : items) {
            String first = clashes.get(id.apply(x));
            if (first != null) {
                findings.error(
                        Rules.DUPLICATE_ID,
                        service,
                        Pos.file(file.apply(x)),
                        caseClash(what, id.apply(x), first),
                        "rename one of the two files");
            }
        }
    }

    /** People ids are unique across all teams (whatever their case): a second person with an id is a finding. */
    private static void checkPeople(List<Team> teams, Findings findings) {
        Map<String, Person> seen = new HashMap<>();
        for (Team t : teams) {
            for (Person p : t.members()) {
                Person first = seen.putIfAbsent(p.id().toLowerCase(java.util.Locale.ROOT), p);
                if (first != null && first != p) { // one User of a catalog may be a member of several groups
                    findings.error(
                            Rules.DUPLICATE_ID,
                            null,
                            p.pos(),
                            "person '" + p.id() + "' is already defined at " + first.pos()
                                    + (first.id().equals(p.id())
                                            ? ""
                                            : " as '" + first.id() + "' (ids that differ"
                                                    + " only in case are one id)"),
                            "people ids are unique across all teams: give this person another id"
                                    + " or list them in one team only");
                }
            }
        }
    }

    private static boolean checkName(String rel, String id, String name, String service, Findings findings) {
        if (Ids.valid(id) && !name.endsWith(".yml") && !id.equalsIgnoreCase("readme")) {
            return true;
        }
        if (name.endsWith(".yml")) {
            findings.error(
                    Rules.INVALID_ID,
                    service,
                    Pos.file(rel),
                    "file name '" + name + "' must end in .yaml",
                    "rename it to '" + id + ".yaml'");
        } else if (id.equalsIgnoreCase("readme")) {
            // a README beside runbooks or reviews, for people browsing the repository: not content, so not to be
            // renamed as if it were
            findings.error(
                    Rules.INVALID_ID,
                    service,
                    Pos.file(rel),
                    "file name " + Ids.problem(id)
                            + "; every file of this folder is read as content, named by its file name",
                    "to keep it for the repository's readers, leave it out in opsbook.yaml: exclude: [\"" + rel
                            + "\"]");
        } else {
            findings.error(
                    Rules.INVALID_ID,
                    service,
                    Pos.file(rel),
                    "file name " + Ids.problem(id),
                    "rename it to '" + Ids.suggest(id) + name.substring(name.lastIndexOf('.')) + "'");
        }
        return false;
    }

    /**
     * Whether the content file {@code file} (a regular file, or a symbolic link) is read: a link is
     * followed only to a regular file inside the content folder; one that leads out or nowhere is a
     * finding. {@code root} is the content folder's real path.
     */
    private static boolean followable(Path file, String rel, Path root, Findings findings) {
        if (!Files.isSymbolicLink(file)) {
            return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
        }
        Path target;
        try {
            target = file.toRealPath();
        } catch (IOException e) {
            findings.error(
                    Rules.BROKEN_REFERENCE,
                    null,
                    Pos.file(rel),
                    "symbolic link leads nowhere",
                    "remove the link or restore its target");
            return false;
        }
        if (!target.startsWith(root)) {
            findings.error(
                    Rules.UNSAFE_PATH,
                    null,
                    Pos.file(rel),
                    "symbolic link leads outside the content folder; it is not followed",
                    "copy the file into the content folder instead of linking to it");
            return false;
        }
        return Files.isRegularFile(target);
    }

    /** Every file below the root, relative and sorted; hidden and excluded files are left out. */
    private static TreeSet<String> list(Path root, List<PathMatcher> exclude, Findings findings) throws IOException {
        TreeSet<String> out = new TreeSet<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(root)) {
                    return FileVisitResult.CONTINUE;
                }
                return hidden(dir) || excluded(rel(dir)) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String rel = rel(file);
                if (hidden(file) || excluded(rel)) {
                    return FileVisitResult.CONTINUE;
                }
                if (rel.equals("opsbook.yaml") && attrs.isSymbolicLink()) {
                    // judged (and reported) before the listing, by the same rule
                    return followable(file, rel, root, new Findings()) ? add(rel) : FileVisitResult.CONTINUE;
                }
                if (attrs.isSymbolicLink() ? !followable(file, rel, root, findings) : !attrs.isRegularFile()) {
                    return FileVisitResult.CONTINUE;
                }
                return add(rel);
            }

            private FileVisitResult add(String rel) {
                if (out.size() >= Limits.MAX_FILES) {
                    if (out.size() == Limits.MAX_FILES) {
                        findings.error(
                                Rules.SCHEMA,
                                null,
                                Pos.file(rel),
                                "the content folder has more than " + Limits.MAX_FILES
                                        + " files; the rest are not read",
                                "split the handbook");
                    }
                    return FileVisitResult.TERMINATE;
                }
                out.add(rel);
                return FileVisitResult.CONTINUE;
            }

            private String rel(Path p) {
                return root.relativize(p).toString().replace('\\', '/');
            }

            private boolean excluded(String rel) {
                Path p = Path.of(rel);
                for (PathMatcher m : exclude) {
                    for (Path q = p; q != null; q = q.getParent()) {
                        if (m.matches(q)) {
                            return true;
                        }
                    }
                }
                return false;
            }
        });
        return out;
    }

    private static boolean hidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }
}
