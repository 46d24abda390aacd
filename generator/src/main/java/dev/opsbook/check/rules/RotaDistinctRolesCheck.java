package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Rule;
import dev.opsbook.link.ContentPaths;
import dev.opsbook.model.Rota;
import dev.opsbook.model.Service;
import dev.opsbook.rota.Duty;
import dev.opsbook.rota.RotaSchedule;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code rota-distinct-roles}: The same person is Support Lead and Support Engineer at the same time (overrides,
 * holiday cover and every layer included), or a Shadow while holding one of them.
 */
public final class RotaDistinctRolesCheck extends BaseCheck {
    public RotaDistinctRolesCheck() {
        super(Rule.ROTA_DISTINCT_ROLES);
    }

    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        ctx.schedule(s).ifPresent(schedule -> {
            overlaps(s, schedule, schedule.leads(), schedule.engineers(), out);
            // a shadow learns from the people on duty: never one of them at the same time
            overlaps(s, schedule, schedule.shadows(), schedule.leads(), out);
            overlaps(s, schedule, schedule.shadows(), schedule.engineers(), out);
        });
    }

    /** Every span where one person holds a duty of {@code firsts} and one of {@code seconds} at once. */
    private static void overlaps(
            Service s, RotaSchedule schedule, List<Duty> firsts, List<Duty> seconds, List<Failure> out) {
        if (firsts.isEmpty() || seconds.isEmpty()) {
            return;
        }
        // each person's duties of the second role by start: a duty is compared with the few that can overlap
        // it, not with every other duty (an hourly rota two years ahead has 17,000 of each)
        Map<String, List<Integer>> byPerson = new HashMap<>();
        for (int i = 0; i < seconds.size(); i++) {
            byPerson.computeIfAbsent(seconds.get(i).person(), p -> new ArrayList<>())
                    .add(i);
        }
        Comparator<Integer> byStart = Comparator.comparingLong(
                        (Integer i) -> seconds.get(i).fromSecond())
                .thenComparing(i -> i);
        Map<String, Long> longest = new HashMap<>();
        byPerson.forEach((person, indices) -> {
            indices.sort(byStart);
            longest.put(
                    person,
                    indices.stream()
                            .mapToLong(i ->
                                    seconds.get(i).toSecond() - seconds.get(i).fromSecond())
                            .max()
                            .orElse(0));
        });
        for (Duty first : firsts) {
            List<Integer> same = byPerson.getOrDefault(first.person(), List.of());
            if (same.isEmpty()) {
                continue;
            }
            // a duty that overlaps this one starts after first.from - (its person's longest duty)
            long earliest = first.fromSecond() - longest.get(first.person());
            int lo = 0;
            int hi = same.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (seconds.get(same.get(mid)).fromSecond() < earliest) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            List<Integer> overlapping = new ArrayList<>();
            for (int k = lo; k < same.size() && seconds.get(same.get(k)).fromSecond() < first.toSecond(); k++) {
                overlapping.add(same.get(k));
            }
            overlapping.sort(null); // in the order of the second role's duties, as the findings always were
            for (int i : overlapping) {
                report(s, schedule, first, seconds.get(i), out);
            }
        }
    }

    private static void report(Service s, RotaSchedule schedule, Duty a, Duty b, List<Failure> out) {
        if (Math.max(a.fromSecond(), b.fromSecond()) >= Math.min(a.toSecond(), b.toSecond())) {
            return; // they do not overlap: the common case, decided without making dates
        }
        ZonedDateTime from = a.from().isAfter(b.from()) ? a.from() : b.from();
        ZonedDateTime to = a.to().isBefore(b.to()) ? a.to() : b.to();
        if (!from.isBefore(to) || !to.isAfter(schedule.windowStart()) || !from.isBefore(schedule.windowEnd())) {
            return;
        }
        // point at what causes it: an override if one is involved, else holiday cover, else the shadow, else the
        // later role's list entry
        Duty cause = b.override()
                ? b
                : a.override()
                        ? a
                        : b.holiday() != null ? b : a.holiday() != null ? a : a.role() == Rota.Role.SHADOW ? a : b;
        String layer = b.layer() != null ? b.layer() : a.layer();
        ZonedDateTime f = from.withZoneSameInstant(schedule.zone());
        ZonedDateTime t = to.withZoneSameInstant(schedule.zone());
        out.add(Failure.at(
                cause.source(),
                a.person() + " is " + a.role().label() + " and " + b.role().label() + " from " + LOCAL.format(f)
                        + " to " + LOCAL.format(t)
                        + (layer != null
                                ? " (layer '" + layer + "', " + schedule.zone().getId() + ")"
                                : "")
                        + (cause.holiday() != null ? ", as cover for " + cause.holiday() : ""),
                (cause.override()
                                ? "change the override so that someone else covers the "
                                        + cause.role().id()
                                : cause.holiday() != null
                                        ? "name someone else as holiday cover"
                                        : "reorder the " + a.role().id() + ": and "
                                                + b.role().id()
                                                + ": lists (or add people) so that " + a.person()
                                                + " never holds both roles in one shift")
                        + ", in " + ContentPaths.rotaFile(s)));
    }

    @Override
    public boolean readsServiceFile() {
        return false;
    }

    @Override
    public List<Input> inputs() {
        return ROTA_SCHEDULE;
    }
}
