package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.check.History;
import dev.opsbook.finding.Rule;
import dev.opsbook.model.Service;
import java.util.List;

/** {@code handoff-coupling}: more dependencies than {@code max} (5), or a cycle of dependencies through it. */
public final class HandoffCouplingCheck extends BaseCheck {
    public HandoffCouplingCheck() {
        super(Rule.HANDOFF_COUPLING);
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        int max = ctx.setting(id()).map(x -> x.max()).orElse(History.DEFAULT_MAX_DEPENDENCIES);
        long count = s.dependsOn().stream().map(d -> d.id()).distinct().count();
        if (count > max) {
            out.add(Failure.at(
                    s.keys().at("dependsOn"),
                    "'" + s.id() + "' depends on " + count + " services (more than " + max + ")",
                    "loosen its coupling (fewer synchronous dependencies) before it is handed over"));
        }
        List<String> cycle = History.cycle(s, ctx.handbook());
        if (!cycle.isEmpty()) {
            out.add(Failure.at(
                    s.keys().at("dependsOn"),
                    "'" + s.id() + "' is on a cycle of dependencies: " + String.join(" → ", cycle),
                    "break the cycle: one of these services must not depend on the next"));
        }
    }

    @Override
    public List<Input> inputs() {
        return Input.of(Input.SERVICE, "dependsOn");
    }
}
