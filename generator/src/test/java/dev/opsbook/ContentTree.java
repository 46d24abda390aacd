package dev.opsbook;

import dev.opsbook.finding.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A small content tree on disk for one test scenario: a valid minimal handbook to which a test adds,
 * overwrites or removes files.
 */
public final class ContentTree {
    public static final String SEVERITIES = """
            severities:
              - id: P1
                name: Critical
              - id: P2
                name: Major
            """;
    public static final String TEAM = """
            name: Operations
            members:
              - { id: alice, name: Alice }
              - { id: bob, name: Bob }
            """;
    public static final String SERVICE = """
            name: API
            owner: ops
            tier: 2
            alerts:
              - { name: ApiDown, severity: P1, runbook: api-down }
            """;
    public static final String RUNBOOK = """
            ---
            title: API down
            ---
            ## Symptoms

            It is down.
            """;

    private final Path root;

    private ContentTree(Path root) {
        this.root = root;
    }

    /** A valid handbook: two severities, team ops (alice, bob), service api with one alert and its runbook. */
    public static ContentTree minimal(Path root) {
        return new ContentTree(root)
                .file("severities.yaml", SEVERITIES)
                .file("teams/ops.yaml", TEAM)
                .file("services/api/service.yaml", SERVICE)
                .file("services/api/runbooks/api-down.md", RUNBOOK);
    }

    public static ContentTree empty(Path root) {
        return new ContentTree(root);
    }

    public ContentTree file(String path, String text) {
        return bytes(path, text.getBytes(StandardCharsets.UTF_8));
    }

    public ContentTree bytes(String path, byte[] content) {
        try {
            Path p = root.resolve(path);
            Files.createDirectories(p.getParent());
            Files.write(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public ContentTree delete(String path) {
        try {
            Files.delete(root.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public Path root() {
        return root;
    }

    /** Loads and checks the tree; every finding as the CLI prints it. */
    public List<String> check() {
        return result().findings().stream().map(Finding::format).toList();
    }

    public BuildResult result() {
        try {
            return new Opsbook().build(new BuildRequest(root, null, java.time.LocalDate.of(2026, 11, 21), null, false));
        } catch (OpsbookException e) {
            throw new AssertionError(e);
        }
    }
}
