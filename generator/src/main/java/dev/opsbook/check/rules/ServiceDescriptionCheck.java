package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Rule;
import dev.opsbook.link.ContentPaths;
import dev.opsbook.model.Service;
import java.util.List;

/** {@code service-description}: A service without a description. */
public final class ServiceDescriptionCheck extends BaseCheck {
    public ServiceDescriptionCheck() {
        super(Rule.SERVICE_DESCRIPTION);
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        if (s.description() == null) {
            out.add(Failure.at(
                    s.keys().at("description"),
                    "service '" + s.id() + "' has no description",
                    "add `description:` to " + ContentPaths.serviceFile(s.id())
                            + ": what the service does, in one sentence"));
        }
    }

    @Override
    public List<Input> inputs() {
        return Input.of(Input.SERVICE, "description");
    }
}
