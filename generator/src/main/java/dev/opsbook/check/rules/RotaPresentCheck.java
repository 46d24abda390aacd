package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Level;
import dev.opsbook.finding.Rule;
import dev.opsbook.model.Service;
import java.util.List;

/** {@code rota-present}: A service without a support rota (rota.yaml); an error for 24x7 and tier 1 services. */
public final class RotaPresentCheck extends BaseCheck {
    public RotaPresentCheck() {
        super(Rule.ROTA_PRESENT);
    }

    @Override
    public Level defaultLevel(Service s) {
        return is24x7(s) || s != null && s.tier() != null && s.tier() == 1 ? Level.ERROR : Level.WARNING;
    }

    static boolean is24x7(Service s) {
        return s != null
                && ("24x7".equals(s.supportHours())
                        || s.supportHours() == null
                                && s.sla() != null
                                && "24x7".equals(s.sla().supportHours()));
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        if (s.rota() == null) {
            out.add(missing(s, ctx, "rota.yaml", "support rota", "start, rotation, lead and engineer"));
        }
    }
}
