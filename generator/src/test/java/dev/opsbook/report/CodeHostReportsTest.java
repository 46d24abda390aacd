package dev.opsbook.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.opsbook.BuildRequest;
import dev.opsbook.ContentTree;
import dev.opsbook.ExampleHandbook;
import dev.opsbook.Opsbook;
import dev.opsbook.OpsbookException;
import dev.opsbook.cli.OpsbookCommand;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports that code hosts place on lines (SARIF for GitHub code scanning, Code Quality for GitLab's merge
 * requests) name each file from the repository's root, so that a content folder in a subfolder of the
 * repository still leads to the real file; both validate against their schemas.
 */
class CodeHostReportsTest {
    static final ObjectMapper JSON = new ObjectMapper();

    /** A repository with the handbook in {@code project/content}, and two errors in it. */
    static Path repository(Path dir) throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        ContentTree.minimal(dir.resolve("project/content"))
                .file(
                        "services/api/service.yaml",
                        "owner: ops\nownr: x\nalerts:\n  - { name: ApiDown, severity: P7, runbook: api-down }\n");
        return dir;
    }

    /** The issue of the unknown key. */
    static JsonNode schemaIssue(JsonNode quality) {
        for (JsonNode issue : quality) {
            if (issue.get("check_name").asText().equals("schema")) {
                return issue;
            }
        }
        throw new AssertionError("no schema issue in " + quality);
    }

    static JsonSchema schema(String resource, SpecVersion.VersionFlag version) throws Exception {
        try (InputStream in = CodeHostReportsTest.class.getClassLoader().getResourceAsStream(resource)) {
            return JsonSchemaFactory.getInstance(version).getSchema(in);
        }
    }

    @Test
    void aContentFolderInASubfolderOfTheRepositoryIsPlacedFromTheRepositorysRoot(@TempDir Path dir) throws Exception {
        Path repo = repository(dir);
        Path out = dir.resolve("reports");
        new Opsbook(1)
                .build(BuildRequest.check(repo.resolve("project/content"), out).withAsOf(LocalDate.of(2026, 11, 21)));
        JsonNode sarif = JSON.readTree(out.resolve(ReportFiles.SARIF).toFile());
        assertEquals(
                Set.of(),
                schema("schema/sarif-schema-2.1.0.json", SpecVersion.VersionFlag.V7)
                        .validate(sarif));
        JsonNode run = sarif.get("runs").get(0);
        assertEquals(
                "project/content/", run.at("/originalUriBaseIds/CONTENT/uri").asText());
        assertTrue(run.get("results").size() >= 2);
        for (JsonNode r : run.get("results")) {
            JsonNode at = r.at("/locations/0/physicalLocation/artifactLocation");
            assertEquals("SRCROOT", at.get("uriBaseId").asText());
            String uri = at.get("uri").asText();
            assertTrue(uri.startsWith("project/content/"), uri);
            assertTrue(Files.isRegularFile(repo.resolve(uri)), uri + " is the real file from the repository's root");
        }

        JsonNode quality = JSON.readTree(out.resolve(ReportFiles.CODE_QUALITY).toFile());
        assertEquals(
                Set.of(),
                schema("schema/gitlab-code-quality.json", SpecVersion.VersionFlag.V7)
                        .validate(quality));
        assertEquals(run.get("results").size(), quality.size(), "one issue a finding");
        Set<String> fingerprints = new HashSet<>();
        for (JsonNode issue : quality) {
            String path = issue.at("/location/path").asText();
            assertTrue(Files.isRegularFile(repo.resolve(path)), path);
            assertTrue(fingerprints.add(issue.get("fingerprint").asText()), "fingerprints are unique");
        }
        JsonNode first = schemaIssue(quality);
        assertEquals("critical", first.get("severity").asText(), "an error fails the build");
        assertEquals(2, first.at("/location/lines/begin").asInt());
        assertTrue(first.get("description").asText().startsWith("unknown key 'ownr'"), first.toString());
    }

    @Test
    void aFindingThatOnlyMovesKeepsItsFingerprint(@TempDir Path dir) throws Exception {
        Path repo = repository(dir);
        Path content = repo.resolve("project/content");
        Path out = dir.resolve("reports");
        new Opsbook(1).build(BuildRequest.check(content, out).withAsOf(LocalDate.of(2026, 11, 21)));
        JsonNode before = JSON.readTree(out.resolve(ReportFiles.CODE_QUALITY).toFile());
        Path svc = content.resolve("services/api/service.yaml");
        Files.writeString(svc, "# a comment moves every line down\n" + Files.readString(svc));
        new Opsbook(1).build(BuildRequest.check(content, out).withAsOf(LocalDate.of(2026, 11, 21)));
        JsonNode after = JSON.readTree(out.resolve(ReportFiles.CODE_QUALITY).toFile());
        assertEquals(schemaIssue(before).get("fingerprint"), schemaIssue(after).get("fingerprint"));
        assertEquals(
                schemaIssue(before).at("/location/lines/begin").asInt() + 1,
                schemaIssue(after).at("/location/lines/begin").asInt());
    }

    @Test
    void theSchemasWouldCatchABrokenReport() throws Exception {
        JsonSchema quality = schema("schema/gitlab-code-quality.json", SpecVersion.VersionFlag.V7);
        assertFalse(quality.validate(JSON.readTree("[{\"description\":\"x\",\"check_name\":\"r\",\"fingerprint\":\"f\","
                        + "\"severity\":\"error\",\"location\":{\"path\":\"a\",\"lines\":{\"begin\":1}}}]"))
                .isEmpty());
        assertFalse(quality.validate(JSON.readTree("[{\"description\":\"x\",\"check_name\":\"r\",\"fingerprint\":\"f\","
                        + "\"severity\":\"minor\",\"location\":{\"path\":\"a\"}}]"))
                .isEmpty());
    }

    @Test
    void theSourceRootCanBeGivenAndMustHoldTheContentFolder(@TempDir Path dir) throws Exception {
        Path repo = repository(dir);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = OpsbookCommand.execute(
                new String[] {
                    "check",
                    "--content",
                    repo.resolve("project/content").toString(),
                    "--out",
                    dir.resolve("reports").toString(),
                    "--as-of",
                    "2026-11-21",
                    "--source-root",
                    repo.resolve("project").toString()
                },
                new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertEquals(1, code, err.toString());
        JsonNode sarif =
                JSON.readTree(dir.resolve("reports").resolve(ReportFiles.SARIF).toFile());
        assertTrue(sarif.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri")
                .asText()
                .startsWith("content/services/api/"));

        try {
            new Opsbook(1)
                    .build(BuildRequest.check(repo.resolve("project/content"), dir.resolve("r2"))
                            .withSourceRoot(ExampleHandbook.content()));
            throw new AssertionError("a source root that does not hold the content folder is refused");
        } catch (OpsbookException e) {
            assertTrue(e.getMessage().contains("is not inside the source root"), e.getMessage());
        }
    }
}
