package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.CompletenessCheck;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Level;
import dev.opsbook.model.Service;
import java.util.List;

/** {@code service-description}: A service without a description. */
public final class ServiceDescriptionCheck implements CompletenessCheck {
    @Override
    public String id() {
        return "service-description";
    }

    @Override
    public String description() {
        return "A service without a description";
    }

    @Override
    public Level defaultLevel(Service s) {
        return Level.WARNING;
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        if (s.description() == null) {
            out.add(Failure.at(s.pos(), "service '" + s.id() + "' has no description",
                    "add `description:` to " + s.folder() + "/service.yaml: what the service does, in one sentence"));
        }
    }
}
