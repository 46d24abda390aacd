package dev.opsbook.check;

import dev.opsbook.finding.DidYouMean;
import dev.opsbook.finding.Findings;
import dev.opsbook.finding.Rules;
import dev.opsbook.link.ContentLinks;
import dev.opsbook.link.ContentPaths;
import dev.opsbook.link.SitePlan;
import dev.opsbook.model.Action;
import dev.opsbook.model.Guide;
import dev.opsbook.model.Handbook;
import dev.opsbook.model.Incident;
import dev.opsbook.model.Markdown;
import dev.opsbook.model.Person;
import dev.opsbook.model.Pos;
import dev.opsbook.model.Ref;
import dev.opsbook.model.Review;
import dev.opsbook.model.Rota;
import dev.opsbook.model.Runbook;
import dev.opsbook.model.Service;
import dev.opsbook.model.Settings;
import dev.opsbook.model.Severity;
import dev.opsbook.model.Sla;
import dev.opsbook.model.Team;
import dev.opsbook.parallel.Parallel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code broken-reference}: every team, person, service, runbook, severity, alert, SLO, review or
 * incident named anywhere (YAML or Markdown links) must exist. Also {@code unsafe-path} and
 * disallowed link schemes in Markdown, through the same resolver that the renderer uses.
 */
public final class ReferenceCheck {
    private final Handbook hb;
    private final ContentLinks links;
    private final Findings findings;
    private final List<String> teamIds;
    private final List<String> personIds;
    private final List<String> serviceIds;
    private final List<String> severityIds;
    private final Set<String> alertNames;
    /** Whether every service.yaml was read (an unreadable one may define alerts: see Handbook#unreadableTexts). */
    private final boolean allServicesRead;

    public ReferenceCheck(Handbook hb, ContentLinks links, Findings findings) {
        this.hb = hb;
        this.links = links;
        this.findings = findings;
        teamIds = hb.teams().stream().map(Team::id).toList();
        personIds = hb.teams().stream()
                .flatMap(t -> t.members().stream())
                .map(Person::id)
                .toList();
        serviceIds = hb.services().stream().map(Service::id).toList();
        severityIds = hb.severities().stream().map(Severity::id).toList();
        allServicesRead = hb.services().stream().noneMatch(x -> hb.unreadable(ContentPaths.serviceFile(x.id())));
        alertNames = hb.services().stream()
                .flatMap(s -> s.alerts().stream())
                .map(Service.Alert::name)
                .collect(Collectors.toSet());
    }

    /** Checks the services on {@code threads} threads; the findings are the same for any number. */
    public void run(int threads) {
        Settings settings = hb.settings();
        for (Settings.Waiver w : settings.waivers()) {
            person(w.approvedBy(), null);
            if (w.service() != null && !w.service().id().equals("*")) {
                exists(w.service(), serviceIds, "service", null);
            }
        }
        for (Guide g : hb.guides()) {
            markdown(g.body(), g.file(), null);
        }
        aliases();
        try {
            Parallel.map(hb.services(), threads, s -> {
                service(s);
                return Boolean.TRUE;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e); // checking reads no file
        }
    }

    private void service(Service s) {
        String sid = s.id();
        team(s.owner(), sid);
        for (Ref d : s.dependsOn()) {
            if (d.id().equals(sid)) {
                findings.error(
                        Rules.BROKEN_REFERENCE,
                        sid,
                        d.pos(),
                        "service '" + sid + "' depends on itself",
                        "remove it from dependsOn");
            } else {
                exists(d, serviceIds, "service", sid);
            }
        }
        Set<String> slos = s.slos().stream().map(Service.Slo::id).collect(Collectors.toSet());
        for (Service.Alert a : s.alerts()) {
            severity(a.severity(), sid);
            if (!s.keys().refused("slos")) { // an SLO refused by the schema is reported there, not at each alert
                exists(a.slo(), slos, "SLO", sid);
            }
            if (a.runbook() != null && a.rules().isEmpty() && a.runbook().id().contains("://")) {
                findings.error(
                        Rules.SCHEMA,
                        sid,
                        a.runbook().pos(),
                        "alert '" + a.name() + "': runbook takes a runbook's id (or service/id), not an address: '"
                                + a.runbook().id() + "'",
                        "write the id of the runbook (its file name without .md); the address belongs in the alerting"
                                + " rule's runbook_url annotation (opsbook runbook-urls prints it)");
            } else if (a.runbook() != null && hb.runbook(sid, a.runbook().id()).isEmpty()) {
                String id = a.runbook().id();
                String svc = id.contains("/") ? id.substring(0, id.indexOf('/')) : sid;
                String prefix = id.contains("/") ? svc + "/" : "";
                var candidates = hb.service(svc)
                        .map(x ->
                                x.runbooks().stream().map(r -> prefix + r.id()).toList())
                        .orElse(List.of());
                report(a.runbook(), "runbook", candidates, sid, " (in " + ContentPaths.runbooks(svc) + ")");
            }
        }
        if (s.sla() != null) {
            Set<String> seen = new HashSet<>();
            Set<String> written = new HashSet<>();
            s.sla().responseTimes().forEach(t -> written.add(t.severity().id()));
            // the severities the SLA gives no time for: what a key that names no severity was meant to be
            List<String> open =
                    severityIds.stream().filter(id -> !written.contains(id)).toList();
            for (Sla.ResponseTime t : s.sla().responseTimes()) {
                if (!hb.unreadable("severities.yaml")
                        && !severityIds.contains(t.severity().id())) {
                    String near = DidYouMean.closest(t.severity().id(), open);
                    report(
                            t.severity(),
                            "severity",
                            severityIds,
                            sid,
                            "",
                            near != null || open.size() != 1 ? near : open.get(0));
                }
                if (!seen.add(t.severity().id())) {
                    findings.error(
                            Rules.DUPLICATE_ID,
                            sid,
                            t.severity().pos(),
                            "severity '" + t.severity().id() + "' has two response times",
                            "keep one");
                }
            }
        }
        // a rota shared by several services is checked once, with the first of them
        if (s.rota() != null && checkedRotas.add(ContentPaths.rotaFile(s))) {
            Rota r = s.rota();
            for (Rota.Role role : Rota.Role.values()) {
                r.everyone(role).forEach(p -> person(p, sid));
            }
            for (Rota.EscalationStep e : r.escalation()) {
                if (hb.person(e.contact().id()).isEmpty()
                        && hb.team(e.contact().id()).isEmpty()
                        && !hb.unreadable(ContentPaths.TEAMS)) {
                    var all = new ArrayList<>(personIds);
                    all.addAll(teamIds);
                    report(e.contact(), "person or team", all, sid, "");
                }
            }
        }
        s.notApplicable().forEach(n -> person(n.approvedBy(), sid));
        for (Runbook r : s.runbooks()) {
            severity(r.severity(), sid);
            team(r.owner(), sid);
            person(r.reviewedBy(), sid);
            for (Ref a : r.alerts()) {
                // an unreadable service.yaml may define the alert: not when its name is not even written there
                if (allServicesRead || !hb.mayBeUnreadablyDefined(a.id())) {
                    exists(a, alertNames, "alert", sid);
                }
            }
            markdown(r.body(), r.file(), sid);
        }
        for (Guide d : s.documents()) {
            markdown(d.body(), d.file(), sid);
        }
        for (Review rv : s.reviews()) {
            rv.participants().forEach(p -> person(p, sid));
            actions(rv.actions(), sid);
        }
        for (Incident i : s.incidents()) {
            severity(i.severity(), sid);
            cause(i.cause(), sid);
            for (Ref other : i.services()) {
                exists(other, serviceIds, "service", sid);
            }
            person(i.supportLead(), sid);
            person(i.supportEngineer(), sid);
            actions(i.actions(), sid);
            markdown(i.body(), i.pos().file(), sid);
        }
    }

    private final Set<String> checkedRotas = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private void actions(List<Action> actions, String sid) {
        actions.forEach(a -> person(a.owner(), sid));
    }

    /** Each earlier address ({@code aliases:}) is one page's only: not another page's, nor another alias. */
    private void aliases() {
        SitePlan plan = links.plan();
        for (SitePlan.Page p : plan.pages()) {
            for (String alias : SitePlan.aliases(p)) {
                SitePlan.Page there = plan.page(alias).orElseThrow();
                if (there.kind() != SitePlan.Kind.REDIRECT || there.subject() != p) {
                    String file = p.presents().keySet().iterator().next();
                    String other = there.kind() == SitePlan.Kind.REDIRECT
                            ? "an earlier address of "
                                    + there.subject(SitePlan.Page.class).path()
                            : "the page " + there.path();
                    findings.error(
                            Rules.DUPLICATE_ID,
                            p.service() == null ? null : p.service().id(),
                            Pos.file(file),
                            "alias '" + alias + "' is already " + other,
                            "remove the alias or choose another address");
                }
            }
        }
    }

    private void markdown(Markdown body, String file, String sid) {
        for (Markdown.MdLink l : body.links()) {
            if (links.resolve(file, sid, l.url()) instanceof ContentLinks.Problem p
                    && !p.following()
                    && !(p.rule().equals(Rules.BROKEN_REFERENCE) && inUnreadFile(l.url()))) {
                findings.error(p.rule(), sid, l.pos(), p.message(), p.hint());
            }
        }
    }

    /**
     * Whether a short reference names what an unreadable file may define ({@code severity:P2} when
     * severities.yaml does not parse, {@code person:alice} when a team file does not): like the same
     * reference in YAML, it is not reported, so that the one yaml-syntax error is what the reader sees.
     */
    private boolean inUnreadFile(String url) {
        String ref = url.strip().toLowerCase(Locale.ROOT);
        if (ref.startsWith("severity:")) {
            return hb.unreadable("severities.yaml");
        }
        if (ref.startsWith("person:")) {
            return hb.unreadable(ContentPaths.TEAMS);
        }
        if (ref.startsWith("team:")) {
            String id = url.strip().substring("team:".length()).split("#", 2)[0].strip();
            return hb.unreadable(ContentPaths.teamPrefix(id));
        }
        return false;
    }

    private void severity(Ref r, String sid) {
        if (!hb.unreadable("severities.yaml")) {
            exists(r, severityIds, "severity", sid);
        }
    }

    /** An incident's cause: one of {@code causes:} in opsbook.yaml. */
    private void cause(Ref r, String sid) {
        if (r == null || hb.unreadable(ContentPaths.SETTINGS)) {
            return;
        }
        List<String> causes = hb.settings().causes().stream().map(c -> c.id()).toList();
        if (causes.isEmpty()) {
            findings.error(
                    Rules.BROKEN_REFERENCE,
                    sid,
                    r.pos(),
                    "there is no cause '" + r.id() + "': opsbook.yaml defines no causes",
                    "add `causes: [{ id: " + r.id() + ", name: … }]` to opsbook.yaml, the list every incident's"
                            + " cause comes from");
        } else {
            exists(r, causes, "cause", sid);
        }
    }

    private void person(Ref r, String sid) {
        if (!hb.unreadable(ContentPaths.TEAMS)) {
            exists(r, personIds, "person", sid);
        }
    }

    private void team(Ref r, String sid) {
        if (r != null && !hb.unreadable(ContentPaths.teamPrefix(r.id()))) {
            exists(r, teamIds, "team", sid);
        }
    }

    private void exists(Ref r, Collection<String> ids, String kind, String sid) {
        if (r != null && !ids.contains(r.id())) {
            report(r, kind, ids, sid, "");
        }
    }

    private void report(Ref r, String kind, Collection<String> ids, String sid, String where) {
        report(r, kind, ids, sid, where, DidYouMean.closest(r.id(), ids));
    }

    /** Reports a broken reference to one of {@code ids}, suggesting {@code near} (null: nothing). */
    private void report(Ref r, String kind, Collection<String> ids, String sid, String where, String near) {
        findings.error(
                Rules.BROKEN_REFERENCE,
                sid,
                r.pos(),
                "there is no " + kind + " '" + r.id() + "'" + where + DidYouMean.mention(near),
                DidYouMean.changeTo(
                        near,
                        ids.size() <= 8 && !ids.isEmpty()
                                ? "use one of "
                                        + String.join(", ", ids instanceof List<String> l ? l : new TreeSet<>(ids))
                                : "use the id of an existing "
                                        + kind)); // a list keeps its order: severities most severe first
    }
}
