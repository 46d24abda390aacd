package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.check.History;
import dev.opsbook.finding.Rule;
import dev.opsbook.model.Service;
import java.util.List;

/**
 * A hand-off rule that counts some of a service's incidents in the {@code window} of days that ends with the
 * as-of date, and fails when there are more than {@code max}: at the latest of them, naming them all.
 */
abstract class IncidentRateCheck extends BaseCheck {
    private final int defaultMax;

    IncidentRateCheck(Rule rule, int defaultMax) {
        super(rule);
        this.defaultMax = defaultMax;
    }

    /** Whether the rule counts {@code o}. */
    abstract boolean counts(History.Occurrence o);

    /** What the counted incidents are, in the message ("incidents that started out of hours"). */
    abstract String what();

    /** How one counted incident is named in the message. */
    String name(History.Occurrence o) {
        return o.incident().id();
    }

    @Override
    public final void check(Service s, CheckContext ctx, List<Failure> out) {
        var setting = ctx.setting(id());
        int window = History.windowDays(setting);
        int max = setting.map(x -> x.max()).orElse(defaultMax);
        List<History.Occurrence> counted = History.of(s, ctx.handbook()).stream()
                .filter(o -> counts(o) && History.within(o, ctx.asOf(), window))
                .toList();
        if (counted.size() > max) {
            out.add(Failure.at(
                    counted.get(counted.size() - 1).incident().pos(),
                    "'" + s.id() + "' had " + counted.size() + " " + what() + " in the " + window + " days to "
                            + ctx.asOf() + " (more than " + max + "): "
                            + String.join(", ", counted.stream().map(this::name).toList()),
                    History.operationsManaged(s)
                            ? "hand '" + s.id() + "' back to its developers to fix the causes, until no more than "
                                    + max + " such incidents happen in " + window + " days"
                            : "keep '" + s.id() + "' with its developers and fix the causes; hand it over once no more"
                                    + " than " + max + " such incidents happen in " + window + " days"));
        }
    }

    @Override
    public final boolean readsServiceFile() {
        return false;
    }
}
