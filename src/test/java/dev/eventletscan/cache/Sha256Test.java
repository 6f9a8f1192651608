package dev.eventletscan.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Sha256Test {
    @Test
    void knownAnswers() {
        // FIPS 180-2's examples, and the empty input
        assertThat(hex("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(hex(new byte[0])).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    }

    @Test
    void sameDigestAsTheJdkForRandomContentOfEverySize() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 2_000; i++) {
            int size = i < 200 ? i : random.nextInt(i < 1_900 ? 70_000 : 3_000_000);
            byte[] content = new byte[size];
            random.nextBytes(content);
            assertThat(Sha256.of(content)).as("size %d", size).isEqualTo(Sha256.jdk().digest(content));
        }
    }

    @Test
    void usesOpenSslWhereTheMachineHasIt() {
        // The Debian machines this is built on ship libcrypto 3; elsewhere the JDK's digest stands in for it.
        boolean present = Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/libcrypto.so.3"))
                || Files.exists(Path.of("/lib/x86_64-linux-gnu/libcrypto.so.3"));
        assertThat(Sha256.isNative()).isEqualTo(present);
    }

    private static String hex(byte[] content) {
        return HexFormat.of().formatHex(Sha256.of(content));
    }
}
