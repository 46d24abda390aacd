package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Rule;
import dev.opsbook.model.Action;
import dev.opsbook.model.Incident;
import dev.opsbook.model.Review;
import dev.opsbook.model.Service;
import java.util.List;

/** {@code action-overdue}: A review or incident action still open after its due date. */
public final class ActionOverdueCheck extends BaseCheck {
    public ActionOverdueCheck() {
        super(Rule.ACTION_OVERDUE);
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        for (Review r : s.reviews()) {
            overdue(r.actions(), ctx, out);
        }
        for (Incident i : s.incidents()) {
            overdue(i.actions(), ctx, out);
        }
    }

    private static void overdue(List<Action> actions, CheckContext ctx, List<Failure> out) {
        for (Action a : actions) {
            if (a.overdueOn(ctx.asOf())) {
                out.add(Failure.at(
                        a.pos(),
                        "action '" + a.description() + "'"
                                + (a.owner() != null ? " (" + a.owner().id() + ")" : "") + " was due on " + a.due()
                                + " and is still " + a.status(),
                        "finish it and set `status: done`, or agree a new `due:` date, in "
                                + a.pos().file()));
            }
        }
    }

    @Override
    public boolean readsServiceFile() {
        return false;
    }
}
