package dev.opsbook.load;

import dev.opsbook.finding.Rules;
import dev.opsbook.model.Person;
import dev.opsbook.model.Team;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code teams/<id>.yaml}. */
final class TeamLoader {
    private TeamLoader() {
    }

    static Team read(String id, YamlMap y) {
        y.require("name");
        checkId(id, y);
        String name = y.string("name");
        String email = y.string("email");
        String chat = y.string("chat");
        List<Person> members = new ArrayList<>();
        for (YamlMap m : y.maps("members")) {
            m.require("id", "name");
            String pid = m.string("id");
            if (pid != null && !Ids.valid(pid)) {
                m.error(Rules.INVALID_ID, m.pos("id"), "person " + Ids.problem(pid), "use '" + Ids.suggest(pid) + "'");
                pid = null;
            }
            String pname = m.string("name");
            String pemail = m.string("email");
            String phone = m.string("phone");
            String tz = m.string("timezone");
            if (tz != null) {
                try {
                    java.time.ZoneId.of(tz);
                } catch (java.time.DateTimeException e) {
                    String near = dev.opsbook.finding.DidYouMean.closestZone(tz);
                    m.schema("timezone", "'timezone' is not an IANA time zone: '" + tz + "'"
                                    + dev.opsbook.finding.DidYouMean.mention(near),
                            dev.opsbook.finding.DidYouMean.changeTo(near, "use a zone such as Europe/London"));
                    tz = null;
                }
            }
            m.finish();
            if (pid != null) {
                members.add(new Person(pid, pname != null ? pname : pid, pemail, phone, tz, id, m.pos()));
            }
        }
        y.finish();
        return new Team(id, name != null ? name : id, email, chat, List.copyOf(members), y.pos());
    }

    /** An {@code id} key, where given, must match the file or folder name. */
    static void checkId(String id, YamlMap y) {
        String given = y.string("id");
        if (given != null && !given.equals(id)) {
            y.error(Rules.INVALID_ID, y.pos("id"), "id '" + given + "' differs from its file name '" + id + "'",
                    "remove the id key or make it '" + id + "'");
        }
    }
}
