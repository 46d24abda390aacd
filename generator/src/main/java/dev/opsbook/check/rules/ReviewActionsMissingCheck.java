package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Rule;
import dev.opsbook.model.Review;
import dev.opsbook.model.Service;
import java.util.List;

/** {@code review-actions-missing}: Outcome approved-with-actions with no action. */
public final class ReviewActionsMissingCheck extends BaseCheck {
    public ReviewActionsMissingCheck() {
        super(Rule.REVIEW_ACTIONS_MISSING);
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        for (Review r : s.reviews()) {
            if ("approved-with-actions".equals(r.outcome()) && r.actions().isEmpty()) {
                out.add(Failure.at(
                        r.pos(),
                        "review '" + r.id() + "' was approved with actions but lists none",
                        "add the agreed actions (description, owner, due) under actions: in "
                                + r.pos().file()));
            }
        }
    }

    @Override
    public boolean readsServiceFile() {
        return false;
    }
}
