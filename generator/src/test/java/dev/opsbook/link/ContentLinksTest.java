package dev.opsbook.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Relative links in content, joined to the folder of the file they are written in. */
class ContentLinksTest {
    @Test
    void normalisesRelativePaths() {
        assertEquals(Optional.of("services/a/runbooks/b.md"), ContentLinks.normalise("services/a/runbooks", "b.md"));
        assertEquals(
                Optional.of("services/b/runbooks/c.md"),
                ContentLinks.normalise("services/a/runbooks", "../../b/runbooks/c.md"));
        assertEquals(
                Optional.of("services/a/service.yaml"),
                ContentLinks.normalise("services/a/runbooks", "./../service.yaml"));
        assertEquals(
                Optional.of("teams/x.yaml"),
                ContentLinks.normalise("services/a/runbooks", "..\\..\\..\\teams\\x.yaml"));
        assertEquals(Optional.of("services/a/"), ContentLinks.normalise("services/a/runbooks", "..//"));
        assertEquals(Optional.of("severities.yaml"), ContentLinks.normalise("", "severities.yaml"));
        assertEquals(Optional.of(""), ContentLinks.normalise("services", ".."));
        assertEquals(Optional.empty(), ContentLinks.normalise("services/a", "../../../etc/passwd"));
        assertEquals(Optional.empty(), ContentLinks.normalise("", ".."));
    }
}
