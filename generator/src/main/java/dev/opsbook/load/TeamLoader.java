package dev.opsbook.load;

import dev.opsbook.finding.Rules;
import dev.opsbook.model.Person;
import dev.opsbook.model.Phone;
import dev.opsbook.model.Team;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads {@code teams/<id>.yaml}. Phone numbers and email addresses become links, so they are checked. */
final class TeamLoader {
    /** An address that a mailto: link can carry as it is: no display name, no query, no spaces. */
    private static final Pattern EMAIL =
            Pattern.compile("[\\p{L}\\p{N}._%+'\\-]+@[\\p{L}\\p{N}\\-]+(\\.[\\p{L}\\p{N}\\-]+)*");

    private TeamLoader() {}

    static Team read(String id, YamlMap y) {
        y.require("name");
        checkId(id, y);
        String name = y.string("name");
        String email = email(y);
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
            String pemail = email(m);
            String phone = phone(m, "phone");
            String tz = timezone(m, "timezone");
            m.finish();
            if (pid != null) {
                members.add(new Person(pid, pname != null ? pname : pid, pemail, phone, tz, id, m.pos()));
            }
        }
        y.finish();
        return new Team(id, name != null ? name : id, email, chat, List.copyOf(members), y.pos());
    }

    /** A person's time zone ({@code key}), or null (with a finding) when it is not an IANA zone. */
    static String timezone(YamlMap m, String key) {
        // the same check as the handbook's and a rota's zone (SettingsLoader.zone), kept as written
        return SettingsLoader.zone(m, key) == null ? null : m.string(key);
    }

    /** A person's {@code phone} ({@code key}), or null (with a finding) when a tel: link could not dial it. */
    static String phone(YamlMap m, String key) {
        String phone = m.string(key);
        m.expect(key, SchemaPatterns.PHONE);
        if (phone != null && !Phone.dialable(phone)) {
            m.schema(
                    key,
                    "'" + key + "' is not a phone number: '" + phone + "'",
                    "write the number as dialled from abroad, in digits with spaces, such as +44 20 7946 0101");
            return null;
        }
        return phone == null ? null : phone.strip();
    }

    /** A team's or a person's {@code email}, or null (with a finding) when it is not a plain address. */
    static String email(YamlMap m) {
        String email = m.string("email");
        m.expect("email", SchemaPatterns.EMAIL);
        if (email != null && !EMAIL.matcher(email.strip()).matches()) {
            m.schema(
                    "email",
                    "'email' is not an email address: '" + email + "'",
                    "write the address alone, such as alice@example.com (no mailto:, no name, no spaces)");
            return null;
        }
        return email == null ? null : email.strip();
    }

    /** An {@code id} key, where given, must match the file or folder name. */
    static void checkId(String id, YamlMap y) {
        String given = y.string("id");
        if (given != null && !given.equals(id)) {
            y.error(
                    Rules.INVALID_ID,
                    y.pos("id"),
                    "id '" + given + "' differs from its file name '" + id + "'",
                    "remove the id key or make it '" + id + "'");
        }
    }
}
