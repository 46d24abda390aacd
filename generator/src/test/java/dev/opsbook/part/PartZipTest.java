package dev.opsbook.part;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsbook.ExampleHandbook;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A part's zip: written the same for the same content, read back whole, and refused whole when it is not safe. */
class PartZipTest {
    @TempDir
    Path dir;

    @Test
    void theExampleHandbookPackagesAndUnpacksToItsOwnFilesTheSameZipEachTime() throws Exception {
        Path content = ExampleHandbook.content();
        List<String> files = Merge.files(content).stream()
                .filter(f -> !f.equals("pom.xml") && !f.startsWith("target/"))
                .toList();
        PartManifest m = PartZip.write(
                content, files, "0.1.0", "com.example:handbook:1.0", List.of("b", "a"), dir.resolve("one.zip"));
        PartZip.write(content, files, "0.1.0", "com.example:handbook:1.0", List.of("a", "b"), dir.resolve("two.zip"));
        assertArrayEquals(Files.readAllBytes(dir.resolve("one.zip")), Files.readAllBytes(dir.resolve("two.zip")));
        assertEquals(List.of("a", "b"), m.services());
        assertEquals(files.size(), m.files());
        assertEquals(ContentDigest.of(content, files), m.digest());

        Path into = Files.createDirectory(dir.resolve("into"));
        PartManifest read = PartZip.unpack(dir.resolve("one.zip"), into);
        assertEquals(m, read);
        assertEquals(files, Merge.files(into));
        for (String f : files) {
            assertArrayEquals(Files.readAllBytes(content.resolve(f)), Files.readAllBytes(into.resolve(f)), f);
        }
    }

    /** A zip with these entries (name to text), the manifest's digest that of the content entries. */
    private Path zip(String name, Map<String, String> entries) throws IOException {
        Path zip = dir.resolve(name);
        ContentDigest digest = new ContentDigest();
        new java.util.TreeMap<>(entries).forEach((k, v) -> {
            if (k.startsWith(PartManifest.CONTENT) && !k.endsWith("/")) {
                byte[] b = v.getBytes(StandardCharsets.UTF_8);
                try {
                    digest.add(
                            k.substring(PartManifest.CONTENT.length()), b.length, new java.io.ByteArrayInputStream(b));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
        String manifest = "{\"format\": \"opsbook-part/1\", \"opsbook\": \"0.1.0\", \"services\": [], \"files\": 1,"
                + " \"digest\": \"" + digest.value() + "\"}";
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            if (!entries.containsKey(PartManifest.NAME)) {
                z.putNextEntry(new ZipEntry(PartManifest.NAME));
                z.write(manifest.getBytes(StandardCharsets.UTF_8));
            }
            for (Map.Entry<String, String> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return zip;
    }

    private String refusal(Path zip) throws IOException {
        Path into = Files.createDirectories(dir.resolve("into-" + zip.getFileName()));
        PartZip.Refused r = assertThrows(PartZip.Refused.class, () -> PartZip.unpack(zip, into));
        return r.getMessage();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "content/../../escaped.md",
                "content/services/../../../escaped.md",
                "/etc/escaped.md",
                "content\\..\\..\\escaped.md",
                "C:/escaped.md",
                "content//escaped.md",
                "content/./escaped.md"
            })
    void anEntryThatWouldLandOutsideItsFolderIsRefusedAndNothingIsWritten(String name) throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("content/services/api/service.yaml", "name: API\n");
        entries.put(name, "# escaped\n");
        String why = refusal(zip("hostile.zip", entries));
        assertTrue(why.startsWith("its entry '" + name + "' "), why);
        try (Stream<Path> all = Files.walk(dir)) {
            assertTrue(all.noneMatch(p -> p.getFileName().toString().equals("escaped.md")));
        }
    }

    @Test
    void aSymbolicLinkEntryIsRefused() throws Exception {
        Path zip = zip("link.zip", Map.of("content/services/api/runbooks/passwd.md", "/etc/passwd"));
        // made by Unix (3), mode 0120777: a symbolic link whose target is the entry's text
        patchCentralDirectory(zip, "content/services/api/runbooks/passwd.md", 0xA1FF);
        assertEquals("its entry 'content/services/api/runbooks/passwd.md' is a symbolic link", refusal(zip));
    }

    @Test
    void aDeviceOrPipeEntryIsRefused() throws Exception {
        Path zip = zip("fifo.zip", Map.of("content/fifo.md", ""));
        patchCentralDirectory(zip, "content/fifo.md", 0x11B6); // 010666: a named pipe
        assertEquals("its entry 'content/fifo.md' is not a file or a folder", refusal(zip));
    }

    @Test
    void twoEntriesOfOneNameAndNamesThatDifferOnlyInCaseAreRefused() throws Exception {
        Path zip = zip("dup.zip", Map.of("content/a.md", "one", "content/b.md", "two"));
        byte[] bytes = Files.readAllBytes(zip);
        String text = new String(bytes, StandardCharsets.ISO_8859_1).replace("content/b.md", "content/a.md");
        Files.write(zip, text.getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("it has two entries named 'content/a.md'", refusal(zip));

        Path cased = zip("case.zip", Map.of("content/Runbook.md", "one", "content/runbook.md", "two"));
        assertTrue(refusal(cased).endsWith("differs from another only in case"));
    }

    @Test
    void whatIsNotAPartIsRefused() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.zip"), "not a zip at all");
        assertEquals("it is not a zip file", refusal(text));

        Path plain = dir.resolve("plain.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(plain))) {
            z.putNextEntry(new ZipEntry("content/a.md"));
        }
        assertTrue(refusal(plain).startsWith("it is not an opsbook part: it has no opsbook-part.json"));

        assertEquals(
                "its entry 'README.md' is neither opsbook-part.json nor below content/",
                refusal(zip("outside.zip", Map.of("README.md", "hello"))));
        assertTrue(refusal(zip("json.zip", Map.of(PartManifest.NAME, "{not json")))
                .startsWith("opsbook-part.json is not JSON"));
        assertTrue(refusal(zip("future.zip", Map.of(PartManifest.NAME, "{\"format\": \"opsbook-part/9\"}")))
                .startsWith("opsbook-part.json has format 'opsbook-part/9'"));
    }

    @Test
    void contentChangedAfterPackagingIsRefused() throws Exception {
        Path content = Files.createDirectories(dir.resolve("c/services/api"));
        Files.writeString(content.resolve("service.yaml"), "name: API\n");
        Path zip = dir.resolve("p.zip");
        PartZip.write(dir.resolve("c"), List.of("services/api/service.yaml"), "0.1.0", null, List.of("api"), zip);
        byte[] bytes = Files.readAllBytes(zip);
        // a new zip with the same manifest and other content
        Path changed = dir.resolve("changed.zip");
        try (var in = new java.util.zip.ZipFile(zip.toFile());
                ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(changed))) {
            z.putNextEntry(new ZipEntry(PartManifest.NAME));
            z.write(in.getInputStream(in.getEntry(PartManifest.NAME)).readAllBytes());
            z.putNextEntry(new ZipEntry("content/services/api/service.yaml"));
            z.write("name: API\nowner: mallory\n".getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(bytes.length > 0);
        assertTrue(refusal(changed).endsWith("the zip was changed after it was packaged"), refusal(changed));
    }

    @Test
    void aZipBombIsRefusedAsItUnpacksWhateverItsHeadersSay() throws Exception {
        Path zip = dir.resolve("bomb.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry(PartManifest.NAME));
            z.write(("{\"format\": \"opsbook-part/1\", \"digest\": \"sha256:" + "0".repeat(64) + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("content/zeros.md"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 65; i++) {
                z.write(zeros);
            }
        }
        assertTrue(Files.size(zip) < 1 << 20, "compressed far below what it unpacks to");
        assertEquals("its entry 'content/zeros.md' unpacks to more than 64 MB", refusal(zip));
    }

    /** Sets the entry's "made by" to Unix and its mode (the high half of its external attributes) to {@code mode}. */
    static void patchCentralDirectory(Path zip, String name, int mode) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        for (int p = 0; p + 46 < bytes.length; p++) {
            if (b.getInt(p) == 0x02014b50
                    && b.getShort(p + 28) == wanted.length
                    && java.util.Arrays.equals(bytes, p + 46, p + 46 + wanted.length, wanted, 0, wanted.length)) {
                b.putShort(p + 4, (short) (3 << 8 | 20));
                b.putInt(p + 38, mode << 16);
                Files.write(zip, bytes);
                return;
            }
        }
        throw new IllegalStateException("no central directory entry " + name);
    }
}
