package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Rule;
import dev.opsbook.link.ContentPaths;
import dev.opsbook.model.Service;
import java.util.List;

/** {@code readiness-rollback}: No rollback strategy, or one never tested. */
public final class ReadinessRollbackCheck extends BaseCheck {
    public ReadinessRollbackCheck() {
        super(Rule.READINESS_ROLLBACK);
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        var r = s.readiness().rollback();
        if (r == null || r.strategies().isEmpty()) {
            out.add(Failure.at(
                    r == null ? s.keys().at("readiness") : r.pos(),
                    "service '" + s.id() + "' has no rollback strategy",
                    "add `readiness: { rollback: { strategies: [rollback], lastTested: YYYY-MM-DD } }` to "
                            + ContentPaths.serviceFile(s.id())));
        } else if (r.lastTested() == null) {
            out.add(Failure.at(
                    r.pos(),
                    "the rollback of '" + s.id() + "' (" + String.join(", ", r.strategies())
                            + ") has never been tested",
                    "rehearse a rollback and add `lastTested: YYYY-MM-DD` under readiness.rollback in "
                            + ContentPaths.serviceFile(s.id())));
        }
    }

    @Override
    public List<Input> inputs() {
        return Input.of(Input.SERVICE, "readiness.rollback");
    }
}
