package dev.opsbook.cli;

import dev.opsbook.finding.Finding;
import dev.opsbook.finding.Findings;
import dev.opsbook.load.HandbookLoader;
import dev.opsbook.load.RuleAlerts;
import dev.opsbook.markdown.BodyStore;
import dev.opsbook.markdown.MarkdownEngine;
import dev.opsbook.model.AlertRule;
import dev.opsbook.model.Handbook;
import dev.opsbook.model.Runbook;
import dev.opsbook.model.Service;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code opsbook runbook-urls}: the {@code runbook_url} annotation each alerting rule should carry, so that a
 * team sets them all from one listing instead of by hand: one line per rule that pages, at its place in its
 * rule file, with the address of its runbook's page under {@code baseUrl}, and whether it leads there already.
 */
@Command(
        name = "runbook-urls",
        mixinStandardHelpOptions = true,
        description = "Prints the runbook_url annotation each alerting rule should carry, with its file and line.")
final class RunbookUrlsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ContentOptions input;

    @CommandLine.Option(names = "--wrong", description = "Only the rules whose annotation does not lead there yet.")
    boolean wrongOnly;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Findings findings = new Findings();
        Handbook hb = new HandbookLoader(new MarkdownEngine(), 1, BodyStore.none())
                .load(input.only(spec.commandLine()), findings);
        if (hb.settings().baseUrl() == null) {
            err.println("opsbook: set baseUrl in opsbook.yaml (the address the site is served from): a runbook_url is"
                    + " an address under it");
        }
        RuleAlerts links = new RuleAlerts(hb.settings(), hb.severities(), hb.services());
        int rules = 0;
        int wrong = 0;
        for (Service s : hb.services()) {
            for (Service.Alert a : s.alerts()) {
                Runbook runbook = a.runbook() == null
                        ? null
                        : hb.runbook(s.id(), a.runbook().id()).orElse(null);
                for (AlertRule r : a.rules()) {
                    if (!r.pages()) {
                        continue;
                    }
                    rules++;
                    String at = r.pos().file() + ":" + r.pos().line() + ":"
                            + r.pos().column() + ": " + a.name() + ": ";
                    if (runbook == null) {
                        wrong++;
                        out.println(Finding.printable(at + "no runbook to lead to: write one first"));
                        continue;
                    }
                    RuleAlerts.Target t = links.target(r, s.id());
                    boolean leads = t != null && t.runbook() == runbook;
                    if (!leads) {
                        wrong++;
                    }
                    if (!leads || !wrongOnly) {
                        out.println(Finding.printable(at + "runbook_url: "
                                + links.address(runbook)
                                + (leads
                                        ? "  (leads there)"
                                        : r.runbook() == null ? "  (none yet)" : "  (now " + r.runbook() + ")")));
                    }
                }
            }
        }
        for (Service.Alert a : hb.unplacedAlerts()) {
            for (AlertRule r : a.rules()) {
                if (r.pages()) {
                    rules++;
                    wrong++;
                    out.println(Finding.printable(r.pos().file() + ":" + r.pos().line() + ":"
                            + r.pos().column() + ": "
                            + a.name() + ": no runbook to lead to ("
                            + (r.runbook() == null ? "no runbook_url" : r.runbook() + " is no page of this handbook")
                            + "): write one first"));
                }
            }
        }
        out.println(rules + " alerting rules that page, " + wrong + " without a runbook_url leading to their runbook");
        return ExitCode.OK;
    }
}
