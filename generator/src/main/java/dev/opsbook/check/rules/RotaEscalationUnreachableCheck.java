package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Rule;
import dev.opsbook.link.ContentPaths;
import dev.opsbook.model.Person;
import dev.opsbook.model.Rota;
import dev.opsbook.model.Service;
import dev.opsbook.model.Team;
import java.util.List;
import java.util.Optional;

/**
 * {@code rota-escalation-unreachable}: an escalation step whose contact cannot be reached: a person with no
 * phone and no email, or a team without an email and none of whose people has either. (A contact that does
 * not exist is a broken reference.)
 */
public final class RotaEscalationUnreachableCheck extends BaseCheck {
    public RotaEscalationUnreachableCheck() {
        super(Rule.ROTA_ESCALATION_UNREACHABLE);
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        if (s.rota() == null) {
            return;
        }
        for (Rota.EscalationStep e : s.rota().escalation()) {
            String id = e.contact().id();
            Optional<Person> p = ctx.handbook().person(id);
            Optional<Team> t = ctx.handbook().team(id);
            if (p.isPresent() && !reachable(p.get())) {
                out.add(Failure.at(
                        e.pos(),
                        "escalation step "
                                + (e.after() == null ? "" : "after " + e.after().text() + " ") + "to "
                                + p.get().name() + " (" + id + ") cannot be reached: no phone, no email",
                        "add `phone:` to " + id + " in "
                                + ContentPaths.team(p.get().team())));
            } else if (p.isEmpty()
                    && t.isPresent()
                    && (t.get().email() == null || t.get().email().isBlank())
                    && t.get().members().stream().noneMatch(RotaEscalationUnreachableCheck::reachable)) {
                out.add(Failure.at(
                        e.pos(),
                        "escalation step "
                                + (e.after() == null ? "" : "after " + e.after().text() + " ") + "to team '" + id
                                + "' cannot be reached: it has no email, and none of its people a phone or email",
                        "add `email:` to " + ContentPaths.team(id) + ", or phones to its people"));
            }
        }
    }

    static boolean reachable(Person p) {
        return p.phone() != null && !p.phone().isBlank()
                || p.email() != null && !p.email().isBlank();
    }

    @Override
    public boolean readsServiceFile() {
        return false;
    }

    @Override
    public List<Input> inputs() {
        return Input.of(Input.ROTA, "escalation");
    }
}
