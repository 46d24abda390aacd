package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Rule;
import dev.opsbook.model.Service;
import java.util.List;

/** {@code readiness-game-day}: No game day, or one older than 365 days. */
public final class ReadinessGameDayCheck extends BaseCheck {
    public ReadinessGameDayCheck() {
        super(Rule.READINESS_GAME_DAY);
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        Evidence.check(s, ctx, s.readiness().gameDay(), "game day", "gameDay", out);
    }

    @Override
    public List<Input> inputs() {
        return Input.of(Input.SERVICE, "readiness.gameDay");
    }
}
