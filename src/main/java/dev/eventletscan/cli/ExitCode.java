package dev.eventletscan.cli;

/** The process exit codes. They are part of the interface: never renumber them. */
public enum ExitCode {
    /** The scan ran (findings and per-file problems do not change this). */
    OK(0),
    /** A gate (--fail-on ...) failed. */
    GATE_FAILED(1),
    /** Bad usage or input: unknown option, missing path, invalid rule or config file, unwritable output. */
    USAGE_OR_INPUT(2),
    /** A bug in eventlet-scan, the native parser could not be loaded, or the JVM ran out of memory. */
    INTERNAL(3);

    public final int code;

    ExitCode(int code) {
        this.code = code;
    }
}
