package dev.opsbook.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import dev.opsbook.ExampleHandbook;
import dev.opsbook.finding.Finding;
import dev.opsbook.finding.Rules;
import dev.opsbook.hostile.RefusedValueTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schemas that the loaders record of themselves, held to the loaders with a real validator
 * (networknt, JSON Schema 2020-12, formats asserted), both ways: every content file of the example and the
 * test handbooks validates; and every value of every file of the example replaced by a value the loader
 * refuses with a {@code schema} finding, the schema refuses too. Files are read as YAML 1.2 reads them (as
 * editors do: {@code yes} is text), which is how opsbook reads them (every value as its text).
 */
class SchemasTest {
    static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
            .build();

    static final Map<String, JsonSchema> SCHEMAS = new LinkedHashMap<>();

    static {
        SchemaValidatorsConfig config =
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        Schemas.all(List.of()).forEach((name, text) -> SCHEMAS.put(name, factory.getSchema(text, config)));
    }

    /** The YAML a content file's schema applies to: the file, or a Markdown file's front matter. */
    static String yamlOf(String rel, String text) {
        if (!rel.endsWith(".md")) {
            return text;
        }
        if (!text.startsWith("---\n")) {
            return "{}";
        }
        int end = text.indexOf("\n---", 4);
        return text.substring(4, end + 1);
    }

    /** What the schema says of a content file's YAML (empty: valid). */
    static List<String> validate(String schema, String yaml) throws Exception {
        JsonNode node;
        try {
            node = YAML.readTree(yaml);
        } catch (java.io.IOException e) {
            return List.of("does not parse: " + e.getMessage());
        }
        if (node == null || node.isMissingNode()) {
            node = YAML.createObjectNode();
        }
        return SCHEMAS.get(schema).validate(node).stream().map(Object::toString).toList();
    }

    static List<Path> files(Path root) throws Exception {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void everyContentFileOfTheExampleAndTheTestHandbooksValidates() throws Exception {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path root : List.of(
                ExampleHandbook.content(),
                Path.of("src/test/resources/spec-example"),
                Path.of("src/test/resources/planted"))) {
            for (Path f : files(root)) {
                String rel = root.relativize(f).toString().replace('\\', '/');
                String schema = Schemas.of(rel);
                if (schema == null) {
                    continue;
                }
                checked++;
                String yaml = yamlOf(rel, Files.readString(f, StandardCharsets.UTF_8));
                validate(schema, yaml).forEach(p -> problems.add(root.relativize(f) + ": " + p));
            }
        }
        assertTrue(checked > 40, "content files checked: " + checked);
        assertEquals(List.of(), problems);
    }

    @Test
    void everyValueTheLoaderRefusesTheSchemaRefusesToo() throws Exception {
        Path content = ExampleHandbook.content();
        List<String> missed = new ArrayList<>();
        int refused = 0;
        for (Path f : ExampleHandbook.contentFiles(content)) {
            String rel = content.relativize(f).toString().replace('\\', '/');
            String schema = Schemas.of(rel);
            if (schema == null) {
                continue;
            }
            String text = Files.readString(f, StandardCharsets.UTF_8);
            for (RefusedValueTest.Value v : RefusedValueTest.values(f)) {
                for (String with : v.scalar() ? RefusedValueTest.FOR_SCALAR : RefusedValueTest.FOR_COLLECTION) {
                    String changed = text.substring(0, v.start()) + with + text.substring(v.end());
                    String yaml = yamlOf(rel, changed);
                    List<Finding> findings = Schemas.load(schema, yaml);
                    boolean loaderRefuses = findings.stream()
                            .anyMatch(x ->
                                    x.rule().equals(Rules.SCHEMA) || x.rule().equals(Rules.YAML_SYNTAX));
                    if (!loaderRefuses) {
                        continue;
                    }
                    refused++;
                    if (validate(schema, yaml).isEmpty()) {
                        missed.add(rel + " at " + v.path() + " := " + with + ": the loader says "
                                + findings.get(0).message());
                    }
                }
            }
        }
        assertTrue(refused > 500, "values the loader refuses: " + refused);
        assertEquals(List.of(), missed, missed.size() + " of " + refused + " refused values pass the schema");
    }

    @Test
    void theSchemasAreInTheJarInTheSiteAndInANewHandbookWhoseFilesNameThem(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Map<String, String> all = Schemas.all(List.of());
        assertEquals(10, all.size());
        for (Map.Entry<String, String> e : all.entrySet()) {
            try (var in = SchemasTest.class.getClassLoader().getResourceAsStream("dev/opsbook/schemas/" + e.getKey())) {
                assertTrue(in != null, "the jar holds " + e.getKey());
                assertEquals(e.getValue(), new String(in.readAllBytes(), StandardCharsets.UTF_8), e.getKey());
            }
            assertEquals(
                    e.getValue(),
                    Files.readString(ExampleHandbook.shared().site().resolve("schemas/" + e.getKey())),
                    "the site publishes " + e.getKey());
        }
        // a new handbook: every file names its schema, kept beside it, and validates
        Path content = dir.resolve("handbook");
        assertEquals(
                0,
                dev.opsbook.cli.OpsbookCommand.execute(
                        new String[] {"new", "handbook", "--content", content.toString()},
                        new java.io.PrintWriter(new java.io.StringWriter()),
                        new java.io.PrintWriter(new java.io.StringWriter())));
        int named = 0;
        for (Path f : files(content)) {
            String rel = content.relativize(f).toString().replace('\\', '/');
            if (rel.startsWith(".opsbook/")) {
                continue;
            }
            String text = Files.readString(f);
            String line = Schemas.modeline(rel);
            assertTrue(line != null, rel);
            assertTrue(text.startsWith(line + "\n") || text.startsWith("---\n" + line + "\n"), rel + ": " + text);
            Path schema =
                    f.getParent().resolve(line.substring(line.indexOf('=') + 1)).normalize();
            assertEquals(all.get(Schemas.of(rel)), Files.readString(schema), rel);
            assertEquals(List.of(), validate(Schemas.of(rel), yamlOf(rel, text)), rel);
            named++;
        }
        assertEquals(5, named);
    }

    @Test
    void opsbookSchemasWritesThemIntoAnExistingHandbook(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path content = dir.resolve("content");
        ExampleHandbook.copy(ExampleHandbook.content(), content);
        java.io.StringWriter out = new java.io.StringWriter();
        assertEquals(
                0,
                dev.opsbook.cli.OpsbookCommand.execute(
                        new String[] {"schemas", "--content", content.toString()},
                        new java.io.PrintWriter(out, true),
                        new java.io.PrintWriter(new java.io.StringWriter())));
        assertTrue(out.toString().contains("wrote 10 schemas"), out.toString());
        for (Map.Entry<String, String> e : Schemas.all(List.of()).entrySet()) {
            assertEquals(e.getValue(), Files.readString(content.resolve(Schemas.IN_CONTENT + e.getKey())));
        }
        // a hidden folder: not content, not published
        Path site = dir.resolve("site");
        new dev.opsbook.Opsbook()
                .build(dev.opsbook.BuildRequest.build(content, site).withAsOf(java.time.LocalDate.of(2026, 11, 21)));
        assertTrue(!Files.exists(site.resolve(".opsbook")), "the content folder's schemas are not published as assets");
    }
}
