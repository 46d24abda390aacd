package dev.opsbook.model;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * A date-time as written: local ({@code 2026-11-21T09:00}, read in the rota's or the handbook's
 * time zone) or with an offset ({@code 2026-09-03T02:14Z}).
 */
public record When(LocalDateTime local, ZoneOffset offset, String text) {

    public ZonedDateTime at(ZoneId zone) {
        return offset == null ? local.atZone(zone) : local.atOffset(offset).atZoneSameInstant(zone);
    }

    @Override
    public String toString() {
        return text;
    }
}
