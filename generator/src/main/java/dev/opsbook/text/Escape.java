package dev.opsbook.text;

/**
 * The escapers, one per output context, so that what is safe in one place is written the same way
 * everywhere. Templates escape through FreeMarker's HTML output format; these are for the HTML and XML
 * that Java writes itself (rewritten link addresses, the preview's error box, the sitemap, JUnit XML).
 */
public final class Escape {
    private Escape() {}

    /**
     * Text for HTML, as element content or a double-quoted attribute value: {@code & < > "} as
     * entities, as FreeMarker's HTML format writes them. The string itself when there is nothing to escape.
     */
    public static String html(String value) {
        StringBuilder sb = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String esc =
                    switch (c) {
                        case '&' -> "&amp;";
                        case '<' -> "&lt;";
                        case '>' -> "&gt;";
                        case '"' -> "&quot;";
                        default -> null;
                    };
            if (esc != null && sb == null) {
                sb = new StringBuilder(value.length() + 16).append(value, 0, i);
            }
            if (sb != null) {
                if (esc != null) {
                    sb.append(esc);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? value : sb.toString();
    }

    /**
     * Text for XML 1.0, as content or an attribute value in either quotes: {@code & < > " '} and line
     * feeds (which an attribute would turn into spaces) as references; characters XML 1.0 cannot hold
     * (most control characters, lone surrogates, U+FFFE and U+FFFF) left out.
     */
    public static String xml(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                case '\n' -> sb.append("&#10;");
                default -> {
                    if (c == 0x9
                            || c == 0xD
                            || c >= 0x20 && c <= 0xD7FF
                            || c >= 0xE000 && c <= 0xFFFD
                            || c >= 0x10000 && c <= 0x10FFFF) {
                        sb.appendCodePoint(c);
                    }
                }
            }
        });
        return sb.toString();
    }
}
