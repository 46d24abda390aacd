package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Level;
import dev.opsbook.model.Service;
import java.util.List;
import dev.opsbook.rota.Duty;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
/** {@code rota-distinct-roles}: The same person is Support Lead and Support Engineer at the same time (overrides included). */
public final class RotaDistinctRolesCheck extends BaseCheck {
    public RotaDistinctRolesCheck() {
        super("rota-distinct-roles", "The same person is Support Lead and Support Engineer at the same time (overrides included)", Level.ERROR);
    }

    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        ctx.schedule(s).ifPresent(schedule -> {
            for (Duty lead : schedule.leads()) {
                for (Duty eng : schedule.engineers()) {
                    if (!lead.person().equals(eng.person())) {
                        continue;
                    }
                    ZonedDateTime from = lead.from().isAfter(eng.from()) ? lead.from() : eng.from();
                    ZonedDateTime to = lead.to().isBefore(eng.to()) ? lead.to() : eng.to();
                    if (!from.isBefore(to) || !to.isAfter(schedule.windowStart()) || !from.isBefore(schedule.windowEnd())) {
                        continue;
                    }
                    // point at what causes it: an override if one is involved, else the engineer list entry
                    Duty cause = eng.override() ? eng : lead.override() ? lead : eng;
                    out.add(Failure.at(cause.source(), lead.person() + " is Support Lead and Support Engineer from "
                                    + LOCAL.format(from) + " to " + LOCAL.format(to),
                            (cause.override() ? "change the override so that someone else covers the "
                                    + cause.role() : "reorder the lead: and engineer: lists (or add people) so that "
                                    + lead.person() + " never holds both roles in one shift")
                                    + ", in " + s.folder() + "/rota.yaml"));
                }
            }
        });
    }
}
