package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.link.ContentPaths;
import dev.opsbook.model.Service;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The shared judgement of dated readiness evidence: present, and at most 365 days old. */
final class Evidence {
    static final int MAX_AGE_DAYS = 365;

    private Evidence() {}

    static void check(Service s, CheckContext ctx, Service.Evidence e, String what, String key, List<Failure> out) {
        if (e == null || e.date() == null) {
            out.add(Failure.at(
                            e == null ? s.keys().at("readiness") : e.pos(),
                            "service '" + s.id() + "' has no " + what + " on record",
                            "run one and add `readiness: { " + key + ": { date: YYYY-MM-DD, url: … } }` to "
                                    + ContentPaths.serviceFile(s.id()))
                    .following(e != null)); // written, but its date has a schema finding
        } else if (e.date().isBefore(ctx.asOf().minusDays(MAX_AGE_DAYS))) {
            out.add(Failure.at(
                    e.pos(),
                    "the last " + what + " of '" + s.id() + "' was on " + e.date() + ", "
                            + ChronoUnit.DAYS.between(e.date(), ctx.asOf()) + " days ago (more than " + MAX_AGE_DAYS
                            + ")",
                    "run a new " + what + " and update `readiness." + key + ".date` in "
                            + ContentPaths.serviceFile(s.id())));
        }
    }
}
