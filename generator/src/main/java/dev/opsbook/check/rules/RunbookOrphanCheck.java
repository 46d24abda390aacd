package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Rule;
import dev.opsbook.model.Runbook;
import dev.opsbook.model.Service;
import java.util.List;

/** {@code runbook-orphan}: A runbook that no alert leads to. */
public final class RunbookOrphanCheck extends BaseCheck {
    public RunbookOrphanCheck() {
        super(Rule.RUNBOOK_ORPHAN);
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        for (Runbook r : s.runbooks()) {
            if (ctx.handbook().alertsLeadingTo(r).isEmpty() && r.noAlert() == null) {
                out.add(Failure.at(
                        r.pos(),
                        "no alert leads to runbook '" + r.id() + "'",
                        "lead an alert to it (the runbook_url of its rule, or `runbook:` in service.yaml), or say why"
                                + " none does: `noAlert: <why>` in " + r.file()));
            }
        }
    }

    @Override
    public List<Input> inputs() {
        return Input.of(Input.SERVICE, "alerts");
    }
}
