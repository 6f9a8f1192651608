package dev.eventletscan.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
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
            // every small size, both sides of where OpenSSL takes over, and large ones
            int size = i < 200 ? i : i < 300 ? Sha256.NATIVE_FROM - 50 + i - 200 : random.nextInt(i < 1_900 ? 70_000 : 3_000_000);
            byte[] content = new byte[size];
            random.nextBytes(content);
            assertThat(Sha256.of(content)).as("size %d", size).isEqualTo(Sha256.jdk().digest(content));
        }
    }

    @Test
    void usesOpenSslWhereTheMachineHasIt() {
        // Where the machine's library folders hold libcrypto, whatever the architecture, it is used; elsewhere
        // the JDK's digest stands in for it.
        assertThat(Sha256.isNative()).isEqualTo(libraryFolders().anyMatch(
                dir -> Files.exists(dir.resolve("libcrypto.so.3")) || Files.exists(dir.resolve("libcrypto.so"))));
    }

    /** The linker's usual folders, with their multiarch sub-folders ({@code /usr/lib/aarch64-linux-gnu}). */
    private static Stream<Path> libraryFolders() {
        return Stream.of("/lib", "/lib64", "/usr/lib", "/usr/lib64", "/usr/local/lib").map(Path::of).filter(Files::isDirectory)
                .flatMap(dir -> {
                    try (Stream<Path> children = Files.list(dir)) {
                        List<Path> arch = children.filter(c -> c.getFileName().toString().endsWith("-linux-gnu")).toList();
                        return Stream.concat(Stream.of(dir), arch.stream());
                    } catch (IOException e) {
                        return Stream.of(dir);
                    }
                });
    }

    private static String hex(byte[] content) {
        return HexFormat.of().formatHex(Sha256.of(content));
    }
}
