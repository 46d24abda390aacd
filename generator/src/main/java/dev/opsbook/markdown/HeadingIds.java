package dev.opsbook.markdown;

import java.util.HashMap;
import java.util.Map;

/**
 * The anchors of a document's headings, given in document order: the heading text in lower case,
 * letters and digits kept, spaces, dashes and underscores made dashes, everything else dropped; a
 * repeated anchor gets {@code -1}, {@code -2}… (GitHub's scheme, and the one opsbook has always used,
 * so that links written against earlier sites keep working).
 */
final class HeadingIds {
    private final Map<String, Integer> seen = new HashMap<>();

    /** The anchor for the next heading of the document; empty when its text has nothing to make one of. */
    String next(String text) {
        String id = normalise(text);
        if (id.isEmpty()) {
            return id;
        }
        Integer count = seen.get(id);
        if (count == null) {
            seen.put(id, 0);
            return id;
        }
        seen.put(id, count + 1);
        return id + "-" + (count + 1);
    }

    static String normalise(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isLetter(c)) {
                sb.append(Character.toLowerCase(c));
            } else if (Character.isDigit(c)) {
                sb.append(c);
            } else if (c == ' ' || c == '-' || c == '_') {
                sb.append('-');
            }
        }
        return sb.toString();
    }

    /** Upper, lower, title case, modifier and other letters, and letter numbers (such as Ⅻ). */
    private static boolean isLetter(char c) {
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.LETTER_NUMBER -> true;
            default -> false;
        };
    }
}
