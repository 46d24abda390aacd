package dev.opsbook.markdown;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What Markdown may cost one build, in <em>elements</em>: the lines of a body and the characters that can
 * open an element of it ({@code * _ ~ ` [ ] < > ! & | \ # - +}, and a {@code .} or {@code )} after a
 * digit). The parser's time and memory grow with the elements it makes, not with the bytes it reads: a
 * 4 MiB body of {@code *a_} made nearly three million nodes and ran a 1 GB heap out of memory, a 4 MiB
 * table with a wide header padded every row to the header's width. Counted before parsing (one pass), an
 * element count bounds both:
 *
 * <ul>
 *   <li>a body of more than {@link #MAX_ELEMENTS} elements, or whose tables would hold more than
 *       {@link #MAX_ELEMENTS} cells, or whose links would write more than {@link #MAX_EXPANSION} times its
 *       own length into its page (one reference definition used many times), is shown as written, with a
 *       {@code schema} error;
 *   <li>all the bodies of one build may hold {@link #MAX_HANDBOOK_ELEMENTS} elements (twice what
 *       the benchmark's 50,000 runbooks hold, some 380 each); the bodies after that are shown as written;
 *   <li>all the bodies of one build may hold {@link #MAX_HANDBOOK_KEPT} headings and links, which are kept
 *       until the pages are written; the bodies after that are shown as written;
 *   <li>at most {@link #IN_FLIGHT} elements are being parsed at any moment, whatever the number of threads,
 *       so that several large bodies are parsed in turn, not all at once.
 * </ul>
 *
 * The largest runbook of the real-world repositories under test holds about 300 elements.
 */
public final class MarkdownBudget {
    /** Elements one body may hold and still be formatted. */
    public static final int MAX_ELEMENTS = 50_000;
    /** Elements all the bodies of one build may hold. */
    public static final long MAX_HANDBOOK_ELEMENTS = 40_000_000L;
    /** How many times its own length (plus a mebibyte) a body's page may be. */
    public static final int MAX_EXPANSION = 16;
    /** Elements parsed at one time, over all threads. */
    static final int IN_FLIGHT = 2 * MAX_ELEMENTS;
    /** A body this small is parsed without waiting for its share of {@link #IN_FLIGHT}. */
    private static final int SMALL = 2_000;

    /**
     * Headings and links all the bodies of one build may hold: each is kept until the pages are written
     * (some 150 bytes a heading), three times what the benchmark's 50,000 runbooks hold (22 each).
     */
    public static final long MAX_HANDBOOK_KEPT = 3_000_000L;

    private final AtomicLong used = new AtomicLong();
    private final AtomicLong kept = new AtomicLong();
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT, true);

    /** The characters that are an element wherever they are (ASCII). */
    private static final boolean[] ELEMENT = new boolean[128];

    static {
        for (char c : "\n*_~`[]<>!&|\\#-+".toCharArray()) {
            ELEMENT[c] = true;
        }
    }

    /**
     * The elements of a Markdown text (see the class comment). Counted over the text's bytes as ISO 8859-1, where
     * a character beyond it becomes '?', which is no element and no digit, as the character itself is not: the
     * count is the same, and for the Latin-1 text most bodies are the bytes are the string's own, copied at once.
     */
    public static int elements(String text) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        int n = 0;
        boolean digit = false;
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c < 128 && ELEMENT[c]) {
                n++;
            } else if ((c == '.' || c == ')') && digit) {
                n++;
            }
            digit = c >= '0' && c <= '9';
        }
        return n;
    }

    /**
     * Takes {@code elements} from the build's budget: true when they fit, false (nothing taken) when the
     * build has used it up.
     */
    boolean take(int elements) {
        return within(used, elements, MAX_HANDBOOK_ELEMENTS);
    }

    /** Keeps {@code n} more headings and links: true when they fit, false (nothing kept) when the build has its fill. */
    boolean keep(int n) {
        return within(kept, n, MAX_HANDBOOK_KEPT);
    }

    /** Adds {@code n} to {@code counter} when the sum stays within {@code most}; else leaves it as it was. */
    private static boolean within(AtomicLong counter, long n, long most) {
        if (counter.addAndGet(n) > most) {
            counter.addAndGet(-n);
            return false;
        }
        return true;
    }

    /** Elements the build has taken so far. */
    public long used() {
        return used.get();
    }

    /** Runs {@code parse} once {@code elements} of the parsing going on at one time are free. */
    <T> T parsing(int elements, Supplier<T> parse) {
        if (elements <= SMALL) {
            return parse.get();
        }
        int permits = Math.min(elements, IN_FLIGHT);
        inFlight.acquireUninterruptibly(permits);
        try {
            return parse.get();
        } finally {
            inFlight.release(permits);
        }
    }
}
