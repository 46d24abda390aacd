package dev.opsbook.check.rules;

import dev.opsbook.check.CompletenessCheck;
import dev.opsbook.finding.Level;
import dev.opsbook.model.Service;

/** What every rule has: its id, what it finds, and its default severity. */
abstract class BaseCheck implements CompletenessCheck {
    private final String id;
    private final String description;
    private final Level level;

    /** @param level the default severity, or null when the rule overrides {@link #defaultLevel} */
    BaseCheck(String id, String description, Level level) {
        this.id = id;
        this.description = description;
        this.level = level;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public Level defaultLevel(Service service) {
        return level;
    }
}
