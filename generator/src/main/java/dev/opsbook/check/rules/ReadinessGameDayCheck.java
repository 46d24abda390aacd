package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.CompletenessCheck;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Level;
import dev.opsbook.model.Service;
import java.util.List;

/** {@code readiness-game-day}: No game day, or one older than 365 days. */
public final class ReadinessGameDayCheck implements CompletenessCheck {
    @Override
    public String id() {
        return "readiness-game-day";
    }

    @Override
    public String description() {
        return "No game day, or one older than 365 days";
    }

    @Override
    public Level defaultLevel(Service s) {
        return Level.INFO;
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        Evidence.check(s, ctx, s.readiness().gameDay(), "game day", "gameDay", out);
    }
}
