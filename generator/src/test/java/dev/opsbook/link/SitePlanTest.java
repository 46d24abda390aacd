package dev.opsbook.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsbook.ExampleHandbook;
import dev.opsbook.finding.Findings;
import dev.opsbook.load.HandbookLoader;
import dev.opsbook.markdown.BodyStore;
import dev.opsbook.markdown.MarkdownEngine;
import dev.opsbook.model.Handbook;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The plan of the example handbook's site: one page per address, and what feeds each page. */
class SitePlanTest {
    private final Handbook hb;
    private final SitePlan plan;

    SitePlanTest() throws Exception {
        hb = new HandbookLoader(new MarkdownEngine(), 1, BodyStore.inMemory())
                .load(ExampleHandbook.content(), new Findings());
        plan = SitePlan.of(hb, true);
    }

    @Test
    void everyPageHasOneAddressAndEveryContentDocumentIsAPage() {
        Set<String> paths = new HashSet<>();
        plan.pages().forEach(p -> assertTrue(paths.add(p.path()), "twice: " + p.path()));
        for (String file : hb.files()) {
            ContentPaths.Kind kind = ContentPaths.of(file).kind();
            if (kind == ContentPaths.Kind.RUNBOOK
                    || kind == ContentPaths.Kind.REVIEW
                    || kind == ContentPaths.Kind.INCIDENT
                    || kind == ContentPaths.Kind.TEAM) {
                assertTrue(plan.pageOf(file).isPresent(), file + " is a page");
            }
        }
        assertEquals(
                SitePaths.CHANGES, plan.page(SitePaths.CHANGES).orElseThrow().path());
        assertTrue(SitePlan.of(hb, false).page(SitePaths.CHANGES).isEmpty(), "no changes page without a baseline");
    }

    @Test
    void theQuickTestOfWhatMayFeedAPageNeverLeavesOutASource() {
        List<String> missed = new ArrayList<>();
        for (SitePlan.Page p : plan.pages()) {
            for (String file : plan.sources(p)) {
                if (!PageSources.mayFeed(p, file)) {
                    missed.add(file + " feeds " + p.path());
                }
            }
        }
        assertEquals(List.of(), missed);
    }

    @Test
    void aTeamFileFeedsThePagesThatNameItsPeopleAndARunbookItsOwnPages() {
        String runbook = hb.services().get(0).runbooks().get(0).file();
        List<String> fed =
                plan.fedBy(List.of(runbook)).stream().map(SitePlan.Page::path).toList();
        assertTrue(fed.contains(plan.pageOf(runbook).orElseThrow()), fed.toString());
        assertTrue(fed.contains(SitePaths.service(hb.services().get(0).id())), fed.toString());
        assertTrue(
                fed.stream().noneMatch(f -> f.equals(SitePaths.HOME) || f.equals(SitePaths.SEVERITIES)),
                fed.toString());
        String team = ContentPaths.team(hb.teams().get(0).id());
        List<String> byTeam =
                plan.fedBy(List.of(team)).stream().map(SitePlan.Page::path).toList();
        assertTrue(
                byTeam.containsAll(List.of(SitePaths.team(hb.teams().get(0).id()), SitePaths.TEAMS, SitePaths.ONCALL)),
                byTeam.toString());
    }
}
