package dev.opsbook.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Pages are encoded as they are written: the bytes must be those String.getBytes(UTF_8) gives. */
class Utf8WriterTest {
    private static final String ALPHABET = "a<\"&é·—→日\uD83D\uDE80\uD83D\uDCDF\uD800\uDC00";

    @Test
    void encodesLikeTheJdkWhateverThePiecesItIsGivenIn() {
        Random random = new Random(7);
        for (int round = 0; round < 5_000; round++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(120); i > 0; i--) { // past Utf8Writer.BULK: whole strings encoded at once too
                sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            if (random.nextInt(5) == 0) {
                sb.insert(random.nextInt(sb.length() + 1), random.nextBoolean() ? '\uD83D' : '\uDE80'); // a lone half
            }
            String text = sb.toString();
            Utf8Writer out = new Utf8Writer(4);
            int at = 0;
            while (at < text.length()) {
                int n = 1 + random.nextInt(text.length() - at);
                switch (random.nextInt(3)) {
                    case 0 -> out.write(text, at, n);
                    case 1 -> out.write(text.substring(at, at + n).toCharArray(), 0, n);
                    default -> {
                        n = 1;
                        out.write(text.charAt(at));
                    }
                }
                at += n;
            }
            assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), out.toByteArray(), text);
        }
    }
}
