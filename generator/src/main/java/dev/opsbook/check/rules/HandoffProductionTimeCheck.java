package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.check.History;
import dev.opsbook.finding.Rule;
import dev.opsbook.link.ContentPaths;
import dev.opsbook.model.Service;
import java.util.List;

/**
 * {@code handoff-production-time}: a developer-managed service handed to operations only after it has run in
 * production for {@code minDays} (180) days. An operations-managed service has been taken over already.
 */
public final class HandoffProductionTimeCheck extends BaseCheck {
    public HandoffProductionTimeCheck() {
        super(Rule.HANDOFF_PRODUCTION_TIME);
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        if (History.operationsManaged(s)) {
            return;
        }
        int min = ctx.setting(id()).map(x -> x.minDays()).orElse(History.DEFAULT_MIN_DAYS);
        String file = ContentPaths.serviceFile(s.id());
        if ("experimental".equals(s.lifecycle())) {
            out.add(Failure.at(
                    s.keys().at("lifecycle"),
                    "'" + s.id() + "' is experimental, not in production: it cannot be handed over",
                    "hand it over once it has run in production for " + min + " days; then set `lifecycle: production`"
                            + " and `productionSince: YYYY-MM-DD` in " + file));
            return;
        }
        var days = History.daysInProduction(s, ctx.asOf());
        if (days.isEmpty()) {
            out.add(Failure.at(
                    s.pos(),
                    "'" + s.id() + "' does not say since when it is in production",
                    "add `productionSince: YYYY-MM-DD` (the day it went live) to " + file));
        } else if (days.get() < min) {
            out.add(Failure.at(
                    s.keys().at("productionSince"),
                    "'" + s.id() + "' has been in production since " + s.productionSince() + ", " + days.get()
                            + " days (fewer than " + min + ")",
                    "hand it over from " + s.productionSince().plusDays(min) + ", once it has been stable in"
                            + " production for " + min + " days"));
        }
    }

    @Override
    public List<Input> inputs() {
        return Input.of(Input.SERVICE, "productionSince", "lifecycle", "supportModel");
    }
}
