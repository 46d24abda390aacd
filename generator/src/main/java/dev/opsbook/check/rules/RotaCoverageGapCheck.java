package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Rule;
import dev.opsbook.link.ContentPaths;
import dev.opsbook.model.Rota;
import dev.opsbook.model.Service;
import dev.opsbook.rota.RotaSchedule;
import java.util.List;

/**
 * {@code rota-coverage-gap}: Covered time within the horizon with no Support Lead or no Support Engineer. For a
 * rota with layers: the promised hours (24x7, or the business hours) no layer holds, and covered time where a
 * role has nobody; each finding names the span (and the layer).
 */
public final class RotaCoverageGapCheck extends BaseCheck {
    public RotaCoverageGapCheck() {
        super(Rule.ROTA_COVERAGE_GAP);
    }

    /** At most this many gaps are listed one by one; the rest are counted. */
    static final int MAX_LISTED = 5;

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        Rota r = s.rota();
        if (r == null) {
            return;
        }
        boolean missing = false;
        for (Rota.Layer layer : r.layers()) {
            for (Rota.Role role : Rota.Role.ON_DUTY) {
                if (layer.people(role).isEmpty()) {
                    missing = true;
                    out.add(Failure.at(
                            layer.keys().at(role.id()),
                            layer.name() == null
                                    ? "the rota names no " + role.label() + ": all covered time is a gap"
                                    : "layer '" + layer.name() + "' names no " + role.label() + ": its hours are a gap",
                            "add `" + role.id() + ": [<person>, <person>]` to "
                                    + (layer.name() == null ? "" : "layer '" + layer.name() + "' of ")
                                    + ContentPaths.rotaFile(s)));
                }
            }
        }
        if (missing) {
            return;
        }
        ctx.schedule(s).ifPresent(schedule -> {
            if (!r.layered()) {
                // covered time before the rota's first handoff has nobody on duty
                schedule.coverage().stream()
                        .filter(c -> c.from().isBefore(schedule.rotaStart()))
                        .findFirst()
                        .ifPresent(first -> out.add(Failure.at(
                                r.keys().at("start"),
                                "nobody is on duty from "
                                        + RotaDistinctRolesCheck.LOCAL.format(first.from())
                                        + " until the rota starts at "
                                        + RotaDistinctRolesCheck.LOCAL.format(schedule.rotaStart()),
                                "move `start:` of " + ContentPaths.rotaFile(s)
                                        + " back to the first handoff that happened")));
                return;
            }
            // the hours the rota promises that no layer holds (between layers, on a holiday nobody covers)
            List<RotaSchedule.Span> gaps = RotaSchedule.gaps(schedule.promised(r), schedule.coverage());
            report(
                    gaps,
                    r.keys().at("layers"),
                    g -> "no layer is on duty from " + when(g, schedule) + " (" + r.coverage() + " promised)",
                    "give a layer these hours, or cover the holiday, in " + ContentPaths.rotaFile(s),
                    out);
            // covered time where a role has nobody (a layer that starts later than the others, say)
            for (Rota.Role role : Rota.Role.ON_DUTY) {
                List<RotaSchedule.Span> holes =
                        RotaSchedule.gaps(schedule.coverage(), RotaSchedule.spans(schedule.duties(role)));
                report(
                        holes,
                        r.keys().at("layers"),
                        g -> "nobody is " + role.label() + " from " + when(g, schedule)
                                + layerOf(schedule, g)
                                        .map(l -> " (layer '" + l + "')")
                                        .orElse(""),
                        "move the layer's `start:` back to its first handoff, or name someone for the time, in "
                                + ContentPaths.rotaFile(s),
                        out);
            }
        });
    }

    private static String when(RotaSchedule.Span g, RotaSchedule schedule) {
        return RotaDistinctRolesCheck.LOCAL.format(g.from().withZoneSameInstant(schedule.zone())) + " to "
                + RotaDistinctRolesCheck.LOCAL.format(g.to().withZoneSameInstant(schedule.zone())) + " ("
                + schedule.zone().getId() + ")";
    }

    /** The layer some other role's duty names at the start of {@code g}. */
    private static java.util.Optional<String> layerOf(RotaSchedule schedule, RotaSchedule.Span g) {
        for (Rota.Role role : Rota.Role.values()) {
            var d = schedule.at(role, g.from());
            if (d.isPresent() && d.get().layer() != null) {
                return java.util.Optional.of(d.get().layer());
            }
        }
        return java.util.Optional.empty();
    }

    private static void report(
            List<RotaSchedule.Span> gaps,
            dev.opsbook.model.Pos at,
            java.util.function.Function<RotaSchedule.Span, String> message,
            String hint,
            List<Failure> out) {
        for (int i = 0; i < gaps.size() && i < MAX_LISTED; i++) {
            String m = message.apply(gaps.get(i));
            if (i == MAX_LISTED - 1 && gaps.size() > MAX_LISTED) {
                m += "; and " + (gaps.size() - MAX_LISTED) + " more such gaps before the horizon";
            }
            out.add(Failure.at(at, m, hint));
        }
    }

    @Override
    public boolean readsServiceFile() {
        return false;
    }

    @Override
    public List<Input> inputs() {
        return ROTA_SCHEDULE;
    }
}
