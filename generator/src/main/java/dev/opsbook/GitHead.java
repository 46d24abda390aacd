package dev.opsbook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The commit a content folder's git repository is at, read from its {@code .git} as git writes it (HEAD, a
 * loose ref or {@code packed-refs}; a worktree's or submodule's {@code .git} file), without running git. For
 * the audit document: which source the verdicts are of.
 */
final class GitHead {
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");

    private GitHead() {}

    /** The nearest folder at or above {@code folder} that has a {@code .git} (a repository's root), or null. */
    static Path repository(Path folder) {
        for (Path p = folder.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
                return p;
            }
        }
        return null;
    }

    /** The commit of the nearest repository at or above {@code folder}, or null (no repository, no commit yet). */
    static String commit(Path folder) {
        Path root = repository(folder);
        if (root == null) {
            return null;
        }
        try {
            return commitOf(gitDir(root, root.resolve(".git")));
        } catch (IOException | RuntimeException e) {
            return null; // a repository opsbook cannot read: the document says no commit
        }
    }

    /** The repository's folder: {@code .git} itself, or where its {@code gitdir:} line leads. */
    private static Path gitDir(Path worktree, Path git) throws IOException {
        if (Files.isDirectory(git)) {
            return git;
        }
        String line = Files.readString(git, StandardCharsets.UTF_8).strip();
        if (!line.startsWith("gitdir:")) {
            throw new IOException("not a .git file");
        }
        return worktree.resolve(line.substring("gitdir:".length()).strip()).normalize();
    }

    private static String commitOf(Path gitDir) throws IOException {
        String head =
                Files.readString(gitDir.resolve("HEAD"), StandardCharsets.UTF_8).strip();
        if (SHA.matcher(head).matches()) {
            return head; // a detached HEAD, as CI checks out
        }
        if (!head.startsWith("ref:")) {
            return null;
        }
        String ref = head.substring("ref:".length()).strip();
        if (ref.contains("..")) {
            return null;
        }
        // a worktree keeps HEAD of its own, its refs in the common folder
        Path common = gitDir;
        Path commonFile = gitDir.resolve("commondir");
        if (Files.isRegularFile(commonFile)) {
            common = gitDir.resolve(
                            Files.readString(commonFile, StandardCharsets.UTF_8).strip())
                    .normalize();
        }
        for (Path dir : new Path[] {gitDir, common}) {
            Path loose = dir.resolve(ref);
            if (Files.isRegularFile(loose)) {
                String sha = Files.readString(loose, StandardCharsets.UTF_8).strip();
                return SHA.matcher(sha).matches() ? sha : null;
            }
        }
        for (Path dir : new Path[] {gitDir, common}) {
            Path packed = dir.resolve("packed-refs");
            if (Files.isRegularFile(packed)) {
                for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
                    String[] parts = line.strip().split(" ", 2);
                    if (parts.length == 2
                            && parts[1].equals(ref)
                            && SHA.matcher(parts[0]).matches()) {
                        return parts[0];
                    }
                }
            }
        }
        return null; // a branch without a commit yet
    }
}
