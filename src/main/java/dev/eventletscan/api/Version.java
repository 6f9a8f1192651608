package dev.eventletscan.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The tool's version, written into the jar by the build, and a digest of the code that runs. */
public final class Version {
    private static final Properties BUILD = load();

    private Version() {}

    public static String get() {
        return BUILD.getProperty("version", "unknown");
    }

    /**
     * The version and a digest of the code itself: what cached results are tied to. A rebuild of the same
     * sources gives the same jar (the build is reproducible), so it keeps the cache; any change to the code,
     * its libraries or its resources empties it.
     */
    public static String build() {
        return get() + "+" + Code.DIGEST;
    }

    /** Computed on first use: a scan without the cache never reads its own jar. */
    private static final class Code {
        static final String DIGEST = digest();

        /**
         * From a jar, every entry's name, size and CRC-32 (read from the jar's index, without inflating
         * anything); from a folder of classes (a build's target/classes), every file's bytes.
         */
        private static String digest() {
            try {
                Path where = Path.of(Version.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                if (Files.isDirectory(where)) {
                    try (Stream<Path> files = Files.walk(where)) {
                        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                            sha.update(where.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                            sha.update(Files.readAllBytes(f));
                        }
                    }
                } else {
                    try (ZipFile jar = new ZipFile(where.toFile())) {
                        for (ZipEntry e : jar.stream().sorted(Comparator.comparing(ZipEntry::getName)).toList()) {
                            sha.update(e.getName().getBytes(StandardCharsets.UTF_8));
                            sha.update(ByteBuffer.allocate(16).putLong(e.getSize()).putLong(e.getCrc()).flip());
                        }
                    }
                }
                return HexFormat.of().formatHex(sha.digest(), 0, 8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (URISyntaxException | NoSuchAlgorithmException | SecurityException e) {
                throw new IllegalStateException("cannot tell which code is running", e);
            }
        }
    }

    private static Properties load() {
        try (InputStream in = Version.class.getResourceAsStream("/eventlet-scan-version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p;
        } catch (IOException e) {
            return new Properties();
        }
    }
}
