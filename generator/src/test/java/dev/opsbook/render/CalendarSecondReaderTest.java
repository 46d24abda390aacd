package dev.opsbook.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsbook.ExampleHandbook;
import java.io.FileInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/**
 * Every calendar feed of the example, read by a second reader that shares nothing with ical4j (Python's
 * icalendar, Debian python3-icalendar): the same events at the same instants, and the refresh interval.
 */
class CalendarSecondReaderTest {
    static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

    @Test
    void pythonsIcalendarReadsTheSameEventsAsIcal4j() throws Exception {
        Path site = ExampleHandbook.shared().site();
        List<String> feeds;
        try (var files = Files.walk(site)) {
            // the feeds opsbook writes; a holiday calendar of the content is published as it was written
            feeds = files.filter(f -> f.toString().endsWith(".ics") && !f.startsWith(site.resolve("holidays")))
                    .map(Path::toString)
                    .sorted()
                    .toList();
        }
        assertTrue(feeds.size() > 10, feeds.toString());
        // Debian's own python3, which has python3-icalendar (.ci/run installs it)
        List<String> cmd = new ArrayList<>(List.of(
                Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3",
                Path.of("src/test/resources/ical/read_feeds.py").toString()));
        cmd.addAll(feeds);
        Process python = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(python.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, python.exitValue(), out);

        TreeSet<String> byPython = new TreeSet<>();
        for (String line : out.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            if (f[1].equals("REFRESH-INTERVAL")) {
                assertEquals("PT6H", f[2], f[0]);
            } else {
                byPython.add(String.join(" ", f[0], f[1], f[2], f[3], f[4]));
            }
        }
        TreeSet<String> byIcal4j = new TreeSet<>();
        for (String feed : feeds) {
            Calendar cal;
            try (var in = new FileInputStream(feed)) {
                cal = new CalendarBuilder().build(in);
            }
            for (VEvent e : cal.<VEvent>getComponents("VEVENT")) {
                byIcal4j.add(String.join(
                        " ",
                        feed,
                        e.getUid().orElseThrow().getValue(),
                        instant(e.getDateTimeStart().getDate()),
                        instant(e.getDateTimeEnd().getDate()),
                        e.getSummary().getValue()));
            }
        }
        assertTrue(byIcal4j.size() > 100, byIcal4j.size() + " events");
        assertEquals(byIcal4j, byPython);
    }

    static String instant(Object date) {
        if (date instanceof ZonedDateTime z) {
            return UTC.format(z.withZoneSameInstant(ZoneOffset.UTC));
        }
        if (date instanceof java.time.Instant i) {
            return UTC.format(i.atOffset(ZoneOffset.UTC));
        }
        return UTC.format(((java.time.OffsetDateTime) date).withOffsetSameInstant(ZoneOffset.UTC));
    }
}
