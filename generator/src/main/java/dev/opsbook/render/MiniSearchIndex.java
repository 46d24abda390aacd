package dev.opsbook.render;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A MiniSearch index made at build time, in the form {@code MiniSearch.toJSON()} gives and
 * {@code MiniSearch.loadJSON()} reads (serialization version 2), so that the browser loads the index
 * instead of building it: on the first search of a handbook of 10,000 runbooks, half a second and under
 * 100 MB of the browser's memory, where building it in the page took 5.5 s and 316 MB.
 *
 * <p>It indexes as {@code new MiniSearch({fields, idField: "i"}).addAll(documents)} would with
 * MiniSearch's default tokenizer and term processing: each field's text split on runs of line breaks,
 * Unicode separators and punctuation ({@code /[\n\r\p{Z}\p{P}]+/u}), each term lower-cased, documents
 * numbered from 0 in the order they are added. A browser test checks that the two indexes are the same.
 * Not thread-safe; one per index.
 */
final class MiniSearchIndex {
    private final List<String> fields;
    private final Map<String, Postings> postings = new HashMap<>();
    private final List<int[]> fieldLengths = new ArrayList<>();
    private final double[] averageFieldLength;
    private Set<String> distinct = new HashSet<>();

    MiniSearchIndex(List<String> fields) {
        this.fields = List.copyOf(fields);
        this.averageFieldLength = new double[fields.size()];
    }

    /** Adds the next document: the text of each field, in the order of the fields. */
    void add(List<String> values) {
        int doc = fieldLengths.size();
        int[] lengths = new int[fields.size()];
        for (int field = 0; field < lengths.length; field++) {
            List<String> tokens = tokens(values.get(field));
            if (distinct.size() > 4_096) {
                distinct = new HashSet<>(); // clearing costs the table's size, which a field of many words leaves large
            } else {
                distinct.clear();
            }
            distinct.addAll(tokens);
            lengths[field] = distinct.size(); // different tokens, before lower-casing, as MiniSearch counts them
            // MiniSearch keeps a running mean, in this order of operations: the same doubles come out
            averageFieldLength[field] = (averageFieldLength[field] * doc + lengths[field]) / (doc + 1);
            for (String token : tokens) {
                String term = token.toLowerCase(Locale.ROOT);
                if (!term.isEmpty()) {
                    count(term, field, doc);
                }
            }
        }
        fieldLengths.add(lengths);
    }

    private void count(String term, int field, int doc) {
        Postings p = postings.get(term);
        if (p == null) {
            postings.put(term, p = new Postings(fields.size()));
        }
        p.count(field, doc);
    }

    /** Where one term occurs: per field, document numbers and counts as pairs, in document order. */
    private static final class Postings {
        final int[][] pairs;
        final int[] size;

        Postings(int fields) {
            pairs = new int[fields][];
            size = new int[fields];
        }

        void count(int field, int doc) {
            int[] p = pairs[field];
            int n = size[field];
            if (n > 0 && p[n - 2] == doc) {
                p[n - 1]++; // this document again
                return;
            }
            if (p == null) {
                p = pairs[field] = new int[4];
            } else if (n == p.length) {
                p = pairs[field] = Arrays.copyOf(p, n * 2);
            }
            p[n] = doc;
            p[n + 1] = 1;
            size[field] = n + 2;
        }
    }

    /**
     * The text split as {@code text.split(/[\n\r\p{Z}\p{P}]+/u)} splits it in JavaScript: empty strings
     * where the text starts or ends with a separator, and one empty string for empty text.
     */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!separator(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            out.add(text.substring(start, i));
            while (i < n && separator(cp = text.codePointAt(i))) {
                i += Character.charCount(cp);
            }
            start = i;
        }
        out.add(text.substring(start));
        return out;
    }

    /** {@link #separator} of each ASCII character, looked up (most text is ASCII). */
    private static final boolean[] ASCII_SEPARATORS = new boolean[128];

    static {
        for (int c = 0; c < 128; c++) {
            ASCII_SEPARATORS[c] = category(c);
        }
    }

    private static boolean separator(int cp) {
        return cp < 128 ? ASCII_SEPARATORS[cp] : category(cp);
    }

    private static boolean category(int cp) {
        if (cp == '\n' || cp == '\r') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.SPACE_SEPARATOR,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR,
                    Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION,
                    Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    /** Writes the index as MiniSearch serializes it; terms in sorted order, so the bytes depend on the documents only. */
    void write(JsonGenerator json) throws IOException {
        int documents = fieldLengths.size();
        String[] keys = new String[documents]; // each document's number as a key, made once
        for (int doc = 0; doc < documents; doc++) {
            keys[doc] = Integer.toString(doc);
        }
        json.writeStartObject();
        json.writeNumberField("documentCount", documents);
        json.writeNumberField("nextId", documents);
        json.writeObjectFieldStart("documentIds");
        for (int doc = 0; doc < documents; doc++) {
            json.writeNumberField(keys[doc], doc);
        }
        json.writeEndObject();
        json.writeObjectFieldStart("fieldIds");
        for (int field = 0; field < fields.size(); field++) {
            json.writeNumberField(fields.get(field), field);
        }
        json.writeEndObject();
        json.writeObjectFieldStart("fieldLength");
        for (int doc = 0; doc < documents; doc++) {
            json.writeFieldName(keys[doc]);
            int[] lengths = fieldLengths.get(doc);
            json.writeArray(lengths, 0, lengths.length);
        }
        json.writeEndObject();
        json.writeFieldName("averageFieldLength");
        json.writeArray(averageFieldLength, 0, averageFieldLength.length);
        json.writeObjectFieldStart("storedFields");
        json.writeEndObject();
        json.writeNumberField("dirtCount", 0);
        json.writeArrayFieldStart("index");
        List<String> terms = new ArrayList<>(postings.keySet());
        terms.sort(null);
        for (String term : terms) {
            Postings p = postings.get(term);
            json.writeStartArray();
            json.writeString(term);
            json.writeStartObject();
            for (int field = 0; field < p.pairs.length; field++) {
                if (p.pairs[field] == null) {
                    continue;
                }
                json.writeObjectFieldStart(Integer.toString(field));
                for (int k = 0; k < p.size[field]; k += 2) {
                    json.writeNumberField(keys[p.pairs[field][k]], p.pairs[field][k + 1]);
                }
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeEndArray();
        }
        json.writeEndArray();
        json.writeNumberField("serializationVersion", 2);
        json.writeEndObject();
    }
}
