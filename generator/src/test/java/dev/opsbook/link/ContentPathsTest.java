package dev.opsbook.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.opsbook.link.ContentPaths.Entry;
import dev.opsbook.link.ContentPaths.Kind;
import org.junit.jupiter.api.Test;

/** The content layout, both ways: each kind's path, and back from a path to its kind, service and id. */
class ContentPathsTest {
    @Test
    void everyPathReadsBackAsWhatItWasBuiltFor() {
        assertEquals(new Entry(Kind.TEAM, null, "payments"), ContentPaths.of(ContentPaths.team("payments")));
        assertEquals(new Entry(Kind.SERVICE, "api", null), ContentPaths.of(ContentPaths.serviceFile("api")));
        assertEquals(new Entry(Kind.SLA, "api", null), ContentPaths.of(ContentPaths.sla("api")));
        assertEquals(new Entry(Kind.ROTA, "api", null), ContentPaths.of(ContentPaths.rota("api")));
        assertEquals(
                new Entry(Kind.RUNBOOK, "api", "api-down"), ContentPaths.of(ContentPaths.runbook("api", "api-down")));
        assertEquals(new Entry(Kind.REVIEW, "api", "r1"), ContentPaths.of(ContentPaths.review("api", "r1")));
        assertEquals(new Entry(Kind.INCIDENT, "api", "i1"), ContentPaths.of(ContentPaths.incident("api", "i1")));
        assertEquals(new Entry(Kind.SETTINGS, null, null), ContentPaths.of(ContentPaths.SETTINGS));
        assertEquals(new Entry(Kind.SEVERITIES, null, null), ContentPaths.of(ContentPaths.SEVERITIES));
    }

    @Test
    void whatIsNoKindOfContentIsAnAssetOfItsServiceIfAny() {
        assertEquals(new Entry(Kind.ASSET, null, null), ContentPaths.of("logo.png"));
        assertEquals(new Entry(Kind.ASSET, null, null), ContentPaths.of("teams/photos/alice.png"));
        assertEquals(new Entry(Kind.ASSET, null, null), ContentPaths.of("teams/README.md"));
        assertEquals(new Entry(Kind.ASSET, "api", null), ContentPaths.of("services/api/diagram.svg"));
        assertEquals(new Entry(Kind.ASSET, "api", null), ContentPaths.of("services/api/runbooks/img/x.png"));
        assertEquals(new Entry(Kind.ASSET, "api", null), ContentPaths.of("services/api/runbooks/notes.txt"));
        assertEquals(new Entry(Kind.SERVICE_OTHER, "api", null), ContentPaths.of("services/api/servcie.yaml"));
        // .yml is read as what it would be, so that the loader can say to rename it
        assertEquals(new Entry(Kind.TEAM, null, "ops"), ContentPaths.of("teams/ops.yml"));
        assertEquals(new Entry(Kind.REVIEW, "api", "r1"), ContentPaths.of("services/api/reviews/r1.yml"));
        assertEquals(new Entry(Kind.ASSET, null, null), ContentPaths.of("services/README.md"));
    }

    @Test
    void theServiceOfAPath() {
        assertEquals("api", ContentPaths.serviceOf("services/api/runbooks/x.md"));
        assertEquals("api", ContentPaths.serviceOf("services/api"));
        assertNull(ContentPaths.serviceOf("services/"));
        assertNull(ContentPaths.serviceOf("teams/ops.yaml"));
    }
}
