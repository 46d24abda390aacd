"""Reads iCalendar feeds with Python's icalendar (Debian python3-icalendar), a reader independent of
ical4j: for each event, prints the file, UID, start and end as UTC instants and the summary, tab-separated."""
import sys
from datetime import timezone

import icalendar

for path in sys.argv[1:]:
    with open(path, "rb") as f:
        cal = icalendar.Calendar.from_ical(f.read())
    refresh = cal.get("REFRESH-INTERVAL")
    print("\t".join([path, "REFRESH-INTERVAL", str(refresh.to_ical().decode() if refresh else "")]))
    for ev in cal.walk("VEVENT"):
        start = ev.decoded("DTSTART").astimezone(timezone.utc)
        end = ev.decoded("DTEND").astimezone(timezone.utc)
        print("\t".join([path, str(ev.get("UID")), start.strftime("%Y-%m-%dT%H:%M:%SZ"),
                         end.strftime("%Y-%m-%dT%H:%M:%SZ"), str(ev.get("SUMMARY"))]))
