package dev.opsbook.load;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The checks that loaders make of a value past its type, as JSON Schema keywords for {@link YamlMap#expect}:
 * each mirrors the code that checks it when a file is read (an address, a phone number, a zone …). Patterns
 * are ECMA-262 (editors run them as JavaScript), so letters are matched in either case by classes, not flags.
 */
final class SchemaPatterns {
    /** A map in the order written: the schemas' bytes are the same in every JVM (Map.of's order is not). */
    static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private SchemaPatterns() {}

    /** {@code word} in either case: {@code [Hh][Tt][Tt][Pp]}. */
    static String anyCase(String word) {
        StringBuilder sb = new StringBuilder();
        for (char c : word.toCharArray()) {
            if (Character.isLetter(c)) {
                sb.append('[')
                        .append(Character.toUpperCase(c))
                        .append(Character.toLowerCase(c))
                        .append(']');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** {@link Urls#check}: http, https or mailto. */
    static final Map<String, Object> URL = ordered(
            "type",
            "string",
            "pattern",
            "^\\s*(" + anyCase("http") + "[Ss]?://|" + anyCase("mailto") + ":)[^\\u0000-\\u001f]*$");

    /** An http or https address ({@code baseUrl}, {@code sourceUrl}). */
    static final Map<String, Object> HTTP =
            ordered("type", "string", "pattern", "^\\s*" + anyCase("http") + "[Ss]?://\\S+\\s*$");

    /** A number of whole weeks and days ({@code 90d}, {@code 13w}, {@code 1w3d}): a window of the hand-off rules. */
    static final Map<String, Object> WHOLE_DAYS =
            ordered("type", "string", "pattern", "^\\s*(\\d+w\\d+d|\\d+w|\\d+d)\\s*$");

    /** {@link TeamLoader#email}. */
    static final Map<String, Object> EMAIL = ordered(
            "type",
            "string",
            "pattern",
            "^\\s*[\\p{L}\\p{N}._%+'\\-]+@[\\p{L}\\p{N}\\-]+(\\.[\\p{L}\\p{N}\\-]+)*\\s*$");

    /** {@code Phone.dialable}: digits with spaces, - . ( ), an optional leading +, 3 to 20 digits. */
    static final Map<String, Object> PHONE =
            ordered("type", "string", "pattern", "^\\s*(?=(?:[^0-9]*[0-9]){3,20}[^0-9]*$)\\+?[0-9(][0-9 ().\\-]*\\s*$");

    /**
     * What {@link ZoneId#of} accepts: a region of the time zone database, or an offset. Made once: every
     * rota reads it (600 regions matched one by one each time cost a tenth of the loading).
     */
    static Map<String, Object> zone() {
        return Zone.KEYWORDS;
    }

    /** Made on first use, not when the class is loaded (most runs never ask). */
    private static final class Zone {
        static final Map<String, Object> KEYWORDS = java.util.Collections.unmodifiableMap(make());

        private Zone() {}
    }

    private static Map<String, Object> make() {
        String offset = "[+-]\\d{1,2}(:?\\d{2}(:?\\d{2})?)?";
        return ordered(
                "anyOf",
                List.of(
                        // the time zone database's regions (ical4j adds zones of its own, "ical4j~…", as it runs)
                        ordered(
                                "enum",
                                List.copyOf(new TreeSet<>(ZoneId.getAvailableZoneIds().stream()
                                        .filter(z -> z.matches("[A-Za-z][A-Za-z0-9_+\\-/]*"))
                                        .toList()))),
                        ordered(
                                "type",
                                "string",
                                "pattern",
                                "^\\s*(Z|" + offset + "|(UTC|GMT|UT)(" + offset + ")?)\\s*$")));
    }

    /** One of {@code allowed}. */
    static Map<String, Object> oneOf(Collection<String> allowed) {
        return ordered("enum", new ArrayList<>(allowed));
    }

    /** A day as a rota's {@code days} reads one: its first three letters, in any case. */
    static Map<String, Object> day() {
        List<String> days = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
        String any = String.join(
                "|", days.stream().map(d -> anyCase(d.toLowerCase(Locale.ROOT))).toList());
        return ordered("type", "string", "pattern", "^\\s*(" + any + ")\\S*\\s*$");
    }

    /** An alert's {@code runbook}: an id, or service/id (ReferenceCheck refuses an address). */
    static final Map<String, Object> RUNBOOK_REF = ordered(
            "type",
            List.of("string", "number"),
            "pattern",
            "^\\s*[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?\\s*$");

    /** Plain text, of any scalar (a mapping or a list is refused). */
    static final Map<String, Object> TEXT = ordered("type", List.of("string", "number", "boolean"));
}
