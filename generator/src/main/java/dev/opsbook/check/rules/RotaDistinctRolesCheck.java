package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Rule;
import dev.opsbook.link.ContentPaths;
import dev.opsbook.model.Service;
import dev.opsbook.rota.Duty;
import dev.opsbook.rota.RotaSchedule;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code rota-distinct-roles}: The same person is Support Lead and Support Engineer at the same time (overrides included). */
public final class RotaDistinctRolesCheck extends BaseCheck {
    public RotaDistinctRolesCheck() {
        super(Rule.ROTA_DISTINCT_ROLES);
    }

    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        ctx.schedule(s).ifPresent(schedule -> {
            // each person's engineer duties by start: a lead duty is compared with the few that can overlap it,
            // not with every engineer duty (an hourly rota two years ahead has 17,000 of each)
            Map<String, List<Integer>> byPerson = new HashMap<>();
            List<Duty> engineers = schedule.engineers();
            for (int i = 0; i < engineers.size(); i++) {
                byPerson.computeIfAbsent(engineers.get(i).person(), p -> new ArrayList<>())
                        .add(i);
            }
            Comparator<Integer> byStart =
                    Comparator.comparing((Integer i) -> engineers.get(i).from()).thenComparing(i -> i);
            Map<String, Duration> longest = new HashMap<>();
            byPerson.forEach((person, indices) -> {
                indices.sort(byStart);
                longest.put(
                        person,
                        indices.stream()
                                .map(i -> Duration.between(
                                        engineers.get(i).from(),
                                        engineers.get(i).to()))
                                .max(Comparator.naturalOrder())
                                .orElse(Duration.ZERO));
            });
            for (Duty lead : schedule.leads()) {
                List<Integer> same = byPerson.getOrDefault(lead.person(), List.of());
                if (same.isEmpty()) {
                    continue;
                }
                // an engineer duty that overlaps this one starts after lead.from - (its person's longest duty)
                ZonedDateTime earliest = lead.from().minus(longest.get(lead.person()));
                int lo = 0;
                int hi = same.size();
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (engineers.get(same.get(mid)).from().isBefore(earliest)) {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                List<Integer> overlapping = new ArrayList<>();
                for (int k = lo;
                        k < same.size() && engineers.get(same.get(k)).from().isBefore(lead.to());
                        k++) {
                    overlapping.add(same.get(k));
                }
                overlapping.sort(null); // in the order of the engineer duties, as the findings always were
                for (int i : overlapping) {
                    report(s, schedule, lead, engineers.get(i), out);
                }
            }
        });
    }

    private static void report(Service s, RotaSchedule schedule, Duty lead, Duty eng, List<Failure> out) {
        ZonedDateTime from = lead.from().isAfter(eng.from()) ? lead.from() : eng.from();
        ZonedDateTime to = lead.to().isBefore(eng.to()) ? lead.to() : eng.to();
        if (!from.isBefore(to) || !to.isAfter(schedule.windowStart()) || !from.isBefore(schedule.windowEnd())) {
            return;
        }
        // point at what causes it: an override if one is involved, else the engineer list entry
        Duty cause = eng.override() ? eng : lead.override() ? lead : eng;
        out.add(Failure.at(
                cause.source(),
                lead.person() + " is Support Lead and Support Engineer from " + LOCAL.format(from) + " to "
                        + LOCAL.format(to),
                (cause.override()
                                ? "change the override so that someone else covers the "
                                        + cause.role().id()
                                : "reorder the lead: and engineer: lists (or add people) so that " + lead.person()
                                        + " never holds both roles in one shift")
                        + ", in " + ContentPaths.rota(s.id())));
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
