package dev.opsbook.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsbook.ExampleHandbook;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The operations page and the report's {@code operations} against a computation by hand: this test reads the
 * example's incident files itself (SnakeYAML, java.time; none of opsbook's loaders or figures) and works out
 * what the page must say for the twelve months to 2026-11-21 in Europe/London.
 */
class OperationsPageTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 21);
    private static final ZoneId ZONE = ZoneId.of("Europe/London");
    private static final LocalDate FROM = LocalDate.of(2025, 12, 1);
    private static final List<String> SEVERITIES = List.of("P1", "P2", "P3", "P4");

    record Inc(
            String service,
            String id,
            String severity,
            ZonedDateTime started,
            Duration detect,
            Duration resolve,
            boolean ooh,
            String cause,
            int actions,
            int closed) {}

    static Document page;
    static JsonNode ops;
    static List<Inc> incidents = new ArrayList<>();

    @BeforeAll
    static void build() throws Exception {
        var built = ExampleHandbook.shared();
        page = Jsoup.parse(built.site().resolve("operations.html").toFile(), "UTF-8");
        ops = new ObjectMapper()
                .readTree(built.site().resolve("opsbook-report.json").toFile())
                .get("operations");
        Path content = ExampleHandbook.content();
        try (Stream<Path> files = Files.walk(content.resolve("services"))) {
            for (Path f : files.filter(
                            p -> p.getParent().getFileName().toString().equals("incidents"))
                    .sorted()
                    .toList()) {
                String service = f.getParent().getParent().getFileName().toString();
                String text = Files.readString(f, StandardCharsets.UTF_8);
                Map<String, Object> fm = new Yaml().load(text.split("\n---\n", 2)[0].substring(4));
                ZonedDateTime started = time(fm.get("started"));
                Duration detect =
                        fm.get("detected") == null ? null : Duration.between(started, time(fm.get("detected")));
                Duration resolve =
                        fm.get("resolved") == null ? null : Duration.between(started, time(fm.get("resolved")));
                List<Map<String, Object>> actions = fm.get("actions") == null ? List.of() : cast(fm.get("actions"));
                int closed = (int) actions.stream()
                        .filter(a -> List.of("done", "cancelled").contains(String.valueOf(a.get("status"))))
                        .count();
                boolean ooh = fm.get("outOfHours") instanceof Boolean b ? b : outOfHours(content, service, started);
                incidents.add(new Inc(
                        service,
                        f.getFileName().toString().replace(".md", ""),
                        (String) fm.get("severity"),
                        started,
                        detect,
                        resolve,
                        ooh,
                        (String) fm.get("cause"),
                        actions.size(),
                        closed));
            }
        }
        incidents.removeIf(i -> i.started().toLocalDate().isBefore(FROM)
                || i.started().toLocalDate().isAfter(AS_OF));
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }

    /** A time of the front matter: with an offset, or local to the handbook's zone. */
    private static ZonedDateTime time(Object v) {
        String s = v instanceof java.util.Date d ? d.toInstant().toString() : v.toString();
        try {
            return OffsetDateTime.parse(s).atZoneSameInstant(ZONE);
        } catch (java.time.format.DateTimeParseException e) {
            return LocalDateTime.parse(s).atZone(ZONE);
        }
    }

    /** Outside the rota's business hours (its own, else Monday to Friday 09:00 to 17:00) in the rota's zone. */
    @SuppressWarnings("unchecked")
    private static boolean outOfHours(Path content, String service, ZonedDateTime started) throws Exception {
        Map<String, Object> svc =
                new Yaml().load(Files.readString(content.resolve("services/" + service + "/service.yaml")));
        Path rotaFile = svc.get("rota") != null
                ? content.resolve("rotas/" + svc.get("rota") + ".yaml")
                : content.resolve("services/" + service + "/rota.yaml");
        Map<String, Object> rota = Files.exists(rotaFile) ? new Yaml().load(Files.readString(rotaFile)) : Map.of();
        ZoneId zone = rota.get("timezone") != null ? ZoneId.of((String) rota.get("timezone")) : ZONE;
        List<DayOfWeek> days =
                List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        LocalTime from = LocalTime.of(9, 0);
        LocalTime to = LocalTime.of(17, 0);
        if (rota.get("businessHours") instanceof Map<?, ?> h) {
            days = ((List<String>) h.get("days"))
                    .stream()
                            .map(d -> Stream.of(DayOfWeek.values())
                                    .filter(x ->
                                            x.name().toLowerCase(Locale.ROOT).startsWith(d))
                                    .findFirst()
                                    .orElseThrow())
                            .toList();
            from = LocalTime.parse((String) h.get("from"));
            to = LocalTime.parse((String) h.get("to"));
        }
        ZonedDateTime t = started.withZoneSameInstant(zone);
        return !days.contains(t.getDayOfWeek())
                || t.toLocalTime().isBefore(from)
                || !t.toLocalTime().isBefore(to);
    }

    private static Duration median(List<Duration> ds) {
        List<Duration> s = ds.stream().sorted().toList();
        int n = s.size();
        return n % 2 == 1
                ? s.get(n / 2)
                : Duration.ofSeconds(
                        (s.get(n / 2 - 1).getSeconds() + s.get(n / 2).getSeconds()) / 2);
    }

    @Test
    void theExampleHasAYearOfIncidentsAcrossItsServices() {
        assertEquals(12, incidents.size(), "the example's history: " + incidents);
        assertTrue(incidents.stream().map(Inc::service).distinct().count() == 6);
    }

    @Test
    void monthsBySeverityAndOutOfHoursMatchTheFiles() {
        JsonNode months = ops.get("months");
        assertEquals(12, months.size());
        for (int m = 0; m < 12; m++) {
            YearMonth ym = YearMonth.of(2025, 12).plusMonths(m);
            List<Inc> in = incidents.stream()
                    .filter(i -> YearMonth.from(i.started()).equals(ym))
                    .toList();
            JsonNode row = months.get(m);
            assertEquals(ym.toString(), row.get("month").asText());
            assertEquals(in.size(), row.get("incidents").asInt(), ym.toString());
            assertEquals(
                    in.stream().filter(Inc::ooh).count(), row.get("outOfHours").asLong(), ym.toString());
            Element tr = page.select("#ops-months table tbody tr").get(m);
            List<String> cells = tr.select("td").eachText();
            for (int s = 0; s < SEVERITIES.size(); s++) {
                String sev = SEVERITIES.get(s);
                long n = in.stream().filter(i -> i.severity().equals(sev)).count();
                assertEquals(n, row.get("bySeverity").get(sev).asLong(), ym + " " + sev);
                assertEquals(Long.toString(n), cells.get(s), ym + " " + sev + " on the page");
            }
            assertEquals(Integer.toString(in.size()), cells.get(4));
            assertEquals(Long.toString(in.stream().filter(Inc::ooh).count()), cells.get(5));
        }
        // per service and month, in the report and on the page
        for (JsonNode svc : ops.get("services")) {
            String id = svc.get("id").asText();
            for (int m = 0; m < 12; m++) {
                YearMonth ym = YearMonth.of(2025, 12).plusMonths(m);
                long n = incidents.stream()
                        .filter(i -> i.service().equals(id)
                                && YearMonth.from(i.started()).equals(ym))
                        .count();
                assertEquals(n, svc.get("months").get(m).get("incidents").asLong(), id + " " + ym);
            }
        }
        Element payments = page.select("#ops-by-service tbody tr").stream()
                .filter(r -> r.selectFirst("th").text().equals("Payments API"))
                .findFirst()
                .orElseThrow();
        // September 2026: the card outage (P1) and the refund backlog (P3); November: one P3
        assertEquals("2 (1 P1)", payments.select("td").get(9).text());
        assertEquals("1 P3", payments.select("td").get(11).text());
        // the chart draws one bar per month and severity that has incidents, each titled with its count
        long segments = 0;
        for (int m = 0; m < 12; m++) {
            YearMonth ym = YearMonth.of(2025, 12).plusMonths(m);
            segments += incidents.stream()
                    .filter(i -> YearMonth.from(i.started()).equals(ym))
                    .map(Inc::severity)
                    .distinct()
                    .count();
        }
        assertEquals(segments, page.select("#ops-months figure > svg rect").size());
    }

    @Test
    void timesToDetectAndResolveActionsAndTotals() {
        JsonNode t = ops.get("total");
        assertEquals(incidents.size(), t.get("incidents").asInt());
        assertEquals(
                incidents.stream().filter(Inc::ooh).count(), t.get("outOfHours").asLong());
        List<Duration> detect =
                incidents.stream().map(Inc::detect).filter(d -> d != null).toList();
        List<Duration> resolve =
                incidents.stream().map(Inc::resolve).filter(d -> d != null).toList();
        assertEquals(median(detect).getSeconds(), t.get("medianDetectSeconds").asLong());
        assertEquals(
                detect.stream().max(Comparator.naturalOrder()).orElseThrow().getSeconds(),
                t.get("worstDetectSeconds").asLong());
        assertEquals(median(resolve).getSeconds(), t.get("medianResolveSeconds").asLong());
        assertEquals(
                resolve.stream().max(Comparator.naturalOrder()).orElseThrow().getSeconds(),
                t.get("worstResolveSeconds").asLong());
        int actions = incidents.stream().mapToInt(Inc::actions).sum();
        int closed = incidents.stream().mapToInt(Inc::closed).sum();
        assertEquals(actions, t.get("actions").asInt());
        assertEquals(closed, t.get("actionsClosed").asInt());
        String summary = page.getElementById("ops-summary").text();
        assertTrue(
                summary.contains(actions + " opened, " + closed + " closed, " + (actions - closed) + " still open"),
                summary);
        assertTrue(summary.contains("Time to detect " + Formats.span(median(detect))), summary);
        // per service: the same sums over each service's incidents
        for (JsonNode s : ops.get("services")) {
            List<Inc> own = incidents.stream()
                    .filter(i -> i.service().equals(s.get("id").asText()))
                    .toList();
            assertEquals(own.size(), s.get("incidents").asInt(), s.toString());
            assertEquals(
                    own.stream().filter(Inc::ooh).count(), s.get("outOfHours").asLong(), s.toString());
            assertEquals(
                    own.stream().mapToInt(Inc::actions).sum(), s.get("actions").asInt(), s.toString());
        }
    }

    @Test
    void availabilityIsTheTimeOutsideMajorIncidentsAgainstTheSla() throws Exception {
        Path content = ExampleHandbook.content();
        for (JsonNode s : ops.get("services")) {
            String id = s.get("id").asText();
            Map<String, Object> svc =
                    new Yaml().load(Files.readString(content.resolve("services/" + id + "/service.yaml")));
            Object written = svc.get("productionSince"); // SnakeYAML reads a date as a java.util.Date at midnight UTC
            LocalDate since = written instanceof java.util.Date d
                    ? d.toInstant().atZone(ZoneId.of("UTC")).toLocalDate()
                    : LocalDate.parse(written.toString());
            if (since.isBefore(FROM)) {
                since = FROM;
            }
            long total = Duration.between(
                            since.atStartOfDay(ZONE), AS_OF.plusDays(1).atStartOfDay(ZONE))
                    .getSeconds();
            // the example's P1/P2 incidents of one service do not overlap: their durations add up
            long down = incidents.stream()
                    .filter(i ->
                            i.service().equals(id) && List.of("P1", "P2").contains(i.severity()) && i.resolve() != null)
                    .mapToLong(i -> i.resolve().getSeconds())
                    .sum();
            assertEquals(down, s.get("downtimeSeconds").asLong(), id);
            BigDecimal expected =
                    BigDecimal.valueOf((total - down) * 100).divide(BigDecimal.valueOf(total), 3, RoundingMode.DOWN);
            assertEquals(
                    0, expected.compareTo(s.get("availability").decimalValue()), id + ": " + expected + " vs " + s);
            Map<String, Object> sla =
                    new Yaml().load(Files.readString(content.resolve("services/" + id + "/sla.yaml")));
            assertEquals(
                    0,
                    new BigDecimal(sla.get("availability").toString())
                            .compareTo(s.get("slaAvailability").decimalValue()),
                    id);
        }
        // the notifications service: its three P2s of the autumn, 2 h 38 min, 40 min and 2 h 15 min
        Element row = page.select("#ops-services tbody tr").stream()
                .filter(r -> r.selectFirst("th").text().equals("Notifications"))
                .findFirst()
                .orElseThrow();
        assertTrue(row.text().contains("99.5 %"), row.text());
    }

    @Test
    void causesAreRankedByHowManyIncidentsTheyExplain() {
        Map<String, Integer> counts = new TreeMap<>();
        incidents.stream().filter(i -> i.cause() != null).forEach(i -> counts.merge(i.cause(), 1, Integer::sum));
        JsonNode causes = ops.get("causes");
        assertEquals(counts.size(), causes.size());
        int previous = Integer.MAX_VALUE;
        Map<String, Integer> fromReport = new LinkedHashMap<>();
        for (JsonNode c : causes) {
            int n = c.get("incidents").asInt();
            assertTrue(n <= previous, "most first");
            previous = n;
            fromReport.put(c.get("cause").asText(), n);
            assertEquals(
                    Math.round(n * 100.0 / incidents.size()),
                    c.get("sharePercent").asLong());
        }
        assertEquals(counts, new TreeMap<>(fromReport));
        assertEquals("change", causes.get(0).get("cause").asText(), "changes cause most of the example's incidents");
        assertEquals(
                page.select("#ops-causes tbody tr").stream()
                        .map(r -> r.selectFirst("td").text())
                        .toList(),
                fromReport.values().stream().map(String::valueOf).toList());
        assertEquals(
                incidents.stream().filter(i -> i.cause() == null).count(),
                ops.get("withoutCause").asLong());
    }

    @Test
    void theExampleHasOneServiceReadyOneHeldByNightsAndOneForHandBack() throws Exception {
        Document ready = Jsoup.parse(
                ExampleHandbook.shared()
                        .site()
                        .resolve("services/fraud-check/index.html")
                        .toFile(),
                "UTF-8");
        assertEquals(
                "Hand-off: Ready to be handed over to operations. Incidents and hand-offs",
                ready.getElementById("handoff-line").text());
        Document held = Jsoup.parse(
                ExampleHandbook.shared()
                        .site()
                        .resolve("services/payments-api/index.html")
                        .toFile(),
                "UTF-8");
        assertTrue(
                held.getElementById("handoff-line")
                        .text()
                        .startsWith(
                                "Hand-off: Not ready to be handed over to operations, held by handoff-out-of-hours"),
                held.getElementById("handoff-line").text());
        Document back = Jsoup.parse(
                ExampleHandbook.shared()
                        .site()
                        .resolve("services/notifications/index.html")
                        .toFile(),
                "UTF-8");
        assertEquals(
                "Hand-off: To be handed back to its developers: handoff-major-incidents, handoff-open-actions. Incidents"
                        + " and hand-offs",
                back.getElementById("handoff-line").text());
        // the evidence, on the operations page
        String handoffs = page.getElementById("ops-handoff").text();
        assertTrue(
                handoffs.contains("handoff-major-incidents: 'notifications' had 3 incidents of the two most severe"
                        + " levels in the 90 days to 2026-11-21"),
                handoffs);
        assertTrue(
                handoffs.contains("handoff-out-of-hours: 'payments-api' had 3 incidents that started out of hours"),
                handoffs);
        long nights = incidents.stream()
                .filter(i -> i.service().equals("payments-api")
                        && i.ooh()
                        && !i.started().toLocalDate().isBefore(AS_OF.minusDays(89)))
                .count();
        assertEquals(3, nights);
    }
}
