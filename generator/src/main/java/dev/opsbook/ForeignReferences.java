package dev.opsbook;

import dev.opsbook.finding.Finding;
import dev.opsbook.finding.Findings;
import dev.opsbook.finding.Rules;
import dev.opsbook.model.Handbook;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * In a part's check (a team's content with the organisation's shared facts), a reference to a service that is not
 * in the build is a service of another repository, which only the organisation's build knows: such a
 * {@code broken-reference} is left to that build. A reference to a service that is here, with no such runbook,
 * stays an error, and so does every other kind.
 */
final class ForeignReferences {
    /** The service a broken reference names: {@code service 'x'}, {@code runbook 'x/…'}, {@code file services/x/…}. */
    private static final Pattern SERVICE = Pattern.compile(
            "there is no (?:service '([^'/]+)'|(?:runbook|review|incident) '([^'/]+)/|file services/([^/\\s]+)/)");

    private ForeignReferences() {}

    /** Takes those references out of {@code findings} and returns them. */
    static List<Finding> defer(Handbook handbook, Findings findings) {
        return findings.remove(f -> {
            String service = f.rule().equals(Rules.BROKEN_REFERENCE) ? service(f.message()) : null;
            return service != null && handbook.service(service).isEmpty();
        });
    }

    /** The service that a broken reference's message names, or null. */
    static String service(String message) {
        Matcher m = SERVICE.matcher(message);
        if (!m.find()) {
            return null;
        }
        return m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
    }
}
