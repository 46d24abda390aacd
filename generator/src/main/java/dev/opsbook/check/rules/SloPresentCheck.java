package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Level;
import dev.opsbook.finding.Rule;
import dev.opsbook.link.ContentPaths;
import dev.opsbook.model.Service;
import java.util.List;

/** {@code slo-present}: A service without an SLO; an error for tier 1 and 2. */
public final class SloPresentCheck extends BaseCheck {
    public SloPresentCheck() {
        super(Rule.SLO_PRESENT);
    }

    @Override
    public Level defaultLevel(Service s) {
        return s != null && s.tier() != null && s.tier() <= 2 ? Level.ERROR : Level.WARNING;
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        if (s.slos().isEmpty()) {
            out.add(Failure.at(
                    s.keys().at("slos"),
                    "service '" + s.id() + "' has no SLO",
                    "add `slos:` to " + ContentPaths.serviceFile(s.id())
                            + ", e.g. { id: availability, objective: 99.9, window: 28d }"));
        }
    }

    @Override
    public List<Input> inputs() {
        return Input.of(Input.SERVICE, "slos");
    }
}
