package dev.opsbook.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The whole loaded handbook, with lookups by id. Lists are sorted by id, so that everything built
 * from a handbook is in a stable order.
 *
 * @param files  every content file that was read or copied, relative to the content root, sorted
 * @param assets the files that are copied to the site as they are (images, PDFs …), sorted
 * @param unreadable the content files that could not be parsed (each is a finding already); what
 *                   they would have defined is unknown, so references to it are not reported again
 * @param secrets    what looks like a credential, in any content file (masked)
 * @param unplacedAlerts alerts of rule files that belong to no service of this handbook (their runbook_url
 *                   leads to no runbook, and nothing else names their service): checked, not published
 * @param unreadableTexts the text of each YAML file that could not be parsed: a name that is not written in
 *                   one cannot be defined there, so a reference to it is reported although a file is unreadable
 */
public record Handbook(
        Settings settings,
        List<Severity> severities,
        List<Team> teams,
        List<Guide> guides,
        List<Service> services,
        Set<String> files,
        List<String> assets,
        Set<String> unreadable,
        List<Secret> secrets,
        List<Service.Alert> unplacedAlerts,
        List<String> unreadableTexts,
        Index index) {

    public Handbook(
            Settings settings,
            List<Severity> severities,
            List<Team> teams,
            List<Guide> guides,
            List<Service> services,
            Set<String> files,
            List<String> assets,
            Set<String> unreadable,
            List<Secret> secrets) {
        this(settings, severities, teams, guides, services, files, assets, unreadable, secrets, List.of(), List.of());
    }

    public Handbook(
            Settings settings,
            List<Severity> severities,
            List<Team> teams,
            List<Guide> guides,
            List<Service> services,
            Set<String> files,
            List<String> assets,
            Set<String> unreadable,
            List<Secret> secrets,
            List<Service.Alert> unplacedAlerts,
            List<String> unreadableTexts) {
        this(
                settings,
                List.copyOf(severities),
                List.copyOf(teams),
                List.copyOf(guides),
                List.copyOf(services),
                Set.copyOf(files),
                List.copyOf(assets),
                Set.copyOf(unreadable),
                List.copyOf(secrets),
                List.copyOf(unplacedAlerts),
                List.copyOf(unreadableTexts),
                new Index(severities, teams, services));
    }

    /** Whether {@code name} is written in a YAML file that could not be parsed (and so may be defined there). */
    public boolean mayBeUnreadablyDefined(String name) {
        return unreadableTexts.stream().anyMatch(t -> t.contains(name));
    }

    /** True when a file whose path starts with {@code prefix} could not be parsed. */
    public boolean unreadable(String prefix) {
        return !unreadable.isEmpty() && unreadable.stream().anyMatch(f -> f.startsWith(prefix));
    }

    public Optional<Service> service(String id) {
        return Optional.ofNullable(index.services.get(id));
    }

    public Optional<Team> team(String id) {
        return Optional.ofNullable(index.teams.get(id));
    }

    public Optional<Person> person(String id) {
        return Optional.ofNullable(index.people.get(id));
    }

    /** A guide by id (its path below guides/ without .md). */
    public Optional<Guide> guide(String id) {
        return guides.stream().filter(g -> g.id().equals(id)).findFirst();
    }

    public Optional<Severity> severity(String id) {
        return Optional.ofNullable(index.severities.get(id));
    }

    /** A runbook by {@code id} in {@code fromService}, or by {@code service/id}. */
    public Optional<Runbook> runbook(String fromService, String ref) {
        int slash = ref.indexOf('/');
        String serviceId = slash < 0 ? fromService : ref.substring(0, slash);
        Map<String, Runbook> of = serviceId == null ? null : index.runbooks.get(serviceId);
        return of == null ? Optional.empty() : Optional.ofNullable(of.get(slash < 0 ? ref : ref.substring(slash + 1)));
    }

    /** This handbook with {@code runbook} in place of the runbook of the same service and id. */
    public Handbook withRunbook(Runbook runbook) {
        List<Service> out = new ArrayList<>(services.size());
        for (Service s : services) {
            if (!s.id().equals(runbook.service())) {
                out.add(s);
                continue;
            }
            List<Runbook> rbs = new ArrayList<>(s.runbooks());
            rbs.replaceAll(r -> r.id().equals(runbook.id()) ? runbook : r);
            out.add(s.withRunbooks(rbs));
        }
        return with(severities, teams, out);
    }

    /** This handbook with {@code team} in place of the team of the same id. */
    public Handbook withTeam(Team team) {
        List<Team> out = new ArrayList<>(teams);
        out.replaceAll(t -> t.id().equals(team.id()) ? team : t);
        return with(severities, out, services);
    }

    /** This handbook with {@code service} in place of the service of the same id. */
    public Handbook withService(Service service) {
        List<Service> out = new ArrayList<>(services);
        out.replaceAll(s -> s.id().equals(service.id()) ? service : s);
        return with(severities, teams, out);
    }

    /** This handbook with other severity levels. */
    public Handbook withSeverities(List<Severity> levels) {
        return with(levels, teams, services);
    }

    /** This handbook with other severities, teams or services (the index made again for them). */
    private Handbook with(List<Severity> severities, List<Team> teams, List<Service> services) {
        return new Handbook(
                settings,
                severities,
                teams,
                guides,
                services,
                files,
                assets,
                unreadable,
                secrets,
                unplacedAlerts,
                unreadableTexts);
    }

    /** An alert and the service it belongs to. */
    public record AlertSource(Service service, Service.Alert alert) {}

    /**
     * The alerts that lead to {@code runbook}: those whose {@code runbook:} names it, and those its front
     * matter lists under {@code alerts:} (both sides of one relation).
     */
    public List<AlertSource> alertsLeadingTo(Runbook runbook) {
        return index.leadingTo.getOrDefault(runbook, List.of());
    }

    /** True when some runbook's front matter lists {@code alert} as leading to it. */
    public boolean namedByARunbook(Service.Alert alert) {
        return index.named.contains(alert);
    }

    /** A review by {@code service/id} (or {@code id} in {@code fromService}). */
    public Optional<Review> review(String fromService, String ref) {
        return find(fromService, ref, Service::reviews, Review::id);
    }

    /** An incident by {@code service/id} (or {@code id} in {@code fromService}). */
    public Optional<Incident> incident(String fromService, String ref) {
        return find(fromService, ref, Service::incidents, Incident::id);
    }

    private <T> Optional<T> find(
            String fromService, String ref, Function<Service, List<T>> items, Function<T, String> id) {
        int slash = ref.indexOf('/');
        String serviceId = slash < 0 ? fromService : ref.substring(0, slash);
        String itemId = slash < 0 ? ref : ref.substring(slash + 1);
        return serviceId == null
                ? Optional.empty()
                : service(serviceId).flatMap(s -> items.apply(s).stream()
                        .filter(x -> id.apply(x).equals(itemId))
                        .findFirst());
    }

    /** The maps behind the lookups; the first of two equal ids wins (the second is a finding). */
    public static final class Index {
        private final Map<String, Severity> severities = new LinkedHashMap<>();
        private final Map<String, Team> teams = new LinkedHashMap<>();
        private final Map<String, Person> people = new LinkedHashMap<>();
        private final Map<String, Service> services = new LinkedHashMap<>();
        private final Map<String, Map<String, Runbook>> runbooks = new HashMap<>();
        private final Map<Runbook, List<AlertSource>> leadingTo = new IdentityHashMap<>();
        private final Set<Service.Alert> named = Collections.newSetFromMap(new IdentityHashMap<>());

        Index(List<Severity> severities, List<Team> teams, List<Service> services) {
            severities.forEach(s -> this.severities.putIfAbsent(s.id(), s));
            for (Team t : teams) {
                this.teams.putIfAbsent(t.id(), t);
                t.members().forEach(p -> people.putIfAbsent(p.id(), p));
            }
            for (Service s : services) {
                this.services.putIfAbsent(s.id(), s);
                Map<String, Runbook> of = new HashMap<>();
                s.runbooks().forEach(r -> of.putIfAbsent(r.id(), r));
                runbooks.putIfAbsent(s.id(), of);
            }
            // which alerts lead to which runbook: once, instead of a search per runbook
            for (Service s : services) {
                for (Service.Alert a : s.alerts()) {
                    if (a.runbook() == null) {
                        continue;
                    }
                    String ref = a.runbook().id();
                    int slash = ref.indexOf('/');
                    Map<String, Runbook> of = runbooks.get(slash < 0 ? s.id() : ref.substring(0, slash));
                    Runbook target = of == null ? null : of.get(slash < 0 ? ref : ref.substring(slash + 1));
                    if (target != null) {
                        leadingTo
                                .computeIfAbsent(target, k -> new ArrayList<>())
                                .add(new AlertSource(s, a));
                    }
                }
            }
            // a runbook's front matter names the alerts that lead to it: the alert of its own service
            // first, else one of that name in another service
            Map<String, AlertSource> byName = new HashMap<>();
            for (Service s : services) {
                s.alerts().forEach(a -> byName.putIfAbsent(a.name(), new AlertSource(s, a)));
            }
            for (Service s : services) {
                for (Runbook r : s.runbooks()) {
                    for (Ref ref : r.alerts()) {
                        AlertSource src = s.alerts().stream()
                                .filter(a -> a.name().equals(ref.id()))
                                .findFirst()
                                .map(a -> new AlertSource(s, a))
                                .orElse(byName.get(ref.id()));
                        if (src == null) {
                            continue;
                        }
                        named.add(src.alert());
                        List<AlertSource> of = leadingTo.computeIfAbsent(r, k -> new ArrayList<>());
                        if (of.stream().noneMatch(x -> x.alert() == src.alert())) {
                            of.add(src);
                        }
                    }
                }
            }
        }

        @Override
        public boolean equals(Object o) {
            return o == this;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}
