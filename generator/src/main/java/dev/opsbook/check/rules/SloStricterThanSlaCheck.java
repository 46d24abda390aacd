package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Rule;
import dev.opsbook.model.Service;
import java.util.List;

/** {@code slo-stricter-than-sla}: An availability SLO objective below the SLA availability. */
public final class SloStricterThanSlaCheck extends BaseCheck {
    public SloStricterThanSlaCheck() {
        super(Rule.SLO_STRICTER_THAN_SLA);
    }

    /** An availability SLO is one whose id is or contains "availability". */
    static boolean isAvailability(Service.Slo slo) {
        return slo.id().contains("availability");
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        if (s.sla() == null || s.sla().availability() == null) {
            return;
        }
        for (Service.Slo slo : s.slos()) {
            if (isAvailability(slo)
                    && slo.objective() != null
                    && slo.objective().compareTo(s.sla().availability()) < 0) {
                out.add(Failure.at(
                        slo.pos(),
                        "SLO '" + slo.id() + "' aims at " + slo.objective().toPlainString()
                                + "%, below the SLA's " + s.sla().availability().toPlainString()
                                + "%: the SLA can be breached before the SLO is missed",
                        "raise the objective of SLO '" + slo.id() + "' to at least "
                                + s.sla().availability().toPlainString() + " in "
                                + slo.pos().file()));
            }
        }
    }

    @Override
    public List<Input> inputs() {
        return List.of(new Input(Input.SERVICE, "slos"), new Input(Input.SLA, "availability"));
    }
}
