package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Rule;
import dev.opsbook.model.Review;
import dev.opsbook.model.Service;
import java.util.List;

/** {@code review-too-late}: A review held on or after the day the story was committed. */
public final class ReviewTooLateCheck extends BaseCheck {
    public ReviewTooLateCheck() {
        super(Rule.REVIEW_TOO_LATE);
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        for (Review r : s.reviews()) {
            if (r.date() != null && r.committed() != null && !r.date().isBefore(r.committed())) {
                out.add(Failure.at(
                        r.datePos(),
                        "review '" + r.id() + "' was held on " + r.date() + ", not before the story was committed on "
                                + r.committed(),
                        "hold the operational support review before the team commits to the story"));
            }
        }
    }

    @Override
    public boolean readsServiceFile() {
        return false;
    }
}
