package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Rule;
import dev.opsbook.link.ContentPaths;
import dev.opsbook.model.Service;
import java.util.List;

/** {@code readiness-deployment}: Deployment not automated. */
public final class ReadinessDeploymentCheck extends BaseCheck {
    public ReadinessDeploymentCheck() {
        super(Rule.READINESS_DEPLOYMENT);
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        var d = s.readiness().deployment();
        if (d == null || !Boolean.TRUE.equals(d.automated())) {
            out.add(Failure.at(
                    d == null ? s.keys().at("readiness") : d.pos(),
                    "the deployment of '" + s.id() + "' is not automated",
                    "deploy through a pipeline and record `readiness: { deployment: { automated: true, pipeline: … } }` in "
                            + ContentPaths.serviceFile(s.id())));
        }
    }

    @Override
    public List<Input> inputs() {
        return Input.of(Input.SERVICE, "readiness.deployment");
    }
}
