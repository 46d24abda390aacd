package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Rule;
import dev.opsbook.link.ContentPaths;
import dev.opsbook.model.Ref;
import dev.opsbook.model.Rota;
import dev.opsbook.model.Service;
import java.util.List;

/** {@code rota-min-members}: Fewer than 2 people in a role. */
public final class RotaMinMembersCheck extends BaseCheck {
    public RotaMinMembersCheck() {
        super(Rule.ROTA_MIN_MEMBERS);
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        Rota r = s.rota();
        if (r == null) {
            return;
        }
        for (Rota.Layer layer : r.layers()) {
            for (Rota.Role role : Rota.Role.ON_DUTY) {
                check(s, layer, role, layer.people(role), out);
            }
        }
    }

    private static void check(Service s, Rota.Layer layer, Rota.Role role, List<Ref> people, List<Failure> out) {
        long distinct = people.stream().map(Ref::id).distinct().count();
        if (distinct < 2) {
            out.add(Failure.at(
                    people.isEmpty()
                            ? layer.keys().at(role.id())
                            : people.get(0).pos(),
                    "the "
                            + role.label() + " role" + (layer.name() == null ? "" : " of layer '" + layer.name() + "'")
                            + " has " + distinct + (distinct == 1 ? " person" : " people")
                            + "; nobody can take over",
                    "add at least one more person to `" + role.id() + ":` in " + ContentPaths.rotaFile(s)));
        }
    }

    @Override
    public boolean readsServiceFile() {
        return false;
    }

    @Override
    public List<Input> inputs() {
        return Input.of(Input.ROTA, "lead", "engineer", "layers");
    }
}
