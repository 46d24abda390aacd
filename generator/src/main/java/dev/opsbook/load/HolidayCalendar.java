package dev.opsbook.load;

import dev.opsbook.finding.Rules;
import dev.opsbook.model.Pos;
import dev.opsbook.model.Rota;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * A holiday calendar kept in the content ({@code holidays: { calendar: holidays/england.ics }}), read with
 * ical4j: each event is a holiday of the days from its {@code DTSTART} to before its {@code DTEND} (one day
 * without an end), named by its {@code SUMMARY}. Government and HR calendars list each date; a recurring
 * event ({@code RRULE}) is refused rather than read as one day.
 */
final class HolidayCalendar {
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;
    /** At most this many days a holiday event (a "holiday" of a year is a mistake, not a holiday). */
    static final int MAX_DAYS = 31;

    private HolidayCalendar() {}

    static void read(String text, String file, Pos at, YamlMap holidays, List<Rota.Holiday> out) {
        Calendar cal;
        try {
            cal = new CalendarBuilder().build(new StringReader(text));
        } catch (ParserException e) {
            holidays.error(
                    Rules.SCHEMA,
                    new Pos(file, Math.max(1, e.getLineNo()), 1),
                    "the holiday calendar " + file + " is not an iCalendar file: " + e.getMessage(),
                    "export the calendar again as .ics, or list the days under `holidays: { days: [...] }`");
            holidays.refuse("calendar");
            return;
        } catch (IOException | RuntimeException e) {
            holidays.error(
                    Rules.SCHEMA,
                    new Pos(file, 1, 1),
                    "the holiday calendar " + file + " could not be read: " + e.getMessage(),
                    "export the calendar again as .ics, or list the days under `holidays: { days: [...] }`");
            holidays.refuse("calendar");
            return;
        }
        for (VEvent e : cal.<VEvent>getComponents("VEVENT")) {
            String name =
                    e.getProperty(Property.SUMMARY).map(Property::getValue).orElse("Holiday");
            Pos where = new Pos(file, line(text, e), 1);
            if (e.getProperty(Property.RRULE).isPresent()) {
                holidays.error(
                        Rules.SCHEMA,
                        where,
                        "holiday '" + name + "' in " + file + " repeats (RRULE): opsbook reads holidays as dates",
                        "export the calendar with each date listed, or list the days under `holidays: { days: [...] }`");
                holidays.refuse("calendar");
                continue;
            }
            LocalDate from =
                    date(e.getProperty(Property.DTSTART).map(Property::getValue).orElse(null));
            if (from == null) {
                holidays.error(
                        Rules.SCHEMA,
                        where,
                        "holiday '" + name + "' in " + file + " has no date (DTSTART) opsbook can read",
                        "give the event a DTSTART;VALUE=DATE:yyyymmdd");
                holidays.refuse("calendar");
                continue;
            }
            LocalDate end =
                    date(e.getProperty(Property.DTEND).map(Property::getValue).orElse(null));
            if (end == null || !end.isAfter(from)) {
                end = from.plusDays(1);
            }
            if (end.isAfter(from.plusDays(MAX_DAYS))) {
                holidays.error(
                        Rules.SCHEMA,
                        where,
                        "holiday '" + name + "' in " + file + " lasts more than " + MAX_DAYS + " days",
                        "a holiday calendar lists days off: correct the event's DTEND");
                holidays.refuse("calendar");
                continue;
            }
            for (LocalDate d = from; d.isBefore(end); d = d.plusDays(1)) {
                out.add(new Rota.Holiday(d, name, null, null, where));
            }
        }
    }

    /** {@code 20261225} or {@code 20261225T000000(Z)}: the date. */
    private static LocalDate date(String value) {
        if (value == null || value.length() < 8) {
            return null;
        }
        try {
            return LocalDate.parse(value.substring(0, 8), BASIC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The line of the event's UID (or of its summary) in the file, so that a finding points at it. */
    private static int line(String text, VEvent e) {
        String probe = e.getProperty(Property.UID)
                .map(p -> "UID:" + p.getValue())
                .or(() -> e.getProperty(Property.SUMMARY).map(p -> "SUMMARY:" + p.getValue()))
                .orElse(null);
        int i = probe == null ? -1 : text.indexOf(probe);
        if (i < 0) {
            return 1;
        }
        int line = 1;
        for (int k = 0; k < i; k++) {
            if (text.charAt(k) == '\n') {
                line++;
            }
        }
        return line;
    }
}
