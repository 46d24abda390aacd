package dev.opsbook.hostile;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.opsbook.BuildRequest;
import dev.opsbook.BuildResult;
import dev.opsbook.ExampleHandbook;
import dev.opsbook.Opsbook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random mutations of the example handbook's files — bytes flipped, lines deleted or duplicated,
 * indentation shifted, YAML punctuation inserted (once, or thousands of times over), files cut short — each must end in findings (and,
 * for every 25th, a whole site) within a time bound, with no exception escaping. The seed is fixed,
 * so a failure can be replayed; {@code -Dopsbook.fuzz.iterations=N} runs more.
 */
class FuzzTest {
    static final long SEED = Long.getLong("opsbook.fuzz.seed", 20261121L);
    static final int ITERATIONS = Integer.getInteger("opsbook.fuzz.iterations", 2000);
    static final long BOUND_NANOS = 5_000_000_000L;
    static final String[] TOKENS = {
        ":",
        "- ",
        "[",
        "]",
        "{",
        "}",
        "\"",
        "'",
        "&a ",
        "*a",
        "!!str ",
        "\t",
        "---\n",
        "#",
        "|",
        ">",
        "? ",
        "%",
        "@",
        "`",
        "\u0000",
        "\uFEFF",
        "\u202E",
        "\n  ",
        "<script>",
        "](",
        "](../../../../x.md)"
    };

    /**
     * Shapes that have overflowed a recursive parser (deep block quotes, lists, emphasis) or made one look
     * ahead from every character (tags, comments, brackets); {@code |} splits an opener from its closer.
     */
    static final String[] SHAPES = {
        "> ", "- ", "1. ", "*|*", "**a |a**", "[|]", "<a", "x <!--", "<?", "<a b=\"", "{|}", "[|]", "- [", "&a ", "*a "
    };

    @TempDir
    Path dir;

    @Test
    void mutatedHandbooksEndInFindingsOrASiteNeverInAnException() throws IOException {
        Path content = dir.resolve("content");
        ExampleHandbook.copy(ExampleHandbook.content(), content);
        List<Path> files = ExampleHandbook.contentFiles(content);
        Random random = new Random(SEED);
        Opsbook opsbook = new Opsbook();
        int sites = 0;
        long findings = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            Path file = files.get(random.nextInt(files.size()));
            byte[] original = Files.readAllBytes(file);
            byte[] mutated = mutate(original, random);
            Files.write(file, mutated);
            boolean site = i % 25 == 0;
            long start = System.nanoTime();
            try {
                BuildRequest request =
                        site ? BuildRequest.build(content, dir.resolve("site")) : BuildRequest.check(content, null);
                BuildResult r = opsbook.build(request.withAsOf(LocalDate.of(2026, 11, 21)));
                findings += r.findings().size();
                if (site) {
                    sites++;
                    assertTrue(Files.isRegularFile(dir.resolve("site/index.html")));
                }
            } catch (Exception | StackOverflowError | OutOfMemoryError e) {
                Path kept = Files.write(dir.resolve("failing-input"), mutated);
                fail(
                        "iteration " + i + " (seed " + SEED + "): " + content.relativize(file) + " mutated as " + kept
                                + " ended in " + e,
                        e);
            } finally {
                Files.write(file, original);
            }
            long took = System.nanoTime() - start;
            assertTrue(took < BOUND_NANOS, "iteration " + i + " took " + took / 1_000_000 + " ms on " + file);
        }
        assertTrue(sites >= ITERATIONS / 25, "sites: " + sites);
        assertTrue(findings > ITERATIONS, "mutations are found: " + findings + " findings");
    }

    static byte[] mutate(byte[] in, Random r) {
        int kind = r.nextInt(8);
        if (in.length == 0) {
            return TOKENS[r.nextInt(TOKENS.length)].getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        switch (kind) {
            case 0 -> { // flip bytes
                byte[] out = in.clone();
                for (int n = 1 + r.nextInt(4); n > 0; n--) {
                    out[r.nextInt(out.length)] ^= (byte) (1 << r.nextInt(8));
                }
                return out;
            }
            case 1, 2, 3 -> { // delete, duplicate, or re-indent a line
                List<String> lines = new ArrayList<>(
                        Arrays.asList(new String(in, java.nio.charset.StandardCharsets.UTF_8).split("\n", -1)));
                int at = r.nextInt(lines.size());
                if (kind == 1) {
                    lines.remove(at);
                } else if (kind == 2) {
                    lines.add(at, lines.get(at));
                } else {
                    String line = lines.get(at);
                    lines.set(at, r.nextBoolean() ? " ".repeat(1 + r.nextInt(4)) + line : line.stripLeading());
                }
                return String.join("\n", lines).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            case 4 -> { // insert YAML and Markdown punctuation
                String s = new String(in, java.nio.charset.StandardCharsets.UTF_8);
                int at = r.nextInt(s.length() + 1);
                return (s.substring(0, at) + TOKENS[r.nextInt(TOKENS.length)] + s.substring(at))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            case 7 -> { // at the start of a line, a shape thousands of times over (see SHAPES)
                String s = new String(in, java.nio.charset.StandardCharsets.UTF_8);
                int at = s.lastIndexOf('\n', r.nextInt(s.length() + 1) - 1) + 1;
                String shape = SHAPES[r.nextInt(SHAPES.length)];
                int n = 1_000 + r.nextInt(30_000);
                int mid = shape.indexOf('|'); // an opener and its closer, nested n deep
                String inserted = mid < 0
                        ? shape.repeat(n)
                        : shape.substring(0, mid).repeat(n) + "a"
                                + shape.substring(mid + 1).repeat(n);
                return (s.substring(0, at) + inserted + "\n" + s.substring(at))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            case 5 -> { // cut short
                return Arrays.copyOf(in, r.nextInt(in.length));
            }
            default -> { // random bytes in the middle
                byte[] out = in.clone();
                int at = r.nextInt(out.length);
                for (int n = 0; n < 16 && at + n < out.length; n++) {
                    out[at + n] = (byte) r.nextInt(256);
                }
                return out;
            }
        }
    }
}
