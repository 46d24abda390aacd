package dev.opsbook.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelTest {
    private static final List<Integer> ITEMS = IntStream.range(0, 500).boxed().toList();

    @Test
    void resultsComeInTheItemsOrderWhateverThreadComputedThem() throws Exception {
        java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<Integer> out = Parallel.map(ITEMS, 3, i -> {
            threads.add(Thread.currentThread().getName());
            if (i % 7 == 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
            }
            return i * 2;
        });
        assertEquals(ITEMS.stream().map(i -> i * 2).toList(), out);
        assertTrue(threads.size() > 1, "the work was shared: " + threads);
    }

    @Test
    void theFirstFailureInTheItemsOrderIsThrownAfterEveryPieceUnderWayEnded() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger started = new AtomicInteger();
        IOException thrown = assertThrows(
                IOException.class,
                () -> Parallel.map(ITEMS, 3, i -> {
                    running.incrementAndGet();
                    started.incrementAndGet();
                    try {
                        if (i == 10) {
                            throw new IOException("ten");
                        }
                        if (i == 11) {
                            throw new IllegalStateException("eleven"); // later in the order: not the one thrown
                        }
                        java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
                        return i;
                    } finally {
                        running.decrementAndGet();
                    }
                }));
        assertEquals("ten", thrown.getMessage());
        assertEquals(0, running.get(), "nothing runs on after the call");
        assertTrue(started.get() < ITEMS.size(), "the items not yet taken were skipped: " + started.get());
    }

    @Test
    void anUncheckedIoFailureIsThrownAsTheIoExceptionItWraps() {
        IOException thrown = assertThrows(
                IOException.class,
                () -> Parallel.map(ITEMS, 2, i -> {
                    if (i == 3) {
                        throw new UncheckedIOException(new IOException("disk full"));
                    }
                    return i;
                }));
        assertEquals("disk full", thrown.getMessage());
    }

    @Test
    void anErrorIsThrownAsItIs() {
        assertThrows(
                StackOverflowError.class,
                () -> Parallel.map(ITEMS, 2, i -> {
                    if (i == 5) {
                        throw new StackOverflowError();
                    }
                    return i;
                }));
    }
}
