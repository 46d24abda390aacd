package dev.opsbook.model;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code services/<service>/runbooks/<id>.md}: front matter and Markdown. {@code noAlert} is why no alert
 * leads to it (a runbook opened from a checklist, say), when it says so; null otherwise.
 */
public record Runbook(
        String id,
        String service,
        String title,
        String summary,
        Ref severity,
        List<Ref> alerts,
        Ref owner,
        LocalDate lastReviewed,
        Pos lastReviewedPos,
        Ref reviewedBy,
        LocalDate lastExercised,
        List<String> tags,
        List<String> aliases,
        String noAlert,
        Markdown body,
        Pos pos,
        java.util.Set<String> refused) {

    public Runbook {
        refused = java.util.Set.copyOf(refused);
    }

    /**
     * Whether the front matter key {@code key} is written but could not be taken as written (its value was
     * refused, it is written twice or misspelled): what rests on it has been reported already.
     */
    public boolean refused(String key) {
        return refused.contains(key);
    }

    public String file() {
        return pos.file();
    }
}
