package dev.opsbook.load;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The id rule: names as real repositories write them (a runbook named after its alert,
 * {@code KubePodCrashLooping}; a person {@code amelia.park}; a team {@code SRE-A}): letters, digits,
 * {@code -}, {@code _} and {@code .}, starting with a letter or digit and not ending in a dot, 1 to 63
 * characters. Ids are compared as written, but two that differ only in case are one name on the file
 * systems of macOS and Windows, so they are a {@code duplicate-id}.
 */
public final class Ids {
    static final Pattern ID = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]{0,61}[A-Za-z0-9_-])?");

    private Ids() {}

    /** Whether {@code id} is a valid id (of a service, team, person, runbook …). */
    public static boolean valid(String id) {
        return ID.matcher(id).matches();
    }

    /** Why {@code name} is not a valid id, for a message. */
    public static String problem(String name) {
        return "'" + name + "' is not a valid id: use letters, digits, '-', '_' and '.' (such as payments-api or"
                + " KubePodCrashLooping), starting with a letter or digit, at most 63 characters";
    }

    /** The valid id closest to a name ("Payments API" → "payments-api"). */
    static String suggest(String name) {
        String s =
                name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[-._]+|[-.]+$", "");
        return s.isEmpty() ? "my-id" : s.length() > 63 ? s.substring(0, 63) : s;
    }

    /** For each id that differs only in case from one before it (in {@code ids}' order), that first one. */
    static Map<String, String> caseClashes(Collection<String> ids) {
        Map<String, String> first = new LinkedHashMap<>();
        Map<String, String> clashes = new LinkedHashMap<>();
        for (String id : ids) {
            String seen = first.putIfAbsent(id.toLowerCase(Locale.ROOT), id);
            if (seen != null && !seen.equals(id)) {
                clashes.put(id, seen);
            }
        }
        return clashes;
    }
}
