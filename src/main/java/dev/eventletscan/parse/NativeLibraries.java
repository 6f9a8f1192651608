package dev.eventletscan.parse;

import dev.eventletscan.fileio.AtomicFile;
import dev.eventletscan.model.NativeLibraryException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Locates the native tree-sitter libraries: a directory the user names
 * ({@link #useDirectory}, {@value #DIR_PROPERTY} or {@value #DIR_ENV}), or the copies built into the
 * jar, extracted once into a content-addressed cache folder so that parallel
 * runs and upgrades never overwrite a library another process has loaded.
 */
public final class NativeLibraries {
    public static final String DIR_PROPERTY = "eventletscan.native.dir";
    public static final String DIR_ENV = "EVENTLET_SCAN_NATIVE_DIR";
    static final String CORE = "libtree-sitter.so";
    static final String PYTHON = "libtree-sitter-python.so";

    private static final Lazy<Path> DIRECTORY = new Lazy<>(NativeLibraries::locate);
    /** The folder the current analysis asked for, which wins over the property and the environment. */
    private static volatile Path requested;

    /**
     * Use the libraries in {@code dir} (null: the property's, the environment's or the bundled ones). The
     * libraries are loaded once per process, so this counts only before the first parse; an analysis request
     * passes its folder here rather than through a system property.
     */
    public static void useDirectory(Path dir) {
        requested = dir;
    }

    /** Whether the libraries come from a user-named directory rather than the jar. */
    public static boolean userSupplied() {
        return override() != null;
    }

    /** The user's library directory and where it was named, or null when the bundled copies are used. */
    private static String[] override() {
        Path asked = requested;
        if (asked != null) {
            return new String[] {asked.toString(), "the analysis request (--native-dir)"};
        }
        String property = System.getProperty(DIR_PROPERTY);
        if (property != null && !property.isBlank()) {
            return new String[] {property, "-D" + DIR_PROPERTY};
        }
        String env = System.getenv(DIR_ENV);
        return env != null && !env.isBlank() ? new String[] {env, DIR_ENV} : null;
    }

    private NativeLibraries() {}

    public static Path coreLibrary() {
        return directory().resolve(CORE);
    }

    /**
     * A function of our own C code in the core library (src/main/native), or null when the library lacks it: libraries
     * a user brings ({@value #DIR_ENV}) do, and the caller then does the work from Java.
     */
    static MethodHandle ownFunction(String name, FunctionDescriptor signature) {
        try {
            // dlopen of a library already open only counts a reference, and the global arena never closes it
            return SymbolLookup.libraryLookup(coreLibrary(), Arena.global()).find(name)
                    .map(address -> Linker.nativeLinker().downcallHandle(address, signature))
                    .orElse(null);
        } catch (IllegalArgumentException e) {
            return null; // jtreesitter has this library open, so this is unexpected; the Java fallback needs nothing more
        }
    }

    public static Path pythonGrammar() {
        return directory().resolve(PYTHON);
    }

    /** The platform tag used in the jar's native/ folder, e.g. {@code linux-x86_64}. */
    public static String platform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        os = os.startsWith("mac") ? "darwin" : os.startsWith("windows") ? "windows" : os.replace(' ', '-');
        arch = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "arm64", "aarch64" -> "aarch64";
            default -> arch;
        };
        return os + "-" + arch;
    }

    private static Path directory() {
        return DIRECTORY.get();
    }

    private static Path locate() {
        String[] override = override();
        if (override != null) {
            Path dir = Path.of(override[0]).toAbsolutePath();
            for (String name : new String[] {CORE, PYTHON}) {
                if (!Files.isRegularFile(dir.resolve(name))) {
                    throw new NativeLibraryException(
                            dir.resolve(name) + ": missing (native library directory set by " + override[1] + ")");
                }
            }
            return dir;
        }
        return extractBundled();
    }

    private static Path extractBundled() {
        String base = "/native/" + platform() + "/";
        byte[] core = readResource(base + CORE);
        byte[] python = readResource(base + PYTHON);
        Path dir = cacheRoot().resolve("native").resolve(platform() + "-" + digest(core, python));
        try {
            Files.createDirectories(dir);
            install(dir.resolve(CORE), core);
            install(dir.resolve(PYTHON), python);
        } catch (IOException e) {
            throw new NativeLibraryException(dir + ": cannot extract the native parser libraries: " + e.getMessage());
        }
        return dir;
    }

    private static byte[] readResource(String name) {
        try (InputStream in = NativeLibraries.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new NativeLibraryException("no bundled native library " + name + " for platform "
                        + platform() + ": rebuild on this platform or set " + DIR_ENV);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void install(Path target, byte[] content) throws IOException {
        if (Files.isRegularFile(target) && Files.size(target) == content.length) {
            return;
        }
        AtomicFile.replace(target, tmp -> Files.write(tmp, content));
    }

    /** The per-user cache folder: $XDG_CACHE_HOME/eventlet-scan, else ~/.cache/eventlet-scan, else the temp dir. */
    public static Path cacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path root = xdg != null && !xdg.isBlank()
                ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".cache");
        Path dir = root.resolve("eventlet-scan");
        try {
            Files.createDirectories(dir);
            if (Files.isWritable(dir)) {
                return dir;
            }
        } catch (IOException | SecurityException ignored) {
            // fall through to the temp directory: a read-only home must not stop a scan
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "eventlet-scan-" + System.getProperty("user.name"));
    }

    private static String digest(byte[]... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                sha.update(part);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
