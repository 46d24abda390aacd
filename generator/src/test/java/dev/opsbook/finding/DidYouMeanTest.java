package dev.opsbook.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Suggestions for misspelt ids and keys; candidates out of reach are given up on early, with the same answers. */
class DidYouMeanTest {
    @Test
    void suggestsTheClosestWithinReachOrAnAbbreviation() {
        assertEquals("owner", DidYouMean.closest("ownr", List.of("name", "owner", "tier")));
        assertEquals("production", DidYouMean.closest("prod", List.of("experimental", "production", "deprecated")));
        assertEquals("payments-api", DidYouMean.closest("Payments-APi", List.of("ledger", "payments-api")));
        assertNull(DidYouMean.closest("zebra", List.of("ledger", "payments-api")));
        assertEquals(3, DidYouMean.distance("kitten", "sitting"));
    }

    @Test
    void twoLettersSwappedAreOneSlip() {
        assertEquals(1, DidYouMean.distance("nmae", "name"));
        assertEquals(2, DidYouMean.distance("abcd", "badc"));
        assertEquals("name", DidYouMean.closest("nmae", List.of("id", "name", "email", "phone", "timezone")));
        assertEquals("tier", DidYouMean.closest("teir", List.of("name", "owner", "tier")));
        assertEquals("ledger", DidYouMean.closest("legder", List.of("ledger", "payments-api")));
    }

    @Test
    void givesTheAnswersOfAFullComparisonWithEveryCandidate() {
        Random random = new Random(11);
        String alphabet = "abcde-İK";
        for (int round = 0; round < 3_000; round++) {
            List<String> candidates = new ArrayList<>();
            for (int n = random.nextInt(30); n > 0; n--) {
                candidates.add(word(random, alphabet));
            }
            String w = random.nextInt(3) == 0 && !candidates.isEmpty()
                    ? mutate(candidates.get(random.nextInt(candidates.size())), random, alphabet)
                    : word(random, alphabet);
            assertEquals(reference(w, candidates), DidYouMean.closest(w, candidates), w + " in " + candidates);
        }
    }

    private static String word(Random random, String alphabet) {
        StringBuilder sb = new StringBuilder();
        for (int n = 1 + random.nextInt(12); n > 0; n--) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static String mutate(String s, Random random, String alphabet) {
        StringBuilder sb = new StringBuilder(s);
        for (int n = random.nextInt(4); n > 0 && sb.length() > 1; n--) {
            int at = random.nextInt(sb.length());
            switch (random.nextInt(4)) {
                case 3 -> {
                    if (at + 1 < sb.length()) { // two neighbours swapped
                        char c = sb.charAt(at);
                        sb.setCharAt(at, sb.charAt(at + 1));
                        sb.setCharAt(at + 1, c);
                    }
                }
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                default -> sb.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return sb.toString();
    }

    /** The suggestion as it was worked out before: the full distance to every candidate, none given up on early. */
    private static String reference(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String w = word.toLowerCase(Locale.ROOT);
        for (String c : candidates) {
            int d = DidYouMean.distance(w, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return DidYouMean.accepted(word, best, bestDistance, candidates);
    }
}
