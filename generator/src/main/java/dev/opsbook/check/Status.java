package dev.opsbook.check;

import java.util.Locale;

/** The outcome of one rule for one service (outputs.md). */
public enum Status {
    PASS,
    FAIL,
    WAIVED,
    OFF,
    NOT_APPLICABLE;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Off, waived and not-applicable count as passed for levels; a failure at any severity does not. */
    public boolean countsAsPassed() {
        return this != FAIL;
    }
}
