package dev.opsbook.load;

import dev.opsbook.finding.Findings;
import dev.opsbook.finding.Rules;
import dev.opsbook.model.Pos;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads a content file as strict UTF-8 text (a leading BOM is dropped), within a size limit. */
final class Source {
    private Source() {}

    /**
     * The file's text, or empty after adding a finding (too large, not UTF-8).
     *
     * @param rel the path relative to the content root, for findings
     */
    static Optional<String> read(Path file, String rel, int maxBytes, String service, Findings findings)
            throws IOException {
        long size = Files.size(file);
        if (size > maxBytes) {
            findings.error(
                    Rules.SCHEMA,
                    service,
                    Pos.file(rel),
                    "file is " + size + " bytes, more than the limit of " + maxBytes + " bytes",
                    "split the file, or move large data out of the handbook and link to it");
            return Optional.empty();
        }
        byte[] bytes = Files.readAllBytes(file);
        int start =
                bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf
                        ? 3
                        : 0;
        if (ascii(bytes, start)) {
            return Optional.of(new String(bytes, start, bytes.length - start, StandardCharsets.US_ASCII)); // most files
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return Optional.of(decoder.decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString());
        } catch (CharacterCodingException e) {
            int bad = firstMalformed(bytes, start);
            int line = 1;
            int lineStart = start;
            for (int i = start; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            String before = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8);
            int column = before.codePointCount(0, before.length()) + 1;
            findings.error(
                    Rules.YAML_SYNTAX,
                    service,
                    new Pos(rel, line, column),
                    String.format(
                            "file is not valid UTF-8: byte 0x%02x cannot start or continue a character",
                            bytes[bad] & 0xff),
                    "save the file as UTF-8");
            return Optional.empty();
        }
    }

    /** The offset of the first byte that does not decode as UTF-8. */
    private static int firstMalformed(byte[] bytes, int start) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        decoder.decode(in, out, true);
        return Math.min(in.position(), bytes.length - 1);
    }

    /** Whether the bytes from {@code start} on are all ASCII, which is UTF-8 with one byte a character. */
    private static boolean ascii(byte[] bytes, int start) {
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }
}
