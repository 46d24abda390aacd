package dev.opsbook.part;

import java.util.List;

/**
 * A part as a build used it, for the reports.
 *
 * @param label    how findings name it ({@code groupId:artifactId:version}, or its path)
 * @param file     the zip's or folder's file name
 * @param digest   its content digest (a zip's, checked against its manifest; a folder's, worked out), or null
 *                 when it was refused
 * @param opsbook  the opsbook version that packaged it (a zip's manifest), or null
 * @param services the services of the handbook that came from it, sorted
 * @param refused  why nothing of it was used, or null
 */
public record PartInfo(
        String label, String file, String digest, String opsbook, List<String> services, String refused) {

    PartInfo withServices(List<String> ids) {
        return new PartInfo(label, file, digest, opsbook, List.copyOf(ids), refused);
    }
}
