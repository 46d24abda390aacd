package dev.opsbook.check;

import dev.opsbook.model.Service;
import java.util.List;
import java.util.Optional;

/**
 * A service against every completeness rule, and the readiness level it holds.
 *
 * @param level     the highest level reached, or {@code none}
 * @param nextLevel the level above it, if any
 * @param blocking  the rules that keep it from the next level
 * @param handoff   whether it can be handed over (or should be handed back), and what holds it
 */
public record ServiceAssessment(
        Service service,
        List<RuleResult> results,
        String level,
        String nextLevel,
        List<String> blocking,
        Handoff handoff) {

    public Optional<RuleResult> result(String rule) {
        return results.stream().filter(r -> r.rule().equals(rule)).findFirst();
    }
}
