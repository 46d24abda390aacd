package dev.opsbook.markdown;

/**
 * The anchors commonmark-java's footnotes give their definitions and first references (as cmark-gfm does):
 * a link may lead to them like to a heading.
 */
final class Footnotes {
    private Footnotes() {}

    static String definition(String label) {
        return "fn-" + label;
    }

    static String reference(String label) {
        return "fnref-" + label;
    }
}
