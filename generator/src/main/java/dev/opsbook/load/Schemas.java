package dev.opsbook.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.opsbook.finding.Findings;
import dev.opsbook.link.ContentPaths;
import dev.opsbook.markdown.BodyStore;
import dev.opsbook.markdown.MarkdownEngine;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * JSON Schema (2020-12) for every file of opsbook's own format: recorded from the loaders themselves, each
 * run on a probe ({@link YamlMap#probe}) that notes every key it asks, the type it reads it as, which keys it
 * requires and whether it refuses the others. There is no second description to keep in step: what the
 * loader reads is what the schema says. Editors that know JSON Schema (VS Code's YAML extension, IntelliJ)
 * complete and check the files with it before a build; the build itself still checks more than a schema can
 * (references, dates that exist, the rules).
 */
public final class Schemas {
    /** Where the schemas are: in the jar, in the site, and in a content folder that {@code opsbook new} writes. */
    public static final String FOLDER = "schemas/";

    private Schemas() {}

    /** One kind of file: the schema's file name, its title, and the loader that reads it, run on a probe. */
    private record Kind(String name, String title, Consumer<YamlMap> loader) {}

    private static List<Kind> kinds() {
        MarkdownEngine md = new MarkdownEngine();
        BodyStore bodies = BodyStore.inMemory();
        Findings ignored = new Findings();
        FrontMatter fm = new FrontMatter("", "", 1, true);
        return List.of(
                new Kind("opsbook", "opsbook.yaml: the handbook's settings", SettingsLoader::read),
                new Kind("severities", "severities.yaml: the incident severity levels", SeveritiesLoader::read),
                new Kind("team", "teams/<team>.yaml: a team and its people", y -> TeamLoader.read("x", y)),
                new Kind("service", "services/<service>/service.yaml: a service", y -> ServiceLoader.read("x", y)),
                new Kind("sla", "services/<service>/sla.yaml: a service's SLA", SlaLoader::read),
                new Kind("rota", "services/<service>/rota.yaml or rotas/<rota>.yaml: a support rota", RotaLoader::read),
                new Kind(
                        "review",
                        "services/<service>/reviews/<review>.yaml: an operational support review",
                        y -> ReviewLoader.read("x", "x", y)),
                new Kind(
                        "runbook",
                        "the front matter of services/<service>/runbooks/<runbook>.md: a runbook",
                        y -> RunbookLoader.read("x", "x", "x.md", fm, y, md, bodies, ignored)),
                new Kind(
                        "incident",
                        "the front matter of services/<service>/incidents/<incident>.md: a post-incident review",
                        y -> IncidentLoader.read("x", "x", "x.md", fm, y, ZoneOffset.UTC, md, bodies, ignored)),
                new Kind(
                        "guide",
                        "the front matter of guides/<guide>.md: a guide",
                        y -> GuideLoader.read("x", "x.md", fm, y, md, bodies, ignored)));
    }

    /** Writes every schema into the folder {@code args[0]} (the build puts them in the jar this way). */
    public static void main(String[] args) throws java.io.IOException {
        writeTo(java.nio.file.Path.of(args[0]));
    }

    /** Writes every schema into {@code dir} (made if need be): the jar's, and a content folder's {@link #IN_CONTENT}. */
    public static void writeTo(java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir);
        for (Map.Entry<String, String> e : all(List.of()).entrySet()) {
            java.nio.file.Files.writeString(
                    dir.resolve(e.getKey()), e.getValue(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** The schema file names, in order: {@code service.schema.json} … */
    public static List<String> names() {
        return kinds().stream().map(k -> k.name() + ".schema.json").toList();
    }

    /**
     * Every schema, file name → JSON text. {@code foreignKeys}: the front matter keys of other tools that
     * Markdown may carry besides Hugo's, Jekyll's, MkDocs' and Docusaurus' (opsbook.yaml's {@code foreignKeys}).
     */
    public static Map<String, String> all(Collection<String> foreignKeys) {
        Map<String, String> out = new LinkedHashMap<>();
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        for (Kind k : kinds()) {
            SchemaNode root = SchemaNode.object();
            YamlMap probe = YamlMap.probe(root, new YamlDocument.Ctx(k.name(), 0, null, new Findings()));
            if (k.name().equals("runbook")
                    || k.name().equals("incident")
                    || k.name().equals("guide")) {
                Set<String> foreign =
                        new java.util.TreeSet<>(ForeignKeys.PAGE_KEYS); // in order: the same bytes each build
                foreign.addAll(foreignKeys);
                probe.foreign(foreign);
            }
            k.loader().accept(probe);
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            schema.put("$id", "https://opsbook.dev/schemas/" + k.name() + ".schema.json");
            schema.put("title", k.title());
            schema.putAll(write(root));
            try {
                out.put(k.name() + ".schema.json", json.writeValueAsString(schema) + "\n");
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    /**
     * What the loader of schema {@code name} ({@code service.schema.json}) says of {@code yaml}, a file's text (a
     * Markdown file's front matter): its findings. For tests that hold the schemas to the loader.
     */
    public static List<dev.opsbook.finding.Finding> load(String name, String yaml) {
        Findings findings = new Findings();
        for (Kind k : kinds()) {
            if ((k.name() + ".schema.json").equals(name)) {
                YamlDocument.parse(yaml, new YamlDocument.Ctx(k.name(), 0, null, findings))
                        .ifPresent(y -> {
                            if (k.name().equals("runbook")
                                    || k.name().equals("incident")
                                    || k.name().equals("guide")) {
                                y.foreign(ForeignKeys.PAGE_KEYS);
                            }
                            k.loader().accept(y);
                        });
                return findings.sorted();
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** Where {@code opsbook new} keeps the schemas in a content folder (hidden: not content, not published). */
    public static final String IN_CONTENT = ".opsbook/schemas/";

    /**
     * The line that tells editors (the YAML language server of VS Code, and others that read it) which
     * schema a content file follows, with the schema kept in the content folder ({@link #IN_CONTENT}); null
     * for a file without a schema. A Markdown file's line goes first in its front matter.
     */
    public static String modeline(String contentPath) {
        String schema = of(contentPath);
        if (schema == null) {
            return null;
        }
        int depth = (int) contentPath.chars().filter(c -> c == '/').count();
        return "# yaml-language-server: $schema=" + "../".repeat(depth) + IN_CONTENT + schema;
    }

    /** The schema's file name for a content file, or null for a file of another tool's format. */
    public static String of(String contentPath) {
        ContentPaths.Entry e = ContentPaths.of(contentPath);
        return switch (e.kind()) {
            case SETTINGS -> "opsbook.schema.json";
            case SEVERITIES -> "severities.schema.json";
            case TEAM -> "team.schema.json";
            case SERVICE -> "service.schema.json";
            case SLA -> "sla.schema.json";
            case ROTA, SHARED_ROTA -> "rota.schema.json";
            case REVIEW -> "review.schema.json";
            case RUNBOOK -> "runbook.schema.json";
            case INCIDENT -> "incident.schema.json";
            case GUIDE -> "guide.schema.json";
            default -> null;
        };
    }

    private static Map<String, Object> write(SchemaNode n) {
        Map<String, Object> own = own(n);
        if (n.alternatives.isEmpty()) {
            return own;
        }
        List<Object> any = new ArrayList<>();
        any.add(own);
        n.alternatives.forEach(a -> any.add(own(a)));
        return SchemaPatterns.ordered("anyOf", any);
    }

    private static Map<String, Object> own(SchemaNode n) {
        Map<String, Object> out = new LinkedHashMap<>();
        switch (n.kind) {
            case ANY -> {}
            case SCALAR -> out.putAll(n.keywords);
            case ARRAY -> {
                out.put("type", "array");
                Map<String, Object> items = write(n.items);
                if (!items.isEmpty()) {
                    out.put("items", items);
                }
            }
            case OBJECT -> {
                out.put("type", "object");
                Map<String, Object> props = new LinkedHashMap<>();
                n.properties.forEach((key, value) -> {
                    if (!key.equals(YamlMap.WILDCARD)) {
                        props.put(key, optional(write(value), n.required.contains(key) || !value.nullable));
                    }
                });
                n.foreign.forEach(k -> props.putIfAbsent(k, SchemaPatterns.ordered()));
                if (!props.isEmpty()) {
                    out.put("properties", props);
                }
                List<String> required = n.required.stream()
                        .filter(r -> !r.equals(YamlMap.WILDCARD))
                        .toList();
                if (!required.isEmpty()) {
                    out.put("required", required);
                }
                List<Object> conditions = new ArrayList<>();
                n.requiredUnless.forEach((present, keys) -> {
                    Map<String, Object> notNull = new LinkedHashMap<>();
                    keys.forEach(
                            k -> notNull.put(k, SchemaPatterns.ordered("not", SchemaPatterns.ordered("type", "null"))));
                    conditions.add(SchemaPatterns.ordered(
                            "if",
                            SchemaPatterns.ordered(
                                    "required",
                                    List.of(present),
                                    "properties",
                                    SchemaPatterns.ordered(
                                            present,
                                            SchemaPatterns.ordered("not", SchemaPatterns.ordered("type", "null")))),
                            "else",
                            SchemaPatterns.ordered("required", keys, "properties", notNull)));
                });
                for (String[] lk : n.itemsRequiredUnless) {
                    Map<String, Object> notNull = SchemaPatterns.ordered("not", SchemaPatterns.ordered("type", "null"));
                    conditions.add(SchemaPatterns.ordered(
                            "if",
                            SchemaPatterns.ordered(
                                    "required", List.of(lk[1]), "properties", SchemaPatterns.ordered(lk[1], notNull)),
                            "else",
                            SchemaPatterns.ordered(
                                    "properties",
                                    SchemaPatterns.ordered(
                                            lk[0],
                                            SchemaPatterns.ordered(
                                                    "items",
                                                    SchemaPatterns.ordered(
                                                            "required",
                                                            List.of(lk[1]),
                                                            "properties",
                                                            SchemaPatterns.ordered(lk[1], notNull)))))));
                }
                if (!conditions.isEmpty()) {
                    out.put("allOf", conditions);
                }
                if (n.propertyNames != null) {
                    out.put("propertyNames", SchemaPatterns.ordered("enum", n.propertyNames));
                }
                SchemaNode data = n.properties.get(YamlMap.WILDCARD);
                if (data != null) {
                    out.put("additionalProperties", optional(write(data), !data.nullable));
                } else if (n.closed) {
                    out.put("additionalProperties", false);
                }
            }
        }
        return out;
    }

    /**
     * A key that is not required may be written without a value ({@code description:}, {@code ~}): opsbook
     * reads it as not written.
     */
    private static Map<String, Object> optional(Map<String, Object> schema, boolean required) {
        if (required || schema.isEmpty()) {
            return schema;
        }
        Object type = schema.get("type");
        if (type != null && !schema.containsKey("anyOf")) {
            List<Object> types = new ArrayList<>(type instanceof List<?> l ? l : List.of(type));
            types.add("null");
            Map<String, Object> out = new LinkedHashMap<>(schema);
            out.put("type", types);
            return out;
        }
        return SchemaPatterns.ordered("anyOf", List.of(schema, SchemaPatterns.ordered("type", "null")));
    }
}
