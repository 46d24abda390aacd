package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Rule;
import dev.opsbook.link.ContentPaths;
import dev.opsbook.model.Service;
import java.util.List;

/** {@code telemetry-dashboards}: A service without a dashboard. */
public final class TelemetryDashboardsCheck extends BaseCheck {
    public TelemetryDashboardsCheck() {
        super(Rule.TELEMETRY_DASHBOARDS);
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        if (s.telemetry().dashboards().isEmpty()) {
            out.add(Failure.at(
                    s.keys().at("telemetry"),
                    "service '" + s.id() + "' has no dashboard",
                    "add `telemetry: { dashboards: [{ title: …, url: … }] }` to " + ContentPaths.serviceFile(s.id())));
        }
    }

    @Override
    public List<Input> inputs() {
        return Input.of(Input.SERVICE, "telemetry.dashboards");
    }
}
