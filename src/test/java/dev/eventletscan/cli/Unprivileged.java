package dev.eventletscan.cli;

import dev.eventletscan.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * A child JVM for which file permissions hold. The machine and CI run as root, whose capabilities override them,
 * so a chmod 000 file stays readable in-process; setpriv drops every capability (the user stays root, and so
 * keeps reading the class path and the native-library cache under /root).
 */
final class Unprivileged {
    private Unprivileged() {}

    static ChildJvm jvm() throws IOException {
        ChildJvm jvm = ChildJvm.create();
        if (!"root".equals(System.getProperty("user.name"))) {
            return jvm; // permissions hold already
        }
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")),
                "running as root without util-linux's setpriv: no way to make a file unreadable");
        return jvm.wrappedIn("/usr/bin/setpriv", "--bounding-set=-all", "--inh-caps=-all", "--");
    }
}
