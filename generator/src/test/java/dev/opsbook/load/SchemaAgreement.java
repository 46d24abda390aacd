package dev.opsbook.load;

import dev.opsbook.finding.Finding;
import dev.opsbook.finding.Rules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Holds the JSON Schemas to the loader wherever the test suite makes the loader refuse a value: for each
 * {@code schema} finding in a file that has a schema, the schema must refuse that file too. ContentTree calls it
 * after every check it runs, so that each test of a refused value tests the schema as well.
 */
public final class SchemaAgreement {
    private SchemaAgreement() {}

    /** The files with a schema finding that their schema accepts; an AssertionError names them. */
    public static void check(Path root, List<Finding> findings) {
        Set<String> files = new TreeSet<>();
        for (Finding f : findings) {
            if (f.rule().equals(Rules.SCHEMA)
                    && Schemas.of(f.pos().file()) != null
                    && !beyondSchema(f.message())
                    && !inMarkdownBody(root, f)) {
                files.add(f.pos().file());
            }
        }
        List<String> accepted = new ArrayList<>();
        for (String rel : files) {
            Path file = root.resolve(rel);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                if (SchemasTest.validate(Schemas.of(rel), SchemasTest.yamlOf(rel, text))
                        .isEmpty()) {
                    accepted.add(rel + " (the loader: "
                            + findings.stream()
                                    .filter(f -> f.pos().file().equals(rel)
                                            && f.rule().equals(Rules.SCHEMA))
                                    .map(Finding::message)
                                    .findFirst()
                                    .orElse("")
                            + ")");
                }
            } catch (java.nio.charset.MalformedInputException e) {
                // not UTF-8: the schema does not see the file at all
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        if (!accepted.isEmpty()) {
            throw new AssertionError("the JSON Schema accepts what the loader refuses: " + accepted);
        }
    }

    /**
     * What a schema of one value at a time cannot say, and the loader does: the file as a whole (its size, its
     * encoding); one value against another (detected before started, resolve shorter than acknowledge, a
     * shift that ends before it starts); a section named twice in other case; a rotation shorter than an hour; a
     * threshold of checks: on a rule it does not belong to (the schema gives checks: one shape for every rule).
     */
    private static boolean beyondSchema(String message) {
        return message.startsWith("file is ")
                || message.contains("not valid UTF-8")
                || message.matches(".*' \\(.*\\) is before '.*")
                || message.matches(".*' \\(.*\\) is shorter than '.*")
                || message.matches(".*' \\(.*\\) must be later in the day than '.*")
                || message.matches(".*' \\(.*\\) must be after '.*")
                || message.matches("section '.*' is listed twice in 'runbookSections'")
                || message.startsWith("'rotation' is the length of one shift, at least 1h")
                || message.matches("'\\w+' only applies to .*");
    }

    /** A finding in a Markdown file's body (a link), which the front matter's schema does not cover. */
    private static boolean inMarkdownBody(Path root, Finding f) {
        if (!f.pos().file().endsWith(".md")) {
            return false;
        }
        try {
            List<String> lines = Files.readAllLines(root.resolve(f.pos().file()), StandardCharsets.UTF_8);
            int end = 0;
            if (!lines.isEmpty() && lines.get(0).equals("---")) {
                for (int i = 1; i < lines.size(); i++) {
                    if (lines.get(i).equals("---")) {
                        end = i + 1;
                        break;
                    }
                }
            }
            return f.pos().line() > end;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
