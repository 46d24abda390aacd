package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.check.History;
import dev.opsbook.finding.Rule;
import dev.opsbook.model.Service;
import java.util.List;

/** {@code handoff-major-incidents}: more incidents of the two most severe levels in the window than the limit. */
public final class HandoffMajorIncidentsCheck extends BaseCheck {
    public HandoffMajorIncidentsCheck() {
        super(Rule.HANDOFF_MAJOR_INCIDENTS);
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        var setting = ctx.setting(id());
        int window = History.windowDays(setting);
        int max = setting.map(x -> x.max()).orElse(History.DEFAULT_MAX_MAJOR);
        List<History.Occurrence> major = History.of(s, ctx.handbook()).stream()
                .filter(o -> o.major() && History.within(o, ctx.asOf(), window))
                .toList();
        if (major.size() > max) {
            History.Occurrence last = major.get(major.size() - 1);
            out.add(Failure.at(
                    last.incident().pos(),
                    "'" + s.id() + "' had " + major.size() + " incidents of the two most severe levels in the "
                            + window + " days to " + ctx.asOf() + " (more than " + max + "): "
                            + String.join(
                                    ", ",
                                    major.stream()
                                            .map(o -> o.incident().id() + " ("
                                                    + o.incident().severity().id() + ")")
                                            .toList()),
                    fixHint(s, "such incidents", max, window)));
        }
    }

    /** What to do about too many incidents: the same for every incident-rate rule. */
    static String fixHint(Service s, String what, int max, int window) {
        return History.operationsManaged(s)
                ? "hand '" + s.id() + "' back to its developers to fix the causes, until no more than " + max + " "
                        + what + " happen in " + window + " days"
                : "keep '" + s.id() + "' with its developers and fix the causes; hand it over once no more than " + max
                        + " " + what + " happen in " + window + " days";
    }

    @Override
    public boolean readsServiceFile() {
        return false;
    }
}
