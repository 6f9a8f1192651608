package dev.eventletscan.parse;

/** The native parser libraries cannot be found or loaded; the message names the file and the problem. */
public final class NativeLibraryException extends RuntimeException {
    private final boolean userSupplied;

    public NativeLibraryException(String message) {
        this(message, false);
    }

    public NativeLibraryException(String message, boolean userSupplied) {
        super(message);
        this.userSupplied = userSupplied;
    }

    public NativeLibraryException(String message, Throwable cause) {
        super(message, cause);
        this.userSupplied = false;
    }

    /** True when the libraries came from a directory the user named: their input, not our bug. */
    public boolean userSupplied() {
        return userSupplied;
    }
}
