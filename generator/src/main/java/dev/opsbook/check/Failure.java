package dev.opsbook.check;

import dev.opsbook.model.Pos;

/**
 * One failure of a rule: where, what, and what to do about it.
 *
 * @param service the service it is about; for {@link CompletenessCheck#checkHandbook} failures that
 *                still concern one service (a waiver naming it), else null
 */
public record Failure(Pos pos, String message, String hint, String service) {

    public static Failure at(Pos pos, String message, String hint) {
        return new Failure(pos, message, hint, null);
    }
}
