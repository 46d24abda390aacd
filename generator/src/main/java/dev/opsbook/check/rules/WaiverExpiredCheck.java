package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Rule;
import dev.opsbook.link.ContentPaths;
import dev.opsbook.model.Service;
import dev.opsbook.model.Settings;
import java.util.List;

/** {@code waiver-expired}: a waiver or a not-applicable mark past its expiry; the rule applies again. */
public final class WaiverExpiredCheck extends BaseCheck {
    public WaiverExpiredCheck() {
        super(Rule.WAIVER_EXPIRED);
    }

    @Override
    public void checkHandbook(CheckContext ctx, List<Failure> out) {
        for (Settings.Waiver w : ctx.handbook().settings().waivers()) {
            if (w.expires() != null && !w.activeOn(ctx.asOf()) && w.rule() != null && w.service() != null) {
                String service =
                        w.service().id().equals("*") ? null : w.service().id();
                out.add(new Failure(
                        w.pos(),
                        "the waiver of " + w.rule().id() + " for "
                                + (service == null ? "every service" : "'" + service + "'") + " expired on "
                                + w.expires()
                                + "; the rule applies again",
                        "fix what the rule finds, or renew the waiver with a new `expires:` date (and approval) in opsbook.yaml",
                        service,
                        false));
            }
        }
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        for (Service.NotApplicable n : s.notApplicable()) {
            if (!n.activeOn(ctx.asOf())) {
                out.add(Failure.at(
                        n.pos(),
                        n.rule().id() + " was marked not applicable to '" + s.id() + "' until " + n.expires()
                                + "; the rule applies again",
                        "fix what the rule finds, or renew the mark with a new `expires:` date (and `approvedBy:`) in "
                                + ContentPaths.serviceFile(s.id())));
            }
        }
    }

    @Override
    public boolean readsServiceFile() {
        return false;
    }
}
