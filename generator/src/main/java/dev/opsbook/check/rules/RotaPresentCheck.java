package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Level;
import dev.opsbook.finding.Rule;
import dev.opsbook.link.ContentPaths;
import dev.opsbook.model.Service;
import java.util.List;

/** {@code rota-present}: A service without a support rota (rota.yaml); an error for 24x7 and tier 1 services. */
public final class RotaPresentCheck extends BaseCheck {
    public RotaPresentCheck() {
        super(Rule.ROTA_PRESENT);
    }

    @Override
    public Level defaultLevel(Service s) {
        return is24x7(s) || s != null && s.tier() != null && s.tier() == 1 ? Level.ERROR : Level.WARNING;
    }

    static boolean is24x7(Service s) {
        return s != null
                && ("24x7".equals(s.supportHours())
                        || s.supportHours() == null
                                && s.sla() != null
                                && "24x7".equals(s.sla().supportHours()));
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        if (s.rota() == null && s.sharedRota() != null) {
            // the shared rota it names could not be read, or is not there: that finding is printed, not this one
            String path = ContentPaths.sharedRota(s.sharedRota().id());
            boolean unreadable = ctx.handbook().unreadable(path);
            out.add(Failure.at(
                            s.sharedRota().pos(),
                            "service '" + s.id() + "' has no support rota: " + path
                                    + (unreadable ? ", the rota it names, could not be read" : " is not there"),
                            unreadable
                                    ? "fix the problem reported in " + path
                                    : "fix `rota: " + s.sharedRota().id() + "` in " + ContentPaths.serviceFile(s.id()))
                    .following(true));
        } else if (s.rota() == null) {
            out.add(missing(s, ctx, "rota.yaml", "support rota", "start, rotation, lead and engineer"));
        }
    }
}
