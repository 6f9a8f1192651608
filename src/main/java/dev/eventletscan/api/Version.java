package dev.eventletscan.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The tool's version, written into the jar by the build. */
public final class Version {
    private static final Properties BUILD = load();

    private Version() {}

    public static String get() {
        return BUILD.getProperty("version", "unknown");
    }

    /** The version and the build's time: what cached results are tied to. */
    public static String build() {
        return get() + "+" + BUILD.getProperty("build", "unknown");
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
