package dev.opsbook.check.rules;

import dev.opsbook.check.History;
import dev.opsbook.finding.Rule;

/** {@code handoff-major-incidents}: more incidents of the two most severe levels in the window than the limit. */
public final class HandoffMajorIncidentsCheck extends IncidentRateCheck {
    public HandoffMajorIncidentsCheck() {
        super(Rule.HANDOFF_MAJOR_INCIDENTS, History.DEFAULT_MAX_MAJOR);
    }

    @Override
    boolean counts(History.Occurrence o) {
        return o.major();
    }

    @Override
    String what() {
        return "incidents of the two most severe levels";
    }

    @Override
    String name(History.Occurrence o) {
        return o.incident().id() + " (" + o.incident().severity().id() + ")";
    }
}
