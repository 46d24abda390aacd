package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Rule;
import dev.opsbook.load.RuleAlerts;
import dev.opsbook.model.AlertRule;
import dev.opsbook.model.Handbook;
import dev.opsbook.model.Runbook;
import dev.opsbook.model.Service;
import java.util.List;

/**
 * {@code alert-rule-runbook}: an alerting rule that pages whose {@code runbook_url} (or {@code runbook})
 * annotation does not lead to its runbook's page: it leads to no page of this site (the 404 at 3 a.m.), to
 * a section the page does not have, or is missing where the alert has a runbook (the notification cannot
 * link to it). At the annotation's line in the rule file. An alert with no runbook at all is
 * {@code alert-has-runbook}'s.
 */
public final class AlertRuleRunbookCheck extends BaseCheck {
    public AlertRuleRunbookCheck() {
        super(Rule.ALERT_RULE_RUNBOOK);
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        if (s.alerts().stream().allMatch(a -> a.rules().isEmpty())) {
            return; // no rule file names this service's alerts
        }
        RuleAlerts links = ctx.ruleAlerts();
        for (Service.Alert a : s.alerts()) {
            Runbook runbook = a.runbook() == null
                    ? null
                    : ctx.handbook().runbook(s.id(), a.runbook().id()).orElse(null);
            for (AlertRule r : a.rules()) {
                judge(ctx.handbook(), links, s.id(), runbook, r, out);
            }
        }
    }

    @Override
    public void checkHandbook(CheckContext ctx, List<Failure> out) {
        if (ctx.handbook().unplacedAlerts().isEmpty()) {
            return;
        }
        RuleAlerts links = ctx.ruleAlerts();
        for (Service.Alert a : ctx.handbook().unplacedAlerts()) {
            for (AlertRule r : a.rules()) {
                judge(ctx.handbook(), links, null, null, r, out);
            }
        }
    }

    private static void judge(
            Handbook hb, RuleAlerts links, String service, Runbook runbook, AlertRule r, List<Failure> out) {
        if (!r.pages()) {
            return;
        }
        if (r.runbook() == null) {
            if (runbook != null) {
                out.add(Failure.at(
                        r.pos(),
                        "alerting rule '" + r.alert() + "' has no runbook_url: its notifications cannot link to"
                                + " runbook '" + runbook.id() + "'",
                        "add the annotation `runbook_url: " + links.address(runbook) + "`"));
            }
            return;
        }
        RuleAlerts.Target t = links.target(r, service);
        if (t == null) {
            out.add(Failure.at(
                    r.runbookPos(),
                    "the runbook_url of alert '" + r.alert() + "' (" + r.runbook() + ") leads to no runbook page of"
                            + " this handbook" + (hb.settings().baseUrl() == null ? " (it has no baseUrl)" : ""),
                    runbook != null
                            ? "write `runbook_url: " + links.address(runbook) + "`"
                            : hb.settings().baseUrl() == null
                                    ? "set baseUrl in opsbook.yaml to the site's address, then lead the annotation to"
                                            + " the runbook's page under it"
                                    : "write the runbook, or lead the annotation to an existing runbook's page under "
                                            + hb.settings().baseUrl()));
            return;
        }
        if (!t.fragment().isEmpty() && !t.runbook().body().targets().contains(t.fragment())) {
            out.add(Failure.at(
                    r.runbookPos(),
                    "the runbook_url of alert '" + r.alert() + "' names section '#" + t.fragment()
                            + "', which runbook '" + t.runbook().id() + "' does not have",
                    "lead it to one of the runbook's headings, or to the page itself"));
        }
    }

    @Override
    public boolean readsServiceFile() {
        return false;
    }

    @Override
    public List<Input> inputs() {
        return Input.of(Input.SERVICE, "alerts");
    }
}
