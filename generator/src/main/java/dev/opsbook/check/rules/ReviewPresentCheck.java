package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Completeness;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Rule;
import dev.opsbook.link.ContentPaths;
import dev.opsbook.model.Service;
import java.util.List;

/** {@code review-present}: A production service with no operational support review. */
public final class ReviewPresentCheck extends BaseCheck {
    public ReviewPresentCheck() {
        super(Rule.REVIEW_PRESENT);
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        Failure unread = s.reviews().isEmpty() ? Completeness.notChecked(LIFECYCLE, s, ctx) : null;
        if (unread != null) {
            // whether the rule applies rests on a lifecycle that could not be read
            out.add(unread);
        } else if ("production".equals(s.lifecycle()) && s.reviews().isEmpty()) {
            out.add(Failure.at(
                    s.pos(),
                    "production service '" + s.id() + "' has no operational support review",
                    "hold a review before the next story is committed and record it in " + ContentPaths.reviews(s.id())
                            + "<id>.yaml"));
        }
    }

    private static final Input LIFECYCLE = new Input(Input.SERVICE, "lifecycle");
}
