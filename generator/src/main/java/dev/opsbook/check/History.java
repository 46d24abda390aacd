package dev.opsbook.check;

import dev.opsbook.model.Handbook;
import dev.opsbook.model.Incident;
import dev.opsbook.model.Ref;
import dev.opsbook.model.Service;
import dev.opsbook.model.Settings;
import dev.opsbook.rota.OutOfHours;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What happened to a service, as its incident files say: the facts the hand-off rules and the operations page
 * judge. Every window is a run of whole days in the handbook's time zone that ends with the as-of day.
 */
public final class History {
    /** handoff-production-time: the fewest days in production before a hand-off (about six months). */
    public static final int DEFAULT_MIN_DAYS = 180;
    /** handoff-out-of-hours and handoff-major-incidents: how many days back incidents count. */
    public static final int DEFAULT_WINDOW_DAYS = 90;

    public static final int DEFAULT_MAX_OUT_OF_HOURS = 2;
    public static final int DEFAULT_MAX_MAJOR = 1;
    /** handoff-coupling: the most services one may depend on. */
    public static final int DEFAULT_MAX_DEPENDENCIES = 5;
    /** handoff-change-safety: the longest lead time for a change, and the oldest rollback test. */
    public static final Duration DEFAULT_MAX_LEAD_TIME = Duration.ofDays(1);

    public static final int DEFAULT_ROLLBACK_AGE_DAYS = 365;

    private History() {}

    /**
     * One incident of a service: when it started (in the handbook's zone), whether out of hours (as the file says,
     * else outside the service's business hours), whether of the two most severe levels, and the times to detect
     * and to resolve (null where the file does not say).
     */
    public record Occurrence(
            Service service,
            Incident incident,
            ZonedDateTime started,
            boolean outOfHours,
            boolean major,
            Duration toDetect,
            Duration toResolve) {

        /** The day it started, in the handbook's zone. */
        public LocalDate day() {
            return started.toLocalDate();
        }
    }

    /** The incidents of {@code s} that say when they started, oldest first (then by id). */
    public static List<Occurrence> of(Service s, Handbook hb) {
        ZoneId zone = hb.settings().timezone();
        List<Occurrence> out = new ArrayList<>();
        for (Incident i : s.incidents()) {
            if (i.started() == null) {
                continue;
            }
            ZonedDateTime started = i.started().at(zone);
            boolean ooh = OutOfHours.started(s, i, zone);
            out.add(new Occurrence(
                    s,
                    i,
                    started,
                    ooh,
                    major(hb, i.severity()),
                    i.detected() == null
                            ? null
                            : Duration.between(started, i.detected().at(zone)),
                    i.resolved() == null
                            ? null
                            : Duration.between(started, i.resolved().at(zone))));
        }
        out.sort(Comparator.comparing((Occurrence o) -> o.started().toInstant())
                .thenComparing(o -> o.incident().id()));
        return out;
    }

    /** Whether {@code severity} is one of the handbook's two most severe levels (P1 and P2). */
    public static boolean major(Handbook hb, Ref severity) {
        if (severity == null) {
            return false;
        }
        var levels = hb.severities();
        for (int i = 0; i < Math.min(2, levels.size()); i++) {
            if (levels.get(i).id().equals(severity.id())) {
                return true;
            }
        }
        return false;
    }

    /** The first day of a window of {@code days} days that ends with {@code asOf}. */
    public static LocalDate windowStart(LocalDate asOf, int days) {
        return asOf.minusDays(days - 1L);
    }

    /** Whether {@code o} started within the {@code days} days that end with {@code asOf}. */
    public static boolean within(Occurrence o, LocalDate asOf, int days) {
        LocalDate d = o.day();
        return !d.isBefore(windowStart(asOf, days)) && !d.isAfter(asOf);
    }

    /** Days in production on {@code asOf}, or empty when the service does not say since when. */
    public static Optional<Long> daysInProduction(Service s, LocalDate asOf) {
        return Optional.ofNullable(s.productionSince()).map(d -> ChronoUnit.DAYS.between(d, asOf));
    }

    /** The window of a rule's {@code window:} setting in days, else {@link #DEFAULT_WINDOW_DAYS}. */
    public static int windowDays(Optional<Settings.RuleSetting> setting) {
        return setting.map(Settings.RuleSetting::window).map(w -> w.days()).orElse(DEFAULT_WINDOW_DAYS);
    }

    /** Whether the service is operations-managed (else it is its developers'). */
    public static boolean operationsManaged(Service s) {
        return "operations-managed".equals(s.supportModel());
    }

    /**
     * A cycle of {@code dependsOn} through {@code s}: the ids from {@code s} back to it ({@code a, b, a}), the
     * shortest one found breadth first; empty when there is none. Services that do not exist, and a service
     * naming itself, are left out (broken-reference reports both).
     */
    public static List<String> cycle(Service s, Handbook hb) {
        // breadth first from s's dependencies, remembering how each service was reached
        java.util.Map<String, String> from = new java.util.LinkedHashMap<>();
        java.util.ArrayDeque<String> queue = new java.util.ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        for (Ref d : s.dependsOn()) {
            if (!d.id().equals(s.id()) && seen.add(d.id()) && hb.service(d.id()).isPresent()) {
                from.put(d.id(), s.id());
                queue.add(d.id());
            }
        }
        while (!queue.isEmpty()) {
            String id = queue.poll();
            if (id.equals(s.id())) {
                List<String> path = new ArrayList<>();
                String at = from.get(id);
                path.add(s.id());
                while (!at.equals(s.id())) {
                    path.add(0, at);
                    at = from.get(at);
                }
                path.add(0, s.id());
                return List.copyOf(path);
            }
            for (Ref d : hb.service(id).map(Service::dependsOn).orElse(List.of())) {
                if (!d.id().equals(id) && hb.service(d.id()).isPresent() && seen.add(d.id())) {
                    from.put(d.id(), id);
                    queue.add(d.id());
                }
            }
        }
        return List.of();
    }
}
