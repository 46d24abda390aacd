package dev.opsbook.site;

import java.nio.file.Path;

/** Refuses output folders that a build must never replace. */
public final class OutputGuard {
    private OutputGuard() {
    }

    /** Why {@code out} cannot be the output folder for {@code content}, or null when it can. */
    public static String refusal(Path content, Path out) {
        Path c = content.toAbsolutePath().normalize();
        Path o = out.toAbsolutePath().normalize();
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
        if (o.getParent() == null) {
            return "the output folder " + o + " is a filesystem root";
        }
        if (o.equals(home)) {
            return "the output folder " + o + " is the home directory";
        }
        if (o.equals(c)) {
            return "the output folder " + o + " is the content folder";
        }
        if (c.startsWith(o)) {
            return "the output folder " + o + " contains the content folder " + c;
        }
        if (o.startsWith(c)) {
            return "the output folder " + o + " is inside the content folder " + c;
        }
        return null;
    }
}
