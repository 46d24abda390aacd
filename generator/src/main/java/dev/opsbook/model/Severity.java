package dev.opsbook.model;

import java.util.List;

/** One level of {@code severities.yaml}; the list is ordered from most to least severe. */
public record Severity(
        String id,
        String name,
        String description,
        List<String> criteria,
        Response response,
        Communication communication,
        String outOfHours,
        boolean majorIncident,
        Pos pos) {

    /** Response targets; any of them may be absent. */
    public record Response(Dur acknowledge, Dur firstUpdate, Dur updateEvery, Dur resolveTarget) {}

    public record Communication(String channel, List<String> audience) {}
}
