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

    /**
     * Why a rule that is waived, off or not applicable is not judged, as every report says it ({@code "waived:
     * <reason> (approved by hana), until 2027-03-31"}, {@code "off: …"}, {@code "not applicable: …"}); null for
     * a rule that passes or fails.
     */
    public String why() {
        return switch (status) {
            case WAIVED -> "waived: " + waiver.reason() + terms();
            case OFF -> "off: " + reason;
            case NOT_APPLICABLE -> "not applicable: " + reason + terms();
            default -> null;
        };
    }

    /**
     * Who approved a waiver or a not-applicable mark and until when, as every report says it:
     * {@code " (approved by hana), until 2027-03-31"}, {@code " (not approved)"} for a mark without an
     * approver; "" for the other statuses.
     */
    public String terms() {
        if (status == Status.WAIVED) {
            return (waiver.approvedBy() != null
                            ? " (approved by " + waiver.approvedBy().id() + ")"
                            : "") + ", until " + waiver.expires();
        }
        if (status != Status.NOT_APPLICABLE || mark == null) {
            return "";
        }
        return (mark.approvedBy() != null ? " (approved by " + mark.approvedBy().id() + ")" : " (not approved)")
                + (mark.expires() != null ? ", until " + mark.expires() : "");
    }
}
