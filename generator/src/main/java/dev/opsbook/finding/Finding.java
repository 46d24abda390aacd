package dev.opsbook.finding;

import dev.opsbook.model.Pos;
import java.util.Comparator;
import java.util.List;

/**
 * One thing a run says about the content.
 *
 * @param service the service it is about, or null
 * @param hint    what to add or change, and where; null when there is nothing more to say
 */
public record Finding(String rule, Level level, String service, Pos pos, String message, String hint) {

    /** By file, line, column, rule, message: the order of every listing and report. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(
                    (Finding f) -> f.pos().file())
            .thenComparingInt(f -> f.pos().line())
            .thenComparingInt(f -> f.pos().column())
            .thenComparing(Finding::rule)
            .thenComparing(Finding::message);

    /** {@code file:line:column: severity: message [rule]}, as the CLI and the Maven log print it. */
    public String format() {
        return printable(pos + ": " + level.id() + ": " + message + " [" + rule + "]");
    }

    /**
     * The finding as a console or build log shows it: {@link #format()}, and for an error what to do on
     * the line under it ({@code "  hint: …"}); warnings and infos, which a large handbook has by the
     * thousand, keep one line (the reports carry their hints).
     */
    public List<String> lines() {
        if (level != Level.ERROR || hint == null || hint.isBlank()) {
            return List.of(format());
        }
        return List.of(format(), printable("  hint: " + hint));
    }

    /**
     * {@link #lines()} with the file's path from somewhere else than the content folder: {@code prefix} is
     * where the content folder is from there ({@code "content/"}, or an absolute path with its {@code /}), so
     * that an IDE or a CI log can open the file from the line.
     */
    public List<String> lines(String prefix) {
        if (prefix == null || prefix.isEmpty() || Pos.isInsidePart(pos.file())) {
            return lines(); // a file inside a part ({@code group:artifact:version!/path}) is not in the content folder
        }
        return new Finding(rule, level, service, new Pos(prefix + pos.file(), pos.line(), pos.column()), message, hint)
                .lines();
    }

    /**
     * {@code text} safe to print to a terminal or a CI log: control characters (an escape sequence in a YAML
     * key could erase the line before it, or retitle the terminal), line breaks (one finding, one line) and
     * the bidirectional overrides that reorder what is shown appear as a backslash, u and four hex digits, as in Java.
     */
    public static String printable(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean hide =
                    c < 0x20 || c >= 0x7F && c <= 0x9F || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
            if (hide && sb == null) {
                sb = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (sb != null) {
                if (hide) {
                    sb.append(String.format("\\u%04x", (int) c));
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? text : sb.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
