package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Rule;
import dev.opsbook.link.ContentPaths;
import dev.opsbook.model.AlertRule;
import dev.opsbook.model.Ref;
import dev.opsbook.model.Rota;
import dev.opsbook.model.Service;
import dev.opsbook.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code rota-paging-uncovered}: an alert whose severity pages out of hours ({@code outOfHours: page} in
 * severities.yaml) on a service whose rota covers business hours only and has no out-of-hours on-call: at
 * 03:00 it pages nobody.
 */
public final class RotaPagingUncoveredCheck extends BaseCheck {
    public RotaPagingUncoveredCheck() {
        super(Rule.ROTA_PAGING_UNCOVERED);
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        Rota r = s.rota();
        if (r == null || "24x7".equals(r.coverage())) {
            return;
        }
        if (r.outOfHours() != null && Boolean.TRUE.equals(r.outOfHours().onCall())) {
            return; // someone is on call outside the covered hours
        }
        for (Service.Alert a : s.alerts()) {
            List<Ref> severities = new ArrayList<>();
            if (a.severity() != null) {
                severities.add(a.severity());
            }
            a.rules().stream().map(AlertRule::severity).filter(x -> x != null).forEach(severities::add);
            severities.stream()
                    .map(x -> ctx.handbook().severity(x.id()).orElse(null))
                    .filter(x -> x != null && "page".equals(x.outOfHours()))
                    .map(Severity::id)
                    .findFirst()
                    .ifPresent(sev -> out.add(Failure.at(
                            a.pos(),
                            "alert '" + a.name() + "' is " + sev + ", which pages out of hours, but the rota of '"
                                    + s.id() + "' covers business hours only and has no out-of-hours on-call",
                            "set `coverage: 24x7` or `outOfHours: { onCall: true }` in " + ContentPaths.rota(s.id())
                                    + ", or give the alert a severity that waits for the next business day")));
        }
    }

    @Override
    public boolean readsServiceFile() {
        return true;
    }

    @Override
    public List<Input> inputs() {
        return List.of(
                new Input(Input.SERVICE, "alerts"),
                new Input(Input.ROTA, "coverage"),
                new Input(Input.ROTA, "outOfHours"));
    }
}
