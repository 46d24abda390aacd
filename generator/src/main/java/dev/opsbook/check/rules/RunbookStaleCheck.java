package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Rule;
import dev.opsbook.model.Runbook;
import dev.opsbook.model.Service;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** {@code runbook-stale}: A runbook whose lastReviewed is missing or older than maxAgeDays (default 180). */
public final class RunbookStaleCheck extends BaseCheck {
    public RunbookStaleCheck() {
        super(Rule.RUNBOOK_STALE);
    }

    public static final int DEFAULT_MAX_AGE_DAYS = 180;

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        int maxAge = ctx.setting(id()).map(x -> x.maxAgeDays()).orElse(DEFAULT_MAX_AGE_DAYS);
        LocalDate oldest = ctx.asOf().minusDays(maxAge);
        for (Runbook r : s.runbooks()) {
            if (r.lastReviewed() == null && ctx.handbook().unreadable(r.file())) {
                // its front matter did not parse: the date may be there; the syntax error is what to fix
                out.add(Failure.at(
                                r.pos(),
                                "runbook '" + r.id() + "' is not checked: its front matter could not be read",
                                "fix the problem reported in " + r.file())
                        .following(true)); // one mistake, one finding: the syntax error is printed
            } else if (r.lastReviewed() == null) {
                out.add(Failure.at(
                                r.lastReviewedPos() != null ? r.lastReviewedPos() : r.pos(),
                                "runbook '" + r.id() + "' has no lastReviewed date",
                                "add `lastReviewed: YYYY-MM-DD` to the front matter of " + r.file()
                                        + " after re-reading the runbook")
                        .following(r.refused("lastReviewed"))); // an impossible date has its own finding
            } else if (r.lastReviewed().isBefore(oldest)) {
                long days = ChronoUnit.DAYS.between(r.lastReviewed(), ctx.asOf());
                out.add(Failure.at(
                        r.lastReviewedPos(),
                        "runbook '" + r.id() + "' was last reviewed on " + r.lastReviewed() + ", " + days
                                + " days ago (more than " + maxAge + ")",
                        "re-read " + r.file() + ", correct what changed and set `lastReviewed:` to the date you did"));
            }
        }
    }

    @Override
    public boolean readsServiceFile() {
        return false;
    }
}
