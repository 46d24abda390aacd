package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Rule;
import dev.opsbook.link.ContentPaths;
import dev.opsbook.model.Placeholders;
import dev.opsbook.model.Service;
import java.util.List;

/** {@code service-description}: A service without a description. */
public final class ServiceDescriptionCheck extends BaseCheck {
    public ServiceDescriptionCheck() {
        super(Rule.SERVICE_DESCRIPTION);
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        boolean fromCatalog = s.catalog() != null && !s.pos().file().equals(ContentPaths.serviceFile(s.id()));
        String where = fromCatalog
                ? "metadata.description` to the " + s.catalog().kind() + " entity in "
                        + s.catalog().pos().file()
                : "description:` to " + ContentPaths.serviceFile(s.id());
        if (s.description() == null) {
            out.add(Failure.at(
                    s.keys().at("description"),
                    "service '" + s.id() + "' has no description",
                    "add `" + where + ": what the service does, in one sentence"));
        } else if (Placeholders.is(s.description())) {
            out.add(Failure.at(
                    s.keys().at("description"),
                    "service '" + s.id() + "' has the placeholder description '" + s.description() + "'",
                    "replace the " + Placeholders.MARK + " placeholder of `description:` in "
                            + s.keys().at("description").file() + " with what the service does, in one sentence"));
        }
    }

    @Override
    public List<Input> inputs() {
        return Input.of(Input.SERVICE, "description");
    }
}
