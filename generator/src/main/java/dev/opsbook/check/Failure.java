package dev.opsbook.check;

import dev.opsbook.model.Pos;

/**
 * One failure of a rule: where, what, and what to do about it.
 *
 * @param service  the service it is about; for {@link CompletenessCheck#checkHandbook} failures that
 *                 still concern one service (a waiver naming it), else null
 * @param followOn the failure follows from a value refused with a schema finding (a rota's {@code lead: x},
 *                 not a list), or from what another rule's printed finding says (a hand-off rule's telemetry):
 *                 the rule fails in the report, but the other finding is the one printed
 */
public record Failure(Pos pos, String message, String hint, String service, boolean followOn) {

    public static Failure at(Pos pos, String message, String hint) {
        return new Failure(pos, message, hint, null, false);
    }

    /** This failure, marked as following from a refused value when {@code refused} is true; see {@code followOn}. */
    public Failure following(boolean refused) {
        return refused ? new Failure(pos, message, hint, service, true) : this;
    }
}
