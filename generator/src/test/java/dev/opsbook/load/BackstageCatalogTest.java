package dev.opsbook.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsbook.BuildRequest;
import dev.opsbook.BuildResult;
import dev.opsbook.ContentTree;
import dev.opsbook.Opsbook;
import dev.opsbook.finding.Finding;
import dev.opsbook.finding.Findings;
import dev.opsbook.finding.Rules;
import dev.opsbook.markdown.BodyStore;
import dev.opsbook.markdown.MarkdownEngine;
import dev.opsbook.model.Handbook;
import dev.opsbook.model.Link;
import dev.opsbook.model.Person;
import dev.opsbook.model.Ref;
import dev.opsbook.model.Service;
import dev.opsbook.model.Team;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Backstage's own example catalog (../shared/realworld/backstage-catalog, which CI has), read as it is with
 * only opsbook.yaml and severities.yaml beside it: every Component and Resource a service with its owner,
 * system, dependencies and links, every Group a team, every User on it, no structural finding; and the
 * catalog-info.yaml files the site publishes read back to the same services. Every expected figure is worked
 * out here from the catalog's files with a plain YAML parser, not written down.
 */
class BackstageCatalogTest {
    private static final Path REAL = Path.of("../../shared/realworld/backstage-catalog");
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 21);

    @TempDir
    Path dir;

    /** Every entity of the catalog's files, as a plain YAML parser reads them. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> entities(Path root) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path f : files) {
            for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions()))
                    .loadAll(Files.readString(f, StandardCharsets.UTF_8))) {
                if (doc instanceof Map<?, ?> m && m.get("kind") != null) {
                    out.add((Map<String, Object>) m);
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v instanceof Map<?, ?> ? (Map<String, Object>) v : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<String> list(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v instanceof List<?> l ? (List<String>) l : List.of();
    }

    static String name(Map<String, Object> e) {
        return (String) map(e, "metadata").get("name");
    }

    /** {@code [kind:][namespace/]name} → name. */
    static String refName(String ref) {
        String s = ref.contains(":") ? ref.substring(ref.indexOf(':') + 1) : ref;
        return s.contains("/") ? s.substring(s.indexOf('/') + 1) : s;
    }

    private Path catalogHandbook() throws Exception {
        Path content = dir.resolve("catalog");
        dev.opsbook.ExampleHandbook.copy(REAL, content);
        // the catalog's own Location files at the top lead to every other file
        Files.writeString(content.resolve("opsbook.yaml"), "title: ACME\ncatalog: [\"*.yaml\"]\n");
        Files.writeString(content.resolve("severities.yaml"), ContentTree.SEVERITIES);
        return content;
    }

    private static Handbook load(Path content, Findings findings) throws Exception {
        return new HandbookLoader(new MarkdownEngine(), 1, BodyStore.inMemory()).load(content, findings);
    }

    @Test
    void theExampleCatalogIsAHandbookAsItIs() throws Exception {
        Path content = catalogHandbook();
        List<Map<String, Object>> entities = entities(REAL);
        Findings findings = new Findings();
        Handbook hb = load(content, findings);

        Map<String, Map<String, Object>> components = new TreeMap<>();
        entities.stream()
                .filter(e -> e.get("kind").equals("Component") || e.get("kind").equals("Resource"))
                .forEach(e -> components.put(name(e), e));
        Map<String, Map<String, Object>> users = new TreeMap<>();
        entities.stream().filter(e -> e.get("kind").equals("User")).forEach(e -> users.put(name(e), e));
        Set<String> groups = entities.stream()
                .filter(e -> e.get("kind").equals("Group"))
                .map(BackstageCatalogTest::name)
                .collect(Collectors.toCollection(TreeSet::new));
        // who provides each API, for consumesApis
        Map<String, List<String>> providers = new LinkedHashMap<>();
        components.forEach((n, e) -> list(map(e, "spec"), "providesApis").forEach(api -> providers
                .computeIfAbsent(refName(api), k -> new ArrayList<>())
                .add(n)));

        assertEquals(14, components.size(), "the example has 13 Components and a Resource");
        assertEquals(
                components.keySet(), hb.services().stream().map(Service::id).collect(Collectors.toSet()));
        for (Service s : hb.services()) {
            Map<String, Object> e = components.get(s.id());
            Map<String, Object> spec = map(e, "spec");
            Map<String, Object> meta = map(e, "metadata");
            String owner = refName((String) spec.get("owner"));
            // a User's team is its first group
            String team = users.containsKey(owner)
                    ? refName(list(map(users.get(owner), "spec"), "memberOf").get(0))
                    : owner;
            assertEquals(team, s.owner().id(), s.id());
            assertEquals(meta.get("description"), s.description(), s.id());
            assertEquals(spec.get("lifecycle"), s.lifecycle(), s.id());
            assertEquals(e.get("kind"), s.catalog().kind());
            assertEquals(spec.get("type"), s.catalog().type());
            assertEquals(
                    spec.get("system"),
                    s.catalog().system() == null ? null : s.catalog().system().id());
            assertEquals(list(meta, "tags"), s.catalog().tags());
            Set<String> deps = new TreeSet<>();
            list(spec, "dependsOn").forEach(d -> deps.add(refName(d)));
            list(spec, "consumesApis").forEach(api -> deps.addAll(providers.getOrDefault(refName(api), List.of())));
            deps.remove(s.id());
            assertEquals(deps, s.dependsOn().stream().map(Ref::id).collect(Collectors.toSet()), s.id());
            List<String> urls = new ArrayList<>();
            for (Object l : (List<?>) meta.getOrDefault("links", List.of())) {
                urls.add((String) ((Map<?, ?>) l).get("url"));
            }
            assertEquals(urls, s.links().stream().map(Link::url).toList(), s.id());
            // placed at its entity, in its own file
            assertTrue(
                    s.pos().file().startsWith("components/") || s.pos().file().startsWith("resources/"),
                    s.pos().file());
        }
        // the dependencies the catalog states through APIs and resources are there
        assertTrue(hb.service("artist-lookup").orElseThrow().dependsOn().stream()
                .anyMatch(d -> d.id().equals("artists-db")));

        assertEquals(groups, hb.teams().stream().map(Team::id).collect(Collectors.toCollection(TreeSet::new)));
        for (Map.Entry<String, Map<String, Object>> u : users.entrySet()) {
            Person p = hb.person(u.getKey()).orElseThrow(() -> new AssertionError("no person " + u.getKey()));
            Map<String, Object> profile = map(map(u.getValue(), "spec"), "profile");
            assertEquals(profile.getOrDefault("displayName", u.getKey()), p.name());
            assertEquals(profile.get("email"), p.email());
            for (String g : list(map(u.getValue(), "spec"), "memberOf")) {
                Team t = hb.team(refName(g)).orElseThrow();
                assertTrue(t.members().stream().anyMatch(m -> m.id().equals(u.getKey())), u.getKey() + " in " + g);
            }
        }
        assertEquals(16, users.size());
        // nothing wrong with the catalog: no structural finding at all
        List<String> structural = findings.sorted().stream()
                .filter(f -> Rules.isStructural(f.rule()))
                .map(Finding::format)
                .toList();
        assertEquals(List.of(), structural);
    }

    @Test
    void theSiteShowsTheCatalogAndPublishesItBack() throws Exception {
        Path content = catalogHandbook();
        Files.writeString(
                content.resolve("opsbook.yaml"),
                "title: ACME\nbaseUrl: https://handbook.acme.example/\ncatalog: [\"*.yaml\"]\n");
        Path out = dir.resolve("site");
        BuildResult result =
                new Opsbook().build(BuildRequest.build(content, out).withAsOf(AS_OF));
        assertEquals(
                List.of(),
                result.findings().stream()
                        .filter(f -> Rules.isStructural(f.rule()))
                        .map(Finding::format)
                        .toList());
        String artist = Files.readString(out.resolve("services/artist-lookup/index.html"));
        assertTrue(artist.contains("artist-engagement-portal"), "the system");
        assertTrue(artist.contains("Team A") || artist.contains("team-a"), "the owner");
        assertTrue(artist.contains("../artists-db/index.html"), "the dependency links to its page");
        assertTrue(artist.contains("https://example.com/dashboard"), "the catalog's links");
        assertTrue(artist.contains("component:default/artist-lookup"), "the entity reference");
        String searcher = Files.readString(out.resolve("services/searcher/index.html"));
        assertTrue(searcher.contains("Guest User"), "a service a User owns names the User");
        String team = Files.readString(out.resolve("teams/team-a.html"));
        assertTrue(team.contains("Janelle Dawe") && team.contains("breanna.davison"), "the Users on their team page");

        // the published entities read back to the same services, with the Groups and Users beside them
        Path again = dir.resolve("again");
        Files.createDirectories(again.resolve("acme"));
        Files.writeString(again.resolve("severities.yaml"), ContentTree.SEVERITIES);
        Files.writeString(
                again.resolve("opsbook.yaml"),
                "title: ACME\ncatalog: [\"acme/*.yaml\", \"systems/*.yaml\", \"apis/*.yaml\"]\n");
        dev.opsbook.ExampleHandbook.copy(REAL.resolve("acme"), again.resolve("acme"));
        dev.opsbook.ExampleHandbook.copy(REAL.resolve("systems"), again.resolve("systems"));
        dev.opsbook.ExampleHandbook.copy(REAL.resolve("apis"), again.resolve("apis"));
        Files.copy(out.resolve("catalog-info.yaml"), again.resolve("catalog-info.yaml"));
        Findings findings = new Findings();
        Handbook first = load(content, new Findings());
        for (Service s : first.services()) {
            Path to = again.resolve("services/" + s.id() + "/catalog-info.yaml");
            Files.createDirectories(to.getParent());
            Files.copy(out.resolve("services/" + s.id() + "/catalog-info.yaml"), to);
        }
        Handbook back = load(again, findings);
        assertEquals(
                List.of(),
                findings.sorted().stream()
                        .filter(f -> Rules.isStructural(f.rule()))
                        .map(Finding::format)
                        .toList());
        assertEquals(first.services().size(), back.services().size());
        for (Service s : first.services()) {
            Service b = back.service(s.id()).orElseThrow();
            assertEquals(s.name(), b.name());
            assertEquals(s.description(), b.description());
            assertEquals(s.owner().id(), b.owner().id());
            assertEquals(s.lifecycle(), b.lifecycle());
            assertEquals(s.tier(), b.tier());
            assertEquals(s.catalog().kind(), b.catalog().kind());
            assertEquals(s.catalog().type(), b.catalog().type());
            assertEquals(
                    s.catalog().system(),
                    b.catalog().system() == null ? null : s.catalog().system());
            assertEquals(s.catalog().tags(), b.catalog().tags());
            assertEquals(
                    s.catalog().owner().id().startsWith("user:"),
                    b.catalog().owner().id().startsWith("user:"));
            assertEquals(s.catalog().providesApis(), b.catalog().providesApis());
            assertEquals(s.catalog().consumesApis(), b.catalog().consumesApis());
            assertEquals(ids(s.dependsOn()), ids(b.dependsOn()), s.id());
            // the handbook page comes first, then the catalog's own links
            List<String> urls = b.links().stream().map(Link::url).toList();
            assertEquals("https://handbook.acme.example/services/" + s.id() + "/", urls.get(0));
            assertEquals(s.links().stream().map(Link::url).toList(), urls.subList(1, urls.size()));
            assertEquals(
                    "services/" + s.id() + "/index.html",
                    b.catalog().annotations().get("opsbook.dev/handbook-page"));
        }
    }

    private static Set<String> ids(List<Ref> refs) {
        return refs.stream().map(Ref::id).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void serviceYamlBesideTheCatalogAddsWhatOnlyOpsbookKnowsAndAConflictIsReportedAtBothPlaces() throws Exception {
        Path content = catalogHandbook();
        Files.createDirectories(content.resolve("services/petstore/runbooks"));
        Files.writeString(
                content.resolve("services/petstore/service.yaml"),
                """
                tier: 2
                lifecycle: production
                supportHours: 24x7
                dependsOn: [searcher]
                slos:
                  - { id: availability, objective: 99.9, window: 28d }
                """);
        Findings findings = new Findings();
        Handbook hb = load(content, findings);
        Service petstore = hb.service("petstore").orElseThrow();
        assertEquals("team-c", petstore.owner().id(), "the owner from the catalog: service.yaml need not repeat it");
        assertEquals(2, petstore.tier());
        assertEquals("24x7", petstore.supportHours());
        assertEquals(1, petstore.slos().size());
        assertEquals("production", petstore.lifecycle(), "service.yaml's value holds");
        assertTrue(petstore.dependsOn().stream().anyMatch(d -> d.id().equals("searcher")));
        assertEquals(
                "The Petstore is an example API used to show features of the OpenAPI spec.", petstore.description());
        List<String> conflicts = findings.sorted().stream()
                .filter(f -> f.rule().equals(Rules.CATALOG_CONFLICT))
                .map(Finding::format)
                .sorted()
                .toList();
        int catalogLine = lineOf(REAL.resolve("components/petstore-component.yaml"), "  lifecycle: experimental");
        assertEquals(
                List.of(
                        "components/petstore-component.yaml:" + catalogLine + ":3: error: 'lifecycle' of service"
                                + " 'petstore' is 'experimental' here and 'production' in service.yaml at"
                                + " services/petstore/service.yaml:2:1 (service.yaml's value holds) [catalog-conflict]",
                        "services/petstore/service.yaml:2:1: error: 'lifecycle' of service 'petstore' is"
                                + " 'production' here and 'experimental' in the catalog at"
                                + " components/petstore-component.yaml:" + catalogLine + ":3 (service.yaml's value"
                                + " holds) [catalog-conflict]"),
                conflicts);
        assertEquals(
                List.of(),
                findings.sorted().stream()
                        .filter(f -> Rules.isStructural(f.rule()) && !f.rule().equals(Rules.CATALOG_CONFLICT))
                        .map(Finding::format)
                        .toList());
    }

    static int lineOf(Path file, String line) throws Exception {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals(line)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line '" + line + "' in " + file);
    }

    @Test
    void aCatalogIsReadStrictlyWithPositions() {
        ContentTree t = ContentTree.minimal(dir.resolve("strict"))
                .file("opsbook.yaml", "catalog: [\"catalog/*.yaml\"]\n")
                .file(
                        "catalog/all.yaml",
                        """
                        apiVersion: backstage.io/v1alpha1
                        kind: Location
                        metadata: { name: all }
                        spec:
                          targets: [./billing.yaml, ./nowhere.yaml, https://github.com/x/y/catalog.yaml]
                        """)
                .file(
                        "catalog/billing.yaml",
                        """
                        apiVersion: backstage.io/v1alpha1
                        kind: Component
                        metadata:
                          name: billing
                          namespace: default
                          annotations:
                            opsbook.dev/tier: "7"
                            opsbook.dev/supportHours: 24x7
                        spec:
                          type: service
                          lifecycle: beta
                          owner: group:ops
                          dependOn: [component:api]
                          consumesApis: [payments]
                        ---
                        apiVersion: backstage.io/v1alpha1
                        kind: Component
                        metadata: { name: other, namespace: finance }
                        spec: { type: service, lifecycle: production, owner: ops }
                        ---
                        apiVersion: scaffolder.backstage.io/v1beta3
                        kind: Template
                        metadata: { name: a-template }
                        spec: { anything: [goes, here] }
                        """);
        assertEquals(
                List.of(
                        "catalog/all.yaml:5:29: error: the catalog location './nowhere.yaml' leads to no file"
                                + " (catalog/nowhere.yaml) [broken-reference]",
                        "catalog/all.yaml:5:45: error: the catalog location 'https://github.com/x/y/catalog.yaml' is an"
                                + " address: opsbook reads catalog files of the content folder only [broken-reference]",
                        "catalog/billing.yaml:7:23: error: 'opsbook.dev/tier' must be from 1 to 4, found 7 [schema]",
                        "catalog/billing.yaml:8:5: error: unknown opsbook annotation 'opsbook.dev/supportHours'"
                                + " (did you mean 'opsbook.dev/support-hours'?) [schema]",
                        "catalog/billing.yaml:11:14: error: 'lifecycle' must be one of experimental, production,"
                                + " deprecated, found 'beta' [schema]",
                        "catalog/billing.yaml:13:3: error: unknown key 'dependOn' (did you mean 'dependsOn'?) [schema]",
                        "catalog/billing.yaml:14:18: error: Component 'billing' consumes API 'payments', which is not"
                                + " in the catalog [broken-reference]"),
                t.structural().stream().filter(f -> f.startsWith("catalog/")).toList());
    }

    @Test
    void aPersonMayBeInSeveralTeams() throws Exception {
        ContentTree t = ContentTree.empty(dir.resolve("owners"))
                .file("severities.yaml", ContentTree.SEVERITIES)
                .file(
                        "catalog-info.yaml",
                        """
                        apiVersion: backstage.io/v1alpha1
                        kind: Group
                        metadata: { name: SRE-A }
                        spec: { type: team, children: [] }
                        ---
                        apiVersion: backstage.io/v1alpha1
                        kind: Group
                        metadata: { name: payments }
                        spec: { type: team, children: [], profile: { displayName: Payments, email: payments@example.com } }
                        ---
                        apiVersion: backstage.io/v1alpha1
                        kind: User
                        metadata:
                          name: amelia.park
                          annotations: { opsbook.dev/phone: "+44 20 7946 0101", opsbook.dev/timezone: Europe/London }
                        spec: { profile: { displayName: Amelia Park }, memberOf: [group:default/SRE-A, payments] }
                        ---
                        apiVersion: backstage.io/v1alpha1
                        kind: Component
                        metadata: { name: ledger }
                        spec: { type: service, lifecycle: production, owner: payments }
                        """);
        Handbook hb = t.handbook();
        Person amelia = hb.person("amelia.park").orElseThrow();
        assertEquals("SRE-A", amelia.team(), "at home in the first group");
        assertEquals("+44 20 7946 0101", amelia.phone());
        assertEquals("Europe/London", amelia.timezone());
        assertEquals(
                List.of("amelia.park"),
                hb.team("payments").orElseThrow().members().stream()
                        .map(Person::id)
                        .toList());
        assertEquals(
                List.of("amelia.park"),
                hb.team("SRE-A").orElseThrow().members().stream()
                        .map(Person::id)
                        .toList());
        assertEquals("payments@example.com", hb.team("payments").orElseThrow().email());
        assertEquals(List.of(), t.structural());
        assertNull(hb.service("ledger").orElseThrow().tier());
        assertNotNull(hb.service("ledger").orElseThrow().catalog());
        assertFalse(t.findings(Rules.DUPLICATE_ID).iterator().hasNext());
    }

    @Test
    void entitiesOfOtherNamespacesKeepTheirNamesAsIdsAndReferencesNameTheirNamespace() {
        ContentTree t = ContentTree.empty(dir.resolve("namespaces"))
                .file("severities.yaml", ContentTree.SEVERITIES)
                .file(
                        "catalog-info.yaml",
                        """
                        apiVersion: backstage.io/v1alpha1
                        kind: Group
                        metadata: { name: team-a, namespace: payments }
                        spec: { type: team, children: [] }
                        ---
                        apiVersion: backstage.io/v1alpha1
                        kind: Component
                        metadata: { name: billing, namespace: payments }
                        spec: { type: service, lifecycle: production, owner: team-a, dependsOn: [component:default/ledger] }
                        ---
                        apiVersion: backstage.io/v1alpha1
                        kind: Component
                        metadata: { name: ledger }
                        spec: { type: service, lifecycle: production, owner: group:payments/team-a }
                        ---
                        apiVersion: backstage.io/v1alpha1
                        kind: Component
                        metadata: { name: audit }
                        spec: { type: service, lifecycle: production, owner: team-a }
                        ---
                        apiVersion: backstage.io/v1alpha1
                        kind: Component
                        metadata: { name: ledger, namespace: payments }
                        spec: { type: service, lifecycle: production, owner: team-a }
                        """);
        var hb = t.handbook();
        Service billing = hb.service("billing").orElseThrow();
        assertEquals("team-a", billing.owner().id());
        assertEquals("component:payments/billing", billing.catalog().entityRef());
        assertEquals(
                List.of("ledger"), billing.dependsOn().stream().map(Ref::id).toList());
        assertEquals("team-a", hb.service("ledger").orElseThrow().owner().id());
        assertEquals(
                List.of(
                        "catalog-info.yaml:19:54: error: the owner of Component 'audit', 'team-a', is in namespace"
                                + " 'default', but Group 'team-a' is in namespace 'payments' [broken-reference]",
                        "catalog-info.yaml:23:13: error: Component 'ledger' of namespace 'payments' has the name of the"
                                + " one of namespace 'default' at catalog-info.yaml:11:1: the handbook's ids are the"
                                + " names, one entity each whatever its namespace [duplicate-id]"),
                t.structural().stream()
                        .filter(f -> f.startsWith("catalog-info.yaml"))
                        .toList());
    }
}
