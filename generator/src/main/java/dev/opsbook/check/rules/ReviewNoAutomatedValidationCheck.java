package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Rule;
import dev.opsbook.model.Review;
import dev.opsbook.model.Service;
import java.util.List;

/** {@code review-no-automated-validation}: automatedValidation: no, so continuous delivery is not possible. */
public final class ReviewNoAutomatedValidationCheck extends BaseCheck {
    public ReviewNoAutomatedValidationCheck() {
        super(Rule.REVIEW_NO_AUTOMATED_VALIDATION);
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        for (Review r : s.reviews()) {
            r.answers().stream()
                    .filter(a -> a.question().equals("automatedValidation") && "no".equals(a.answer()))
                    .findFirst()
                    .ifPresent(
                            a -> out.add(
                                    Failure.at(
                                            a.pos(),
                                            "review '" + r.id()
                                                    + "': the environment cannot be validated automatically, so continuous delivery is not possible",
                                            "add an automated check after deployment (a smoke test or synthetic probe) as an enabler story")));
        }
    }

    @Override
    public boolean readsServiceFile() {
        return false;
    }
}
