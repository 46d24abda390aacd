package dev.opsbook.model;

import java.util.List;

/**
 * {@code guides/<id>.md}: a page of the whole organisation, such as a playbook (how an incident is
 * run, what the Support Lead does). The id is the path below {@code guides/} without {@code .md}, so
 * a guide in a sub-folder has an id such as {@code onboarding/first-week}.
 */
/** {@code aliases} are the site paths of its earlier addresses. */
public record Guide(String id, String title, String summary, List<String> aliases, Markdown body, Pos pos) {
    public String file() {
        return pos.file();
    }
}
