package dev.opsbook.finding;

import java.util.Locale;

/** The severity of a finding, most severe first. */
public enum Level {
    ERROR,
    WARNING,
    INFO;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
