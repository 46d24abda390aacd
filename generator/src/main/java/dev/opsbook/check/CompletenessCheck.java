package dev.opsbook.check;

import dev.opsbook.finding.Level;
import dev.opsbook.model.Service;
import java.util.List;

/**
 * One completeness rule of checks.md. Implementations are small, pure and named after their id
 * ({@code RotaDistinctRolesCheck} for {@code rota-distinct-roles}). A rule reports failures; the
 * runner ({@link Completeness}) applies severity settings, waivers and not-applicable marks.
 */
public interface CompletenessCheck {
    /** The stable rule id. */
    String id();

    /** What the rule finds, in one line (report and SARIF rule metadata). */
    String description();

    /** The severity of a failure when opsbook.yaml does not set one; may depend on the service. */
    Level defaultLevel(Service service);

    /** Adds the failures of {@code service}. */
    default void check(Service service, CheckContext ctx, List<Failure> out) {}

    /** Adds failures that belong to no service (e.g. a waiver for every service). */
    default void checkHandbook(CheckContext ctx, List<Failure> out) {}

    /**
     * Whether the verdict rests on the service's service.yaml: its SLOs, alerts, telemetry or readiness
     * evidence, or its tier and lifecycle, which set the rule's severity. When that file cannot be read,
     * such a rule is not checked (see {@link Completeness}). Rules that read only other files (the rota,
     * runbooks, reviews, incidents, the SLA) say false.
     */
    default boolean readsServiceFile() {
        return true;
    }

    /**
     * The keys of the service's files that the verdict rests on. When one of them could not be taken as
     * written (its value, or a part of it, was refused; it is written twice, misspelled, or required and
     * missing), or its file could not be read, the rule is not checked: it fails, as a follow-on of the
     * finding that says what to fix, rather than pass (or fail) on what could not be read.
     */
    default List<Input> inputs() {
        return List.of();
    }

    /**
     * A key of one of a service's files ({@code file} is {@code service.yaml}, {@code sla.yaml} or {@code
     * rota.yaml}), or the file as a whole ({@code key} null: only whether it could be read).
     */
    record Input(String file, String key) {
        public static final String SERVICE = "service.yaml";
        public static final String SLA = "sla.yaml";
        public static final String ROTA = "rota.yaml";

        public static List<Input> of(String file, String... keys) {
            return java.util.Arrays.stream(keys).map(k -> new Input(file, k)).toList();
        }
    }
}
