package dev.opsbook.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The page cache's key: equal views hash alike, any difference a template could show hashes apart. */
class ViewDigestTest {
    enum Kind {
        A,
        B
    }

    record Leaf(String text, int n, boolean flag, Kind kind, LocalDate date) {}

    record Tree(String title, List<Leaf> leaves, Map<String, Object> extra, Optional<String> note, Leaf first) {}

    static Tree tree(String leafText, int n) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("k", "v");
        extra.put("n", 3L);
        return new Tree(
                "Title",
                List.of(
                        new Leaf(leafText, n, true, Kind.A, LocalDate.of(2026, 12, 7)),
                        new Leaf("b", 2, false, Kind.B, null)),
                extra,
                Optional.of("note"),
                null);
    }

    @Test
    void equalViewsHashAlikeAndEveryDifferenceApart() {
        byte[] one = ViewDigest.of("templates", "page.ftlh", tree("a", 1));
        assertNotNull(one);
        assertArrayEquals(one, ViewDigest.of("templates", "page.ftlh", tree("a", 1)));
        List<byte[]> others = List.of(
                ViewDigest.of("templates", "page.ftlh", tree("a ", 1)), // one character
                ViewDigest.of("templates", "page.ftlh", tree("a", 2)), // a number
                ViewDigest.of("templates", "other.ftlh", tree("a", 1)), // the template
                ViewDigest.of("other templates", "page.ftlh", tree("a", 1)), // the templates
                ViewDigest.of("templates", "page.ftlh", new Tree("Title", List.of(), Map.of(), Optional.empty(), null)),
                // strings that run together the same are not the same values
                ViewDigest.of("ab", "c"),
                ViewDigest.of("a", "bc"),
                ViewDigest.of(List.of("x", "y")),
                ViewDigest.of(List.of("y", "x")),
                ViewDigest.of((Object) null),
                ViewDigest.of(""),
                ViewDigest.of(1),
                ViewDigest.of(1L),
                ViewDigest.of(true),
                ViewDigest.of(Kind.A),
                ViewDigest.of(Kind.B));
        for (byte[] other : others) {
            assertNotNull(other);
            assertFalse(Arrays.equals(one, other));
        }
        for (int i = 0; i < others.size(); i++) {
            for (int j = i + 1; j < others.size(); j++) {
                // 1 and 1L are the same number to a template
                if (!(i == 11 && j == 12)) {
                    assertFalse(Arrays.equals(others.get(i), others.get(j)), i + " and " + j);
                }
            }
        }
    }

    @Test
    void aValueTheWalkCannotSeeIntoMakesThePageOneThatIsAlwaysRendered() {
        assertNull(ViewDigest.of("templates", new Object()));
        assertNull(ViewDigest.of(List.of("a", new StringBuilder("b"))));
        java.util.function.Supplier<String> lazy = () -> "html";
        assertNull(ViewDigest.of(new Tree("t", List.of(), Map.of("body", lazy), Optional.empty(), null)));
        // and the next digest starts afresh
        assertArrayEquals(
                ViewDigest.of("templates", "page.ftlh", tree("a", 1)),
                ViewDigest.of("templates", "page.ftlh", tree("a", 1)));
    }
}
