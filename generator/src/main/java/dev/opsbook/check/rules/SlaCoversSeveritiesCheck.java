package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Rule;
import dev.opsbook.link.ContentPaths;
import dev.opsbook.model.Service;
import dev.opsbook.model.Severity;
import java.util.List;

/** {@code sla-covers-severities}: An SLA without response times for every severity. */
public final class SlaCoversSeveritiesCheck extends BaseCheck {
    public SlaCoversSeveritiesCheck() {
        super(Rule.SLA_COVERS_SEVERITIES);
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        if (s.sla() == null) {
            return;
        }
        List<String> missing = ctx.handbook().severities().stream()
                .map(Severity::id)
                .filter(id -> s.sla().responseTimes().stream()
                        .noneMatch(t -> t.severity().id().equals(id)))
                .toList();
        if (!missing.isEmpty()) {
            out.add(Failure.at(
                            s.sla().keys().at("responseTimes"),
                            "the SLA has no response times for " + String.join(", ", missing),
                            "add `" + missing.get(0)
                                    + ": { acknowledge: …, resolve: … }` (and the others) under responseTimes: in "
                                    + ContentPaths.sla(s.id()))
                    // written, but refused (not a mapping): its schema finding says so
                    .following(followsOn(s, ctx, missing)));
        }
    }

    /**
     * Whether the missing response times are accounted for by findings printed already: written but refused
     * (not a mapping), or written under a key that names no severity ({@code SEV4:} for {@code P4:}, a broken
     * reference, did you mean 'P4'?), one such key for each.
     */
    private static boolean followsOn(Service s, CheckContext ctx, List<String> missing) {
        long unaccounted = missing.stream()
                .filter(id -> !s.sla().keys().refused("responseTimes." + id))
                .count();
        long misnamed = s.sla().responseTimes().stream()
                .filter(t -> ctx.handbook().severity(t.severity().id()).isEmpty())
                .count();
        return unaccounted <= misnamed;
    }

    @Override
    public boolean readsServiceFile() {
        return false;
    }

    @Override
    public List<Input> inputs() {
        return List.of(new Input(Input.SLA, null));
    }
}
