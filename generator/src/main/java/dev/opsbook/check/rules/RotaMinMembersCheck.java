package dev.opsbook.check.rules;

import dev.opsbook.link.ContentPaths;
import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Level;
import dev.opsbook.model.Service;
import java.util.List;
import dev.opsbook.model.Ref;
import dev.opsbook.model.Rota;
/** {@code rota-min-members}: Fewer than 2 people in a role. */
public final class RotaMinMembersCheck extends BaseCheck {
    public RotaMinMembersCheck() {
        super("rota-min-members", "Fewer than 2 people in a role", Level.WARNING);
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        Rota r = s.rota();
        if (r == null) {
            return;
        }
        check(s, r, "lead", r.lead(), out);
        check(s, r, "engineer", r.engineer(), out);
    }

    private static void check(Service s, Rota r, String role, List<Ref> people, List<Failure> out) {
        long distinct = people.stream().map(Ref::id).distinct().count();
        if (distinct < 2) {
            out.add(Failure.at(people.isEmpty() ? r.keys().at(role) : people.get(0).pos(), "the Support "
                            + RotaCoverageGapCheck.title(role) + " role has " + distinct + (distinct == 1 ? " person" : " people")
                            + "; nobody can take over",
                    "add at least one more person to `" + role + ":` in " + ContentPaths.rota(s.id()))
                    .following(r.keys().refused(role)));
        }
    }

    @Override
    public boolean readsServiceFile() {
        return false;
    }
}
