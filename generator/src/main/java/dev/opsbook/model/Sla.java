package dev.opsbook.model;

import java.math.BigDecimal;
import java.util.List;

/** {@code sla.yaml}: the Service Level Agreement. */
public record Sla(
        BigDecimal availability,
        String period,
        String supportHours,
        List<ResponseTime> responseTimes,
        List<String> customers,
        Pos pos) {

    /** The promised response for one severity. */
    public record ResponseTime(Ref severity, Dur acknowledge, Dur resolve) {
    }
}
