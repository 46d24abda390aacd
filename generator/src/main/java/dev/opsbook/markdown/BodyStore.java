package dev.opsbook.markdown;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Where the rendered bodies of a build are kept until their pages are written: in memory up to a
 * budget (an eighth of the heap unless {@code -Dopsbook.bodies.inMemory=BYTES} says otherwise), the
 * rest in a temporary file that is deleted when the store is closed. A handbook of ten thousand
 * runbooks stays in memory; one of fifty thousand would otherwise need a quarter of a gigabyte of heap
 * for text that each page reads once. Safe to use from several threads.
 */
public final class BodyStore implements AutoCloseable {
    private final long budget;
    private final boolean forPages;
    private final AtomicLong inMemory = new AtomicLong();
    private final MarkdownBudget markdown = new MarkdownBudget();
    private FileChannel spill;
    private long end;

    public BodyStore(long budgetBytes) {
        this(budgetBytes, true);
    }

    private BodyStore(long budgetBytes, boolean forPages) {
        this.budget = budgetBytes;
        this.forPages = forPages;
    }

    /**
     * The store of a run that writes no pages ({@code check}): bodies are read for their links and
     * headings only ({@link MarkdownEngine#read} leaves out their HTML and search snippet), and nothing
     * is kept.
     */
    public static BodyStore none() {
        return new BodyStore(0, false);
    }

    /** What the Markdown of the bodies read into this store may still cost (one build's budget). */
    public MarkdownBudget markdown() {
        return markdown;
    }

    private volatile MarkdownMemo memo;

    /** Reads bodies read before from {@code memo} (what an earlier build gave), and remembers new ones there; returns this. */
    public BodyStore remembering(MarkdownMemo bodyMemo) {
        this.memo = bodyMemo;
        return this;
    }

    /** What earlier builds' bodies gave, or null. */
    MarkdownMemo memo() {
        return memo;
    }

    /** Whether the bodies read into this store are for pages (rendered, with a snippet): false for {@link #none()}. */
    public boolean forPages() {
        return forPages;
    }

    /** A store whose budget is an eighth of the heap, or {@code -Dopsbook.bodies.inMemory}. */
    public static BodyStore forThisJvm() {
        return new BodyStore(
                Long.getLong("opsbook.bodies.inMemory", Runtime.getRuntime().maxMemory() / 8));
    }

    /** A store that keeps everything in memory (for single runbooks read again by the preview). */
    public static BodyStore inMemory() {
        return new BodyStore(Long.MAX_VALUE);
    }

    /** Keeps {@code html}; the supplier gives it back, from memory or from the file. */
    public Supplier<String> keep(String html) {
        long size = html.length();
        if (inMemory.addAndGet(size) <= budget) {
            return () -> html;
        }
        inMemory.addAndGet(-size);
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        long at = append(bytes);
        return () -> read(at, bytes.length);
    }

    private synchronized long append(byte[] bytes) {
        try {
            if (spill == null) {
                Path file = Files.createTempFile("opsbook-bodies-", ".html");
                spill = FileChannel.open(
                        file, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
                try {
                    Files.delete(file); // where the system allows it, the open file has no name from now on
                } catch (IOException e) {
                    file.toFile().deleteOnExit(); // Windows: deleted on close, or when the JVM exits
                }
            }
            long at = end;
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                end += spill.write(buffer, end);
            }
            return at;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the temporary file of rendered bodies", e);
        }
    }

    private String read(long at, int length) {
        FileChannel channel;
        synchronized (this) {
            channel = spill;
        }
        if (channel == null || !channel.isOpen()) {
            throw new IllegalStateException("the rendered bodies of this build are gone (the store was closed)");
        }
        ByteBuffer buffer = ByteBuffer.allocate(length);
        try {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, at + buffer.position()) < 0) {
                    throw new IOException("the temporary file of rendered bodies is shorter than written");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the temporary file of rendered bodies", e);
        }
        return new String(buffer.array(), StandardCharsets.UTF_8);
    }

    /** Whether anything went to the file. */
    public synchronized boolean spilled() {
        return spill != null;
    }

    /** Deletes the file, if there is one. */
    @Override
    public synchronized void close() {
        if (spill != null) {
            try {
                spill.close();
            } catch (IOException e) {
                // the file is deleted on close or, failing that, when the JVM exits
            }
        }
    }
}
