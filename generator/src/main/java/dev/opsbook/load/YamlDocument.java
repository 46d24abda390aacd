package dev.opsbook.load;

import dev.opsbook.finding.Findings;
import dev.opsbook.finding.Rules;
import dev.opsbook.model.Pos;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
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

    private YamlDocument() {}

    /**
     * The top-level mapping of a YAML document, or empty after adding a finding.
     *
     * @param lineOffset lines before the YAML text in its file (front matter starts after {@code ---})
     */
    static Optional<YamlMap> parse(String text, Ctx ctx) {
        return parse(text, ctx, false).map(l -> l.get(0));
    }

    /**
     * Every document of a YAML stream ({@code ---} between them, as Kubernetes manifests are written), each
     * a mapping; empty documents are left out. Empty after a finding: a stream that does not parse is not
     * read in part.
     */
    static Optional<List<YamlMap>> parseAll(String text, Ctx ctx) {
        return parse(text, ctx, true);
    }

    private static Optional<List<YamlMap>> parse(String text, Ctx ctx, boolean stream) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(Limits.MAX_YAML_ALIASES);
        options.setNestingDepthLimit(Limits.MAX_YAML_DEPTH);
        options.setCodePointLimit(Limits.MAX_MARKDOWN_BYTES + 1);
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        List<Node> roots = new ArrayList<>();
        try {
            Composer composer = new Composer(new ParserImpl(new StreamReader(text), options), RESOLVER, options);
            if (stream) {
                while (composer.checkNode()) {
                    Node n = composer.getNode();
                    if (n != null) {
                        roots.add(n);
                    }
                }
            } else {
                Node n = composer.getSingleNode();
                if (n != null) {
                    roots.add(n);
                }
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String unclosed = unclosed(e);
            Mark opened = e.getContextMark();
            if (unclosed == null
                    && "while parsing a flow node".equals(e.getContext())
                    && problem.contains("<stream end>")) {
                // "members: [" at the very end: the parser names only the end, so find the bracket that is open
                int[] at = openBracket(text);
                if (at != null) {
                    unclosed = text.charAt(at[0]) == '[' ? "the list in [ ]" : "the mapping in { }";
                    opened = new Mark("", at[0], at[1], at[2], new int[0], 0);
                }
            }
            if (unclosed != null) {
                // the parser noticed at the end of the file; the place to fix is where the quote or bracket opened
                ctx.findings()
                        .error(
                                Rules.YAML_SYNTAX,
                                ctx.service(),
                                ctx.pos(opened),
                                "YAML does not parse: " + unclosed
                                        + " that starts here is not closed by the end of the file",
                                "close it here, or remove what opens it");
                return Optional.empty();
            }
            if (e.getContext() != null && !problem.contains(e.getContext())) {
                problem = problem + " (" + e.getContext() + ")";
            }
            ctx.findings()
                    .error(
                            Rules.YAML_SYNTAX,
                            ctx.service(),
                            ctx.pos(mark),
                            "YAML does not parse: " + oneLine(problem),
                            hint(problem));
            return Optional.empty();
        } catch (YAMLException | StackOverflowError e) {
            ctx.findings()
                    .error(
                            Rules.YAML_SYNTAX,
                            ctx.service(),
                            new Pos(ctx.file(), ctx.lineOffset() + 1, 1),
                            "YAML is refused: "
                                    + oneLine(e instanceof StackOverflowError ? "nested too deeply" : e.getMessage()),
                            "keep the document plain: at most " + Limits.MAX_YAML_DEPTH + " levels of nesting and "
                                    + Limits.MAX_YAML_ALIASES + " aliases");
            return Optional.empty();
        }
        if (roots.isEmpty() && !stream) {
            return Optional.of(List.of(YamlMap.empty(ctx)));
        }
        List<YamlMap> out = new ArrayList<>();
        for (Node root : roots) {
            if (!(root instanceof MappingNode mapping)) {
                ctx.findings()
                        .error(
                                Rules.SCHEMA,
                                ctx.service(),
                                ctx.pos(root.getStartMark()),
                                "the document must be a mapping of keys to values, found " + YamlMap.describe(root),
                                "start the file with `key: value` lines");
                return Optional.empty();
            }
            out.add(new YamlMap(mapping, ctx));
        }
        return Optional.of(List.copyOf(out));
    }

    /**
     * What a file leaves open when it ends inside a quote, a [list] or a {mapping}, in the user's words;
     * null for any other problem.
     */
    private static String unclosed(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        if (e.getContextMark() == null
                || e.getContext() == null
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

    /**
     * The outermost {@code [} or <code>{</code> that is still open at the end of {@code text}, as {index,
     * line, column} (from 0), or null. A bracket opens a collection where a value starts (after a key's
     * colon, a list dash, another bracket or a comma) and anywhere inside one; quoted text and comments are
     * skipped, and a bracket inside a plain value ({@code title: a[b]}) is text.
     */
    static int[] openBracket(String text) {
        ArrayDeque<int[]> open = new ArrayDeque<>();
        int line = 0;
        int column = 0;
        boolean valueStart = true; // at the start of a line, or after ": ", "- ", "[", "{" or ","
        for (int i = 0; i < text.length(); i++, column++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                column = -1;
                valueStart = true;
            } else if (c == ' ' || c == '\t') {
                // white space keeps what came before
            } else if (c == '#'
                    && (i == 0
                            || text.charAt(i - 1) == ' '
                            || text.charAt(i - 1) == '\t'
                            || text.charAt(i - 1) == '\n')) {
                while (i + 1 < text.length() && text.charAt(i + 1) != '\n') {
                    i++;
                    column++;
                }
            } else if ((c == '"' || c == '\'') && (valueStart || !open.isEmpty())) {
                for (i++, column++; i < text.length(); i++, column++) {
                    char q = text.charAt(i);
                    if (q == '\n') {
                        line++;
                        column = -1;
                    } else if (c == '"' && q == '\\') {
                        i++;
                        column++;
                    } else if (q == c && c == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                        i++;
                        column++;
                    } else if (q == c) {
                        break;
                    }
                }
                valueStart = false;
            } else if ((c == '[' || c == '{') && (valueStart || !open.isEmpty())) {
                open.push(new int[] {i, line, column});
                valueStart = true;
            } else if ((c == ']' || c == '}') && !open.isEmpty()) {
                open.pop();
                valueStart = false;
            } else if (c == ',' && !open.isEmpty()) {
                valueStart = true;
            } else if ((c == ':' || c == '-') && (i + 1 == text.length() || " \t\n".indexOf(text.charAt(i + 1)) >= 0)) {
                valueStart = true;
            } else {
                valueStart = false;
            }
        }
        return open.isEmpty() ? null : open.getLast();
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
    record Ctx(String file, int lineOffset, String service, Findings findings, BitSet rejected) {
        Ctx(String file, int lineOffset, String service, Findings findings) {
            this(file, lineOffset, service, findings, new BitSet());
        }

        /** Remembers that the value at {@code node} was refused, so a key holding it can say so ({@link YamlMap#keyPositions}). */
        void reject(Node node) {
            if (node != null && node.getStartMark() != null) {
                rejected.set(node.getStartMark().getIndex());
            }
        }

        Pos pos(Mark mark) {
            return mark == null
                    ? new Pos(file, lineOffset + 1, 1)
                    : new Pos(file, mark.getLine() + 1 + lineOffset, mark.getColumn() + 1);
        }

        Pos pos(Node node) {
            return pos(node.getStartMark());
        }
    }
}
