package dev.opsbook.model;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

/**
 * {@code rota.yaml}: who is Support Lead and Support Engineer when. {@code timezone} is kept as
 * written (it is checked later, by the rota rules); {@code timezonePos} says where, and {@code keys} where
 * the other keys are written.
 */
public record Rota(
        String timezone,
        Pos timezonePos,
        When start,
        Dur rotation,
        String coverage,
        BusinessHours businessHours,
        List<Ref> lead,
        List<Ref> engineer,
        List<Override> overrides,
        List<EscalationStep> escalation,
        OutOfHours outOfHours,
        Keys keys,
        Pos pos) {

    public record BusinessHours(List<DayOfWeek> days, LocalTime from, LocalTime to, Pos pos) {
    }

    /** Replaces one role's person for a span. {@code role} is {@code lead} or {@code engineer}. */
    public record Override(String role, Ref person, When from, When to, String reason, Pos pos) {
    }

    /** After {@code after} without acknowledgement, call {@code contact} (a person or a team id). */
    public record EscalationStep(Dur after, Ref contact, Pos pos) {
    }

    public record OutOfHours(Boolean onCall, String compensation, List<String> tools) {
    }
}
