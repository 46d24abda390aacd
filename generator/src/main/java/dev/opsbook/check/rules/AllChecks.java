package dev.opsbook.check.rules;

import dev.opsbook.check.CompletenessCheck;
import java.util.List;

/**
 * Every completeness rule, in the order of checks.md: the one list that the build runs and the reports
 * describe (here, beside the rules, so that the engine in {@code check} needs none of them).
 */
public final class AllChecks {
    public static final List<CompletenessCheck> LIST = List.of(
            new ServiceDescriptionCheck(),
            new SlaPresentCheck(),
            new SlaCoversSeveritiesCheck(),
            new SloPresentCheck(),
            new SloStricterThanSlaCheck(),
            new SloAlertedCheck(),
            new AlertHasRunbookCheck(),
            new AlertRuleRunbookCheck(),
            new RunbookSectionsCheck(),
            new RunbookStaleCheck(),
            new RunbookOrphanCheck(),
            new RotaPresentCheck(),
            new RotaDistinctRolesCheck(),
            new RotaCoverageGapCheck(),
            new RotaMinMembersCheck(),
            new RotaEscalationCheck(),
            new RotaUnknownTimezoneCheck(),
            new RotaPagingUncoveredCheck(),
            new RotaNoPhoneCheck(),
            new RotaEscalationUnreachableCheck(),
            new RotaOnCallLimitCheck(),
            new TelemetryDashboardsCheck(),
            new TelemetryStructuredLogsCheck(),
            new TelemetryTracingCheck(),
            new ReadinessLoadTestCheck(),
            new ReadinessGameDayCheck(),
            new ReadinessBackupRestoreCheck(),
            new ReadinessRollbackCheck(),
            new ReadinessDeploymentCheck(),
            new ReviewPresentCheck(),
            new ReviewTooLateCheck(),
            new ReviewUnansweredCheck(),
            new ReviewNoAutomatedValidationCheck(),
            new ReviewActionsMissingCheck(),
            new ActionOverdueCheck(),
            new IncidentActionsMissingCheck(),
            new HandoffProductionTimeCheck(),
            new HandoffOutOfHoursCheck(),
            new HandoffMajorIncidentsCheck(),
            new HandoffOpenActionsCheck(),
            new HandoffTelemetryCheck(),
            new HandoffChangeSafetyCheck(),
            new HandoffCouplingCheck(),
            new WaiverExpiredCheck(),
            new ContentSecretCheck(),
            new MarkdownOfflineCheck());

    private AllChecks() {}
}
