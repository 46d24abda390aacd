package dev.opsbook.load;

import dev.opsbook.finding.DidYouMean;
import dev.opsbook.finding.Rules;
import dev.opsbook.model.Dur;
import dev.opsbook.model.Keys;
import dev.opsbook.model.Pos;
import dev.opsbook.model.Ref;
import dev.opsbook.model.When;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping read strictly. Each typed getter checks the value and, when it is wrong, adds a
 * {@code schema} finding at the value and returns null (or an empty list), so that loading goes on.
 * Every key a loader asks for is remembered; {@link #finish()} reports the others as unknown keys,
 * with the closest known key as a suggestion.
 */
final class YamlMap {
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME =
            Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}(?::\\d{2})?)(Z|[+-]\\d{2}:\\d{2})?");
    private static final Pattern TIME = Pattern.compile("\\d{2}:\\d{2}");
    private static final Pattern DURATION =
            Pattern.compile("(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,9}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d{1,12}(\\.\\d{1,12})?");

    private final MappingNode node;
    private final YamlDocument.Ctx ctx;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final Set<String> known = new LinkedHashSet<>();
    /**
     * Keys whose value was not taken as written although no value of theirs was refused: a key written twice
     * (which one was meant?), a required key that is missing, a known key written misspelled. A rule that
     * rests on one of them is not checked ({@link #keyPositions}).
     */
    private final Set<String> lost = new LinkedHashSet<>();
    /** Required keys that are missing while a written key may be them misspelled: {@link #finish()} decides. */
    private final Map<String, Pos> missingRequired = new LinkedHashMap<>();
    /** A known key that is written misspelled → where (so that what rests on it is placed there). */
    private final Map<String, Pos> writtenAs = new LinkedHashMap<>();

    /**
     * Not null for a mapping that records what its loader asks instead of reading a file ({@link #probe}): every
     * getter records the key and its type there and returns a value of that type, so that the loader goes on.
     */
    private final SchemaNode probe;

    YamlMap(MappingNode node, YamlDocument.Ctx ctx) {
        this(node, ctx, null);
    }

    private YamlMap(MappingNode node, YamlDocument.Ctx ctx, SchemaNode probe) {
        this.probe = probe;
        this.node = node;
        this.ctx = ctx;
        for (NodeTuple t : node.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                schema(t.getKeyNode(), "a key must be plain text, found " + describe(t.getKeyNode()), null);
                continue;
            }
            NodeTuple first = entries.putIfAbsent(key.getValue(), t);
            if (first != null) {
                lost.add(key.getValue());
                ctx.findings()
                        .error(
                                Rules.YAML_SYNTAX,
                                ctx.service(),
                                ctx.pos(key),
                                "duplicate key '" + key.getValue() + "' (first at line "
                                        + ctx.pos(first.getKeyNode()).line() + ")",
                                "keep one '" + key.getValue() + "' and remove the other");
            }
        }
    }

    /** A mapping that records into {@code node} what a loader asks of it (see {@link SchemaNode}). */
    static YamlMap probe(SchemaNode node, YamlDocument.Ctx ctx) {
        return new YamlMap(new MappingNode(Tag.MAP, List.of(), DumperOptions.FlowStyle.BLOCK), ctx, node);
    }

    /** Whether this mapping records what is asked instead of holding a file's values. */
    boolean probing() {
        return probe != null;
    }

    /** The key a probe's {@link #keys()} gives: it stands for every key of a mapping whose keys are data. */
    static final String WILDCARD = "*";

    private static Map<String, Object> kw(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /** Records {@code value} at {@code key} of the probe (the wildcard key stands for every key of data). */
    private void record(String key, SchemaNode value) {
        probe.put(key, value);
    }

    static YamlMap empty(YamlDocument.Ctx ctx) {
        return new YamlMap(new MappingNode(Tag.MAP, List.of(), DumperOptions.FlowStyle.BLOCK), ctx);
    }

    Pos pos() {
        return node.getStartMark() == null ? new Pos(ctx.file(), ctx.lineOffset() + 1, 1) : ctx.pos(node);
    }

    String file() {
        return ctx.file();
    }

    /** Where the value of {@code key} is, or where the mapping is when the key is absent. */
    Pos pos(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? pos() : ctx.pos(t.getValueNode());
    }

    /**
     * Where each key of this mapping is written (an absent key is placed at {@code fallback}), and which
     * keys hold a value, or a part of one, that had a schema finding. Call it after reading the mapping.
     */
    Keys keyPositions(Pos fallback) {
        Map<String, Pos> written = new LinkedHashMap<>();
        Set<String> refused = new LinkedHashSet<>();
        entries.forEach((key, t) -> {
            written.put(key, ctx.pos(t.getKeyNode()));
            Node v = t.getValueNode();
            if (v.getStartMark() != null && v.getEndMark() != null) {
                int first = ctx.rejected().nextSetBit(v.getStartMark().getIndex());
                if (first >= 0
                        && first
                                < Math.max(
                                        v.getEndMark().getIndex(),
                                        v.getStartMark().getIndex() + 1)) {
                    refused.add(key);
                }
            }
        });
        refused.addAll(lost);
        writtenAs.forEach(written::putIfAbsent);
        return new Keys(written, refused, fallback);
    }

    /** Where the key itself is written, or where the mapping is. */
    Pos keyPos(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? pos() : ctx.pos(t.getKeyNode());
    }

    boolean has(String key) {
        if (probe != null) {
            record(key, SchemaNode.any());
            return true;
        }
        known.add(key);
        Node v = value(key);
        return v != null;
    }

    /** The value node, or null when absent or written as null. */
    private Node value(String key) {
        known.add(key);
        NodeTuple t = entries.get(key);
        if (t == null) {
            return null;
        }
        Node v = t.getValueNode();
        if (v instanceof ScalarNode s
                && Tag.NULL.equals(s.getTag())
                && s.getScalarStyle().getChar() == null) {
            return null;
        }
        return v;
    }

    private String scalar(String key, String what) {
        Node v = value(key);
        if (v == null) {
            return null;
        }
        if (v instanceof ScalarNode s) {
            return s.getValue();
        }
        schema(v, "'" + key + "' must be " + what + ", found " + describe(v), "give '" + key + "' " + what + " here");
        return null;
    }

    void require(String... keys) {
        if (probe != null) {
            for (String k : keys) {
                probe.required.add(k);
            }
            return;
        }
        for (String key : keys) {
            if (value(key) == null) {
                ctx.reject(node); // a mapping without what it must say is refused as a whole
                lost.add(key);
                boolean misspelled = entries.keySet().stream()
                        .anyMatch(k -> !k.equals(key) && DidYouMean.closest(k, List.of(key)) != null);
                if (misspelled) {
                    // `ownr:` is one mistake: finish() reports it as an unknown key, did you mean 'owner'?
                    missingRequired.put(key, pos());
                } else {
                    missingRequiredKey(key, pos());
                }
            }
        }
    }

    private void missingRequiredKey(String key, Pos at) {
        ctx.findings()
                .error(
                        Rules.SCHEMA,
                        ctx.service(),
                        at,
                        "missing required key '" + key + "'",
                        "add `" + key + ":` with a value here");
    }

    String string(String key) {
        if (probe != null) {
            record(key, SchemaNode.text());
            return "x";
        }
        String s = scalar(key, "text");
        return s == null || s.isBlank() ? null : s.strip();
    }

    Integer integer(String key, int min, int max) {
        if (probe != null) {
            record(
                    key,
                    SchemaNode.scalar(kw(
                            "type",
                            List.of("integer", "string"),
                            "pattern",
                            "^\\s*[+-]?\\d{1,9}\\s*$",
                            "minimum",
                            min,
                            "maximum",
                            max)));
            return min;
        }
        String s = scalar(key, "a whole number");
        if (s == null) {
            return null;
        }
        if (!INTEGER.matcher(s.strip()).matches()) {
            schema(
                    value(key),
                    "'" + key + "' must be a whole number, found '" + s + "'",
                    "write a whole number, such as 2");
            return null;
        }
        int i = Integer.parseInt(s.strip().replace("+", ""));
        if (i < min || i > max) {
            schema(
                    value(key),
                    "'" + key + "' must be from " + min + " to " + max + ", found " + i,
                    "use a number from " + min + " to " + max);
            return null;
        }
        return i;
    }

    BigDecimal percent(String key) {
        if (probe != null) {
            record(
                    key,
                    SchemaNode.scalar(kw(
                            "type",
                            List.of("number", "string"),
                            "pattern",
                            "^\\s*[+-]?\\d{1,12}(\\.\\d{1,12})?\\s*%?\\s*$",
                            "exclusiveMinimum",
                            0,
                            "maximum",
                            100)));
            return BigDecimal.valueOf(50);
        }
        String s = scalar(key, "a percentage");
        if (s == null) {
            return null;
        }
        String t = s.strip();
        if (t.endsWith("%")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        if (!DECIMAL.matcher(t).matches()) {
            schema(
                    value(key),
                    "'" + key + "' must be a percentage such as 99.9, found '" + s + "'",
                    "write the number alone, without a % sign: 99.9");
            return null;
        }
        BigDecimal d = new BigDecimal(t);
        if (d.signum() <= 0 || d.compareTo(BigDecimal.valueOf(100)) > 0) {
            schema(
                    value(key),
                    "'" + key + "' must be above 0 and at most 100, found " + t,
                    "use a number above 0 and at most 100");
            return null;
        }
        return d;
    }

    /** A fraction above 0 and at most 1 (OpenSLO's {@code target: 0.999}), or null after a finding. */
    BigDecimal ratio(String key) {
        if (probe != null) {
            record(
                    key,
                    SchemaNode.scalar(kw(
                            "type",
                            List.of("number", "string"),
                            "pattern",
                            "^\\s*[+-]?\\d{1,12}(\\.\\d{1,12})?\\s*$",
                            "exclusiveMinimum",
                            0,
                            "maximum",
                            1)));
            return new BigDecimal("0.5");
        }
        String s = scalar(key, "a number");
        if (s == null) {
            return null;
        }
        String t = s.strip();
        if (!DECIMAL.matcher(t).matches()) {
            schema(value(key), "'" + key + "' must be a number such as 0.999, found '" + s + "'", null);
            return null;
        }
        BigDecimal d = new BigDecimal(t);
        if (d.signum() <= 0 || d.compareTo(BigDecimal.ONE) > 0) {
            schema(
                    value(key),
                    "'" + key + "' must be above 0 and at most 1, found " + t,
                    "write the target as a fraction, such as 0.999 for 99.9%");
            return null;
        }
        return d;
    }

    Boolean bool(String key) {
        if (probe != null) {
            record(
                    key,
                    SchemaNode.scalar(kw(
                            "type", List.of("boolean", "string"), "pattern", "^(true|True|TRUE|false|False|FALSE)$")));
            return Boolean.TRUE;
        }
        String s = scalar(key, "true or false");
        if (s == null) {
            return null;
        }
        return switch (s.strip()) {
            case "true", "True", "TRUE" -> Boolean.TRUE;
            case "false", "False", "FALSE" -> Boolean.FALSE;
            default -> {
                schema(value(key), "'" + key + "' must be true or false, found '" + s + "'", "write true or false");
                yield null;
            }
        };
    }

    LocalDate date(String key) {
        if (probe != null) {
            record(
                    key,
                    SchemaNode.scalar(
                            kw("type", "string", "pattern", "^\\s*\\d{4}-\\d{2}-\\d{2}\\s*$", "format", "date")));
            return LocalDate.of(2026, 1, 5);
        }
        String s = scalar(key, "a date");
        return s == null ? null : parseDate(s, key, value(key));
    }

    private LocalDate parseDate(String s, String key, Node at) {
        String t = s.strip();
        if (DATE.matcher(t).matches()) {
            try {
                return LocalDate.parse(t);
            } catch (DateTimeParseException e) {
                // falls through to the finding: 2026-13-45 looks like a date but is none
            }
        }
        schema(
                at,
                "'" + key + "' is not a valid date (YYYY-MM-DD): '" + s + "'",
                "write a date that exists, as YYYY-MM-DD (such as 2026-11-21)");
        return null;
    }

    When dateTime(String key) {
        if (probe != null) {
            record(
                    key,
                    SchemaNode.scalar(kw(
                            "type",
                            "string",
                            "pattern",
                            "^\\s*\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2})?(Z|[+-]\\d{2}:\\d{2})?\\s*$")));
            return new When(LocalDateTime.of(2026, 1, 5, 9, 0), null, "2026-01-05T09:00");
        }
        String s = scalar(key, "a date-time");
        if (s == null) {
            return null;
        }
        String t = s.strip();
        Matcher m = DATE_TIME.matcher(t);
        if (m.matches()) {
            try {
                LocalDateTime local = LocalDateTime.of(LocalDate.parse(m.group(1)), LocalTime.parse(m.group(2)));
                ZoneOffset offset = m.group(3) == null ? null : ZoneOffset.of(m.group(3));
                return new When(local, offset, t);
            } catch (DateTimeException e) {
                // reported below
            }
        }
        schema(
                value(key),
                "'" + key + "' is not a valid date-time (YYYY-MM-DDTHH:MM, optionally with Z or an offset): '" + s
                        + "'",
                "write it as YYYY-MM-DDTHH:MM, such as 2026-11-16T09:00");
        return null;
    }

    LocalTime time(String key) {
        if (probe != null) {
            record(key, SchemaNode.scalar(kw("type", "string", "pattern", "^\\s*\\d{2}:\\d{2}\\s*$")));
            return LocalTime.of(9, 0);
        }
        String s = scalar(key, "a time");
        if (s == null) {
            return null;
        }
        String t = s.strip();
        if (TIME.matcher(t).matches()) {
            try {
                return LocalTime.parse(t);
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        schema(
                value(key),
                "'" + key + "' is not a valid time (HH:MM, quoted): '" + s + "'",
                "write it as \"HH:MM\" in quotes, such as \"09:00\"");
        return null;
    }

    Dur duration(String key) {
        if (probe != null) {
            record(
                    key,
                    SchemaNode.scalar(kw(
                            "type",
                            "string",
                            "pattern",
                            "^\\s*(?=\\d)(?=\\S*[1-9])(\\d+w)?(\\d+d)?(\\d+h)?(\\d+m)?(\\d+s)?\\s*$")));
            return new Dur(7, 0, "1w");
        }
        String s = scalar(key, "a duration");
        return s == null ? null : parseDuration(s.strip(), key, value(key));
    }

    private Dur parseDuration(String t, String key, Node at) {
        Matcher m = DURATION.matcher(t);
        if (!t.isEmpty() && m.matches()) {
            try {
                long weeks = group(m, 1);
                long days = group(m, 2);
                long seconds = group(m, 3) * 3600 + group(m, 4) * 60 + group(m, 5);
                long totalDays = weeks * 7 + days;
                if (totalDays + seconds > 0 && totalDays <= 36_600) {
                    return new Dur((int) totalDays, seconds, t);
                }
                if (totalDays + seconds == 0) {
                    schema(
                            at,
                            "'" + key + "' must be longer than nothing, found '" + t + "'",
                            "write how long, such as 15m or 1h30m");
                    return null;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        schema(
                at,
                "'" + key + "' is not a valid duration (such as 30s, 15m, 4h, 1d, 2w or 1h30m): '" + t + "'",
                "write a number and a unit (s, m, h, d or w), such as 15m or 1h30m");
        return null;
    }

    private static long group(Matcher m, int i) {
        return m.group(i) == null ? 0 : Long.parseLong(m.group(i));
    }

    /** One of {@code allowed}, or null (with a finding that lists them and suggests the closest). */
    String oneOf(String key, Collection<String> allowed) {
        if (probe != null) {
            record(key, SchemaNode.scalar(kw("enum", List.copyOf(allowed))));
            return allowed.iterator().next();
        }
        String s = scalar(key, "one of " + String.join(", ", allowed));
        if (s == null) {
            return null;
        }
        String t = s.strip();
        if (allowed.contains(t)) {
            return t;
        }
        String near = DidYouMean.closest(t, allowed);
        schema(
                value(key),
                "'" + key + "' must be one of " + String.join(", ", allowed) + "; found '" + t + "'"
                        + DidYouMean.mention(near),
                DidYouMean.changeTo(near, "use one of " + String.join(", ", allowed)));
        return null;
    }

    Ref ref(String key) {
        if (probe != null) {
            record(key, SchemaNode.text());
            return new Ref("x", pos());
        }
        String s = string(key);
        return s == null ? null : new Ref(s, pos(key));
    }

    /** A list of plain values. A single value where a list belongs is a finding. */
    List<String> strings(String key) {
        if (probe != null) {
            record(key, SchemaNode.array(SchemaNode.text()));
            return List.of("x");
        }
        List<String> out = new ArrayList<>();
        for (Node n : sequence(key)) {
            if (n instanceof ScalarNode s && !s.getValue().isBlank()) {
                out.add(s.getValue().strip());
            } else {
                schema(n, "each item of '" + key + "' must be text, found " + describe(n), null);
            }
        }
        return out;
    }

    List<Ref> refs(String key) {
        if (probe != null) {
            record(key, SchemaNode.array(SchemaNode.text()));
            return List.of(new Ref("x", pos()));
        }
        List<Ref> out = new ArrayList<>();
        for (Node n : sequence(key)) {
            if (n instanceof ScalarNode s && !s.getValue().isBlank()) {
                out.add(new Ref(s.getValue().strip(), ctx.pos(n)));
            } else {
                schema(n, "each item of '" + key + "' must be an id, found " + describe(n), null);
            }
        }
        return out;
    }

    /** Lists of dates of a key, e.g. business days. */
    List<Node> sequence(String key) {
        if (probe != null) {
            record(key, SchemaNode.array(SchemaNode.any()));
            return List.of();
        }
        Node v = value(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof SequenceNode seq) {
            return seq.getValue();
        }
        schema(
                v,
                "'" + key + "' must be a list, found " + describe(v),
                "write a list: `" + key + ": [a, b]` or one `- item` per line");
        return List.of();
    }

    Optional<YamlMap> map(String key) {
        if (probe != null) {
            return Optional.of(probe(probe.objectAt(key), ctx));
        }
        Node v = value(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof MappingNode m) {
            return Optional.of(new YamlMap(m, ctx));
        }
        schema(v, "'" + key + "' must be a mapping of keys to values, found " + describe(v), null);
        return Optional.empty();
    }

    List<YamlMap> maps(String key) {
        if (probe != null) {
            return List.of(probe(probe.objectItemsAt(key), ctx));
        }
        List<YamlMap> out = new ArrayList<>();
        for (Node n : sequence(key)) {
            if (n instanceof MappingNode m) {
                out.add(new YamlMap(m, ctx));
            } else {
                schema(n, "each item of '" + key + "' must be a mapping of keys to values, found " + describe(n), null);
            }
        }
        return out;
    }

    /** The keys of a mapping whose keys are data (severity ids, rule ids), in order, each marked known. */
    List<String> keys() {
        if (probe != null) {
            // the keys are data: whatever the loader asks of one is asked of each
            probe.put(WILDCARD, SchemaNode.any());
            return List.of(WILDCARD);
        }
        known.addAll(entries.keySet());
        return List.copyOf(entries.keySet());
    }

    /**
     * What the loader checks of {@code key}'s value beyond its type (an address, a phone number, a zone), as JSON
     * Schema keywords for a probe to record in place of the getter's; nothing when reading a file.
     */
    void expect(String key, Map<String, Object> keywords) {
        if (probe != null) {
            SchemaNode n = SchemaNode.scalar(keywords);
            // a key of data (a rule's severity) has a value: only a key of the file may be written empty
            n.nullable = !key.equals(WILDCARD);
            probe.properties.put(key, n);
        }
    }

    /** The same for each item of the list at {@code key}. */
    void expectItems(String key, Map<String, Object> keywords) {
        if (probe != null) {
            probe.properties.put(key, SchemaNode.array(SchemaNode.scalar(keywords)));
        }
    }

    /** Each mapping of the list {@code list} requires {@code key} unless this mapping writes it (a layer's start). */
    void requireInItemsUnless(String list, String key) {
        if (probe != null) {
            probe.itemsRequiredUnless.add(new String[] {list, key});
        }
    }

    /** {@code keys} are required unless {@code present} is written (with a value). */
    void requireUnless(String present, String... keys) {
        if (probe != null) {
            probe.requiredUnless.put(present, List.of(keys));
        } else if (!has(present)) {
            require(keys);
        }
    }

    /** The keys of a mapping whose keys are data are among {@code allowed} (recorded by a probe; read as written). */
    void keyNames(Collection<String> allowed) {
        if (probe != null) {
            probe.propertyNames = List.copyOf(allowed);
        }
    }

    /** The raw scalar text of a data key (e.g. {@code readiness-load-test: off}), or null if not a scalar. */
    String scalarAt(String key) {
        if (probe != null) {
            record(key, SchemaNode.text());
            return "x";
        }
        Node v = value(key);
        return v instanceof ScalarNode s ? s.getValue().strip() : null;
    }

    boolean isMapping(String key) {
        if (probe != null) {
            return true; // what the loader then asks (a value, a mapping) records the shapes
        }
        return value(key) instanceof MappingNode;
    }

    /** Keys that belong to another tool (front matter of Hugo, Jekyll, MkDocs …): accepted and not read. */
    private Set<String> foreign = Set.of();

    /** This mapping, accepting {@code keys} without reading them. */
    YamlMap foreign(Set<String> keys) {
        if (probe != null) {
            probe.foreign.addAll(keys);
        }
        this.foreign = keys;
        return this;
    }

    /** Reports every key that no getter asked for (and that is not another tool's). Call after reading all keys. */
    void finish() {
        if (probe != null) {
            probe.closed = true;
            return;
        }
        // a suggestion is a key that could have been meant: not one that is written here already
        List<String> unwritten =
                known.stream().filter(k -> !entries.containsKey(k)).toList();
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            if (!known.contains(e.getKey()) && !foreign.contains(e.getKey())) {
                String near = DidYouMean.closest(e.getKey(), unwritten);
                if (near != null) {
                    // what was written under the wrong name is not read: a rule that rests on it is not checked
                    writtenAs.putIfAbsent(near, ctx.pos(e.getValue().getKeyNode()));
                }
                ctx.findings()
                        .error(
                                Rules.SCHEMA,
                                ctx.service(),
                                ctx.pos(e.getValue().getKeyNode()),
                                "unknown key '" + e.getKey() + "'" + DidYouMean.mention(near),
                                near != null
                                        ? "rename it to '" + near + "'"
                                        : "remove it; the keys allowed here are " + String.join(", ", known));
            }
        }
        lost.addAll(writtenAs.keySet());
        missingRequired.forEach((key, at) -> {
            if (!writtenAs.containsKey(key)) {
                missingRequiredKey(key, at);
            }
        });
        missingRequired.clear();
    }

    void schema(Node at, String message, String hint) {
        if (at instanceof ScalarNode s && dev.opsbook.model.Placeholders.is(s.getValue())) {
            // a skeleton's placeholder left as written: say so, and what belongs there
            message = message + " (the placeholder of a skeleton)";
            hint = "replace the " + dev.opsbook.model.Placeholders.MARK + " placeholder"
                    + (hint != null ? ": " + hint : " with the value");
        }
        ctx.reject(at);
        ctx.findings()
                .error(
                        Rules.SCHEMA,
                        ctx.service(),
                        at == null ? pos() : ctx.pos(at),
                        message,
                        hint != null ? hint : "see the content format (content.md) for this file");
    }

    /** Reports a problem with the value of {@code key}. */
    void schema(String key, String message, String hint) {
        NodeTuple t = entries.get(key);
        schema(t == null ? null : t.getValueNode(), message, hint);
    }

    /** Marks the value of {@code key} as refused (by a finding of another rule than schema): see {@link #keyPositions}. */
    void refuse(String key) {
        NodeTuple t = entries.get(key);
        if (t != null) {
            ctx.reject(t.getValueNode());
        }
    }

    /** Adds a finding of any structural rule at {@code at}. */
    void error(String rule, Pos at, String message, String hint) {
        ctx.findings().error(rule, ctx.service(), at, message, hint);
    }

    static String describe(Node n) {
        if (n instanceof ScalarNode s) {
            String v = s.getValue();
            return "'" + (v.length() > 40 ? v.substring(0, 40) + "…" : v) + "'";
        }
        return n instanceof SequenceNode ? "a list" : "a mapping";
    }
}
