package dev.opsbook.parallel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Maps independent work over a fixed number of threads and returns the results in the input's order.
 * When one piece fails, the pieces not yet started are skipped, every piece under way is waited for,
 * and the first failure is thrown: nothing is still running when the caller cleans up.
 */
public final class Parallel {
    /** A piece of work that may fail with an I/O error. */
    @FunctionalInterface
    public interface Work<T, R> {
        R apply(T item) throws IOException;
    }

    private Parallel() {}

    /**
     * The results of {@code work} on each item, in the items' order, computed on {@code threads} threads:
     * the caller's and {@code threads - 1} more, each taking the next item not yet taken (so items listed
     * first start first). There is no task queue and no future per item: a build maps over ten thousand
     * pages, and waking a thread for each one cost more in the kernel than the bookkeeping was worth.
     */
    public static <T, R> List<R> map(List<T> items, int threads, Work<T, R> work) throws IOException {
        int n = items.size();
        if (threads <= 1 || n <= 1) {
            List<R> out = new ArrayList<>(n);
            for (T item : items) {
                out.add(work.apply(item));
            }
            return out;
        }
        Object[] results = new Object[n];
        Throwable[] failures = new Throwable[n];
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        Runnable loop = () -> {
            for (int i; !failed.get() && (i = next.getAndIncrement()) < n; ) {
                try {
                    results[i] = work.apply(items.get(i));
                } catch (IOException | RuntimeException | Error e) {
                    failures[i] = e;
                    failed.set(true); // the items not yet taken are skipped
                }
            }
        };
        Thread[] helpers = new Thread[Math.min(threads, n) - 1];
        for (int k = 0; k < helpers.length; k++) {
            helpers[k] = new Thread(loop, "opsbook-worker");
            helpers[k].setDaemon(true);
            helpers[k].start();
        }
        boolean interrupted = false;
        try {
            loop.run();
        } finally {
            // every piece under way is waited for, even when interrupted: nothing runs on after the call
            for (Thread helper : helpers) {
                while (helper.isAlive()) {
                    try {
                        helper.join();
                    } catch (InterruptedException e) {
                        interrupted = true;
                        failed.set(true);
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        for (Throwable first : failures) { // the first failure in the items' order
            if (first instanceof IOException io) {
                throw io;
            }
            if (first instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (first instanceof RuntimeException r) {
                throw r;
            }
            if (first instanceof Error err) {
                throw err;
            }
        }
        if (interrupted) {
            throw new IOException("interrupted");
        }
        List<R> out = new ArrayList<>(n);
        for (Object result : results) {
            @SuppressWarnings("unchecked")
            R r = (R) result;
            out.add(r);
        }
        return out;
    }
}
