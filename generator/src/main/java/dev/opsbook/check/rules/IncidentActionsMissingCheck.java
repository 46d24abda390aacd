package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.check.History;
import dev.opsbook.finding.Rule;
import dev.opsbook.model.Incident;
import dev.opsbook.model.Service;
import java.util.List;

/** {@code incident-actions-missing}: An incident of the two most severe levels with no action. */
public final class IncidentActionsMissingCheck extends BaseCheck {
    public IncidentActionsMissingCheck() {
        super(Rule.INCIDENT_ACTIONS_MISSING);
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        for (Incident i : s.incidents()) {
            if (History.major(ctx.handbook(), i.severity()) && i.actions().isEmpty()) {
                out.add(Failure.at(
                        i.pos(),
                        "incident '" + i.id() + "' (" + i.severity().id() + ") has no follow-up action",
                        "add what will stop it happening again under actions: in the front matter of "
                                + i.pos().file()));
            }
        }
    }

    @Override
    public boolean readsServiceFile() {
        return false;
    }
}
