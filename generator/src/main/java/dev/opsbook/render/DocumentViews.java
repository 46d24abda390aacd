package dev.opsbook.render;

import dev.opsbook.link.SitePaths;
import dev.opsbook.link.SitePlan;
import dev.opsbook.link.SitePlan.Kind;
import dev.opsbook.model.Action;
import dev.opsbook.model.Handbook;
import dev.opsbook.model.Incident;
import dev.opsbook.model.Review;
import dev.opsbook.model.Runbook;
import dev.opsbook.model.Service;
import dev.opsbook.render.Views.*;
import dev.opsbook.rota.OutOfHours;
import java.time.Duration;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pages of a service's documents: its runbooks, its operational support reviews, its post-incident
 * reviews; with their Markdown bodies as safe HTML, every link pointed at its page on the site.
 */
final class DocumentViews implements PageFamily {
    private final Handbook hb;
    private final PageLinks links;
    private final MarkdownBodies bodies;
    private final PageRenderer pages;
    private final OnCallViews onCall;

    DocumentViews(Handbook hb, PageLinks links, MarkdownBodies bodies, PageRenderer pages, OnCallViews onCall) {
        this.hb = hb;
        this.links = links;
        this.bodies = bodies;
        this.pages = pages;
        this.onCall = onCall;
    }

    @Override
    public Set<Kind> kinds() {
        return EnumSet.of(Kind.RUNBOOK, Kind.REVIEW, Kind.INCIDENT);
    }

    @Override
    public Rendered view(SitePlan.Page page) {
        Service s = page.service();
        String from = page.path();
        List<LinkView> crumbs = List.of(new LinkView(s.name(), PageLinks.rel(from, SitePaths.service(s.id()))));
        return switch (page.kind()) {
            case RUNBOOK -> new Rendered("runbook.ftlh", crumbs, runbook(s, page.index(), from), onCall.data(s, from));
            case REVIEW -> new Rendered("review.ftlh", crumbs, review(s, page.subject(Review.class), from), null);
            case INCIDENT -> new Rendered(
                    "incident.ftlh", crumbs, incident(s, page.subject(Incident.class), from), null);
            default -> throw new IllegalArgumentException(page.kind().toString());
        };
    }

    /** The on-call box of a runbook page, through the layout's macro (a user's layout.ftlh is used if there is one). */
    private static final String ONCALL_BOX = "<#import \"layout.ftlh\" as layout><@layout.oncall box true/>";
    /** Each box rendered once, by service and folder (as OnCallViews shares the box views). */
    private final Map<String, String> onCallBoxes = new ConcurrentHashMap<>();

    private RunbookView runbook(Service s, int index, String from) {
        Runbook r = s.runbooks().get(index);
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Service", null, links.service(from, s.id())));
        if (r.severity() != null) {
            facts.add(new Fact("Usual severity", null, links.severity(from, r.severity())));
        }
        facts.add(new Fact("Owner", null, links.team(from, r.owner() != null ? r.owner() : s.owner())));
        facts.add(new Fact(
                "Last reviewed",
                r.lastReviewed() == null ? "never" : r.lastReviewed().toString(),
                null));
        if (r.reviewedBy() != null) {
            facts.add(new Fact("Reviewed by", null, links.person(from, r.reviewedBy())));
        }
        if (r.lastExercised() != null) {
            facts.add(new Fact("Last exercised", r.lastExercised().toString(), null));
        }
        if (r.noAlert() != null) {
            facts.add(new Fact("Opened without an alert", r.noAlert(), null));
        }
        List<AlertRef> alerts = new ArrayList<>();
        for (Handbook.AlertSource src : hb.alertsLeadingTo(r)) {
            alerts.add(alertRef(src.service(), src.alert(), from));
        }

        Runbook prev = index > 0 ? s.runbooks().get(index - 1) : null;
        Runbook next = index + 1 < s.runbooks().size() ? s.runbooks().get(index + 1) : null;
        OnCallBox box = onCall.box(s, from).orElse(null);
        String boxHtml = box == null
                ? null
                : onCallBoxes.computeIfAbsent(
                        s.id() + "|" + OnCallViews.folderOf(from), k -> pages.fragment(ONCALL_BOX, Map.of("box", box)));
        return new RunbookView(
                r.title(),
                r.summary(),
                links.service(from, s.id()),
                box,
                boxHtml,
                r.severity() == null
                        ? null
                        : onCall.outOfHoursRoute(
                                s, hb.severity(r.severity().id()).orElse(null)),
                facts,
                alerts,
                r.tags(),
                MarkdownBodies.toc(r.body()),
                bodies.html(r.body(), r.file(), s.id(), from),
                prev == null
                        ? null
                        : new LinkView(prev.title(), PageLinks.rel(from, SitePaths.runbook(s.id(), prev.id()))),
                next == null
                        ? null
                        : new LinkView(next.title(), PageLinks.rel(from, SitePaths.runbook(s.id(), next.id()))),
                r.file());
    }

    private AlertRef alertRef(Service svc, Service.Alert a, String from) {
        return new AlertRef(
                a.name(),
                new LinkView(
                        a.name(),
                        PageLinks.rel(from, SitePaths.service(svc.id()) + "#" + SitePaths.alertAnchor(a.name()))),
                links.severity(from, a.severity()),
                a.rules().stream()
                        .map(r -> RuleView.of(r, links.severity(from, r.severity())))
                        .toList());
    }

    private ReviewView review(Service s, Review r, String from) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Service", null, links.service(from, s.id())));
        if (r.story() != null) {
            facts.add(new Fact(
                    "Story",
                    r.storyUrl() == null ? r.story() : null,
                    r.storyUrl() == null ? null : new LinkView(r.story(), r.storyUrl())));
        }
        facts.add(new Fact("Review held", PageLinks.text(r.date()), null));
        facts.add(new Fact(
                "Story committed",
                r.committed() == null ? "not yet" : r.committed().toString(),
                null));
        facts.add(new Fact("Outcome", r.outcome(), null));
        List<AnswerView> answers = new ArrayList<>();
        for (Review.Question question : Review.Question.values()) {
            String q = question.key();
            var a = r.answers().stream().filter(x -> x.question().equals(q)).findFirst();
            answers.add(new AnswerView(
                    question.text(),
                    a.map(Review.Answer::answer).orElse("not answered"),
                    a.map(Review.Answer::notes).orElse(null)));
        }
        return new ReviewView(
                r.title(),
                links.service(from, s.id()),
                facts,
                r.participants().stream().map(p -> links.person(from, p)).toList(),
                answers,
                r.enablerStories(),
                actions(r.actions(), from),
                r.pos().file());
    }

    private List<ActionView> actions(List<Action> actions, String from) {
        return actions.stream()
                .map(a -> new ActionView(
                        a.description(), links.person(from, a.owner()), PageLinks.text(a.due()), a.status()))
                .toList();
    }

    private static final java.time.format.DateTimeFormatter READABLE =
            java.time.format.DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    /** A date-time as a reader takes it in, in {@code zone}; null stays null. */
    static String readable(dev.opsbook.model.When w, java.time.ZoneId zone) {
        return w == null ? null : READABLE.format(w.at(zone)) + " (" + zone.getId() + ")";
    }

    private IncidentView incident(Service s, Incident i, String from) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Service", null, links.service(from, s.id())));
        if (i.severity() != null) {
            facts.add(new Fact("Severity", null, links.severity(from, i.severity())));
        }
        var zone = hb.settings().timezone();
        // in the handbook's zone, as people read a clock: "Thu 3 Sep 2026, 03:14 (Europe/London)"
        facts.add(new Fact("Started", readable(i.started(), zone), null));
        facts.add(new Fact("Detected", readable(i.detected(), zone), null));
        facts.add(new Fact("Resolved", i.resolved() == null ? "not yet" : readable(i.resolved(), zone), null));
        if (i.started() != null && i.detected() != null) {
            facts.add(new Fact(
                    "Time to detect",
                    Formats.span(
                            Duration.between(i.started().at(zone), i.detected().at(zone))),
                    null));
        }
        if (i.started() != null && i.resolved() != null) {
            facts.add(new Fact(
                    "Time to resolve",
                    Formats.span(
                            Duration.between(i.started().at(zone), i.resolved().at(zone))),
                    null));
        }
        if (i.started() != null) {
            var local = OutOfHours.local(s, i.started(), zone);
            facts.add(new Fact(
                    "Started out of hours",
                    (OutOfHours.started(s, i, zone) ? "yes" : "no")
                            + (i.outOfHours() != null ? ", as the review says" : "")
                            + " ("
                            + local.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " "
                            + local.toLocalTime() + " " + local.getZone().getId() + ")",
                    null));
        }
        if (i.resolution() != null) {
            facts.add(new Fact("Resolution", i.resolution().label(), null));
        }
        if (i.supportLead() != null) {
            facts.add(new Fact("Support Lead", null, links.person(from, i.supportLead())));
        }
        if (i.supportEngineer() != null) {
            facts.add(new Fact("Support Engineer", null, links.person(from, i.supportEngineer())));
        }
        return new IncidentView(
                i.title(),
                links.service(from, s.id()),
                facts,
                i.services().stream().map(o -> links.service(from, o.id())).toList(),
                actions(i.actions(), from),
                MarkdownBodies.toc(i.body()),
                bodies.html(i.body(), i.pos().file(), s.id(), from),
                i.pos().file());
    }
}
