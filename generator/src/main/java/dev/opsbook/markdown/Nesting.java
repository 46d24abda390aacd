package dev.opsbook.markdown;

import dev.opsbook.model.Pos;
import java.util.Arrays;
import java.util.List;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.Parser;

/**
 * Markdown nested absurdly deep: block quotes in block quotes, lists in lists, emphasis in emphasis.
 * The parser, the renderer and opsbook's own walks through a document recurse once per level, so a
 * few thousand levels overflow the stack, and the parser's work on nested lists grows with the square
 * of their depth (60,000 list markers on one line: 19 s). No reader follows more than a few levels;
 * a body that nests more than {@link #LIMIT} is not formatted, and its place is reported.
 *
 * <p>The place is the same whichever way the depth shows: the line that opens too many block
 * quotes and lists (found before parsing), or else the top-level block (paragraph, list, quote)
 * whose inline elements nest too deep, whether the parser overflowed on it or finished.
 */
final class Nesting {
    /** Levels of nesting a body may have. */
    static final int LIMIT = 100;

    private Nesting() {}

    /**
     * The line that may open more than {@link #LIMIT} block quotes and lists, before any parsing; null
     * if none does. A line's levels are at most its {@code >} and list markers, plus half its columns
     * of indentation besides the space after each marker (a nested list item is indented at least two columns past its parent's): the
     * count errs high, never low, and only a line that holds a marker counts, so an indented code line
     * does not.
     */
    static Pos blocks(String text, String file, int firstLine) {
        int n = text.length();
        int line = 0;
        for (int start = 0; start < n; line++) {
            int levels = 0;
            int markers = 0;
            int i = start;
            while (i < n) {
                char c = text.charAt(i);
                if (c == ' ') {
                    levels++;
                    i++;
                } else if (c == '\t') {
                    levels += 4;
                    i++;
                } else if (c == '>') {
                    markers++;
                    i = afterMarker(text, i + 1);
                } else if ((c == '-' || c == '+' || c == '*') && endsMarker(text, i + 1)) {
                    markers++;
                    i = afterMarker(text, i + 1);
                } else if (c >= '0' && c <= '9') {
                    int j = i;
                    while (j < n && j - i < 9 && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
                        j++;
                    }
                    if (j < n && (text.charAt(j) == '.' || text.charAt(j) == ')') && endsMarker(text, j + 1)) {
                        markers++;
                        i = afterMarker(text, j + 1);
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            if (markers > 0 && markers + levels / 2 > LIMIT) {
                return new Pos(file, firstLine + line, 1);
            }
            int end = text.indexOf('\n', i);
            start = end < 0 ? n : end + 1;
        }
        return null;
    }

    /** Past the one space that belongs to a marker ending at {@code i}: it is not indentation. */
    private static int afterMarker(String text, int i) {
        return i < text.length() && text.charAt(i) == ' ' ? i + 1 : i;
    }

    /** Whether a list marker ends at {@code i}: white space or the end of the line follows it. */
    private static boolean endsMarker(String text, int i) {
        if (i >= text.length()) {
            return true;
        }
        char c = text.charAt(i);
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** The first node, in document order, more than {@link #LIMIT} levels below the document; null if none. */
    static Node tooDeep(Node doc) {
        Node n = doc.getFirstChild();
        int depth = 1;
        while (n != null) {
            if (depth > LIMIT) {
                return n;
            }
            if (n.getFirstChild() != null) {
                n = n.getFirstChild();
                depth++;
                continue;
            }
            while (n.getNext() == null) {
                n = n.getParent();
                depth--;
                if (n == doc) {
                    return null;
                }
            }
            n = n.getNext();
        }
        return null;
    }

    /** The block at the top of the document that holds {@code n}. */
    static Node topLevel(Node n) {
        Node block = n;
        while (block.getParent() != null && block.getParent().getParent() != null) {
            block = block.getParent();
        }
        return block;
    }

    /** Where a block starts in the file. */
    static Pos place(Node block, String file, int firstLine) {
        List<SourceSpan> spans = block.getSourceSpans();
        if (spans.isEmpty()) {
            return new Pos(file, firstLine, 1);
        }
        return new Pos(
                file, firstLine + spans.get(0).getLineIndex(), spans.get(0).getColumnIndex() + 1);
    }

    /**
     * After the parser overflowed the stack on {@code text}: the first top-level block that overflows
     * it alone, or nests too deep (its start; the body's first line if no block does).
     */
    static Pos firstTooDeep(String text, String file, int firstLine, Parser blocksOnly, Parser parser) {
        String[] lines = text.split("\n", -1);
        for (Node block = blocksOnly.parse(text).getFirstChild(); block != null; block = block.getNext()) {
            List<SourceSpan> spans = block.getSourceSpans();
            if (spans.isEmpty()) {
                continue;
            }
            int from = spans.get(0).getLineIndex();
            int to = spans.get(spans.size() - 1).getLineIndex();
            String alone = String.join("\n", Arrays.asList(lines).subList(from, Math.min(to + 1, lines.length)));
            boolean deep;
            try {
                deep = tooDeep(parser.parse(alone)) != null;
            } catch (StackOverflowError e) {
                deep = true;
            }
            if (deep) {
                return place(block, file, firstLine);
            }
        }
        return new Pos(file, firstLine, 1);
    }
}
