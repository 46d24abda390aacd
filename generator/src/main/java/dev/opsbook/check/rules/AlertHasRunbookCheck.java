package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Rule;
import dev.opsbook.link.ContentPaths;
import dev.opsbook.model.Service;
import java.util.List;

/** {@code alert-has-runbook}: An alert without a runbook. */
public final class AlertHasRunbookCheck extends BaseCheck {
    public AlertHasRunbookCheck() {
        super(Rule.ALERT_HAS_RUNBOOK);
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        for (Service.Alert a : s.alerts()) {
            boolean pages = a.rules().isEmpty() || a.rules().stream().anyMatch(r -> r.pages());
            if (pages && a.runbook() == null && !ctx.handbook().namedByARunbook(a)) {
                out.add(Failure.at(
                        a.pos(),
                        "alert '" + a.name() + "' has no runbook",
                        a.rules().isEmpty()
                                ? "write " + ContentPaths.runbooks(s.id())
                                        + "<id>.md and add `runbook: <id>` to the alert"
                                : "write " + ContentPaths.runbooks(s.id()) + a.name() + ".md and give the rule a"
                                        + " runbook_url annotation leading to its page (opsbook runbook-urls prints"
                                        + " it)"));
            }
        }
    }

    @Override
    public List<Input> inputs() {
        return Input.of(Input.SERVICE, "alerts");
    }
}
