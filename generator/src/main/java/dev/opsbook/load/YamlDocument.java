package dev.opsbook.load;

import dev.opsbook.finding.Findings;
import dev.opsbook.finding.Rules;
import dev.opsbook.model.Pos;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Parses YAML text into a node tree that keeps every node's line and column. Only the composer of
 * SnakeYAML is used: no Java objects are constructed, so no tag can instantiate anything, and every
 * scalar is kept exactly as written (dates and numbers are checked by {@link YamlMap}, not guessed).
 */
final class YamlDocument {
    /** Tells scalar types apart; only read after it is built, so one serves every thread. */
    private static final Resolver RESOLVER = new Resolver();

    private YamlDocument() {
    }

    /**
     * The top-level mapping of a YAML document, or empty after adding a finding.
     *
     * @param lineOffset lines before the YAML text in its file (front matter starts after {@code ---})
     */
    static Optional<YamlMap> parse(String text, Ctx ctx) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(Limits.MAX_YAML_ALIASES);
        options.setNestingDepthLimit(Limits.MAX_YAML_DEPTH);
        options.setCodePointLimit(Limits.MAX_MARKDOWN_BYTES + 1);
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        Node root;
        try {
            Composer composer = new Composer(new ParserImpl(new StreamReader(text), options), RESOLVER, options);
            root = composer.getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String unclosed = unclosed(e);
            if (unclosed != null) {
                // the parser noticed at the end of the file; the place to fix is where the quote or bracket opened
                ctx.findings().error(Rules.YAML_SYNTAX, ctx.service(), ctx.pos(e.getContextMark()),
                        "YAML does not parse: " + unclosed + " that starts here is not closed by the end of the file",
                        "close it here, or remove what opens it");
                return Optional.empty();
            }
            if (e.getContext() != null && !problem.contains(e.getContext())) {
                problem = problem + " (" + e.getContext() + ")";
            }
            ctx.findings().error(Rules.YAML_SYNTAX, ctx.service(), ctx.pos(mark),
                    "YAML does not parse: " + oneLine(problem), hint(problem));
            return Optional.empty();
        } catch (YAMLException | StackOverflowError e) {
            ctx.findings().error(Rules.YAML_SYNTAX, ctx.service(), new Pos(ctx.file(), ctx.lineOffset() + 1, 1),
                    "YAML is refused: " + oneLine(e instanceof StackOverflowError ? "nested too deeply" : e.getMessage()),
                    "keep the document plain: at most " + Limits.MAX_YAML_DEPTH + " levels of nesting and "
                            + Limits.MAX_YAML_ALIASES + " aliases");
            return Optional.empty();
        }
        if (root == null) {
            return Optional.of(YamlMap.empty(ctx));
        }
        if (!(root instanceof MappingNode mapping)) {
            ctx.findings().error(Rules.SCHEMA, ctx.service(), ctx.pos(root.getStartMark()),
                    "the document must be a mapping of keys to values, found " + YamlMap.describe(root),
                    "start the file with `key: value` lines");
            return Optional.empty();
        }
        return Optional.of(new YamlMap(mapping, ctx));
    }

    /**
     * What a file leaves open when it ends inside a quote, a [list] or a {mapping}, in the user's words;
     * null for any other problem.
     */
    private static String unclosed(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        if (e.getContextMark() == null || e.getContext() == null
                || !problem.contains("<stream end>") && !problem.contains("end of stream")) {
            return null;
        }
        return switch (e.getContext()) {
            case "while scanning a quoted scalar" -> "the quoted text";
            case "while parsing a flow sequence" -> "the list in [ ]";
            case "while parsing a flow mapping" -> "the mapping in { }";
            default -> null;
        };
    }

    /** What to do about the parser's most frequent complaints, in the user's terms. */
    private static String hint(String problem) {
        if (problem.startsWith("mapping values are not allowed here")) {
            return "a value that holds ': ' must be in quotes, such as name: \"Ledger: the books\"";
        }
        if (problem.contains("\\t(TAB)")) {
            return "indent with spaces, not tabs";
        }
        if (problem.startsWith("could not find expected ':'")) {
            return "write each entry as key: value (a value that runs on to the next line must be in quotes)";
        }
        if (problem.startsWith("expected <block end>")) {
            return "indent the entries of one list or mapping by the same number of spaces";
        }
        return "fix the YAML at this place (indent with spaces, close every quote and bracket)";
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    /** Where the YAML comes from: the file for findings, the line it starts after, and the service. */
    record Ctx(String file, int lineOffset, String service, Findings findings) {
        Pos pos(Mark mark) {
            return mark == null ? new Pos(file, lineOffset + 1, 1)
                    : new Pos(file, mark.getLine() + 1 + lineOffset, mark.getColumn() + 1);
        }

        Pos pos(Node node) {
            return pos(node.getStartMark());
        }
    }
}
