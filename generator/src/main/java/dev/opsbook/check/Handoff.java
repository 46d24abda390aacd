package dev.opsbook.check;

import dev.opsbook.finding.Rule;
import dev.opsbook.model.Service;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a service can change hands: a developer-managed service is ready to be handed to operations when it
 * reaches every level (the hand-off rules are in {@code operations-ready} by default), else held by the rules it
 * fails; an operations-managed service that fails a rule of its record since (too many out-of-hours or P1/P2
 * incidents, an overdue P1/P2 action, a dependency cycle or too many dependencies) is flagged to be handed back
 * to its developers, else kept.
 *
 * @param holds the failing rules behind the verdict, hand-off rules first (none for ready and kept)
 */
public record Handoff(Verdict verdict, List<RuleResult> holds) {

    /** The rules whose failure flags an operations-managed service for hand-back. */
    public static final List<String> HAND_BACK_RULES = List.of(
            Rule.HANDOFF_OUT_OF_HOURS.id(),
            Rule.HANDOFF_MAJOR_INCIDENTS.id(),
            Rule.HANDOFF_OPEN_ACTIONS.id(),
            Rule.HANDOFF_COUPLING.id());

    /** The verdict, as the JSON report writes it ({@link #id}) and the service page says it. */
    public enum Verdict {
        READY("ready", "ready to be handed over to operations"),
        HELD("held", "not ready to be handed over to operations"),
        HAND_BACK("hand-back", "to be handed back to its developers"),
        KEPT("kept", "run by operations, nothing calls for a hand-back");

        private final String id;
        private final String label;

        Verdict(String id, String label) {
            this.id = id;
            this.label = label;
        }

        public String id() {
            return id;
        }

        public String label() {
            return label;
        }
    }

    /** The verdict on {@code service}, whose rules gave {@code results}, against the handbook's {@code levels}. */
    static Handoff of(Service service, List<RuleResult> results, Map<String, List<String>> levels) {
        boolean operations = History.operationsManaged(service);
        Set<String> judged = new LinkedHashSet<>();
        if (operations) {
            judged.addAll(HAND_BACK_RULES);
        } else {
            levels.values().forEach(judged::addAll);
        }
        List<RuleResult> handoff = new ArrayList<>();
        List<RuleResult> other = new ArrayList<>();
        for (RuleResult r : results) {
            if (judged.contains(r.rule()) && !r.status().countsAsPassed()) {
                (r.rule().startsWith("handoff-") ? handoff : other).add(r);
            }
        }
        handoff.addAll(other);
        Verdict v = operations
                ? handoff.isEmpty() ? Verdict.KEPT : Verdict.HAND_BACK
                : handoff.isEmpty() ? Verdict.READY : Verdict.HELD;
        return new Handoff(v, List.copyOf(handoff));
    }

    /** What each hold says: its first finding's message, or the rule's own description. */
    public static String message(RuleResult r) {
        if (!r.findings().isEmpty()) {
            return r.findings().get(0).message()
                    + (r.findings().size() > 1 ? " (and " + (r.findings().size() - 1) + " more)" : "");
        }
        return Rule.of(r.rule()).map(Rule::description).orElse(r.rule());
    }

    /** The one line a service page shows: the verdict and, if it is not ready, what holds it. */
    public String line() {
        if (holds.isEmpty()) {
            return capital(verdict.label());
        }
        List<String> ids = holds.stream().map(RuleResult::rule).toList();
        String named = ids.size() <= 3
                ? String.join(", ", ids)
                : String.join(", ", ids.subList(0, 3)) + " and " + (ids.size() - 3) + " more";
        return capital(verdict.label()) + (verdict == Verdict.HAND_BACK ? ": " : ", held by ") + named;
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
