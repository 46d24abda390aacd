package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.CompletenessCheck;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Level;
import dev.opsbook.finding.Rule;
import dev.opsbook.link.ContentPaths;
import dev.opsbook.model.Service;

/** What every rule has: its id, what it finds, and its default severity. */
abstract class BaseCheck implements CompletenessCheck {
    private final String id;
    private final String description;
    private final Level level;

    /** The rule's default severity is null when it overrides {@link #defaultLevel}. */
    BaseCheck(Rule rule) {
        this.id = rule.id();
        this.description = rule.description();
        this.level = rule.level();
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public Level defaultLevel(Service service) {
        return level;
    }

    /** What a rota's schedule is expanded from ({@code CheckContext.schedule}): the rules that judge it rest on these. */
    static final java.util.List<Input> ROTA_SCHEDULE = Input.of(
            Input.ROTA,
            "timezone",
            "start",
            "rotation",
            "coverage",
            "businessHours",
            "lead",
            "engineer",
            "shadow",
            "layers",
            "holidays",
            "overrides");

    /**
     * A service without the file {@code file} of its folder ({@code what}: "an SLA", say). When the file is
     * there but could not be read, that is the reason, and has its own finding: the failure says so.
     */
    static Failure missing(Service s, CheckContext ctx, String file, String what, String toAdd) {
        String path = ContentPaths.serviceFolder(s.id()) + "/" + file;
        boolean unreadable = ctx.handbook().unreadable(path);
        return Failure.at(
                        s.pos(),
                        "service '" + s.id() + "' has no " + what
                                + (unreadable ? ": its " + file + " could not be read" : ""),
                        unreadable ? "fix the problem reported in " + path : "add " + path + " with " + toAdd)
                .following(unreadable); // one mistake, one finding: the file's own is printed
    }

    /**
     * Whether {@code rule} reports its own failures (opsbook.yaml does not set it off): a hand-off rule that fails
     * only for what such a rule already says fails as its follow-on, so that one mistake is one printed finding.
     */
    static boolean reports(CheckContext ctx, Rule rule) {
        return ctx.setting(rule.id()).map(x -> !"off".equals(x.severity())).orElse(true);
    }

    /**
     * Whether the service marks {@code rule} not applicable, with a reason (not a placeholder's) that holds on the
     * as-of date: what that rule asks for is accepted as absent, so a hand-off rule does not ask for it again.
     */
    static boolean accepted(Service s, CheckContext ctx, Rule rule) {
        return s.notApplicable().stream()
                .anyMatch(n -> n.rule().id().equals(rule.id())
                        && n.activeOn(ctx.asOf())
                        && !dev.opsbook.model.Placeholders.is(n.reason()));
    }
}
