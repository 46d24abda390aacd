package dev.opsbook.load;

import dev.opsbook.model.Rota;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads {@code services/<id>/rota.yaml}. Time zones are kept as written: the rota rules judge them. */
final class RotaLoader {
    static final List<String> ROLES = Rota.Role.ids();
    private static final Map<String, DayOfWeek> DAYS = Map.of(
            "mon",
            DayOfWeek.MONDAY,
            "tue",
            DayOfWeek.TUESDAY,
            "wed",
            DayOfWeek.WEDNESDAY,
            "thu",
            DayOfWeek.THURSDAY,
            "fri",
            DayOfWeek.FRIDAY,
            "sat",
            DayOfWeek.SATURDAY,
            "sun",
            DayOfWeek.SUNDAY);

    /** The shortest shift: 104 weeks of horizon then hold at most 17,472 shifts a role. */
    static final Duration MIN_ROTATION = Duration.ofHours(1);

    private RotaLoader() {}

    static Rota read(YamlMap y) {
        y.require("start", "rotation");
        String tz = y.string("timezone");
        var tzPos = y.pos("timezone");
        var start = y.dateTime("start");
        var rotation = y.duration("rotation");
        if (rotation != null && rotation.toDuration().compareTo(MIN_ROTATION) < 0) {
            // a shift of seconds would expand into hundreds of thousands of shifts (and calendar events)
            y.schema(
                    "rotation",
                    "'rotation' is the length of one shift, at least 1h; found '" + rotation + "'",
                    "write the length of a shift, such as 8h, 1d, 1w or 2w");
            rotation = null;
        }
        String coverage = y.oneOf("coverage", ServiceLoader.SUPPORT_HOURS);
        Rota.BusinessHours hours =
                y.map("businessHours").map(RotaLoader::businessHours).orElse(null);
        var lead = y.refs(Rota.Role.LEAD.id());
        var engineer = y.refs(Rota.Role.ENGINEER.id());
        List<Rota.Override> overrides = new ArrayList<>();
        for (YamlMap o : y.maps("overrides")) {
            o.require("role", "person", "from", "to");
            var v = new Rota.Override(
                    Rota.Role.of(o.oneOf("role", ROLES)).orElse(null),
                    o.ref("person"),
                    o.dateTime("from"),
                    o.dateTime("to"),
                    o.string("reason"),
                    o.pos());
            o.finish();
            if (v.role() != null && v.person() != null && v.from() != null && v.to() != null) {
                if (!v.to().local().isAfter(v.from().local()) && v.from().offset() == null && v.to().offset() == null) {
                    o.schema(
                            "to",
                            "'to' (" + v.to() + ") must be after 'from' (" + v.from() + ")",
                            "swap them if they are the wrong way round, or correct the date");
                } else {
                    overrides.add(v);
                }
            }
        }
        List<Rota.EscalationStep> escalation = new ArrayList<>();
        for (YamlMap e : y.maps("escalation")) {
            e.require("after", "contact");
            var v = new Rota.EscalationStep(e.duration("after"), e.ref("contact"), e.pos());
            e.finish();
            if (v.contact() != null) {
                escalation.add(v);
            }
        }
        Rota.OutOfHours ooh = y.map("outOfHours")
                .map(o -> {
                    var v = new Rota.OutOfHours(o.bool("onCall"), o.string("compensation"), o.strings("tools"));
                    o.finish();
                    return v;
                })
                .orElse(null);
        y.finish();
        return new Rota(
                tz,
                tzPos,
                start,
                rotation,
                coverage != null ? coverage : "24x7",
                hours,
                lead,
                engineer,
                List.copyOf(overrides),
                List.copyOf(escalation),
                ooh,
                y.keyPositions(y.pos()),
                y.pos());
    }

    private static Rota.BusinessHours businessHours(YamlMap b) {
        List<DayOfWeek> days = new ArrayList<>();
        for (Node n : b.sequence("days")) {
            String d = n instanceof ScalarNode s ? s.getValue().strip().toLowerCase(Locale.ROOT) : null;
            if (d != null && d.length() > 3 && DAYS.containsKey(d.substring(0, 3))) {
                d = d.substring(0, 3);
            }
            if (d == null || !DAYS.containsKey(d)) {
                b.schema(
                        n,
                        "each of 'days' must be one of mon, tue, wed, thu, fri, sat, sun; found " + YamlMap.describe(n),
                        null);
            } else {
                days.add(DAYS.get(d));
            }
        }
        var from = b.time("from");
        var to = b.time("to");
        if (from != null && to != null && !to.isAfter(from)) {
            b.schema(
                    "to",
                    "'to' (" + to + ") must be later in the day than 'from' (" + from + ")",
                    "business hours end on the day they start: write, say, from: \"09:00\" and to: \"17:30\"");
            to = null;
        }
        b.finish();
        return new Rota.BusinessHours(
                days.isEmpty()
                        ? List.of(
                                DayOfWeek.MONDAY,
                                DayOfWeek.TUESDAY,
                                DayOfWeek.WEDNESDAY,
                                DayOfWeek.THURSDAY,
                                DayOfWeek.FRIDAY)
                        : List.copyOf(days),
                from != null ? from : LocalTime.of(9, 0),
                to != null ? to : LocalTime.of(17, 0),
                b.pos());
    }
}
