package dev.opsbook.finding;

import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** Suggests the closest known word for a misspelt one (edit distance with swaps, case-insensitive). */
public final class DidYouMean {
    private DidYouMean() {}

    /** The closest candidate within a small distance, or null when none is close. */
    public static String closest(String word, Collection<String> candidates) {
        String best = null;
        int allowed = allowed(word);
        // only a candidate within the allowed distance can be suggested: the others are given up on as soon as
        // they are out of reach (a handbook with thousands of broken links checked each against thousands of ids)
        int bestDistance = allowed + 1;
        String w = word.toLowerCase(Locale.ROOT);
        for (String c : candidates) {
            String lower = c.toLowerCase(Locale.ROOT);
            if (Math.abs(lower.length() - w.length()) >= bestDistance) {
                continue; // the difference in length is a lower bound of the distance
            }
            int d = distance(w, lower, bestDistance - 1);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return accepted(word, best, bestDistance, candidates);
    }

    /**
     * The suggestion, given the closest candidate and its distance: that candidate when near enough for the
     * word's length, else the only candidate the word abbreviates ("prod" for "production"), else null.
     */
    static String accepted(String word, String best, int distance, Collection<String> candidates) {
        if (best != null && distance <= allowed(word) && distance * 2 < word.length()) {
            return best;
        }
        String w = word.toLowerCase(Locale.ROOT);
        if (w.length() >= 3) {
            var prefixed = candidates.stream()
                    .filter(c -> c.toLowerCase(Locale.ROOT).startsWith(w))
                    .toList();
            if (prefixed.size() == 1) {
                return prefixed.get(0);
            }
        }
        return null;
    }

    /** How many edits a suggestion may be away: a third of the word, at least two. */
    private static int allowed(String word) {
        return Math.max(2, word.length() / 3);
    }

    /** What ends a message about a misspelt word: {@code " (did you mean 'near'?)"}, or nothing without a near miss. */
    public static String mention(String near) {
        return near != null ? " (did you mean '" + near + "'?)" : "";
    }

    /** The hint for a misspelt word: {@code "change it to 'near'"}, or {@code otherwise} without a near miss. */
    public static String changeTo(String near, String otherwise) {
        return near != null ? "change it to '" + near + "'" : otherwise;
    }

    /** The IANA zone id closest to a misspelt one ("Europe/Lodnon"), or null. */
    public static String closestZone(String zone) {
        return closest(zone, Zones.IDS);
    }

    /** The zone ids, sorted (so that the suggestion is the same on every run), looked up on first use. */
    private static final class Zones {
        static final List<String> IDS = List.copyOf(new TreeSet<>(ZoneId.getAvailableZoneIds()));
    }

    public static int distance(String a, String b) {
        return distance(a, b, Integer.MAX_VALUE - 1);
    }

    /**
     * The distance of {@code a} and {@code b} if it is at most {@code limit}; otherwise some number above it.
     * Edits are inserting, deleting or replacing a character, or swapping two neighbours ("nmae" for
     * "name", the most common slip in typing, counts one).
     */
    static int distance(String a, String b, int limit) {
        int[] before = new int[b.length() + 1]; // the row before prev: for swaps
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    cur[j] = Math.min(cur[j], before[j - 2] + 1);
                }
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > limit) {
                return limit + 1; // distances never fall from one row to the next
            }
            int[] t = before;
            before = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
