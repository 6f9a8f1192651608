package dev.eventletscan.cache;

import java.nio.file.Path;
import java.util.Optional;

/** Where the result cache lives by default: the user's cache folder, as the launcher's class-data archive. */
public final class CacheDirectory {
    private CacheDirectory() {}

    /** {@code $XDG_CACHE_HOME/eventlet-scan/results}, else {@code ~/.cache/eventlet-scan/results}; empty without either. */
    public static Optional<Path> userDefault() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Optional.of(Path.of(xdg, "eventlet-scan", "results"));
        }
        String home = System.getenv("HOME");
        if (home != null && !home.isBlank() && Path.of(home).isAbsolute()) {
            return Optional.of(Path.of(home, ".cache", "eventlet-scan", "results"));
        }
        return Optional.empty();
    }
}
