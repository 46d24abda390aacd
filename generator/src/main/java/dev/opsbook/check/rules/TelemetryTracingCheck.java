package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Rule;
import dev.opsbook.link.ContentPaths;
import dev.opsbook.model.Service;
import java.util.List;

/** {@code telemetry-tracing}: Tracing not enabled. */
public final class TelemetryTracingCheck extends BaseCheck {
    public TelemetryTracingCheck() {
        super(Rule.TELEMETRY_TRACING);
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        var tracing = s.telemetry().tracing();
        if (tracing == null || !Boolean.TRUE.equals(tracing.enabled())) {
            out.add(Failure.at(
                    tracing == null ? s.keys().at("telemetry") : tracing.pos(),
                    "tracing is not enabled for '" + s.id() + "'",
                    "enable distributed tracing and add `tracing: { enabled: true, url: … }` under telemetry: in "
                            + ContentPaths.serviceFile(s.id())));
        }
    }

    @Override
    public List<Input> inputs() {
        return Input.of(Input.SERVICE, "telemetry.tracing");
    }
}
