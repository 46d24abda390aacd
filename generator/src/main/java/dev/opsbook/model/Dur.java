package dev.opsbook.model;

import java.time.Duration;
import java.time.ZonedDateTime;

/**
 * A duration as written in content ({@code 30s}, {@code 15m}, {@code 4h}, {@code 1d}, {@code 2w},
 * {@code 1h30m}). Weeks and days are calendar days, so that adding them keeps the local wall-clock
 * time across daylight-saving changes; hours, minutes and seconds are exact.
 */
public record Dur(int days, long seconds, String text) {

    /** The exact length, counting a day as 24 hours. */
    public Duration toDuration() {
        return Duration.ofDays(days).plusSeconds(seconds);
    }

    public ZonedDateTime addTo(ZonedDateTime t) {
        return t.plusDays(days).plusSeconds(seconds);
    }

    @Override
    public String toString() {
        return text;
    }
}
