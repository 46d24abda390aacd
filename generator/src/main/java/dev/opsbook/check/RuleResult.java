package dev.opsbook.check;

import dev.opsbook.finding.Finding;
import dev.opsbook.finding.Level;
import dev.opsbook.model.Service;
import dev.opsbook.model.Settings;
import java.util.List;

/**
 * One rule for one service.
 *
 * @param severity the severity of the failure (FAIL only)
 * @param hint     what to do (FAIL only)
 * @param waiver   the waiver that applies (WAIVED only)
 * @param reason   why the rule does not apply (NOT_APPLICABLE only)
 * @param findings the findings behind a FAIL (or that the waiver covers, for WAIVED)
 * @param mark     the service's {@code notApplicable} entry, with its approver and expiry (NOT_APPLICABLE only)
 */
public record RuleResult(
        String rule,
        Status status,
        Level severity,
        String hint,
        Settings.Waiver waiver,
        String reason,
        List<Finding> findings,
        Service.NotApplicable mark) {

    public RuleResult(
            String rule,
            Status status,
            Level severity,
            String hint,
            Settings.Waiver waiver,
            String reason,
            List<Finding> findings) {
        this(rule, status, severity, hint, waiver, reason, findings, null);
    }
}
