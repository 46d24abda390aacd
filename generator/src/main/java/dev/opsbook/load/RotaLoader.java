package dev.opsbook.load;

import dev.opsbook.model.Dur;
import dev.opsbook.model.Keys;
import dev.opsbook.model.Pos;
import dev.opsbook.model.Rota;
import dev.opsbook.model.When;
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

    /** Reads the text of a content file ({@code .ics} holiday calendars), or empty after a finding. */
    interface Files {
        java.util.Optional<String> text(String rel, Pos at) throws java.io.IOException;
    }

    static Rota read(YamlMap y) {
        return read(y, (rel, at) -> java.util.Optional.empty());
    }

    static Rota read(YamlMap y, Files files) {
        boolean layered = y.has("layers");
        y.requireUnless("layers", "start", "rotation");
        // a layer starts and rotates as the rota does, unless it says otherwise
        y.requireInItemsUnless("layers", "start");
        y.requireInItemsUnless("layers", "rotation");
        String tz = y.string("timezone");
        y.expect("timezone", SchemaPatterns.zone());
        var tzPos = y.pos("timezone");
        var start = y.dateTime("start");
        var rotation = rotation(y);
        String coverage = y.oneOf("coverage", ServiceLoader.SUPPORT_HOURS);
        Rota.BusinessHours hours =
                y.map("businessHours").map(b -> businessHours(b, false)).orElse(null);
        var lead = y.refs(Rota.Role.LEAD.id());
        var engineer = y.refs(Rota.Role.ENGINEER.id());
        var shadow = y.refs(Rota.Role.SHADOW.id());
        Rota.Holidays holidays = y.map("holidays").map(h -> holidays(h, files)).orElse(null);
        List<Rota.Layer> layers = new ArrayList<>();
        if (layered) {
            for (String role : ROLES) {
                if (y.has(role)) {
                    y.schema(
                            role,
                            "a rota with 'layers' names its people in each layer, not in '" + role + "'",
                            "move `" + role + ":` into the layer whose hours these people cover");
                }
            }
            java.util.Set<String> names = new java.util.HashSet<>();
            for (YamlMap l : y.maps("layers")) {
                Rota.Layer layer =
                        layer(l, start, rotation, y.has("start"), y.has("rotation"), layers.size() + 1, files);
                if (layer.name() != null && !names.add(layer.name())) {
                    l.schema("name", "two layers are named '" + layer.name() + "'", "give each layer its own name");
                }
                layers.add(layer);
            }
            if (layers.isEmpty()) {
                y.schema("layers", "'layers' lists no layer", "write at least one layer with its hours and people");
            }
        }
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
        String cover = coverage != null ? coverage : "24x7";
        Keys keys = y.keyPositions(y.pos());
        if (!layered || layers.isEmpty()) {
            // a rota without layers is one layer: its own start, people and covered hours (and one whose
            // layers were all refused keeps that shape, empty: the finding says why, and nothing is expanded)
            layers.add(new Rota.Layer(
                    null,
                    tz,
                    tzPos,
                    start,
                    rotation,
                    "business-hours".equals(cover)
                            ? hours != null ? hours : dev.opsbook.rota.RotaSchedule.DEFAULT_HOURS
                            : null,
                    lead,
                    engineer,
                    shadow,
                    null,
                    keys,
                    y.pos()));
        }
        return new Rota(
                tz,
                tzPos,
                start,
                rotation,
                cover,
                hours,
                lead,
                engineer,
                shadow,
                List.copyOf(layers),
                holidays,
                List.copyOf(overrides),
                List.copyOf(escalation),
                ooh,
                keys,
                y.pos());
    }

    private static Dur rotation(YamlMap y) {
        var rotation = y.duration("rotation");
        if (rotation != null && rotation.toDuration().compareTo(MIN_ROTATION) < 0) {
            // a shift of seconds would expand into hundreds of thousands of shifts (and calendar events)
            y.schema(
                    "rotation",
                    "'rotation' is the length of one shift, at least 1h; found '" + rotation + "'",
                    "write the length of a shift, such as 8h, 1d, 1w or 2w");
            rotation = null;
        }
        return rotation;
    }

    /**
     * One layer of {@code layers:}; its start and rotation default to the rota's. Either is required of the layer
     * only when the rota does not write it: a rota's value that was refused is that one finding, not one per layer.
     */
    private static Rota.Layer layer(
            YamlMap l,
            When rotaStart,
            Dur rotaRotation,
            boolean rotaWritesStart,
            boolean rotaWritesRotation,
            int number,
            Files files) {
        l.require("name");
        if (!rotaWritesStart) {
            l.require("start");
        }
        if (!rotaWritesRotation) {
            l.require("rotation");
        }
        String name = l.string("name");
        if (name == null || name.isBlank()) {
            name = "layer " + number; // its name was refused or missing: that finding is printed; pages need one
        }
        String tz = l.string("timezone");
        l.expect("timezone", SchemaPatterns.zone());
        Pos tzPos = l.pos("timezone");
        if (tz != null) {
            try {
                java.time.ZoneId.of(tz);
            } catch (java.time.DateTimeException e) {
                String near = dev.opsbook.finding.DidYouMean.closestZone(tz);
                l.schema(
                        "timezone",
                        "unknown time zone '" + tz + "' in layer '" + name + "'"
                                + dev.opsbook.finding.DidYouMean.mention(near),
                        "write an IANA zone such as Europe/London, America/New_York or Australia/Sydney");
                tz = null;
            }
        }
        When start = l.has("start") ? l.dateTime("start") : rotaStart;
        Dur rotation = l.has("rotation") ? rotation(l) : rotaRotation;
        Rota.BusinessHours hours =
                l.map("hours").map(b -> businessHours(b, true)).orElse(null);
        var lead = l.refs(Rota.Role.LEAD.id());
        var engineer = l.refs(Rota.Role.ENGINEER.id());
        var shadow = l.refs(Rota.Role.SHADOW.id());
        Rota.Holidays holidays = l.map("holidays").map(h -> holidays(h, files)).orElse(null);
        l.finish();
        return new Rota.Layer(
                name,
                tz,
                tzPos,
                start,
                rotation,
                hours,
                lead,
                engineer,
                shadow,
                holidays,
                l.keyPositions(l.pos()),
                l.pos());
    }

    /** {@code holidays: { calendar: holidays/uk.ics, days: [...], lead: x, engineer: y }}. */
    private static Rota.Holidays holidays(YamlMap h, Files files) {
        List<Rota.Holiday> days = new ArrayList<>();
        for (YamlMap d : h.maps("days")) {
            d.require("date");
            var v = new Rota.Holiday(
                    d.date("date"),
                    d.string("name"),
                    d.ref(Rota.Role.LEAD.id()),
                    d.ref(Rota.Role.ENGINEER.id()),
                    d.pos());
            d.finish();
            if (v.date() != null) {
                days.add(v);
            }
        }
        String calendar = h.string("calendar");
        if (calendar != null) {
            Pos at = h.pos("calendar");
            try {
                files.text(calendar, at).ifPresent(text -> HolidayCalendar.read(text, calendar, at, h, days));
            } catch (java.io.IOException e) {
                h.schema(
                        "calendar", "the holiday calendar " + calendar + " could not be read: " + e.getMessage(), null);
            }
        }
        var lead = h.ref(Rota.Role.LEAD.id());
        var engineer = h.ref(Rota.Role.ENGINEER.id());
        h.finish();
        days.sort(java.util.Comparator.comparing(Rota.Holiday::date));
        // a day written and also in the calendar: the written one (with its cover) is kept
        List<Rota.Holiday> unique = new ArrayList<>();
        for (Rota.Holiday d : days) {
            if (unique.stream().noneMatch(u -> u.date().equals(d.date()))) {
                unique.add(d);
            } else if (d.lead() != null || d.engineer() != null) {
                unique.removeIf(u -> u.date().equals(d.date()));
                unique.add(d);
            }
        }
        return new Rota.Holidays(List.copyOf(unique), lead, engineer, calendar, h.pos());
    }

    /** Covered hours; a layer's ({@code overnight}) may end the next day ({@code from: "22:00", to: "06:00"}). */
    private static Rota.BusinessHours businessHours(YamlMap b, boolean overnight) {
        List<DayOfWeek> days = new ArrayList<>();
        List<Node> dayNodes = b.sequence("days");
        b.expectItems("days", SchemaPatterns.day());
        for (Node n : dayNodes) {
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
        if (from != null && to != null && (overnight ? to.equals(from) : !to.isAfter(from))) {
            b.schema(
                    "to",
                    overnight
                            ? "'to' (" + to + ") must differ from 'from' (" + from + ")"
                            : "'to' (" + to + ") must be later in the day than 'from' (" + from + ")",
                    overnight
                            ? "a layer on duty all day needs no hours: leave `hours:` out"
                            : "business hours end on the day they start: write, say, from: \"09:00\" and to: \"17:30\"");
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
