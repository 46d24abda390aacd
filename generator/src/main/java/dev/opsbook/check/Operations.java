package dev.opsbook.check;

import dev.opsbook.model.Action;
import dev.opsbook.model.Handbook;
import dev.opsbook.model.Service;
import dev.opsbook.model.Settings;
import dev.opsbook.model.Severity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The numbers operations lives by, from the incident files: over the twelve calendar months that end with the
 * as-of month (the last one up to the as-of day), in the handbook's time zone, for the handbook and for each
 * service — incidents by severity and month, those that started out of hours, the times to detect and to
 * resolve (median and worst), availability from the time spent in P1/P2 incidents against the SLA, the actions
 * the incidents opened and how many are closed, and the causes ranked by how many incidents they account for.
 *
 * @param from the first day counted
 * @param to the last day counted (the as-of date)
 * @param severities the handbook's severity ids, most severe first (the order of every {@code bySeverity})
 */
public record Operations(
        LocalDate from,
        LocalDate to,
        List<String> severities,
        List<Month> months,
        Figures total,
        List<ServiceFigures> services,
        List<CauseCount> causes,
        int withoutCause) {

    /** One month: incidents by severity (in {@link #severities} order; those of no known severity left out). */
    public record Month(YearMonth month, List<Integer> bySeverity, int incidents, int outOfHours) {}

    /**
     * Figures of a set of incidents; the durations are null where no incident says (no {@code detected:} or no
     * {@code resolved:}).
     */
    public record Figures(
            int incidents,
            List<Integer> bySeverity,
            int outOfHours,
            Duration medianDetect,
            Duration worstDetect,
            Duration medianResolve,
            Duration worstResolve,
            int actions,
            int actionsClosed) {}

    /**
     * A service's figures. {@code availability} is the percentage of the time from {@code since} (the first day
     * counted, or the day it went into production if later) to the end of the as-of day that no P1/P2 incident of
     * the service was open (overlaps counted once; an incident without {@code resolved:} is not counted);
     * {@code sla} is its SLA's availability, or null.
     */
    public record ServiceFigures(
            Service service,
            Figures figures,
            List<Month> months,
            LocalDate since,
            Duration downtime,
            BigDecimal availability,
            BigDecimal sla,
            Handoff handoff) {

        /** Whether the availability is below the SLA's. */
        public boolean belowSla() {
            return sla != null && availability != null && availability.compareTo(sla) < 0;
        }
    }

    /** A cause: how many incidents in the months counted give it, their share of all of them, and which services. */
    public record CauseCount(Settings.Cause cause, int incidents, BigDecimal share, List<String> services) {}

    /** The figures of {@code hb} as of {@code asOf}; {@code assessed} gives each service's hand-off verdict. */
    public static Operations of(Handbook hb, LocalDate asOf, List<ServiceAssessment> assessed) {
        ZoneId zone = hb.settings().timezone();
        YearMonth last = YearMonth.from(asOf);
        LocalDate from = last.minusMonths(11).atDay(1);
        List<String> severities = hb.severities().stream().map(Severity::id).toList();
        List<History.Occurrence> all = new ArrayList<>();
        List<ServiceFigures> services = new ArrayList<>();
        Map<String, Handoff> verdicts = new LinkedHashMap<>();
        assessed.forEach(a -> verdicts.put(a.service().id(), a.handoff()));
        Instant end = asOf.plusDays(1).atStartOfDay(zone).toInstant();
        for (Service s : hb.services()) {
            List<History.Occurrence> counted = History.of(s, hb).stream()
                    .filter(o -> !o.day().isBefore(from) && !o.day().isAfter(asOf))
                    .toList();
            all.addAll(counted);
            LocalDate since =
                    s.productionSince() != null && s.productionSince().isAfter(from) ? s.productionSince() : from;
            Instant start = since.atStartOfDay(zone).toInstant();
            Duration down = downtime(counted, start, end);
            BigDecimal availability = null;
            if (start.isBefore(end)) {
                long total = Duration.between(start, end).getSeconds();
                availability = BigDecimal.valueOf(total - down.getSeconds())
                        .multiply(BigDecimal.valueOf(100))
                        .divide(BigDecimal.valueOf(total), 3, RoundingMode.DOWN);
            }
            services.add(new ServiceFigures(
                    s,
                    figures(counted, severities),
                    months(counted, last, severities),
                    since,
                    down,
                    availability,
                    s.sla() == null ? null : s.sla().availability(),
                    verdicts.get(s.id())));
        }
        List<Month> months = months(all, last, severities);
        List<CauseCount> causes = new ArrayList<>();
        int withoutCause = 0;
        Map<String, List<History.Occurrence>> byCause = new LinkedHashMap<>();
        for (History.Occurrence o : all) {
            var c = o.incident().cause() == null
                    ? null
                    : hb.settings().cause(o.incident().cause().id());
            if (c == null || c.isEmpty()) {
                withoutCause++;
            } else {
                byCause.computeIfAbsent(c.get().id(), k -> new ArrayList<>()).add(o);
            }
        }
        for (Settings.Cause c : hb.settings().causes()) {
            List<History.Occurrence> of = byCause.getOrDefault(c.id(), List.of());
            if (!of.isEmpty()) {
                causes.add(new CauseCount(
                        c,
                        of.size(),
                        BigDecimal.valueOf(of.size() * 100L)
                                .divide(BigDecimal.valueOf(all.size()), 0, RoundingMode.HALF_UP),
                        List.copyOf(new TreeSet<>(
                                of.stream().map(o -> o.service().id()).toList()))));
            }
        }
        causes.sort(Comparator.comparingInt(CauseCount::incidents).reversed()); // stable: ties keep the list's order
        return new Operations(
                from,
                asOf,
                severities,
                months,
                figures(all, severities),
                List.copyOf(services),
                List.copyOf(causes),
                withoutCause);
    }

    /** The twelve months to {@code last}, oldest first, each with its incidents of {@code all}. */
    private static List<Month> months(List<History.Occurrence> all, YearMonth last, List<String> severities) {
        List<Month> months = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            YearMonth ym = last.minusMonths(11 - m);
            List<History.Occurrence> in =
                    all.stream().filter(o -> YearMonth.from(o.day()).equals(ym)).toList();
            months.add(new Month(ym, bySeverity(in, severities), in.size(), (int)
                    in.stream().filter(History.Occurrence::outOfHours).count()));
        }
        return List.copyOf(months);
    }

    private static List<Integer> bySeverity(List<History.Occurrence> in, List<String> severities) {
        List<Integer> counts = new ArrayList<>();
        for (String id : severities) {
            counts.add((int) in.stream()
                    .filter(o -> o.incident().severity() != null
                            && o.incident().severity().id().equals(id))
                    .count());
        }
        return List.copyOf(counts);
    }

    static Figures figures(List<History.Occurrence> in, List<String> severities) {
        List<Duration> detect = in.stream()
                .map(History.Occurrence::toDetect)
                .filter(d -> d != null)
                .sorted()
                .toList();
        List<Duration> resolve = in.stream()
                .map(History.Occurrence::toResolve)
                .filter(d -> d != null)
                .sorted()
                .toList();
        int actions = 0;
        int closed = 0;
        for (History.Occurrence o : in) {
            for (Action a : o.incident().actions()) {
                actions++;
                if (!a.isOpen()) {
                    closed++;
                }
            }
        }
        return new Figures(
                in.size(),
                bySeverity(in, severities),
                (int) in.stream().filter(History.Occurrence::outOfHours).count(),
                median(detect),
                detect.isEmpty() ? null : detect.get(detect.size() - 1),
                median(resolve),
                resolve.isEmpty() ? null : resolve.get(resolve.size() - 1),
                actions,
                closed);
    }

    /** The median of sorted durations: the middle one, or the mean of the two middle ones (to the second). */
    static Duration median(List<Duration> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int n = sorted.size();
        return n % 2 == 1
                ? sorted.get(n / 2)
                : Duration.ofSeconds(
                        (sorted.get(n / 2 - 1).getSeconds() + sorted.get(n / 2).getSeconds()) / 2);
    }

    /** The time between {@code start} and {@code end} within a P1/P2 incident of these (overlaps counted once). */
    static Duration downtime(List<History.Occurrence> in, Instant start, Instant end) {
        List<Instant[]> spans = new ArrayList<>();
        for (History.Occurrence o : in) {
            if (o.major() && o.toResolve() != null) {
                Instant a = o.started().toInstant();
                Instant b = a.plus(o.toResolve());
                if (a.isBefore(start)) {
                    a = start;
                }
                if (b.isAfter(end)) {
                    b = end;
                }
                if (a.isBefore(b)) {
                    spans.add(new Instant[] {a, b});
                }
            }
        }
        spans.sort(Comparator.comparing(x -> x[0]));
        long seconds = 0;
        Instant upTo = null;
        for (Instant[] s : spans) {
            Instant a = upTo != null && s[0].isBefore(upTo) ? upTo : s[0];
            if (a.isBefore(s[1])) {
                seconds += Duration.between(a, s[1]).getSeconds();
                upTo = s[1];
            }
        }
        return Duration.ofSeconds(seconds);
    }
}
