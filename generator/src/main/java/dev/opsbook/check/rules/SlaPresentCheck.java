package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Level;
import dev.opsbook.finding.Rule;
import dev.opsbook.model.Service;
import java.util.List;

/** {@code sla-present}: A service without an SLA (sla.yaml); an error for tier 1 and 2. */
public final class SlaPresentCheck extends BaseCheck {
    public SlaPresentCheck() {
        super(Rule.SLA_PRESENT);
    }

    @Override
    public Level defaultLevel(Service s) {
        return s != null && s.tier() != null && s.tier() <= 2 ? Level.ERROR : Level.INFO;
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        if (s.sla() == null) {
            out.add(missing(s, ctx, "sla.yaml", "SLA", "availability, period and responseTimes for every severity"));
        }
    }
}
