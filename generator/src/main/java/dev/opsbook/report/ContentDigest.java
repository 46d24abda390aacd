package dev.opsbook.report;

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
    private ContentDigest() {}

    public static String of(Path root, Collection<String> files) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[65_536];
        for (String file : new TreeSet<>(files)) {
            Path p = root.resolve(file);
            sha.update(file.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(Long.toString(Files.size(p)).getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) 0);
            try (InputStream in = Files.newInputStream(p)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    sha.update(buffer, 0, n);
                }
            }
        }
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }
}
