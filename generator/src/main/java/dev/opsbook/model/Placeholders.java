package dev.opsbook.model;

/**
 * The placeholders that the skeletons of {@code opsbook new} write where only the team can say what belongs:
 * text starting {@code TODO} ({@code description: "TODO: what the service does, in one sentence"}, a runbook
 * section holding {@code TODO: …}). A placeholder left as written fails the rule of what it stands for, with
 * a hint naming it.
 */
public final class Placeholders {
    /** How every placeholder starts. */
    public static final String MARK = "TODO";

    private Placeholders() {}

    /** Whether {@code text} is a placeholder left as written. */
    public static boolean is(String text) {
        return text != null && text.strip().startsWith(MARK);
    }
}
