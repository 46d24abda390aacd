package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.DidYouMean;
import dev.opsbook.finding.Rule;
import dev.opsbook.link.ContentPaths;
import dev.opsbook.model.Rota;
import dev.opsbook.model.Service;
import dev.opsbook.rota.RotaSchedule;
import java.util.List;

/** {@code rota-unknown-timezone}: A rota time zone that is not an IANA zone. */
public final class RotaUnknownTimezoneCheck extends BaseCheck {
    public RotaUnknownTimezoneCheck() {
        super(Rule.ROTA_UNKNOWN_TIMEZONE);
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        Rota r = s.rota();
        if (r != null
                && r.timezone() != null
                && RotaSchedule.zone(r, ctx.handbook().settings().timezone()).isEmpty()) {
            String near = DidYouMean.closestZone(r.timezone());
            out.add(Failure.at(
                    r.timezonePos(),
                    "'" + r.timezone() + "' is not an IANA time zone" + DidYouMean.mention(near),
                    near != null
                            ? "change it to '" + near + "' in `timezone:` of " + ContentPaths.rota(s.id())
                            : "use a zone such as Europe/London or America/New_York in `timezone:` of "
                                    + ContentPaths.rota(s.id())));
        }
    }

    @Override
    public boolean readsServiceFile() {
        return false;
    }

    @Override
    public List<Input> inputs() {
        return Input.of(Input.ROTA, "timezone");
    }
}
