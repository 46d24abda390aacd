package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Rule;
import dev.opsbook.link.ContentPaths;
import dev.opsbook.model.Person;
import dev.opsbook.model.Ref;
import dev.opsbook.model.Rota;
import dev.opsbook.model.Service;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code rota-no-phone}: someone the rota of a 24x7 or tier 1 service can put on duty (in a role or by an
 * override) who has no phone number in their team file: at 03:00 nobody can call them. One finding a person,
 * where the rota first names them.
 */
public final class RotaNoPhoneCheck extends BaseCheck {
    public RotaNoPhoneCheck() {
        super(Rule.ROTA_NO_PHONE);
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        Rota r = s.rota();
        boolean demanding = r != null && ("24x7".equals(r.coverage()) || s.tier() != null && s.tier() == 1);
        if (!demanding) {
            return;
        }
        Map<String, String> roles = new LinkedHashMap<>();
        Map<String, Ref> first = new LinkedHashMap<>();
        // in every layer, as holiday cover, or by an override
        for (Rota.Role role : Rota.Role.ON_DUTY) {
            for (Ref p : r.everyone(role)) {
                roles.merge(p.id(), role.label(), (a, b) -> a.contains(b) ? a : a + " and " + b);
                first.putIfAbsent(p.id(), p);
            }
        }
        first.forEach((id, ref) -> {
            Optional<Person> p = ctx.handbook().person(id);
            if (p.isPresent() && (p.get().phone() == null || p.get().phone().isBlank())) {
                out.add(Failure.at(
                        ref.pos(),
                        p.get().name() + " (" + id + ") can be on duty as " + roles.get(id) + " for '" + s.id() + "' ("
                                + ("24x7".equals(r.coverage()) ? "24x7" : "tier 1") + ") but has no phone number",
                        "add `phone:` to " + id + " in "
                                + ContentPaths.team(p.get().team())));
            }
        });
    }

    @Override
    public boolean readsServiceFile() {
        return false;
    }

    @Override
    public List<Input> inputs() {
        return Input.of(Input.ROTA, "lead", "engineer", "overrides", "coverage", "layers", "holidays");
    }
}
