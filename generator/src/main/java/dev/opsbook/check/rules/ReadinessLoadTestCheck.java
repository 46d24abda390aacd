package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Rule;
import dev.opsbook.model.Service;
import java.util.List;

/** {@code readiness-load-test}: No load test, or one older than 365 days. */
public final class ReadinessLoadTestCheck extends BaseCheck {
    public ReadinessLoadTestCheck() {
        super(Rule.READINESS_LOAD_TEST);
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        Evidence.check(s, ctx, s.readiness().loadTest(), "load test", "loadTest", out);
    }

    @Override
    public List<Input> inputs() {
        return Input.of(Input.SERVICE, "readiness.loadTest");
    }
}
