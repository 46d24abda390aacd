package dev.opsbook.part;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A part's zip: {@code opsbook-part.json} and the content below {@code content/}. {@link #write} makes one
 * that is the same byte for byte for the same content; {@link #unpack} reads one into a folder, or refuses
 * all of it: a file that is not a zip, a zip without a manifest, an entry that would land outside the folder
 * ({@code ../}, an absolute path, a drive, a backslash), a symbolic link or other special entry, two entries
 * of one name, content whose digest is not the manifest's, or more than the limits below.
 */
public final class PartZip {
    /** The most bytes a part's content may unpack to (a zip bomb is refused as it unpacks, not by its headers). */
    public static final long MAX_BYTES = 512L << 20;
    /** The most bytes one file of a part may unpack to. */
    public static final long MAX_FILE_BYTES = 64L << 20;

    /** The time every entry carries, so that the same content gives the same zip. */
    private static final LocalDateTime TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private PartZip() {}

    /** Why a zip is not used as a part. */
    public static final class Refused extends Exception {
        public Refused(String why) {
            super(why);
        }
    }

    /**
     * Writes the {@code files} of {@code content} (relative, {@code /}-separated) as a part to {@code zip},
     * with a manifest of the given artifact and services; returns the manifest.
     */
    public static PartManifest write(
            Path content, Collection<String> files, String opsbook, String artifact, List<String> services, Path zip)
            throws IOException {
        TreeSet<String> sorted = new TreeSet<>(files);
        ContentDigest digest = new ContentDigest();
        for (String f : sorted) {
            Path p = content.resolve(f);
            try (InputStream in = Files.newInputStream(p)) {
                digest.add(f, Files.size(p), in);
            }
        }
        PartManifest manifest = new PartManifest(
                opsbook, artifact, List.copyOf(new TreeSet<>(services)), sorted.size(), digest.value());
        Path parent = zip.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".opsbook-part", ".zip");
        try {
            try (OutputStream out = Files.newOutputStream(tmp);
                    ZipOutputStream z = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
                z.setLevel(6);
                entry(z, PartManifest.NAME);
                z.write(manifest.toJson());
                z.closeEntry();
                for (String f : sorted) {
                    entry(z, PartManifest.CONTENT + f);
                    Files.copy(content.resolve(f), z);
                    z.closeEntry();
                }
            }
            Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return manifest;
    }

    private static void entry(ZipOutputStream z, String name) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(TIME);
        z.putNextEntry(e);
    }

    /**
     * Unpacks the part {@code zip} into the empty folder {@code into}: its content files at their paths, the
     * manifest returned. When it is refused, {@code into} may hold some of it; the caller deletes it.
     */
    public static PartManifest unpack(Path zip, Path into) throws IOException, Refused {
        List<String> names = centralDirectory(zip);
        Set<String> seen = new HashSet<>();
        Set<String> folded = new HashSet<>();
        boolean manifest = false;
        for (String name : names) {
            String why = unsafe(name);
            if (why != null) {
                throw new Refused("its entry '" + printable(name) + "' " + why);
            }
            if (!seen.add(name)) {
                throw new Refused("it has two entries named '" + printable(name) + "'");
            }
            if (!name.endsWith("/") && !folded.add(name.toLowerCase(Locale.ROOT))) {
                throw new Refused("its entry '" + printable(name) + "' differs from another only in case");
            }
            if (name.equals(PartManifest.NAME)) {
                manifest = true;
            } else if (!name.startsWith(PartManifest.CONTENT) && !name.equals("META-INF/")) {
                throw new Refused("its entry '" + printable(name) + "' is neither " + PartManifest.NAME + " nor below "
                        + PartManifest.CONTENT);
            }
        }
        if (!manifest) {
            throw new Refused("it is not an opsbook part: it has no " + PartManifest.NAME
                    + " (mvn opsbook:package and opsbook package write one)");
        }
        try (ZipFile z = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            PartManifest m = PartManifest.parse(read(z, z.getEntry(PartManifest.NAME), new long[] {0}));
            TreeSet<String> files = new TreeSet<>();
            for (String name : names) {
                if (name.startsWith(PartManifest.CONTENT) && !name.endsWith("/")) {
                    files.add(name.substring(PartManifest.CONTENT.length()));
                }
            }
            ContentDigest digest = new ContentDigest();
            long[] total = {0};
            for (String f : files) {
                byte[] bytes = read(z, z.getEntry(PartManifest.CONTENT + f), total);
                digest.add(f, bytes.length, new ByteArrayInputStream(bytes));
                Path target = into.resolve(f).normalize();
                if (!target.startsWith(into)) { // unsafe() has refused such a name already
                    throw new Refused("its entry '" + printable(f) + "' would land outside its folder");
                }
                Files.createDirectories(target.getParent());
                Files.write(target, bytes);
            }
            String actual = digest.value();
            if (!actual.equals(m.digest())) {
                throw new Refused("its content's digest is " + actual + ", not the " + m.digest() + " of its "
                        + PartManifest.NAME + ": the zip was changed after it was packaged");
            }
            return m;
        } catch (ZipException e) {
            throw new Refused("it is not a readable zip file: " + e.getMessage());
        }
    }

    private static byte[] read(ZipFile z, ZipEntry e, long[] total) throws IOException, Refused {
        if (e == null) {
            throw new Refused("an entry listed in its directory cannot be found");
        }
        try (InputStream in = z.getInputStream(e)) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] buf = new byte[65_536];
            long n = 0;
            for (int r; (r = in.read(buf)) > 0; ) {
                n += r;
                total[0] += r;
                if (n > MAX_FILE_BYTES) {
                    throw new Refused("its entry '" + printable(e.getName()) + "' unpacks to more than "
                            + (MAX_FILE_BYTES >> 20) + " MB");
                }
                if (total[0] > MAX_BYTES) {
                    throw new Refused("it unpacks to more than " + (MAX_BYTES >> 20) + " MB");
                }
                out.write(buf, 0, r);
            }
            return out.toByteArray();
        }
    }

    /** Why an entry's name is not safe to unpack, or null. */
    static String unsafe(String name) {
        if (name.isEmpty()) {
            return "has no name";
        }
        if (name.indexOf('\\') >= 0) {
            return "holds a backslash, which is a folder separator on Windows";
        }
        if (name.startsWith("/")) {
            return "is an absolute path";
        }
        if (name.length() >= 2 && name.charAt(1) == ':') {
            return "names a drive";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return "holds a control character";
            }
        }
        String[] segments = (name.endsWith("/") ? name.substring(0, name.length() - 1) : name).split("/", -1);
        for (String s : segments) {
            if (s.equals("..")) {
                return "leads out of its folder (..)";
            }
            if (s.isEmpty() || s.equals(".")) {
                return "has an empty or '.' segment";
            }
        }
        return null;
    }

    private static String printable(String name) {
        return dev.opsbook.finding.Finding.printable(name);
    }

    /**
     * The names of the entries in the zip's central directory, in its order, refusing what java.util.zip does
     * not tell: symbolic links and other special files (the Unix mode in an entry's external attributes), names
     * that are not UTF-8, and ZIP64 (a part is far below its sizes).
     */
    static List<String> centralDirectory(Path zip) throws IOException, Refused {
        try (RandomAccessFile f = new RandomAccessFile(zip.toFile(), "r")) {
            long length = f.length();
            int tail = (int) Math.min(length, 22 + 65_535);
            if (tail < 22) {
                throw new Refused("it is not a zip file");
            }
            byte[] end = new byte[tail];
            f.seek(length - tail);
            f.readFully(end);
            ByteBuffer b = ByteBuffer.wrap(end).order(ByteOrder.LITTLE_ENDIAN);
            int eocd = -1;
            for (int i = tail - 22; i >= 0; i--) {
                if (b.getInt(i) == 0x06054b50) {
                    eocd = i;
                    break;
                }
            }
            if (eocd < 0) {
                throw new Refused("it is not a zip file");
            }
            int count = Short.toUnsignedInt(b.getShort(eocd + 10));
            long size = Integer.toUnsignedLong(b.getInt(eocd + 12));
            long offset = Integer.toUnsignedLong(b.getInt(eocd + 16));
            if (count == 0xFFFF || size == 0xFFFFFFFFL || offset == 0xFFFFFFFFL) {
                throw new Refused("it is a ZIP64 archive, far larger than a part may be");
            }
            if (offset + size > length || size > Integer.MAX_VALUE) {
                throw new Refused("it is not a readable zip file: its directory lies outside the file");
            }
            byte[] dir = new byte[(int) size];
            f.seek(offset);
            f.readFully(dir);
            ByteBuffer d = ByteBuffer.wrap(dir).order(ByteOrder.LITTLE_ENDIAN);
            List<String> names = new ArrayList<>(count);
            int p = 0;
            for (int i = 0; i < count; i++) {
                if (p + 46 > dir.length || d.getInt(p) != 0x02014b50) {
                    throw new Refused("it is not a readable zip file: its directory is damaged");
                }
                int host = Short.toUnsignedInt(d.getShort(p + 4)) >>> 8;
                int nameLength = Short.toUnsignedInt(d.getShort(p + 28));
                int extraLength = Short.toUnsignedInt(d.getShort(p + 30));
                int commentLength = Short.toUnsignedInt(d.getShort(p + 32));
                long external = Integer.toUnsignedLong(d.getInt(p + 38));
                if (p + 46 + nameLength > dir.length) {
                    throw new Refused("it is not a readable zip file: its directory is damaged");
                }
                String name;
                try {
                    name = StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(dir, p + 46, nameLength))
                            .toString();
                } catch (CharacterCodingException e) {
                    throw new Refused("an entry's name is not UTF-8");
                }
                int type = (int) (external >>> 16) & 0xF000;
                if (host == 3 && type == 0xA000) {
                    throw new Refused("its entry '" + printable(name) + "' is a symbolic link");
                }
                if (host == 3 && type != 0 && type != 0x8000 && type != 0x4000) {
                    throw new Refused("its entry '" + printable(name) + "' is not a file or a folder");
                }
                names.add(name);
                p += 46 + nameLength + extraLength + commentLength;
            }
            return names;
        }
    }
}
