package dev.eventletscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.ChildJvm;
import dev.eventletscan.TempGitRepo;
import dev.eventletscan.TestSupport;
import dev.eventletscan.TestSupport.CliRun;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8: nothing from the scanned repository is executed or imported, there is no network access at run time,
 * and nothing is written inside the scanned tree unless an output path there is given.
 *
 * <p>Every file Python would run or import on its own (setup.py, conftest.py, sitecustomize.py, a .pth file,
 * package __init__ files, an installed package in the project's virtualenv) writes a marker file and connects to
 * a port this test listens on, if run. The scan runs in a child JVM whose every proxy setting points at that
 * port too, so any connection Java makes is counted; and once more with no network at all (a namespace of its
 * own, where there is unshare), where it must give the same report.
 */
@Tag("slow")
class ScanSideEffectsTest {
    private static final List<String> RUN_OR_IMPORTED = List.of("setup.py", "conftest.py", "sitecustomize.py", "usercustomize.py",
            "__main__.py", "noxfile.py", "svc/__init__.py", "svc/tests/conftest.py", "docs/conf.py",
            ".venv/lib/python3.12/site-packages/evil/__init__.py");

    @TempDir
    Path tmp;

    @Test
    void nothingIsRunImportedFetchedOrWritten() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger connections = countConnections(listener);
            Path markers = Files.createDirectories(tmp.resolve("markers"));
            Path repo = repository(listener.getLocalPort(), markers);
            Path reports = Files.createDirectories(tmp.resolve("reports"));
            Map<String, String> before = TreeSnapshot.of(repo);

            ChildJvm jvm = ChildJvm.create();
            for (String proxy : List.of("socksProxy", "http.proxy", "https.proxy", "ftp.proxy")) {
                jvm.jvmOption("-D" + proxy + "Host=127.0.0.1").jvmOption("-D" + proxy + "Port=" + listener.getLocalPort());
            }
            CliRun run = jvm.cli(scanArguments(repo, reports.resolve("report")));

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(Files.readString(reports.resolve("report.json"))).contains("\"EVT800\"").contains("\"evil\"");
            try (var left = Files.list(markers)) {
                assertThat(left).as("files run or imported").isEmpty();
            }
            assertThat(connections.get()).as("connections made").isZero();
            assertThat(TreeSnapshot.of(repo)).as("the scanned tree").isEqualTo(before);

            if (new ProcessBuilder("unshare", "-n", "true").start().waitFor() == 0) {
                Path offline = Files.createDirectories(tmp.resolve("offline"));
                CliRun isolated = ChildJvm.create().wrappedIn("unshare", "-n", "--").cli(scanArguments(repo, offline.resolve("report")));
                assertThat(isolated.exitCode()).as(isolated.err()).isZero();
                assertThat(Files.readString(offline.resolve("report.json"))).isEqualTo(Files.readString(reports.resolve("report.json")));
            } else {
                System.out.println("scan side effects: unshare -n is not permitted here; the offline run is left out");
            }
        }
    }

    /** An output path inside the tree is written, and nothing else; so is the baseline, which the user asks for by name. */
    @Test
    void onlyAnOutputAskedForIsWrittenInsideTheTree() throws Exception {
        Path repo = repository(1, Files.createDirectories(tmp.resolve("markers")));
        Map<String, String> before = TreeSnapshot.of(repo);

        assertThat(TestSupport.cli("scan", repo.toString(), "-q", "-o", repo.resolve("report.json").toString()).exitCode()).isZero();
        assertThat(TestSupport.cli("baseline", repo.toString(), "-q").exitCode()).isZero();

        Map<String, String> after = TreeSnapshot.of(repo);
        assertThat(after.keySet()).containsAll(before.keySet());
        assertThat(after.keySet().stream().filter(k -> !before.containsKey(k)))
                .containsExactlyInAnyOrder("report.json", ".eventlet-scan-baseline.json");
        before.forEach((path, state) -> {
            if (!path.isEmpty()) { // the root folder's time changes with the two new files
                assertThat(after.get(path)).as(path).isEqualTo(state);
            }
        });
    }

    private static String[] scanArguments(Path repo, Path report) {
        List<String> args = new ArrayList<>(List.of("scan", repo.toString(), "-q", "--diff-base", "main",
                "--venv", repo.resolve(".venv").toString()));
        for (String extension : List.of("json", "html", "sarif", "md", "txt")) {
            args.addAll(List.of("-o", report + "." + extension));
        }
        args.addAll(List.of("-o", "github:" + report + ".github"));
        return args.toArray(String[]::new);
    }

    /** A git repository whose Python, run or imported, would leave a marker and connect to the port. */
    private Path repository(int port, Path markers) throws Exception {
        Path repo = tmp.resolve("repo");
        try (TempGitRepo git = TempGitRepo.init(repo, "main")) {
            for (String file : RUN_OR_IMPORTED) {
                git.write(file, trap(file, port, markers));
            }
            git.write("site.pth", "import os; open(" + quoted(markers.resolve("pth")) + ", 'w')\n");
            git.write("requirements.txt", "eventlet>=0.33\nevil\n");
            git.write(".venv/pyvenv.cfg", "home = /usr/bin\n");
            git.write(".venv/lib/python3.12/site-packages/evil-1.0.dist-info/METADATA",
                    "Metadata-Version: 2.1\nName: evil\nVersion: 1.0\nRequires-Dist: eventlet\n");
            git.write(".venv/lib/python3.12/site-packages/evil-1.0.dist-info/top_level.txt", "evil\n");
            git.commitAll("a project that runs code when imported");
        }
        return repo;
    }

    /** The marker and the connection come first: on a machine without eventlet, its import would stop the file. */
    private static String trap(String file, int port, Path markers) {
        return "import socket\n"
                + "open(" + quoted(markers.resolve(file.replace('/', '_'))) + ", 'w').write('ran')\n"
                + "socket.create_connection(('127.0.0.1', " + port + "))\n"
                + "import eventlet\neventlet.monkey_patch()\n";
    }

    private static String quoted(Path path) {
        return "'" + path.toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static AtomicInteger countConnections(ServerSocket listener) {
        AtomicInteger count = new AtomicInteger();
        Thread accepting = new Thread(() -> {
            while (!listener.isClosed()) {
                try (Socket s = listener.accept()) {
                    count.incrementAndGet();
                } catch (IOException e) {
                    return; // closed at the end of the test
                }
            }
        }, "connection counter");
        accepting.setDaemon(true);
        accepting.start();
        return count;
    }
}
