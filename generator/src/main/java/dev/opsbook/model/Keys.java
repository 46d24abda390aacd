package dev.opsbook.model;

import java.util.Map;

/**
 * Where the keys of a YAML mapping are written ({@code slos}, {@code lead} …), so that a finding about a
 * value that is there but says too little (an empty list, say) points at its key; a key that is not written
 * is placed where {@code fallback} says (the file, or the mapping).
 */
public record Keys(Map<String, Pos> written, Pos fallback) {

    public Keys {
        written = Map.copyOf(written);
    }

    /** No key known: everything is placed at {@code fallback}. */
    public static Keys none(Pos fallback) {
        return new Keys(Map.of(), fallback);
    }

    /** Where {@code key} is written, or the fallback when it is not. */
    public Pos at(String key) {
        return written.getOrDefault(key, fallback);
    }
}
