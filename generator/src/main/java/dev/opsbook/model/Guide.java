package dev.opsbook.model;

/**
 * {@code guides/<id>.md}: a page of the whole organisation, such as a playbook (how an incident is
 * run, what the Support Lead does). The id is the path below {@code guides/} without {@code .md}, so
 * a guide in a sub-folder has an id such as {@code onboarding/first-week}.
 */
public record Guide(String id, String title, String summary, Markdown body, Pos pos) {
    public String file() {
        return pos.file();
    }
}
