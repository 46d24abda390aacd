package dev.opsbook.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsbook.ContentTree;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** invalid-id and duplicate-id. */
class IdTest {
    @TempDir
    Path dir;

    @Test
    void folderAndFileNamesMustBeIds() {
        var tree = ContentTree.minimal(dir)
                .file("services/Payments API/service.yaml", "owner: ops\n")
                .file("services/api/runbooks/-leading-dash.md", "---\ntitle: x\n---\n")
                .file("teams/ops.team..yaml", "name: Platform\n");
        assertEquals(
                List.of(
                        "services/Payments API: error: service folder 'Payments API' is not a valid id: use letters,"
                                + " digits, '-', '_' and '.' (such as payments-api or KubePodCrashLooping), starting with"
                                + " a letter or digit, at most 63 characters [invalid-id]",
                        "services/api/runbooks/-leading-dash.md: error: file name '-leading-dash' is not a valid id: use"
                                + " letters, digits, '-', '_' and '.' (such as payments-api or KubePodCrashLooping),"
                                + " starting with a letter or digit, at most 63 characters [invalid-id]",
                        "teams/ops.team..yaml: error: file name 'ops.team.' is not a valid id: use letters, digits, '-',"
                                + " '_' and '.' (such as payments-api or KubePodCrashLooping), starting with a letter or"
                                + " digit, at most 63 characters [invalid-id]"),
                tree.structural());
    }

    @Test
    void namesAsRealRepositoriesWriteThemAreIds() {
        // runbooks named after their alerts, Backstage-style people and teams
        var tree = ContentTree.minimal(dir)
                .file("services/api/runbooks/KubePodCrashLooping.md", "---\ntitle: x\n---\n")
                .file("services/api/runbooks/High_Errors.md", "---\ntitle: x\n---\n")
                .file("teams/SRE-A.yaml", "name: SRE A\nmembers:\n  - { id: amelia.park, name: Amelia Park }\n")
                .file("services/api/reviews/osr.1.yaml", "title: x\ndate: 2026-01-01\noutcome: approved\n")
                .file(
                        "services/api/service.yaml",
                        ContentTree.SERVICE
                                .replace("owner: ops", "owner: SRE-A")
                                .replace("runbook: api-down", "runbook: KubePodCrashLooping"));
        assertEquals(List.of(), tree.structural());
    }

    @Test
    void idsThatDifferOnlyInCaseAreOneId() {
        var tree = ContentTree.minimal(dir)
                .file("services/api/runbooks/API-Down.md", "---\ntitle: x\n---\n")
                .file("teams/OPS.yaml", "name: Ops again\n")
                .file("teams/platform.yaml", "name: Platform\nmembers:\n  - { id: Alice, name: Alice Again }\n");
        assertEquals(
                List.of(
                        "services/api/runbooks/api-down.md: error: runbook 'api-down' differs from 'API-Down' only in"
                                + " case: on macOS and Windows they are one file, so ids that differ only in case are one"
                                + " id [duplicate-id]",
                        "teams/ops.yaml: error: team 'ops' differs from 'OPS' only in case: on macOS and Windows they"
                                + " are one file, so ids that differ only in case are one id [duplicate-id]",
                        "teams/platform.yaml:3:5: error: person 'Alice' is already defined at teams/ops.yaml:3:5 as 'alice'"
                                + " (ids that differ only in case are one id) [duplicate-id]"),
                tree.structural());
    }

    @Test
    void aReadmeAmongRunbooksIsToldHowToStayAsItIs() throws Exception {
        // renaming README.md to readme.md, as for any other name, would make it a runbook called "readme"
        var tree = ContentTree.minimal(dir).file("services/api/runbooks/README.md", "# The runbooks of the API\n");
        var found = tree.result().findings().stream()
                .filter(f -> f.rule().equals("invalid-id"))
                .toList();
        assertEquals(1, found.size());
        assertEquals(
                "leave it out in opsbook.yaml: exclude: [\"services/api/runbooks/README.md\"]",
                found.get(0).hint().substring(found.get(0).hint().indexOf("leave")));
        // which works
        tree.file("opsbook.yaml", "exclude: [\"services/api/runbooks/README.md\"]\n");
        assertEquals(List.of(), tree.structural());
    }

    @Test
    void anIdKeyMustMatchItsFileName() {
        var tree = ContentTree.minimal(dir).file("services/api/service.yaml", "id: api-v2\n" + ContentTree.SERVICE);
        assertEquals(
                List.of("services/api/service.yaml:1:5: error: id 'api-v2' differs from its file name 'api'"
                        + " [invalid-id]"),
                tree.structural());
    }

    @Test
    void ymlIsNotYaml() {
        var tree = ContentTree.minimal(dir).file("teams/platform.yml", "name: Platform\n");
        assertEquals(
                List.of("teams/platform.yml: error: file name 'platform.yml' must end in .yaml [invalid-id]"),
                tree.structural());
    }

    @Test
    void peopleAreUniqueAcrossTeams() {
        var tree = ContentTree.minimal(dir)
                .file(
                        "teams/platform.yaml",
                        "name: Platform\nmembers:\n"
                                + "  - { id: carol, name: Carol }\n  - { id: alice, name: Alice Again }\n");
        assertEquals(
                List.of("teams/platform.yaml:4:5: error: person 'alice' is already defined at teams/ops.yaml:3:5"
                        + " [duplicate-id]"),
                tree.structural());
    }

    @Test
    void alertsAndSlosAreUniqueInAService() {
        var tree = ContentTree.minimal(dir)
                .file(
                        "services/api/service.yaml",
                        """
                owner: ops
                slos:
                  - { id: availability, objective: 99.9, window: 28d }
                  - { id: availability, objective: 99, window: 7d }
                alerts:
                  - { name: ApiDown, severity: P1, runbook: api-down }
                  - { name: ApiDown, severity: P2, runbook: api-down }
                """);
        assertEquals(
                List.of(
                        "services/api/service.yaml:4:11: error: SLO 'availability' is defined twice in this service (first at"
                                + " line 3) [duplicate-id]",
                        "services/api/service.yaml:7:13: error: alert 'ApiDown' is defined twice in this service (first at line 6)"
                                + " [duplicate-id]"),
                tree.structural());
    }

    @Test
    void severityIdsMayBeUpperCaseButUnique() {
        var tree = ContentTree.minimal(dir)
                .file(
                        "severities.yaml",
                        """
                severities:
                  - { id: P1, name: Critical }
                  - { id: SEV-2, name: Major }
                  - { id: P1, name: Again }
                  - { id: "P 3", name: Bad }
                """);
        assertEquals(
                List.of(
                        "severities.yaml:4:11: error: severity 'P1' is defined twice (first at line 2) [duplicate-id]",
                        "severities.yaml:5:11: error: severity id 'P 3' is not valid: use letters, digits and dashes, such as P1"
                                + " or SEV-2 [invalid-id]"),
                tree.structural());
    }
}
