package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Rule;
import dev.opsbook.link.ContentPaths;
import dev.opsbook.model.Service;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code handoff-telemetry}: dashboards, structured logs and tracing, all three, before a hand-off; a part whose own
 * rule the service marks not applicable is not asked for again.
 */
public final class HandoffTelemetryCheck extends BaseCheck {
    public HandoffTelemetryCheck() {
        super(Rule.HANDOFF_TELEMETRY);
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        Service.Telemetry t = s.telemetry();
        List<String> missing = new ArrayList<>();
        // each part has its own rule, which says what is missing: this one then follows from theirs
        boolean saidElsewhere = true;
        if (t.dashboards().isEmpty() && !accepted(s, ctx, Rule.TELEMETRY_DASHBOARDS)) {
            missing.add("no dashboard");
            saidElsewhere &= reports(ctx, Rule.TELEMETRY_DASHBOARDS);
        }
        if ((t.logs() == null || !Boolean.TRUE.equals(t.logs().structured()))
                && !accepted(s, ctx, Rule.TELEMETRY_STRUCTURED_LOGS)) {
            missing.add("no structured logs");
            saidElsewhere &= reports(ctx, Rule.TELEMETRY_STRUCTURED_LOGS);
        }
        if ((t.tracing() == null || !Boolean.TRUE.equals(t.tracing().enabled()))
                && !accepted(s, ctx, Rule.TELEMETRY_TRACING)) {
            missing.add("no tracing");
            saidElsewhere &= reports(ctx, Rule.TELEMETRY_TRACING);
        }
        if (!missing.isEmpty()) {
            out.add(Failure.at(
                            s.keys().at("telemetry"),
                            "the telemetry of '" + s.id() + "' is not complete: " + String.join(", ", missing),
                            "add what is missing under `telemetry:` (dashboards, `logs: { structured: true }`,"
                                    + " `tracing: { enabled: true }`) in " + ContentPaths.serviceFile(s.id()))
                    .following(saidElsewhere));
        }
    }

    @Override
    public List<Input> inputs() {
        return Input.of(Input.SERVICE, "telemetry");
    }
}
