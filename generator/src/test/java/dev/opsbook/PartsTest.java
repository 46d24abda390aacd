package dev.opsbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsbook.finding.Finding;
import dev.opsbook.finding.Rules;
import dev.opsbook.part.Part;
import dev.opsbook.part.PartInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example handbook split as an organisation would keep it: the shared facts in one repository, the services in
 * three teams' repositories, each packaged as a part and merged into one handbook.
 */
class PartsTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 21);
    /** Which team keeps which of the example's services. */
    static final List<List<String>> TEAMS = List.of(
            List.of("fraud-check", "payments-api"),
            List.of("notifications"),
            List.of("ledger", "route-planner", "web-shop"));

    @TempDir
    Path dir;

    Path org;
    final Opsbook opsbook = new Opsbook();

    @BeforeEach
    void split() throws IOException {
        org = dir.resolve("org");
        ExampleHandbook.copy(ExampleHandbook.content(), org);
        deleteTree(org.resolve("target"));
        for (int t = 0; t < TEAMS.size(); t++) {
            for (String service : TEAMS.get(t)) {
                Path to = dir.resolve("team-" + t + "/services/" + service);
                Files.createDirectories(to.getParent());
                Files.move(org.resolve("services/" + service), to);
            }
        }
        Files.delete(org.resolve("services"));
    }

    /** Packages the shared facts and each team's part (checked against those facts); returns the teams' zips. */
    List<Part> packageAll() throws OpsbookException {
        Path facts = dir.resolve("parts/facts.zip");
        Opsbook.Packed f = opsbook.pack(request(org, null), facts, "com.example:handbook:3.0", false);
        assertTrue(
                f.manifest() != null && f.manifest().services().isEmpty(),
                String.valueOf(f.result().findings()));
        List<Part> parts = new java.util.ArrayList<>();
        for (int t = 0; t < TEAMS.size(); t++) {
            Path zip = dir.resolve("parts/team-" + t + ".zip");
            Opsbook.Packed p = opsbook.pack(
                    request(dir.resolve("team-" + t), null).withParts(List.of(Part.of(facts))),
                    zip,
                    "com.example:team-" + t + ":1." + t,
                    false);
            assertEquals(TEAMS.get(t).stream().sorted().toList(), p.manifest().services());
            parts.add(Part.of(zip));
        }
        return parts;
    }

    static BuildRequest request(Path content, Path out) {
        return new BuildRequest(content, out, AS_OF, null, out != null, null);
    }

    @Test
    void theMergedHandbookIsTheOneFolderHandbookPageForPageAndNamesWhereEachFindingAndServiceCameFrom()
            throws Exception {
        List<Part> parts = packageAll();
        BuildResult one = opsbook.build(request(ExampleHandbook.content(), dir.resolve("site-one")));
        BuildResult merged =
                opsbook.build(request(org, dir.resolve("site-merged")).withParts(parts));
        assertEquals(one.summary(), merged.summary());
        assertEquals(one.findings().size(), merged.findings().size());

        // every page is the same; only the reports, which name the parts, differ
        Set<String> differ = new TreeSet<>();
        List<String> pages = files(dir.resolve("site-one"));
        assertEquals(pages, files(dir.resolve("site-merged")));
        for (String p : pages) {
            if (!java.util.Arrays.equals(
                    Files.readAllBytes(dir.resolve("site-one").resolve(p)),
                    Files.readAllBytes(dir.resolve("site-merged").resolve(p)))) {
                differ.add(p);
            }
        }
        assertEquals(
                Set.of(
                        "opsbook-report.json",
                        "opsbook-report.sarif",
                        "gl-code-quality-report.json",
                        "readiness/index.html",
                        "readiness/audit.html"),
                differ);

        // each finding in a team's file names the part and the file inside it
        for (Finding f : merged.findings()) {
            String service =
                    f.pos().file().startsWith("services/") ? f.pos().file().split("/")[1] : null;
            assertNull(service, "a service's file is in a part: " + f);
        }
        assertTrue(merged.findings().stream()
                .anyMatch(f -> f.pos().file().startsWith("com.example:team-0:1.0!/services/payments-api/")));

        JsonNode report = new ObjectMapper()
                .readTree(dir.resolve("site-merged/opsbook-report.json").toFile());
        for (JsonNode s : report.get("services")) {
            int team = -1;
            for (int t = 0; t < TEAMS.size(); t++) {
                if (TEAMS.get(t).contains(s.get("id").asText())) {
                    team = t;
                }
            }
            assertEquals(
                    "com.example:team-" + team + ":1." + team,
                    s.get("part").get("artifact").asText());
            assertTrue(s.get("part").get("digest").asText().matches("sha256:[0-9a-f]{64}"));
        }
        assertEquals(3, report.get("parts").size());
        String audit = Files.readString(dir.resolve("site-merged/readiness/audit.html"));
        for (JsonNode p : report.get("parts")) {
            assertTrue(
                    audit.contains(
                            "<th scope=\"row\"><code>" + p.get("artifact").asText() + "</code></th><td>"
                                    + p.get("file").asText() + "</td><td><code>"
                                    + p.get("digest").asText() + "</code>"),
                    p.toString());
        }
        assertTrue(audit.contains("From the part <code>com.example:team-0:1.0 ("), "each service names its part");
        assertFalse(
                Files.readString(dir.resolve("site-one/readiness/audit.html")).contains("<h2>Parts</h2>"));
        assertFalse(
                Files.exists(dir.resolve("site-one/opsbook-report.json"))
                        && new ObjectMapper()
                                .readTree(dir.resolve("site-one/opsbook-report.json")
                                        .toFile())
                                .has("parts"),
                "a handbook of one folder has no parts in its report");
    }

    @Test
    void aServiceInTwoPartsIsAnErrorNamingBothAndTheFirstIsUsedWhole() throws Exception {
        List<Part> parts = new java.util.ArrayList<>(packageAll());
        Path copy = dir.resolve("copy");
        ExampleHandbook.copy(dir.resolve("team-1"), copy);
        ExampleHandbook.edit(
                copy, "services/notifications/service.yaml", "name: Notifications", "name: Notifications Copy");
        parts.add(Part.of(copy));
        BuildResult r = opsbook.build(request(org, null).withParts(parts));
        List<Finding> dup = r.findings().stream()
                .filter(f -> f.rule().equals(Rules.DUPLICATE_ID))
                .toList();
        assertEquals(1, dup.size(), dup.toString());
        // parts are merged in the order of their names, whatever order they were given in: the folder's path first
        String label = copy.toString().replace('\\', '/');
        assertTrue(label.compareTo("com.example:team-1:1.1") < 0);
        assertEquals(
                "com.example:team-1:1.1!/services/notifications/" + firstFile(copy),
                dup.get(0).pos().file());
        assertEquals(
                "service 'notifications' is defined twice: by " + label + " at " + label
                        + "!/services/notifications/ and by com.example:team-1:1.1 (team-1.zip) at"
                        + " com.example:team-1:1.1!/services/notifications/; the first is used",
                dup.get(0).message());
        assertEquals(
                "Notifications Copy",
                r.assessment().services().stream()
                        .filter(s -> s.service().id().equals("notifications"))
                        .findFirst()
                        .orElseThrow()
                        .service()
                        .name());
        java.util.Collections.reverse(parts);
        assertEquals(
                r.findings(), opsbook.build(request(org, null).withParts(parts)).findings());
    }

    private static String firstFile(Path part) throws IOException {
        try (Stream<Path> s = Files.walk(part.resolve("services/notifications"))) {
            return s.filter(Files::isRegularFile)
                    .map(p -> part.resolve("services/notifications")
                            .relativize(p)
                            .toString()
                            .replace('\\', '/'))
                    .sorted()
                    .findFirst()
                    .orElseThrow();
        }
    }

    @Test
    void theSameFileInTwoPlacesIsUsedOnceAndADifferentOneIsAnError() throws Exception {
        Path team = dir.resolve("team-1");
        Files.copy(org.resolve("severities.yaml"), team.resolve("severities.yaml"));
        BuildResult same = opsbook.build(request(org, null).withParts(List.of(Part.of(team))));
        assertTrue(
                same.findings().stream().noneMatch(f -> f.rule().equals(Rules.DUPLICATE_ID)),
                same.findings().toString());

        ExampleHandbook.edit(team, "severities.yaml", "id: P1", "id: SEV1");
        BuildResult different = opsbook.build(request(org, null).withParts(List.of(Part.of(team))));
        List<String> dup = different.findings().stream()
                .filter(f -> f.rule().equals(Rules.DUPLICATE_ID))
                .map(Finding::message)
                .toList();
        assertEquals(1, dup.size(), dup.toString());
        assertTrue(
                dup.get(0)
                        .startsWith("severities.yaml is in the organisation's content (severities.yaml) and,"
                                + " different, in " + team.toString().replace('\\', '/')),
                dup.get(0));
    }

    @Test
    void aRefusedPartIsAFindingNothingOfItIsUsedAndTheBuildAndItsOtherPartsGoOn() throws Exception {
        List<Part> parts = new java.util.ArrayList<>(packageAll());
        Path evil = dir.resolve("parts/evil.zip");
        try (var z = new java.util.zip.ZipOutputStream(Files.newOutputStream(evil))) {
            z.putNextEntry(new java.util.zip.ZipEntry("opsbook-part.json"));
            z.write(("{\"format\": \"opsbook-part/1\", \"artifact\": \"com.example:evil:6.6\", \"digest\": \"sha256:"
                            + "0".repeat(64) + "\"}")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            z.putNextEntry(new java.util.zip.ZipEntry("content/services/evil/service.yaml"));
            z.write("name: Evil\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        parts.add(Part.of(evil));
        parts.add(Part.of(dir.resolve("parts/not-there.zip")));
        BuildResult r = opsbook.build(request(org, dir.resolve("site")).withParts(parts));
        List<Finding> refused = r.findings().stream()
                .filter(f -> f.rule().equals(Rules.PART_REFUSED))
                .toList();
        assertEquals(2, refused.size(), refused.toString());
        assertEquals("evil.zip!/", refused.get(0).pos().file()); // refused before its manifest was believed
        assertTrue(
                refused.get(0).message().endsWith("the zip was changed after it was packaged; nothing of it is used"));
        assertTrue(refused.get(1).message().contains("not-there.zip is refused: there is no such file"));
        assertEquals(6, r.services());
        assertFalse(Files.exists(dir.resolve("site/services/evil")));
        PartInfo info = r.report().parts().stream()
                .filter(p -> p.file().equals("evil.zip"))
                .findFirst()
                .orElseThrow();
        assertNull(info.digest());
        assertTrue(info.services().isEmpty());
    }

    @Test
    void aTeamsCheckFailsOnWhatTheOrganisationDoesNotDefineAndLeavesOtherRepositoriesServicesToIt() throws Exception {
        Path facts = dir.resolve("parts/facts.zip");
        opsbook.pack(request(org, null), facts, "com.example:handbook:3.0", false);
        Path team = dir.resolve("team-0");
        ExampleHandbook.edit(team, "services/payments-api/sla.yaml", "P1: { acknowledge", "SEV1: { acknowledge");
        Path zip = dir.resolve("parts/team-0.zip");
        Opsbook.Packed p = opsbook.pack(request(team, null).withParts(List.of(Part.of(facts))), zip, null, false);
        assertNull(p.manifest());
        assertFalse(Files.exists(zip));
        List<Finding> errors = p.result().findings().stream()
                .filter(f -> f.level() == dev.opsbook.finding.Level.ERROR)
                .toList();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).message().startsWith("there is no severity 'SEV1'"));
        assertEquals("services/payments-api/sla.yaml:5:3", errors.get(0).pos().toString());
        // payments-api depends on ledger, which another team keeps: not an error here
        assertTrue(
                p.result().deferred().stream().anyMatch(f -> f.message().equals("there is no service 'ledger'")),
                p.result().deferred().toString());
        assertTrue(p.result().deferredLine(null).orElseThrow().contains("left to the organisation's build"));

        // on its own, without the organisation's facts, the same content is not a part that checks
        Opsbook.Packed alone = opsbook.pack(request(team, null), zip, null, false);
        assertTrue(
                alone.result().findings().stream().anyMatch(f -> f.message().startsWith("severities.yaml is missing")));
    }

    @Test
    void aTeamsCheckNamesTheFindingsOfTheRulesInTheSharedFactsTooAfterLeavingOtherServicesOut() throws Exception {
        // the organisation's waiver for notifications ran out: waiver-expired, found after the references are deferred
        ExampleHandbook.edit(org, "opsbook.yaml", "expires: 2027-03-31", "expires: 2026-01-31");
        Path facts = dir.resolve("parts/facts.zip");
        opsbook.pack(request(org, null), facts, "com.example:handbook:3.0", false);
        BuildResult r = opsbook.build(request(dir.resolve("team-1"), null)
                .withParts(List.of(Part.of(facts)))
                .asPart(true));
        Finding expired = r.findings().stream()
                .filter(f -> f.rule().equals("waiver-expired"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(r.findings().toString()));
        assertTrue(expired.pos().file().equals("com.example:handbook:3.0!/opsbook.yaml"), expired.toString());
        assertFalse(r.deferred().isEmpty(), "notifications names services of other teams");
        assertEquals(r.deferred(), r.report().deferred());
    }

    @Test
    void aLinkToAFolderInATeamsContentIsLeftOutOfItsPartNotACrash() throws Exception {
        Path facts = dir.resolve("parts/facts.zip");
        opsbook.pack(request(org, null), facts, null, false);
        Path team = dir.resolve("team-1");
        Files.createSymbolicLink(
                team.resolve("services/notifications/linked"), team.resolve("services/notifications/runbooks"));
        Path zip = dir.resolve("parts/team-1.zip");
        Opsbook.Packed p = opsbook.pack(request(team, null).withParts(List.of(Part.of(facts))), zip, null, false);
        assertTrue(p.manifest() != null, p.result().findings().toString());
        try (var z = new java.util.zip.ZipFile(zip.toFile())) {
            assertTrue(z.stream().noneMatch(e -> e.getName().contains("linked")));
        }
    }

    @Test
    void aPartIsNotWrittenIntoItsOwnContentFolder() {
        OpsbookException e = assertThrows(
                OpsbookException.class, () -> opsbook.pack(request(org, null), org.resolve("part.zip"), null, false));
        assertTrue(e.getMessage().contains("would be written inside the content folder"), e.getMessage());
    }

    static List<String> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
