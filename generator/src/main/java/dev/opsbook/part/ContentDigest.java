package dev.opsbook.part;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.TreeSet;

/**
 * {@code sha256:…} over every input file, sorted by path: for each file its path, a NUL byte, its
 * length as decimal text, a NUL byte and its bytes. A renamed, added, removed or edited file changes it.
 */
public final class ContentDigest {
    private final MessageDigest sha;
    private final byte[] buffer = new byte[65_536];
    private String last;

    /** A digest to give the files to one by one, in path order ({@link #add}). */
    public ContentDigest() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String of(Path root, Collection<String> files) throws IOException {
        return of(root, root, files);
    }

    /**
     * The digest of {@code files} of the content folder {@code root}, those named {@code ../} being found from
     * {@code outside} (the organisation's content folder, when {@code root} is a merge of it and parts).
     */
    public static String of(Path root, Path outside, Collection<String> files) throws IOException {
        ContentDigest d = new ContentDigest();
        for (String file : new TreeSet<>(files)) {
            Path p = (file.startsWith("../") ? outside : root).resolve(file);
            try (InputStream in = Files.newInputStream(p)) {
                d.add(file, Files.size(p), in);
            }
        }
        return d.value();
    }

    /** The next file, which must come after the one before in path order; its {@code in} is read to its end. */
    public ContentDigest add(String file, long size, InputStream in) throws IOException {
        if (last != null && last.compareTo(file) >= 0) {
            throw new IllegalArgumentException("files out of order: " + file + " after " + last);
        }
        last = file;
        sha.update(file.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(Long.toString(size).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) 0);
        for (int n; (n = in.read(buffer)) > 0; ) {
            sha.update(buffer, 0, n);
        }
        return this;
    }

    /** {@code sha256:} and the digest's hex. */
    public String value() {
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }
}
