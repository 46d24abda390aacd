package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Level;
import dev.opsbook.model.Service;
import java.util.List;

/** {@code sla-present}: A service without an SLA (sla.yaml); an error for tier 1 and 2. */
public final class SlaPresentCheck extends BaseCheck {
    public SlaPresentCheck() {
        super("sla-present", "A service without an SLA (sla.yaml); an error for tier 1 and 2", null);
    }

    @Override
    public Level defaultLevel(Service s) {
        return s != null && s.tier() != null && s.tier() <= 2 ? Level.ERROR : Level.INFO;
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        if (s.sla() == null) {
            // a file that is there but does not parse is the reason, and has its own finding: say so
            boolean broken = ctx.handbook().unreadable(s.folder() + "/sla.yaml");
            out.add(Failure.at(s.pos(), "service '" + s.id() + "' has no SLA" + (broken ? ": its sla.yaml could not be read" : ""),
                    broken ? "fix the problem reported in " + s.folder() + "/sla.yaml"
                            : "add " + s.folder() + "/sla.yaml with availability, period and responseTimes for every severity"));
        }
    }
}
