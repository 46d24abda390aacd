package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Rule;
import dev.opsbook.link.ContentPaths;
import dev.opsbook.model.Service;
import java.util.List;

/** {@code slo-alerted}: An SLO that no alert protects. */
public final class SloAlertedCheck extends BaseCheck {
    public SloAlertedCheck() {
        super(Rule.SLO_ALERTED);
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        for (Service.Slo slo : s.slos()) {
            boolean named = slo.alert() != null
                    && s.alerts().stream().anyMatch(a -> a.name().equals(slo.alert()));
            if (slo.alert() != null
                    && !named
                    && s.alerts().stream()
                            .noneMatch(a -> a.slo() != null && a.slo().id().equals(slo.id()))) {
                // Sloth generates the alert; the handbook knows it once its rules, or service.yaml, name it
                out.add(Failure.at(
                        slo.pos(),
                        "SLO '" + slo.id() + "' is protected by alert '" + slo.alert()
                                + "' (Sloth's alerting.name), which is no alert of the service",
                        "put the rule file Sloth generates beside " + ContentPaths.serviceFile(s.id())
                                + " (*.rules.yaml), or add `{ name: " + slo.alert() + ", slo: " + slo.id()
                                + ", runbook: … }` to its alerts:"));
                continue;
            }
            if (!named
                    && s.alerts().stream()
                            .noneMatch(a -> a.slo() != null && a.slo().id().equals(slo.id()))) {
                out.add(Failure.at(
                        slo.pos(),
                        "no alert protects SLO '" + slo.id() + "'",
                        "add `slo: " + slo.id() + "` to the alert that fires when it is at risk, in "
                                + ContentPaths.serviceFile(s.id())));
            }
        }
    }

    @Override
    public List<Input> inputs() {
        return Input.of(Input.SERVICE, "slos", "alerts");
    }
}
