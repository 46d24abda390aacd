package dev.opsbook.markdown;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.internal.InlineParserImpl;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.InlineParser;
import org.commonmark.parser.InlineParserContext;
import org.commonmark.parser.SourceLine;
import org.commonmark.parser.SourceLines;

/**
 * Paragraphs whose inline parsing takes time that grows with the square of their length. For each
 * {@code <} the parser looks ahead for what could close an autolink, a tag, a comment, a processing
 * instruction or a declaration, and for each {@code ]} it copies the text back to its {@code [}: a
 * paragraph of 100 KB of {@code <a} took 25 s, and a 4 MiB one would take hours. A paragraph (or
 * heading, or table cell) with more than {@link #LIMIT} of either character is kept as plain text, and
 * its place reported; fenced code is never parsed for inlines, so it is not counted.
 *
 * <p>Used only for bodies that hold more than {@link #LIMIT} of either character in all (see
 * {@link #risky}): every other body is parsed by the parser as it comes.
 */
final class SlowInlines {
    /** {@code <} or {@code [} characters one paragraph may hold and still be formatted. */
    static final int LIMIT = 200;

    private SlowInlines() {}

    /** Whether some paragraph of {@code text} could hold more than {@link #LIMIT} of either character. */
    static boolean risky(String text) {
        return more(text, '<') || more(text, '[');
    }

    private static boolean more(String text, char c) {
        int n = 0;
        for (int i = text.indexOf(c); i >= 0; i = text.indexOf(c, i + 1)) {
            if (++n > LIMIT) {
                return true;
            }
        }
        return false;
    }

    /** The places (the first source span) of the blocks kept as plain text by the parser of this thread. */
    private static final ThreadLocal<List<SourceSpan>> KEPT = ThreadLocal.withInitial(ArrayList::new);

    /** The places of the blocks kept as text since the last call, on this thread; forgets them. */
    static List<SourceSpan> drain() {
        List<SourceSpan> kept = KEPT.get();
        List<SourceSpan> out = List.copyOf(kept);
        kept.clear();
        return out;
    }

    /**
     * commonmark's own inline parser (its default; the class is internal to the library, hence pinned
     * by the tests of this package), except for a block with too many of either character.
     */
    static InlineParser create(InlineParserContext context) {
        InlineParser parser = new InlineParserImpl(context);
        return (lines, block) -> {
            if (count(lines, '<') > LIMIT || count(lines, '[') > LIMIT) {
                Text text = new Text(lines.getContent());
                text.setSourceSpans(lines.getSourceSpans());
                block.appendChild(text);
                if (!lines.getSourceSpans().isEmpty()) {
                    KEPT.get().add(lines.getSourceSpans().get(0));
                }
            } else {
                parser.parse(lines, block);
            }
        };
    }

    private static int count(SourceLines lines, char c) {
        int n = 0;
        for (SourceLine line : lines.getLines()) {
            CharSequence s = line.getContent();
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) == c) {
                    n++;
                }
            }
        }
        return n;
    }
}
