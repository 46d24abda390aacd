package dev.opsbook.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The search index made at build time is the one MiniSearch makes in the browser. */
class MiniSearchIndexTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void splitsTextAsMiniSearchsTokenizerDoes() {
        // each expectation printed by node: text.split(/[\n\r\p{Z}\p{P}]+/u)
        assertEquals(List.of(""), MiniSearchIndex.tokens(""));
        assertEquals(List.of("", "a", ""), MiniSearchIndex.tokens("(a)"));
        assertEquals(List.of("Don", "t", "stop", "now"), MiniSearchIndex.tokens("Don't stop\u2014now"));
        assertEquals(List.of("snake", "case"), MiniSearchIndex.tokens("snake_case"));
        assertEquals(List.of("a\tb"), MiniSearchIndex.tokens("a\tb"));
        assertEquals(List.of("x", "y"), MiniSearchIndex.tokens("x\u00a0y"));
        assertEquals(List.of("\ud83d\ude80", "go"), MiniSearchIndex.tokens("\ud83d\ude80 go"));
        assertEquals(List.of("C++"), MiniSearchIndex.tokens("C++"));
        assertEquals(List.of("e", "mail"), MiniSearchIndex.tokens("e-mail"));
        assertEquals(List.of("99", "9", ""), MiniSearchIndex.tokens("99.9%"));
        assertEquals(List.of("line", "break"), MiniSearchIndex.tokens("line\r\nbreak"));
    }

    @Test
    void writesWhatMiniSearchSerialises() throws Exception {
        MiniSearchIndex index = new MiniSearchIndex(SearchIndex.FIELDS);
        index.add(List.of("Disk full", "DiskFull", "Steps Steps", "Ledger", "Free space: rm -rf /tmp (carefully)."));
        index.add(List.of("Ledger replica", "", "", "Ledger", "DISK disk \u03a9mega\u00a0\u039f\u0394\u039f\u03a3"));
        StringWriter out = new StringWriter();
        try (var json = JSON.getFactory().createGenerator(out)) {
            index.write(json);
        }
        // JSON.stringify of new MiniSearch({fields: ["t", "a", "h", "s", "b"], idField: "i"}) after adding the same
        // two documents, printed by node with MiniSearch 7.2.0
        String expected =
                """
                {"documentCount":2,"nextId":2,"documentIds":{"0":0,"1":1},"fieldIds":{"t":0,"a":1,"h":2,"s":3,"b":4},\
                "fieldLength":{"0":[2,1,1,1,7],"1":[2,1,1,1,4]},"averageFieldLength":[2,1,1,1,5.5],"storedFields":{},\
                "dirtCount":0,"index":[["\u03bf\u03b4\u03bf\u03c2",{"4":{"1":1}}],["\u03c9mega",{"4":{"1":1}}],\
                ["carefully",{"4":{"0":1}}],["tmp",{"4":{"0":1}}],["replica",{"0":{"1":1}}],["rf",{"4":{"0":1}}],\
                ["rm",{"4":{"0":1}}],["space",{"4":{"0":1}}],["steps",{"2":{"0":2}}],["free",{"4":{"0":1}}],\
                ["full",{"0":{"0":1}}],["ledger",{"0":{"1":1},"3":{"0":1,"1":1}}],["diskfull",{"1":{"0":1}}],\
                ["disk",{"0":{"0":1},"4":{"1":2}}]],"serializationVersion":2}""";
        assertEquals(normalised(expected), normalised(out.toString()));
    }

    /** The terms in one order (MiniSearch lists them as its tree holds them), and every number as a double. */
    static String normalised(String json) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(json);
        List<JsonNode> terms = new ArrayList<>();
        root.get("index").forEach(terms::add);
        terms.sort(Comparator.comparing(t -> t.get(0).asText()));
        root.set("index", JSON.createArrayNode().addAll(terms));
        ArrayNode averages = JSON.createArrayNode();
        root.get("averageFieldLength").forEach(n -> averages.add(n.asDouble()));
        root.set("averageFieldLength", averages);
        return JSON.writeValueAsString(root);
    }
}
