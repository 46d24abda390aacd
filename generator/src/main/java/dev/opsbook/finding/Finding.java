package dev.opsbook.finding;

import dev.opsbook.model.Pos;
import java.util.Comparator;

/**
 * One thing a run says about the content.
 *
 * @param service the service it is about, or null
 * @param hint    what to add or change, and where; null when there is nothing more to say
 */
public record Finding(String rule, Level level, String service, Pos pos, String message, String hint) {

    /** By file, line, column, rule, message: the order of every listing and report. */
    public static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> f.pos().file())
            .thenComparingInt(f -> f.pos().line())
            .thenComparingInt(f -> f.pos().column())
            .thenComparing(Finding::rule)
            .thenComparing(Finding::message);

    /** {@code file:line:column: severity: message [rule]}, as the CLI and the Maven log print it. */
    public String format() {
        return pos + ": " + level.id() + ": " + message + " [" + rule + "]";
    }

    @Override
    public String toString() {
        return format();
    }
}
