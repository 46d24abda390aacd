package dev.opsbook.finding;

import java.util.List;
import java.util.Set;

/** The ids of the rules of the contract (checks.md). Ids are stable: users name them in content. */
public final class Rules {
    public static final String YAML_SYNTAX = "yaml-syntax";
    public static final String SCHEMA = "schema";
    public static final String INVALID_ID = "invalid-id";
    public static final String DUPLICATE_ID = "duplicate-id";
    public static final String BROKEN_REFERENCE = "broken-reference";
    public static final String UNSAFE_PATH = "unsafe-path";
    /** A content file that a browser would run (HTML, script, SVG with script): it is not published. */
    public static final String UNSAFE_CONTENT = "unsafe-content";
    /** A fact of a service that service.yaml and a Backstage catalog entity both write, differently. */
    public static final String CATALOG_CONFLICT = "catalog-conflict";
    /** A part (an opsbook zip) that is not one, or that would write outside its folder: nothing of it is used. */
    public static final String PART_REFUSED = "part-refused";

    /** The structural rules: always errors; they cannot be switched off, waived or marked not applicable. */
    public static final List<String> STRUCTURAL = Rule.ids(Rule.Kind.STRUCTURAL);

    /** The completeness rules, in the order of checks.md. */
    public static final List<String> COMPLETENESS = Rule.ids(Rule.Kind.COMPLETENESS);

    private Rules() {}

    private static final Set<String> STRUCTURAL_SET = Set.copyOf(STRUCTURAL);

    public static boolean isStructural(String rule) {
        return STRUCTURAL_SET.contains(rule);
    }

    public static boolean isKnown(String rule) {
        return STRUCTURAL.contains(rule) || COMPLETENESS.contains(rule);
    }
}
