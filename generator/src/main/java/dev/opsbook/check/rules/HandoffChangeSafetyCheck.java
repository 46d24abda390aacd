package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.check.History;
import dev.opsbook.finding.Rule;
import dev.opsbook.link.ContentPaths;
import dev.opsbook.model.Service;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code handoff-change-safety}: automated deployment, a rollback tested within {@code maxAgeDays} (365) and a
 * recent lead time for a change (measured within {@code maxAgeDays}) of at most {@code maxLeadTime} (1d).
 */
public final class HandoffChangeSafetyCheck extends BaseCheck {
    public HandoffChangeSafetyCheck() {
        super(Rule.HANDOFF_CHANGE_SAFETY);
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        var setting = ctx.setting(id());
        int maxAge = setting.map(x -> x.maxAgeDays()).orElse(History.DEFAULT_ROLLBACK_AGE_DAYS);
        var maxLeadDur = setting.map(x -> x.maxLeadTime()).orElse(null);
        Duration maxLead = maxLeadDur != null ? maxLeadDur.toDuration() : History.DEFAULT_MAX_LEAD_TIME;
        String maxLeadText = maxLeadDur != null ? maxLeadDur.text() : "1d";
        Service.Deployment d = s.readiness().deployment();
        Service.Rollback r = s.readiness().rollback();
        List<String> problems = new ArrayList<>();
        // deployment and a rollback never tested have their own rules; a stale test or the lead time do not
        boolean saidElsewhere = true;
        boolean automated = d != null && Boolean.TRUE.equals(d.automated());
        if (!automated && !accepted(s, ctx, Rule.READINESS_DEPLOYMENT)) {
            problems.add("deployment is not automated");
            saidElsewhere &= reports(ctx, Rule.READINESS_DEPLOYMENT);
        }
        if (r == null || r.lastTested() == null) {
            if (!accepted(s, ctx, Rule.READINESS_ROLLBACK)) {
                problems.add("its rollback has never been tested");
                saidElsewhere &= reports(ctx, Rule.READINESS_ROLLBACK);
            }
        } else {
            long age = ChronoUnit.DAYS.between(r.lastTested(), ctx.asOf());
            if (age > maxAge) {
                problems.add("its rollback was last tested on " + r.lastTested() + ", " + age + " days ago (more than "
                        + maxAge + ")");
                saidElsewhere = false;
            }
        }
        // the lead time of a deployment by hand is not asked about: automating it comes first
        if (automated && d.leadTime() == null) {
            problems.add("no lead time for a change is recorded");
            saidElsewhere = false;
        } else if (automated) {
            Duration lead = d.leadTime().toDuration();
            if (d.measured() == null) {
                problems.add("when its lead time was measured is not recorded (`measured:`)");
                saidElsewhere = false;
            } else if (ChronoUnit.DAYS.between(d.measured(), ctx.asOf()) > maxAge) {
                problems.add("its lead time was last measured on " + d.measured() + ", "
                        + ChronoUnit.DAYS.between(d.measured(), ctx.asOf()) + " days ago (more than " + maxAge + ")");
                saidElsewhere = false;
            }
            if (lead.compareTo(maxLead) > 0) {
                problems.add(
                        "its lead time for a change is " + d.leadTime().text() + " (more than " + maxLeadText + ")");
                saidElsewhere = false;
            }
        }
        if (!problems.isEmpty()) {
            out.add(Failure.at(
                            d != null ? d.pos() : r != null ? r.pos() : s.keys().at("readiness"),
                            "changes to '" + s.id() + "' are not yet safe: " + String.join("; ", problems),
                            "record `readiness: { deployment: { automated: true, leadTime: …, measured: … }, rollback: { lastTested: … } }`"
                                    + " in " + ContentPaths.serviceFile(s.id()) + " once they are so")
                    .following(saidElsewhere));
        }
    }

    @Override
    public List<Input> inputs() {
        return Input.of(Input.SERVICE, "readiness.deployment", "readiness.rollback");
    }
}
