package dev.opsbook.load;

import dev.opsbook.model.Pos;
import dev.opsbook.model.Secret;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what looks like a credential in content text: private key blocks, cloud access keys,
 * GitHub, GitLab and Slack tokens, and (in YAML) values of keys such as {@code password:} or
 * {@code token:}. Only a masked form of each value leaves this class.
 */
final class SecretScanner {
    /** {@code trigger}: a fixed string every match contains, checked before the pattern runs. */
    private record Kind(String name, Pattern pattern, int keep, String... trigger) {
        boolean mayMatch(String text) {
            for (String t : trigger) {
                if (text.contains(t)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final List<Kind> KINDS = List.of(
            new Kind(
                    "a private key block",
                    Pattern.compile("-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----"),
                    11,
                    "PRIVATE KEY"),
            new Kind("an AWS access key", Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"), 4, "AKIA", "ASIA"),
            new Kind(
                    "a GitHub token",
                    Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\\b"),
                    4,
                    "ghp_",
                    "gho_",
                    "ghu_",
                    "ghs_",
                    "ghr_",
                    "github_pat_"),
            new Kind("a GitLab token", Pattern.compile("\\bglpat-[A-Za-z0-9_-]{20,}"), 6, "glpat-"),
            new Kind("a Slack token", Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}"), 5, "xox"));
    /** Words one of which a credential key contains, lower-cased: a cheap test before the pattern. */
    private static final String[] KEY_WORDS = {"pass", "secret", "token", "key"};
    /** A key naming a credential: password, dbPassword, db_password, clientSecret, API_TOKEN … (not content-secret). */
    private static final Pattern YAML_SECRET = Pattern.compile(
            "^[\\s-]*[\"']?((?:[A-Za-z0-9]*_)?[a-z0-9]*(?:[Pp]assword|[Pp]asswd|[Ss]ecret|[Tt]oken|[Aa]pi_?[Kk]ey"
                    + "|[Aa]ccess_?[Kk]ey|[Pp]rivate_?[Kk]ey|PASSWORD|SECRET|TOKEN|API_KEY|ACCESS_KEY))[\"']?\\s*:\\s*(.*?)\\s*$");

    private static final Pattern PLACEHOLDER = Pattern.compile(
            "^(?:[\"']?(?:\\$\\{[^}]*}|<[^>]*>|\\*+|x+|changeme|redacted|none|null|~|true|false|\\[\\]|\\{\\})[\"']?)?$",
            Pattern.CASE_INSENSITIVE);

    private SecretScanner() {}

    /**
     * @param lineOffset lines of the file before {@code text}
     * @param yaml       true for YAML text, where generic {@code password:} values count too
     */
    static List<Secret> scan(String text, String file, String service, int lineOffset, boolean yaml) {
        if (!yaml && !mayHoldToken(text)) {
            return List.of(); // nearly every Markdown body: one pass over the text, no line by line
        }
        List<Secret> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean found = false;
            for (Kind k : KINDS) {
                if (!k.mayMatch(line)) {
                    continue;
                }
                Matcher m = k.pattern.matcher(line);
                while (m.find()) {
                    out.add(new Secret(
                            k.name,
                            mask(m.group(), k.keep),
                            new Pos(file, lineOffset + i + 1, m.start() + 1),
                            service));
                    found = true;
                }
            }
            if (yaml && !found && line.indexOf(':') > 0 && mentionsKeyWord(line)) {
                Matcher m = YAML_SECRET.matcher(line);
                if (m.matches()) {
                    String value = m.group(2).replaceAll("\\s+#.*$", "");
                    if (!PLACEHOLDER.matcher(value).matches() && value.length() >= 4) {
                        out.add(new Secret(
                                "a " + m.group(1).toLowerCase(Locale.ROOT) + " value",
                                "****",
                                new Pos(file, lineOffset + i + 1, m.start(2) + 1),
                                service));
                    }
                }
            }
        }
        return out;
    }

    /** The triggers by their first character, as ASCII bytes. */
    private static final byte[][][] TRIGGER_BYTES = new byte[128][][];

    static {
        KINDS.stream().flatMap(k -> Arrays.stream(k.trigger)).distinct().forEach(t -> {
            if (t.length() < 2 || t.chars().anyMatch(c -> c >= 128 || c == '?')) {
                throw new IllegalStateException("a trigger is two ASCII characters or more, without '?': " + t);
            }
            byte[][] was = TRIGGER_BYTES[t.charAt(0)];
            byte[][] grown = was == null ? new byte[1][] : Arrays.copyOf(was, was.length + 1);
            grown[grown.length - 1] = t.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            TRIGGER_BYTES[t.charAt(0)] = grown;
        });
    }

    /** Whether the text holds the fixed part of any token ({@link Kind#trigger}), in one pass. */
    static boolean mayHoldToken(String text) {
        // over the bytes as ISO 8859-1 (the string's own for Latin-1 text, copied at once): a character beyond it
        // becomes '?', which no trigger holds, as it holds no such character
        byte[] b = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        int n = b.length - 1;
        for (int i = 0; i < n; i++) {
            int c = b[i];
            byte[][] triggers = c >= 0 ? TRIGGER_BYTES[c] : null;
            if (triggers != null) {
                for (byte[] t : triggers) {
                    if (t[1] == b[i + 1] && startsWith(b, i, t)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] b, int at, byte[] t) {
        if (at + t.length > b.length) {
            return false;
        }
        for (int k = 2; k < t.length; k++) {
            if (b[at + k] != t[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean mentionsKeyWord(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        for (String w : KEY_WORDS) {
            if (lower.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static String mask(String value, int keep) {
        return value.substring(0, Math.min(keep, value.length())) + "…";
    }
}
