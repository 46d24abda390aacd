package dev.opsbook.load;

/**
 * A Markdown body's leading level-1 heading ({@code # KubePodCrashLooping}, as runbooks written for
 * GitHub and Hugo start): it is the page's title, which the page shows once as its {@code h1}, so it
 * is taken out of the body. The heading's lines are left empty, so that every later line keeps its
 * number in findings.
 *
 * @param title the heading's text, or null when the body does not start with a level-1 heading
 * @param body  the body without it
 */
record LeadingTitle(String title, String body) {
    /**
     * A Markdown file's body as opsbook reads it, the same on every path (loading, and rendering again
     * for raw HTML): Hugo's ref shortcodes made links, then the leading title taken out.
     */
    static LeadingTitle of(FrontMatter fm) {
        return of(Shortcodes.refs(fm.body()));
    }

    static LeadingTitle of(String body) {
        int start = 0;
        // blank lines before it
        while (true) {
            int end = body.indexOf('\n', start);
            String line = (end < 0 ? body.substring(start) : body.substring(start, end));
            if (!line.isBlank() || end < 0) {
                break;
            }
            start = end + 1;
        }
        int end = body.indexOf('\n', start);
        String line = (end < 0 ? body.substring(start) : body.substring(start, end)).stripTrailing();
        int indent = 0;
        while (indent < line.length() && indent < 4 && line.charAt(indent) == ' ') {
            indent++;
        }
        String text = null;
        int lines = 1;
        if (indent < 4 && line.startsWith("# ", indent)
                || line.substring(Math.min(indent, line.length())).equals("#")) {
            text = line.substring(indent + 1)
                    .strip()
                    .replaceAll("(^|\\s)#+$", "")
                    .strip();
        } else if (indent < 4 && !line.isBlank() && end >= 0) {
            // a setext heading: the text, then a line of '='
            int end2 = body.indexOf('\n', end + 1);
            String under = (end2 < 0 ? body.substring(end + 1) : body.substring(end + 1, end2)).strip();
            if (!under.isEmpty()
                    && under.chars().allMatch(c -> c == '=')
                    && !line.strip().startsWith(">")
                    && !line.strip().startsWith("-")
                    && !line.strip().startsWith("|")) {
                text = line.strip();
                lines = 2;
            }
        }
        if (text == null || text.isEmpty()) {
            return new LeadingTitle(null, body);
        }
        int cut = start;
        for (int i = 0; i < lines; i++) {
            int e = body.indexOf('\n', cut);
            cut = e < 0 ? body.length() : e + 1;
        }
        String rest = body.substring(0, start) + "\n".repeat(lines) + body.substring(cut);
        if (cut == body.length() && !body.endsWith("\n")) {
            rest = body.substring(0, start) + "\n".repeat(lines - 1);
        }
        return new LeadingTitle(plain(text), rest);
    }

    /** The heading's text without the inline marks a title does not need: code spans and strong emphasis. */
    private static String plain(String text) {
        return text.replace("`", "").replace("**", "").strip();
    }
}
