package dev.opsbook.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A service: its {@code service.yaml} and everything in its folder (SLA, rota, runbooks, reviews,
 * incidents, and its other Markdown as documents: guides of the service, such as helpers beside its runbooks).
 * {@code pos} is the start of service.yaml, {@code keys} where its keys are written. {@code sharedRota} is
 * its {@code rota:} key, naming a rota kept once in {@code rotas/<id>.yaml} (then {@code rota} is that one);
 * null for a service with its own rota.yaml, or none. {@code catalog} is what a Backstage catalog entity
 * says of it beyond opsbook's keys, or null for a service no catalog describes. {@code productionSince} is the
 * day it went into production ({@code productionSince:}), or null where not written.
 */
public record Service(
        String id,
        String name,
        String description,
        Ref owner,
        Integer tier,
        String lifecycle,
        String supportModel,
        String supportHours,
        List<Ref> dependsOn,
        List<Link> links,
        Telemetry telemetry,
        List<Slo> slos,
        List<Alert> alerts,
        Readiness readiness,
        List<NotApplicable> notApplicable,
        Sla sla,
        Rota rota,
        List<Runbook> runbooks,
        List<Review> reviews,
        List<Incident> incidents,
        List<Guide> documents,
        Keys keys,
        Pos pos,
        Ref sharedRota,
        CatalogEntry catalog,
        java.time.LocalDate productionSince) {

    /** This service with {@code alerts} in place of its own. */
    public Service withAlerts(List<Alert> alerts) {
        return new Service(
                id,
                name,
                description,
                owner,
                tier,
                lifecycle,
                supportModel,
                supportHours,
                dependsOn,
                links,
                telemetry,
                slos,
                List.copyOf(alerts),
                readiness,
                notApplicable,
                sla,
                rota,
                runbooks,
                reviews,
                incidents,
                documents,
                keys,
                pos,
                sharedRota,
                catalog,
                productionSince);
    }

    /** This service with {@code runbooks} in place of its own. */
    public Service withRunbooks(List<Runbook> runbooks) {
        return new Service(
                id,
                name,
                description,
                owner,
                tier,
                lifecycle,
                supportModel,
                supportHours,
                dependsOn,
                links,
                telemetry,
                slos,
                alerts,
                readiness,
                notApplicable,
                sla,
                rota,
                List.copyOf(runbooks),
                reviews,
                incidents,
                documents,
                keys,
                pos,
                sharedRota,
                catalog,
                productionSince);
    }

    /** This service with {@code slos} in place of its own. */
    public Service withSlos(List<Slo> slos) {
        return new Service(
                id,
                name,
                description,
                owner,
                tier,
                lifecycle,
                supportModel,
                supportHours,
                dependsOn,
                links,
                telemetry,
                List.copyOf(slos),
                alerts,
                readiness,
                notApplicable,
                sla,
                rota,
                runbooks,
                reviews,
                incidents,
                documents,
                keys,
                pos,
                sharedRota,
                catalog,
                productionSince);
    }

    public record Telemetry(List<Link> dashboards, Logs logs, Tracing tracing) {
        public static final Telemetry NONE = new Telemetry(List.of(), null, null);
    }

    public record Logs(Boolean structured, String url, Pos pos) {}

    public record Tracing(Boolean enabled, String url, Pos pos) {}

    /** A service level objective; {@code objective} is a percentage. */
    /**
     * {@code alert}: the alert its specification names as the one that protects it (Sloth's
     * {@code alerting.name}), else null; {@code format}: {@code openslo} or {@code sloth} for an SLO read from
     * such a file, else null.
     */
    public record Slo(
            String id,
            String description,
            String sli,
            BigDecimal objective,
            Dur window,
            Pos pos,
            String alert,
            String format) {
        public Slo(String id, String description, String sli, BigDecimal objective, Dur window, Pos pos) {
            this(id, description, sli, objective, window, pos, null, null);
        }
    }

    /** An alert of the monitoring system; {@code runbook} is {@code id} or {@code service/id}. */
    /**
     * An alert: written in service.yaml's {@code alerts:}, read from the service's Prometheus rules
     * ({@code rules}: one alert may have several, each with its own threshold and severity), or both (one
     * alert). {@code severity} is the most severe of its rules' when service.yaml gives none; {@code runbook}
     * is the runbook its rules' {@code runbook_url} leads to when service.yaml names none.
     */
    public record Alert(String name, Ref severity, Ref runbook, Ref slo, Pos pos, List<AlertRule> rules) {
        public Alert(String name, Ref severity, Ref runbook, Ref slo, Pos pos) {
            this(name, severity, runbook, slo, pos, List.of());
        }
    }

    public record Readiness(
            Evidence loadTest,
            Evidence gameDay,
            Evidence backupRestoreTest,
            Rollback rollback,
            Evidence securityReview,
            Deployment deployment) {
        public static final Readiness NONE = new Readiness(null, null, null, null, null, null);
    }

    public record Evidence(LocalDate date, String url, String notes, Pos pos) {}

    public record Rollback(List<String> strategies, LocalDate lastTested, Pos pos) {}

    /** {@code measured}: the day the lead time was last measured, or null where not written. */
    public record Deployment(Boolean automated, String pipeline, Dur leadTime, Pos pos, LocalDate measured) {
        public Deployment(Boolean automated, String pipeline, Dur leadTime, Pos pos) {
            this(automated, pipeline, leadTime, pos, null);
        }
    }

    /**
     * A rule marked not applicable to the service: why, who approved it and until when (both optional; past
     * {@code expires} the rule applies again).
     */
    public record NotApplicable(Ref rule, String reason, Ref approvedBy, java.time.LocalDate expires, Pos pos) {
        public NotApplicable(Ref rule, String reason, Pos pos) {
            this(rule, reason, null, null, pos);
        }

        /** True when the mark still holds on {@code asOf} (through its expiry day, or for good without one). */
        public boolean activeOn(java.time.LocalDate asOf) {
            return expires == null || !expires.isBefore(asOf);
        }
    }
}
