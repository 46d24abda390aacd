package dev.opsbook.check.rules;

import dev.opsbook.check.History;
import dev.opsbook.finding.Rule;

/** {@code handoff-out-of-hours}: more incidents that started out of hours in the window than the limit. */
public final class HandoffOutOfHoursCheck extends IncidentRateCheck {
    public HandoffOutOfHoursCheck() {
        super(Rule.HANDOFF_OUT_OF_HOURS, History.DEFAULT_MAX_OUT_OF_HOURS);
    }

    @Override
    boolean counts(History.Occurrence o) {
        return o.outOfHours();
    }

    @Override
    String what() {
        return "incidents that started out of hours";
    }
}
