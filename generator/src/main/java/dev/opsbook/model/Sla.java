package dev.opsbook.model;

import java.math.BigDecimal;
import java.util.List;

/** {@code sla.yaml}: the Service Level Agreement; {@code keys} says where its keys are written. */
public record Sla(
        BigDecimal availability,
        String period,
        String supportHours,
        List<ResponseTime> responseTimes,
        List<String> customers,
        Keys keys,
        Pos pos) {

    /** The promised response for one severity. */
    public record ResponseTime(Ref severity, Dur acknowledge, Dur resolve) {}
}
