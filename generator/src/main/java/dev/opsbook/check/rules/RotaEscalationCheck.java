package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Rule;
import dev.opsbook.link.ContentPaths;
import dev.opsbook.model.Service;
import java.util.List;

/** {@code rota-escalation}: A rota with no escalation step. */
public final class RotaEscalationCheck extends BaseCheck {
    public RotaEscalationCheck() {
        super(Rule.ROTA_ESCALATION);
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        if (s.rota() != null && s.rota().escalation().isEmpty()) {
            out.add(Failure.at(
                    s.rota().keys().at("escalation"),
                    "the rota has no escalation step",
                    "add `escalation: [{ after: 15m, contact: <person or team> }]` to " + ContentPaths.rota(s.id())));
        }
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
