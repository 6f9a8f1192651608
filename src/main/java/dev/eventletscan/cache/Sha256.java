package dev.eventletscan.cache;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 of whole byte arrays, through the system's OpenSSL when there is one.
 * <p>
 * The JDK's own SHA-256 runs on SHA instructions only once C2 has compiled it, and the launcher runs scans on
 * C1 alone: there it hashes about 150 MB/s, so keying the result cache by the bytes of a 70 MB repository cost
 * half a second of CPU per pass. OpenSSL's {@code EVP_Digest} uses the SHA instructions from the first call
 * (about 1.7 GB/s here). Where libcrypto cannot be loaded the JDK computes the same digest.
 */
public final class Sha256 {
    public static final int LENGTH = 32;
    /**
     * Smaller inputs go to the JDK: at 150 MB/s they take microseconds, and a warm re-scan hashes nothing bigger
     * (its keys and names), while binding libcrypto's functions took it tens of milliseconds.
     */
    static final int NATIVE_FROM = 4096;

    /** libcrypto, bound on first use. */
    private static final class Native {
        static final OpenSsl OPENSSL = OpenSsl.load();
    }

    /** libcrypto's one-shot digest and its SHA-256 method. */
    private record OpenSsl(MethodHandle evpDigest, MemorySegment sha256) {
        static OpenSsl load() {
            try {
                SymbolLookup lib = libcrypto();
                MemorySegment digest = lib == null ? null : lib.find("EVP_Digest").orElse(null);
                MemorySegment method = lib == null ? null : lib.find("EVP_sha256").orElse(null);
                if (digest == null || method == null) {
                    return null;
                }
                Linker linker = Linker.nativeLinker();
                // int EVP_Digest(const void *data, size_t count, unsigned char *md, unsigned int *size,
                //                const EVP_MD *type, ENGINE *impl)
                MethodHandle evpDigest = linker.downcallHandle(digest, FunctionDescriptor.of(ValueLayout.JAVA_INT,
                        ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                        ValueLayout.ADDRESS, ValueLayout.ADDRESS), Linker.Option.critical(true));
                MemorySegment sha256 = (MemorySegment) linker.downcallHandle(method, FunctionDescriptor.of(ValueLayout.ADDRESS))
                        .invokeExact();
                return sha256.equals(MemorySegment.NULL) ? null : new OpenSsl(evpDigest, sha256);
            } catch (Throwable e) {
                return null; // native access not granted, or an odd libcrypto: the JDK digest does the same
            }
        }

        private static SymbolLookup libcrypto() {
            for (String name : new String[] {"libcrypto.so.3", "libcrypto.so", "libcrypto.3.dylib"}) {
                try {
                    return SymbolLookup.libraryLookup(name, Arena.global());
                } catch (IllegalArgumentException e) {
                    // not there under this name
                }
            }
            return null;
        }
    }

    private Sha256() {}

    /** Whether digests come from OpenSSL (for --verbose and the tests). */
    public static boolean isNative() {
        return Native.OPENSSL != null;
    }

    public static byte[] of(byte[] content) {
        OpenSsl openSsl = content.length < NATIVE_FROM ? null : Native.OPENSSL;
        if (openSsl != null) {
            byte[] out = new byte[LENGTH];
            try {
                // a critical call may read the Java arrays in place: no copy of the content into native memory
                int ok = (int) openSsl.evpDigest().invokeExact(MemorySegment.ofArray(content), (long) content.length,
                        MemorySegment.ofArray(out), MemorySegment.NULL, openSsl.sha256(), MemorySegment.NULL);
                if (ok == 1) {
                    return out;
                }
            } catch (Throwable e) {
                // fall through: the JDK's digest is the same digest
            }
        }
        return jdk().digest(content);
    }

    /** An incremental digest, for keys made of several parts. */
    public static MessageDigest jdk() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
