package dev.opsbook.load;

import dev.opsbook.finding.Rules;
import dev.opsbook.model.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads {@code severities.yaml}: the levels, most severe first. */
final class SeveritiesLoader {
    /** Severity ids may use upper case ({@code P1}, {@code SEV-2}). */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,62}");

    private SeveritiesLoader() {}

    static List<Severity> read(YamlMap y) {
        y.require("severities");
        List<Severity> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        List<YamlMap> items = y.maps("severities");
        y.finish();
        if (items.isEmpty() && y.has("severities")) {
            y.schema("severities", "'severities' must list at least one level", "add a level such as P1");
        }
        for (YamlMap s : items) {
            s.require("id", "name");
            String id = s.string("id");
            if (id != null && !ID.matcher(id).matches()) {
                s.error(
                        Rules.INVALID_ID,
                        s.pos("id"),
                        "severity id '" + id + "' is not valid: use letters, digits"
                                + " and dashes, such as P1 or SEV-2",
                        "rename it");
                id = null;
            }
            if (id != null && seen.putIfAbsent(id, s.pos("id").line()) != null) {
                s.error(
                        Rules.DUPLICATE_ID,
                        s.pos("id"),
                        "severity '" + id + "' is defined twice (first at line " + seen.get(id) + ")",
                        "give each level its own id");
                id = null;
            }
            String name = s.string("name");
            String description = s.string("description");
            List<String> criteria = s.strings("criteria");
            Severity.Response response = s.map("response")
                    .map(r -> {
                        Severity.Response v = new Severity.Response(
                                r.duration("acknowledge"),
                                r.duration("firstUpdate"),
                                r.duration("updateEvery"),
                                r.duration("resolveTarget"));
                        r.finish();
                        return v;
                    })
                    .orElse(new Severity.Response(null, null, null, null));
            Severity.Communication comm = s.map("communication")
                    .map(c -> {
                        Severity.Communication v =
                                new Severity.Communication(c.string("channel"), c.strings("audience"));
                        c.finish();
                        return v;
                    })
                    .orElse(new Severity.Communication(null, List.of()));
            String outOfHours = s.oneOf("outOfHours", List.of("page", "next-business-day"));
            Boolean major = s.bool("majorIncident");
            s.finish();
            if (id != null) {
                out.add(new Severity(
                        id,
                        name != null ? name : id,
                        description,
                        criteria,
                        response,
                        comm,
                        outOfHours,
                        Boolean.TRUE.equals(major),
                        s.pos()));
            }
        }
        return out;
    }
}
