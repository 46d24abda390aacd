package dev.opsbook.load;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hugo's {@code ref} and {@code relref} shortcodes ({@code [text]({{< ref "./NodeRAIDDegraded.md" >}})}),
 * as runbooks written for a Hugo site link to each other: each becomes the path it names, so that the
 * link is checked and leads to the page like any relative link. The path stays where it is written and the
 * rest of the shortcode becomes spaces (a link destination may have spaces around it), so that every
 * column on the line is what it is in the file.
 */
final class Shortcodes {
    private static final Pattern REF =
            Pattern.compile("\\{\\{([<%])\\s*(?:rel)?ref\\s+\"([^\"\\n]+)\"\\s*\\1?[>%]\\}\\}");

    private Shortcodes() {}

    static String refs(String body) {
        if (body.indexOf("{{") < 0) {
            return body;
        }
        Matcher m = REF.matcher(body);
        StringBuilder sb = new StringBuilder(body.length());
        while (m.find()) {
            // the path where it is written, spaces for the rest: a finding at the link points at the path
            String path = m.group(2);
            m.appendReplacement(
                    sb,
                    Matcher.quoteReplacement(
                            " ".repeat(m.start(2) - m.start()) + path + " ".repeat(m.end() - m.end(2))));
        }
        return m.appendTail(sb).toString();
    }
}
