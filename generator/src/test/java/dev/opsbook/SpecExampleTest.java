package dev.opsbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsbook.finding.Rules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A handbook written from the examples of shared/spec/content.md, comments and all, builds with no
 * structural finding into every page, with every link resolving (the build verifies links itself).
 */
class SpecExampleTest {
    @TempDir
    Path dir;

    @Test
    void theSpecsOwnExamplesBuildCleanly() throws Exception {
        Path content = Path.of("src/test/resources/spec-example");
        BuildResult result = new Opsbook().build(BuildRequest.build(content, dir.resolve("site")));
        assertEquals(
                List.of(),
                result.findings().stream()
                        .filter(f -> Rules.isStructural(f.rule()))
                        .toList());
        assertEquals(false, result.hasErrors(), result.findings().toString());
        assertEquals(java.time.LocalDate.of(2026, 11, 21), result.asOf(), "asOf from opsbook.yaml");
        for (String page : List.of(
                "index.html",
                "severities.html",
                "teams/payments.html",
                "services/payments-api/index.html",
                "services/payments-api/runbooks/high-error-rate.html",
                "services/payments-api/reviews/osr-2026-014.html",
                "services/payments-api/incidents/2026-09-03-card-outage.html",
                "services/ledger/runbooks/failover.html")) {
            assertTrue(Files.isRegularFile(dir.resolve("site").resolve(page)), page);
        }
    }
}
