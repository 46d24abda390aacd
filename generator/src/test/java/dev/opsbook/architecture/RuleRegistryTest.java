package dev.opsbook.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsbook.check.CompletenessCheck;
import dev.opsbook.check.Levels;
import dev.opsbook.check.rules.AllChecks;
import dev.opsbook.finding.Level;
import dev.opsbook.finding.Rule;
import dev.opsbook.finding.Rules;
import dev.opsbook.report.RuleCatalog;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link Rule} is the one list of rule ids: the rules that run, the readiness levels, the report's
 * catalogue, the constants code names them by, the user documentation and the contract all agree with it.
 */
class RuleRegistryTest {
    /** A rule's row in a Markdown table: its id in backticks, and its severity in brackets if one is given. */
    private static final Pattern ROW = Pattern.compile("(?m)^\\| `([a-z][a-z-]*)`(?: \\[([^\\]]+)\\])? \\|");

    private static final Pattern LEVEL_ROW = Pattern.compile("(?m)^\\| `([a-z-]+)` \\| ([a-z, -]+) \\|$");

    @Test
    void theChecksThatRunAreTheCompletenessRulesInTheirOrder() {
        List<String> running =
                AllChecks.LIST.stream().map(CompletenessCheck::id).toList();
        assertEquals(Rule.ids(Rule.Kind.COMPLETENESS), running);
        for (CompletenessCheck c : AllChecks.LIST) {
            assertEquals(Rule.of(c.id()).orElseThrow().description(), c.description(), c.id());
        }
        assertEquals(
                Arrays.stream(Rule.values()).map(Rule::id).toList(), List.copyOf(RuleCatalog.DESCRIPTIONS.keySet()));
    }

    @Test
    void theConstantsCodeNamesRulesByAreTheirIds() throws Exception {
        int constants = 0;
        for (Field f : Rules.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                assertEquals(Rule.valueOf(f.getName()).id(), f.get(null), "Rules." + f.getName());
                constants++;
            }
        }
        assertEquals(Rule.ids(Rule.Kind.STRUCTURAL).size(), constants, "a constant for every structural rule");
    }

    @Test
    void everyRuleOfALevelIsACompletenessRuleAndEachIsInAtMostOneLevel() {
        List<String> seen = new ArrayList<>();
        Levels.DEFAULT.values().forEach(seen::addAll);
        assertEquals(seen.stream().distinct().count(), seen.size(), seen.toString());
        assertTrue(Rule.ids(Rule.Kind.COMPLETENESS).containsAll(seen), seen.toString());
    }

    @Test
    void theUserDocumentationListsEveryRuleWithItsSeverityAndTheLevels() throws Exception {
        String doc = Files.readString(Path.of("../docs/checks.md"));
        assertRows(doc, "docs/checks.md");
        assertEquals(Levels.DEFAULT, levels(doc), "docs/checks.md's readiness levels");
    }

    @Test
    void theContractListsTheSameRulesAndLevels() throws Exception {
        Path spec = Path.of("../../shared/spec/checks.md");
        if (!Files.isRegularFile(spec)) {
            return; // the contract lives beside the repository, as in CI; docs/checks.md is checked above
        }
        String text = Files.readString(spec);
        Map<String, String> rows = rows(text);
        List<String> expected =
                new ArrayList<>(Arrays.stream(Rule.values()).map(Rule::id).toList());
        // opsbook's own rules (docs/checks.md), not in the contract's table
        expected.remove(Rule.UNSAFE_CONTENT.id());
        expected.remove(Rule.MARKDOWN_OFFLINE.id());
        expected.remove(Rule.ALERT_RULE_RUNBOOK.id());
        expected.remove(Rule.CATALOG_CONFLICT.id()); // Backstage catalogs (issue 21)
        expected.remove(Rule.PART_REFUSED.id()); // many repositories in one handbook (issue 23)
        // and the on-call rules of issue 20, which join the supportable level beyond the contract
        // and the hand-off rules of issue 24, which join operations-ready
        List<String> onCall = List.of(
                Rule.ROTA_PAGING_UNCOVERED.id(),
                Rule.ROTA_NO_PHONE.id(),
                Rule.ROTA_ESCALATION_UNREACHABLE.id(),
                Rule.ROTA_ONCALL_LIMIT.id(),
                Rule.HANDOFF_PRODUCTION_TIME.id(),
                Rule.HANDOFF_OUT_OF_HOURS.id(),
                Rule.HANDOFF_MAJOR_INCIDENTS.id(),
                Rule.HANDOFF_OPEN_ACTIONS.id(),
                Rule.HANDOFF_TELEMETRY.id(),
                Rule.HANDOFF_CHANGE_SAFETY.id(),
                Rule.HANDOFF_COUPLING.id());
        expected.removeAll(onCall);
        assertEquals(expected, List.copyOf(rows.keySet()), "shared/spec/checks.md's rules");
        Map<String, List<String>> contractLevels = new java.util.LinkedHashMap<>();
        Levels.DEFAULT.forEach((level, rules) -> contractLevels.put(
                level, rules.stream().filter(r -> !onCall.contains(r)).toList()));
        assertEquals(contractLevels, levels(text), "shared/spec/checks.md's readiness levels");
    }

    private static void assertRows(String doc, String name) {
        Map<String, String> rows = rows(doc);
        assertEquals(
                Arrays.stream(Rule.values()).map(Rule::id).toList(), List.copyOf(rows.keySet()), name + "'s rules");
        for (Rule r : Rule.values()) {
            String shown = rows.get(r.id());
            if (r.kind() == Rule.Kind.COMPLETENESS && r.level() != null) {
                assertEquals(r.level().name().toLowerCase(Locale.ROOT), shown, name + ": the severity of " + r.id());
            } else if (r.kind() == Rule.Kind.COMPLETENESS) {
                assertTrue(
                        shown != null
                                && Arrays.stream(Level.values())
                                        .noneMatch(l -> l.name().equalsIgnoreCase(shown)),
                        name + ": " + r.id() + " depends on the service, as its row should say: " + shown);
            }
        }
    }

    /** Rule id → the severity its row gives (null when none), in the order of the rows. */
    private static Map<String, String> rows(String doc) {
        Map<String, String> rows = new LinkedHashMap<>();
        Matcher m = ROW.matcher(doc);
        while (m.find()) {
            if (Rule.of(m.group(1)).isPresent()
                    || !Levels.DEFAULT.containsKey(m.group(1)) && !m.group(1).contains("report")) {
                rows.putIfAbsent(m.group(1), m.group(2));
            }
        }
        rows.keySet().removeIf(id -> Rule.of(id).isEmpty() && !id.matches("[a-z]+(-[a-z]+)+"));
        return rows;
    }

    private static Map<String, List<String>> levels(String doc) {
        Map<String, List<String>> levels = new LinkedHashMap<>();
        Matcher m = LEVEL_ROW.matcher(doc);
        while (m.find()) {
            if (Levels.DEFAULT.containsKey(m.group(1)) || m.group(2).contains(",")) {
                levels.put(m.group(1), List.of(m.group(2).strip().split(", ")));
            }
        }
        return levels;
    }
}
