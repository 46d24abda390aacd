package dev.opsbook.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Rendered bodies beyond the memory budget go to a temporary file and come back the same. */
class BodyStoreTest {
    @Test
    void bodiesBeyondTheBudgetComeBackFromTheFile() throws Exception {
        List<String> texts = IntStream.range(0, 200)
                .mapToObj(i -> "<p>body " + i + " caf\u00e9 \u65e5\u672c \uD83D\uDE80 " + "x".repeat(i * 7) + "</p>\n")
                .toList();
        try (BodyStore store = new BodyStore(1_000)) {
            // kept and read from several threads at once, as the loader and the renderer do
            List<Supplier<String>> parallel =
                    texts.parallelStream().map(store::keep).toList();
            assertTrue(store.spilled(), "most of 200 bodies do not fit in 1,000 bytes");
            assertEquals(texts, parallel.parallelStream().map(Supplier::get).toList());
            store.close();
            // which bodies fit in memory depends on the order the threads came in: count, do not pick
            int stayed = 0;
            int gone = 0;
            for (int i = 0; i < texts.size(); i++) {
                try {
                    assertEquals(texts.get(i), parallel.get(i).get(), "what was kept in memory stays");
                    stayed++;
                } catch (IllegalStateException e) {
                    gone++; // a closed store has no file to read
                }
            }
            assertTrue(stayed > 0 && gone > 0, stayed + " in memory, " + gone + " in the closed file");
        }
        try (BodyStore roomy = BodyStore.inMemory()) {
            roomy.keep("<p>x</p>");
            assertFalse(roomy.spilled());
        }
    }
}
