package dev.opsbook.load;

import dev.opsbook.finding.Findings;
import dev.opsbook.finding.Rules;
import dev.opsbook.model.Pos;
import java.util.Optional;

/**
 * Splits a Markdown file into its YAML front matter (between a first line {@code ---} and the next
 * line {@code ---} or {@code ...}) and its body.
 *
 * @param yaml      the front matter text, empty when the file has none
 * @param body      the Markdown after the front matter
 * @param bodyLine  the 1-based line of the file where the body starts
 */
record FrontMatter(String yaml, String body, int bodyLine, boolean present) {

    /** Splits {@code text}; an unclosed front matter is a finding and gives empty. */
    static Optional<FrontMatter> split(String text, String file, String service, Findings findings) {
        if (!(text.startsWith("---\n") || text.startsWith("---\r\n") || text.equals("---"))) {
            return Optional.of(new FrontMatter("", text, 1, false));
        }
        int pos = text.indexOf('\n') + 1;
        int line = 2;
        while (pos > 0 && pos <= text.length()) {
            int end = text.indexOf('\n', pos);
            String l = (end < 0 ? text.substring(pos) : text.substring(pos, end)).stripTrailing();
            if (l.equals("---") || l.equals("...")) {
                String yaml = text.substring(text.indexOf('\n') + 1, pos);
                String body = end < 0 ? "" : text.substring(end + 1);
                return Optional.of(new FrontMatter(yaml, body, line + 1, true));
            }
            if (end < 0) {
                break;
            }
            pos = end + 1;
            line++;
        }
        findings.error(
                Rules.YAML_SYNTAX,
                service,
                new Pos(file, 1, 1),
                "front matter is not closed: no line '---' after the opening '---'",
                "add a line '---' after the last front matter key");
        return Optional.empty();
    }
}
