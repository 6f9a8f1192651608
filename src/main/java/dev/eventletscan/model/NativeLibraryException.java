package dev.eventletscan.model;

/**
 * The native parser libraries cannot be found or loaded; the message names the file and the problem.
 * Whether that is the user's doing is {@link NativeLibraries#userSupplied()}.
 */
public final class NativeLibraryException extends RuntimeException {
    public NativeLibraryException(String message) {
        super(message);
    }

    public NativeLibraryException(String message, Throwable cause) {
        super(message, cause);
    }
}
