package dev.opsbook.part;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A part given to a build: an {@code opsbook} zip ({@code opsbook:package} writes them) or a content folder.
 *
 * @param path  the zip file or the folder
 * @param label how findings and reports name the part when its zip's manifest names no artifact (or it is
 *              refused before its manifest is read): Maven's {@code groupId:artifactId:version} for a resolved
 *              artifact; null: the file's name (a folder: its path as given)
 */
public record Part(Path path, String label) {

    public static Part of(Path path) {
        return new Part(path, null);
    }

    public boolean isZip() {
        return !Files.isDirectory(path);
    }
}
