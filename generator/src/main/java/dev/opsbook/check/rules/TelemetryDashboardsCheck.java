package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.CompletenessCheck;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Level;
import dev.opsbook.model.Service;
import java.util.List;

/** {@code telemetry-dashboards}: A service without a dashboard. */
public final class TelemetryDashboardsCheck implements CompletenessCheck {
    @Override
    public String id() {
        return "telemetry-dashboards";
    }

    @Override
    public String description() {
        return "A service without a dashboard";
    }

    @Override
    public Level defaultLevel(Service s) {
        return Level.WARNING;
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        if (s.telemetry().dashboards().isEmpty()) {
            out.add(Failure.at(s.pos(), "service '" + s.id() + "' has no dashboard",
                    "add `telemetry: { dashboards: [{ title: …, url: … }] }` to " + s.folder() + "/service.yaml"));
        }
    }
}
