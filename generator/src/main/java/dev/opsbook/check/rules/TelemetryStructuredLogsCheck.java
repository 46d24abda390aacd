package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Rule;
import dev.opsbook.link.ContentPaths;
import dev.opsbook.model.Service;
import java.util.List;

/** {@code telemetry-structured-logs}: Logs missing or not structured. */
public final class TelemetryStructuredLogsCheck extends BaseCheck {
    public TelemetryStructuredLogsCheck() {
        super(Rule.TELEMETRY_STRUCTURED_LOGS);
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        var logs = s.telemetry().logs();
        if (logs == null) {
            out.add(Failure.at(
                    s.keys().at("telemetry"),
                    "service '" + s.id() + "' records no logs",
                    "add `logs: { structured: true, url: … }` under telemetry: in "
                            + ContentPaths.serviceFile(s.id())));
        } else if (!Boolean.TRUE.equals(logs.structured())) {
            out.add(Failure.at(
                    logs.pos(),
                    "the logs of '" + s.id() + "' are not structured",
                    "log in a structured format (JSON) and set `structured: true` in "
                            + ContentPaths.serviceFile(s.id())));
        }
    }

    @Override
    public List<Input> inputs() {
        return Input.of(Input.SERVICE, "telemetry.logs");
    }
}
