package dev.opsbook.part;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The manifest of a part, {@code opsbook-part.json} at the root of its zip: what the part is, the services it
 * defines, and the digest of its content (the {@code sha256:} of {@link ContentDigest}
 * over the files below {@code content/}), which the merge checks again.
 *
 * @param opsbook  the opsbook version that wrote it
 * @param artifact the Maven artifact it was published as ({@code groupId:artifactId:version}), or null
 * @param services the ids of the services the part defines, sorted
 * @param files    how many content files it holds
 * @param digest   the content digest
 */
public record PartManifest(String opsbook, String artifact, List<String> services, int files, String digest) {
    /** The name of the manifest in a part's zip. */
    public static final String NAME = "opsbook-part.json";
    /** The folder of a part's zip that holds the content. */
    public static final String CONTENT = "content/";
    /** The value of {@code format}: a reader refuses a manifest of a format it does not know. */
    public static final String FORMAT = "opsbook-part/1";

    private static final ObjectMapper JSON = new ObjectMapper();

    public byte[] toJson() throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("format", FORMAT);
        o.put("opsbook", opsbook);
        if (artifact != null) {
            o.put("artifact", artifact);
        }
        ArrayNode s = o.putArray("services");
        services.forEach(s::add);
        o.put("files", files);
        o.put("digest", digest);
        return (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The manifest in {@code json}; refused with the reason when it is not one. */
    static PartManifest parse(byte[] json) throws PartZip.Refused {
        JsonNode o;
        try {
            o = JSON.readTree(json);
        } catch (IOException e) {
            throw new PartZip.Refused(NAME + " is not JSON: "
                    + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                            ? j.getOriginalMessage()
                            : e.getMessage()));
        }
        if (o == null || !o.isObject()) {
            throw new PartZip.Refused(NAME + " is not a JSON object");
        }
        if (!FORMAT.equals(o.path("format").asText(null))) {
            throw new PartZip.Refused(NAME + " has format '" + o.path("format").asText("") + "', not '" + FORMAT
                    + "' (a part written by a newer opsbook, or not a part)");
        }
        String digest = o.path("digest").asText("");
        if (!digest.matches("sha256:[0-9a-f]{64}")) {
            throw new PartZip.Refused(NAME + " has no content digest (sha256:…)");
        }
        List<String> services = new ArrayList<>();
        for (JsonNode n : o.path("services")) {
            services.add(n.asText());
        }
        String artifact = o.path("artifact").isTextual() ? o.get("artifact").asText() : null;
        return new PartManifest(
                o.path("opsbook").asText(""),
                artifact,
                List.copyOf(services),
                o.path("files").asInt(),
                digest);
    }
}
