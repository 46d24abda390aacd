package dev.opsbook.model;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Where the keys of a YAML mapping are written ({@code slos}, {@code lead} …), so that a finding about a
 * value that is there but says too little (an empty list, say) points at its key; a key that is not written
 * is placed where {@code fallback} says (the file, or the mapping). {@code refused} are the keys whose value
 * (or a part of it) was refused with a schema finding: what a rule misses there has been reported already.
 */
public record Keys(Map<String, Pos> written, Set<String> refused, Pos fallback) {

    public Keys {
        written = Map.copyOf(written);
        refused = Set.copyOf(refused);
    }

    /** No key known: everything is placed at {@code fallback}. */
    public static Keys none(Pos fallback) {
        return new Keys(Map.of(), Set.of(), fallback);
    }

    /** These keys and those of a mapping inside, named {@code prefix + key} ({@code responseTimes.P1}). */
    public Keys with(String prefix, Keys inner) {
        Map<String, Pos> w = new LinkedHashMap<>(written);
        inner.written().forEach((k, p) -> w.put(prefix + k, p));
        Set<String> r = new LinkedHashSet<>(refused);
        inner.refused().forEach(k -> r.add(prefix + k));
        return new Keys(w, r, fallback);
    }

    /** Whether the value of {@code key} had a schema finding (and so lost some or all of what it said). */
    public boolean refused(String key) {
        return refused.contains(key);
    }

    /** Where {@code key} is written, or the fallback when it is not. */
    public Pos at(String key) {
        return written.getOrDefault(key, fallback);
    }
}
