package dev.opsbook.load;

import dev.opsbook.model.Ref;
import dev.opsbook.model.Sla;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code services/<id>/sla.yaml}. */
final class SlaLoader {
    static final List<String> PERIODS = List.of("month", "quarter", "year");

    private SlaLoader() {}

    static Sla read(YamlMap y) {
        y.require("availability");
        var availability = y.percent("availability");
        String period = y.oneOf("period", PERIODS);
        String hours = y.oneOf("supportHours", ServiceLoader.SUPPORT_HOURS);
        List<Sla.ResponseTime> times = new ArrayList<>();
        var responseTimes = y.map("responseTimes");
        responseTimes.ifPresent(r -> {
            for (String severity : r.keys()) {
                r.map(severity).ifPresent(t -> {
                    var acknowledge = t.duration("acknowledge");
                    var resolve = t.duration("resolve");
                    if (acknowledge != null
                            && resolve != null
                            && resolve.toDuration().compareTo(acknowledge.toDuration()) < 0) {
                        t.schema(
                                "resolve",
                                "'resolve' (" + resolve + ") is shorter than 'acknowledge' (" + acknowledge
                                        + "): an incident is resolved after it is acknowledged",
                                "swap them if they are the wrong way round");
                        resolve = null;
                    }
                    times.add(new Sla.ResponseTime(new Ref(severity, r.keyPos(severity)), acknowledge, resolve));
                    t.finish();
                });
            }
        });
        List<String> customers = y.strings("customers");
        y.finish();
        var keys = y.keyPositions(y.pos());
        if (responseTimes.isPresent()) {
            keys = keys.with("responseTimes.", responseTimes.get().keyPositions(y.pos())); // which severity was refused
        }
        return new Sla(
                availability, period != null ? period : "month", hours, List.copyOf(times), customers, keys, y.pos());
    }
}
