package dev.opsbook.model;

import java.util.regex.Pattern;

/**
 * What a {@code tel:} link can dial: a person's {@code phone} in a team file and a {@code tel:} link in
 * Markdown are judged by the same rule.
 */
public final class Phone {
    /** Digits with the usual separators (spaces, dashes, dots, parentheses) and an optional leading +. */
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9(][0-9 ().\\-]*");

    private Phone() {}

    /**
     * The number as a {@code tel:} address dials it: without its spaces (the one form, for a person's
     * phone on a page and a {@code tel:} link in Markdown alike; the page script's is the same).
     */
    public static String dial(String number) {
        return number.replace(" ", "");
    }

    /** Whether {@code number} (stripped) is a number a phone can dial: that form, 3 to 20 digits. */
    public static boolean dialable(String number) {
        long digits = number.chars().filter(c -> c >= '0' && c <= '9').count();
        return NUMBER.matcher(number.strip()).matches() && digits >= 3 && digits <= 20;
    }
}
