package dev.opsbook.model;

import java.time.LocalDate;

/** A follow-up action of a review or an incident. {@code status} is open, in-progress, done or cancelled. */
public record Action(String description, Ref owner, LocalDate due, String status, Pos pos) {

    public boolean isOpen() {
        return "open".equals(status) || "in-progress".equals(status);
    }

    /** Still open after its due date, on {@code asOf} (due on it is not overdue). */
    public boolean overdueOn(LocalDate asOf) {
        return isOpen() && due != null && due.isBefore(asOf);
    }
}
