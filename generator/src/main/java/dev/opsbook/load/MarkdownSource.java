package dev.opsbook.load;

import dev.opsbook.finding.Findings;
import java.io.IOException;
import java.nio.file.Path;

/** The Markdown body of a content file, read again when its page is rendered (the model keeps no text). */
public final class MarkdownSource {
    private MarkdownSource() {}

    /** The body after the front matter (and its leading title, as the loader reads it); empty when the file cannot be read now (it was a finding already). */
    public static String body(Path root, String rel) {
        Findings ignored = new Findings();
        try {
            return Source.read(root.resolve(rel), rel, Limits.MAX_MARKDOWN_BYTES, null, ignored)
                    .flatMap(text -> FrontMatter.split(text, rel, null, ignored))
                    .map(fm -> LeadingTitle.of(fm).body()) // as it was read: its leading title is the page's
                    .orElse("");
        } catch (IOException e) {
            return "";
        }
    }
}
