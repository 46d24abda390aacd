package dev.opsbook.load;

import java.util.Locale;
import java.util.regex.Pattern;

/** The id rule of the contract: lower-case kebab case, 1 to 63 characters. */
public final class Ids {
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private Ids() {}

    /** Whether {@code id} is a valid id (of a service, team, person, runbook …). */
    public static boolean valid(String id) {
        return ID.matcher(id).matches();
    }

    /** Why {@code name} is not a valid id, for a message. */
    public static String problem(String name) {
        return "'" + name + "' is not a valid id: use lower-case letters, digits and dashes (such as payments-api),"
                + " at most 63 characters";
    }

    /** The valid id closest to a name ("Payments API" → "payments-api"). */
    static String suggest(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "my-id" : s.length() > 63 ? s.substring(0, 63) : s;
    }
}
