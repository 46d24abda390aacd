package dev.opsbook.render;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/** How numbers, durations and downtime read on the pages. */
final class Formats {
    /** Days in each SLA period: the convention the site states next to the figures. */
    static final String CONVENTION = "a month is counted as 30 days, a quarter as 90 days, a year as 365 days";

    private Formats() {}

    static long periodSeconds(String period) {
        return switch (period) {
            case "quarter" -> 90L * 86_400;
            case "year" -> 365L * 86_400;
            default -> 30L * 86_400;
        };
    }

    /** The time a percentage leaves unmet over {@code seconds}: 99.9 % of 30 days → "43 min 12 s". */
    static String budget(BigDecimal percent, long seconds) {
        BigDecimal missing = BigDecimal.valueOf(100).subtract(percent);
        long s = missing.multiply(BigDecimal.valueOf(seconds))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
                .longValue();
        return span(Duration.ofSeconds(s));
    }

    /** "1 d 2 h", "43 min 12 s", "0 s". */
    static String span(Duration d) {
        long s = d.getSeconds();
        if (s == 0) {
            return "0 s";
        }
        StringBuilder sb = new StringBuilder();
        long days = s / 86_400;
        long hours = s % 86_400 / 3600;
        long minutes = s % 3600 / 60;
        long seconds = s % 60;
        append(sb, days, "d");
        append(sb, hours, "h");
        append(sb, minutes, "min");
        append(sb, seconds, "s");
        return sb.toString();
    }

    private static void append(StringBuilder sb, long n, String unit) {
        if (n > 0) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(n).append(' ').append(unit);
        }
    }

    static String percent(BigDecimal p) {
        return p == null ? null : p.stripTrailingZeros().toPlainString() + " %";
    }
}
