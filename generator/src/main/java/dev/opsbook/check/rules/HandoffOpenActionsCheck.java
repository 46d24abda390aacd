package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.check.History;
import dev.opsbook.finding.Rule;
import dev.opsbook.model.Action;
import dev.opsbook.model.Incident;
import dev.opsbook.model.Service;
import java.util.List;

/** {@code handoff-open-actions}: an action of a P1/P2 incident still open after its due date. */
public final class HandoffOpenActionsCheck extends BaseCheck {
    public HandoffOpenActionsCheck() {
        super(Rule.HANDOFF_OPEN_ACTIONS);
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        for (Incident i : s.incidents()) {
            if (!History.major(ctx.handbook(), i.severity())) {
                continue;
            }
            for (Action a : i.actions()) {
                if (a.overdueOn(ctx.asOf())) {
                    out.add(Failure.at(
                                    a.pos(),
                                    "action '" + a.description() + "' of "
                                            + i.severity().id() + " incident '" + i.id() + "' was due on " + a.due()
                                            + " and is still " + a.status(),
                                    (History.operationsManaged(s)
                                                    ? "hand '" + s.id()
                                                            + "' back to its developers until it is done, or"
                                                    : "finish it before the hand-off, or")
                                            + " agree a new `due:` date in "
                                            + a.pos().file())
                            .following(reports(ctx, Rule.ACTION_OVERDUE))); // action-overdue says it too
                }
            }
        }
    }

    @Override
    public boolean readsServiceFile() {
        return false;
    }
}
