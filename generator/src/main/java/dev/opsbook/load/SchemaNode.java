package dev.opsbook.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a loader asks of a YAML mapping, as it asks it: the keys, the type of each value, which keys are
 * required and whether others are refused. {@link YamlMap#probe} records it while the loader runs on no
 * file at all, and {@link Schemas} writes it as JSON Schema (2020-12): the schema is the loader's own
 * description, so the two cannot drift apart.
 */
final class SchemaNode {
    enum Kind {
        SCALAR,
        OBJECT,
        ARRAY,
        ANY
    }

    final Kind kind;
    /** A scalar's keywords ({@code type}, {@code enum}, {@code pattern}, {@code minimum} …). */
    final Map<String, Object> keywords = new LinkedHashMap<>();

    final Map<String, SchemaNode> properties = new LinkedHashMap<>();
    final Set<String> required = new LinkedHashSet<>();
    /** Keys not asked for are refused ({@link YamlMap#finish()}). */
    boolean closed;
    /** The keys allowed, when the keys are data from a known list. */
    List<String> propertyNames;
    /** Whether the value may be written empty ({@code key: ~}) where the key is not required. */
    boolean nullable = true;
    /** [list, key]: each mapping of the list requires the key unless this mapping writes it. */
    final List<String[]> itemsRequiredUnless = new ArrayList<>();
    /** Keys required unless the key they are mapped from is written. */
    final Map<String, List<String>> requiredUnless = new LinkedHashMap<>();
    /** Keys of other tools, accepted and not read. */
    final Set<String> foreign = new LinkedHashSet<>();

    SchemaNode items;
    /** Other shapes the same value may take ({@code checks: { rule: off }} or {@code { rule: { severity … } }}). */
    final List<SchemaNode> alternatives = new ArrayList<>();

    String description;

    SchemaNode(Kind kind) {
        this.kind = kind;
    }

    static SchemaNode object() {
        return new SchemaNode(Kind.OBJECT);
    }

    static SchemaNode any() {
        return new SchemaNode(Kind.ANY);
    }

    static SchemaNode array(SchemaNode items) {
        SchemaNode a = new SchemaNode(Kind.ARRAY);
        a.items = items;
        return a;
    }

    /** A plain value as opsbook reads one: text, which YAML may also have written as a number or true/false. */
    static SchemaNode text() {
        SchemaNode s = new SchemaNode(Kind.SCALAR);
        s.keywords.put("type", List.of("string", "number", "boolean"));
        return s;
    }

    static SchemaNode scalar(Map<String, Object> keywords) {
        SchemaNode s = new SchemaNode(Kind.SCALAR);
        s.keywords.putAll(keywords);
        return s;
    }

    /** Records that {@code key} holds {@code value}; a second, different shape for one key is an alternative. */
    SchemaNode put(String key, SchemaNode value) {
        SchemaNode before = properties.get(key);
        if (before == null || before.kind == Kind.ANY) {
            properties.put(key, value);
            return value;
        }
        if (value.kind == Kind.ANY) {
            return before;
        }
        if (before.kind == Kind.OBJECT && value.kind == Kind.OBJECT) {
            return before; // the same mapping asked for twice: the first records its keys
        }
        if (before.sameShape(value) || before.alternatives.stream().anyMatch(a -> a.sameShape(value))) {
            return before;
        }
        before.alternatives.add(value);
        return value;
    }

    private boolean sameShape(SchemaNode o) {
        return kind == o.kind && keywords.equals(o.keywords);
    }

    /** The child mapping recorded at {@code key}, made on the first ask. */
    SchemaNode objectAt(String key) {
        SchemaNode before = properties.get(key);
        if (before != null && before.kind == Kind.OBJECT) {
            return before;
        }
        if (before != null) {
            for (SchemaNode a : before.alternatives) {
                if (a.kind == Kind.OBJECT) {
                    return a;
                }
            }
        }
        SchemaNode o = object();
        put(key, o);
        return o;
    }

    /** The mapping items of the list recorded at {@code key}, made on the first ask. */
    SchemaNode objectItemsAt(String key) {
        SchemaNode before = properties.get(key);
        if (before != null && before.kind == Kind.ARRAY && before.items.kind == Kind.OBJECT) {
            return before.items;
        }
        SchemaNode o = object();
        put(key, array(o));
        return o;
    }
}
