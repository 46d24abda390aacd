package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Rule;
import dev.opsbook.model.Service;
import java.util.List;

/** {@code readiness-backup-restore}: No restore test, or one older than 365 days. */
public final class ReadinessBackupRestoreCheck extends BaseCheck {
    public ReadinessBackupRestoreCheck() {
        super(Rule.READINESS_BACKUP_RESTORE);
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        Evidence.check(s, ctx, s.readiness().backupRestoreTest(), "backup restore test", "backupRestoreTest", out);
    }

    @Override
    public List<Input> inputs() {
        return Input.of(Input.SERVICE, "readiness.backupRestoreTest");
    }
}
