package dev.eventletscan.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.api.ScanRequest;
import dev.eventletscan.api.Scanner;
import dev.eventletscan.model.Finding;
import dev.eventletscan.model.ScanResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Direct detection where one file's findings depend on the project around it (its package, its sibling
 * modules, the rules loaded), each on a small project of its own through the real scanner.
 */
class DirectDetectionOnProjectsTest {
    @TempDir
    Path dir;

    private ScanResult scan(Map<String, String> files) throws IOException {
        for (var e : files.entrySet()) {
            Path f = dir.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
        }
        ScanRequest request = new ScanRequest(dir, List.of(), List.of(), 1, List.of());
        return Scanner.forRequest(request).scan(request);
    }

    @Test
    void relativeImportsInsideEventletsOwnPackageAreEventletAsTheAbsoluteOnesAre() throws IOException {
        String body = "\n\ndef serve(f):\n    spawn(f)\n";
        ScanResult r = scan(Map.of(
                "eventlet/__init__.py", "",
                "eventlet/greenthread.py", "def spawn(f):\n    pass\n",
                "eventlet/relative.py", "from .greenthread import spawn" + body,
                "eventlet/absolute.py", "from eventlet.greenthread import spawn" + body,
                "eventlet/green/__init__.py", "",
                "eventlet/green/OpenSSL/__init__.py", "from . import crypto\n", // never names the package
                "eventlet/green/OpenSSL/crypto.py", ""));

        assertThat(direct(r, "eventlet/relative.py")).isEqualTo(direct(r, "eventlet/absolute.py"))
                .anyMatch(f -> f.startsWith("1 EVT001 import eventlet."))
                .anyMatch(f -> f.startsWith("4 EVT200 call eventlet."));
        assertThat(direct(r, "eventlet/green/OpenSSL/__init__.py")).containsExactly("1 EVT001 import eventlet.green.OpenSSL.crypto");
    }

    @Test
    void greenletsOwnRelativeImportsAreNoDirectUseOfGreenlet() throws IOException {
        ScanResult r = scan(Map.of(
                "greenlet/__init__.py", "from ._greenlet import getcurrent\n",
                "greenlet/_greenlet.py", "def getcurrent():\n    pass\n"));

        assertThat(direct(r, "greenlet/__init__.py")).isEmpty();
    }

    @Test
    void deletingAnEventletNameIsNoUseOfIt() throws IOException {
        ScanResult r = scan(Map.of("proj/boot.py", """
                from eventlet import patcher
                patcher.monkey_patch()
                del patcher
                del patcher, other
                """));

        assertThat(direct(r, "proj/boot.py")).noneMatch(f -> f.startsWith("3 ") || f.startsWith("4 "))
                .anyMatch(f -> f.startsWith("2 EVT100 call "));
    }

    @Test
    void aLaterImportRebindingTheNameInTheSameScopeWinsForTheUsesAfterIt() throws IOException {
        ScanResult r = scan(Map.of("proj/fetch.py", """
                from eventlet.green.urllib.request import urlopen
                urlopen(first)
                from urllib.request import urlopen
                urlopen(u)

                try:
                    from eventlet.green import urllib2
                except ImportError:
                    import urllib2
                urllib2.urlopen(u)

                def later():
                    urlopen(u)
                """));

        assertThat(direct(r, "proj/fetch.py")).noneMatch(f -> f.startsWith("4 "))
                .anyMatch(f -> f.startsWith("2 EVT505 call eventlet.green.urllib.request.urlopen"))
                // a fallback in an except clause may not run: the green module is still what the name may hold
                .anyMatch(f -> f.startsWith("10 EVT505 call eventlet.green.urllib2.urlopen"));
    }

    @Test
    void anImportOfANameBuiltFromALiteralEventletStartIsADynamicImportOfThatPackage() throws IOException {
        ScanResult r = scan(Map.of("proj/hubs.py", """
                import importlib

                def load(name):
                    hub = importlib.import_module('eventlet.hubs.' + name)
                    other = importlib.import_module(f"eventlet.green.{name}")
                    top = __import__('eventlet.' + name + '_x')
                    return hub, other, top
                """));

        assertThat(direct(r, "proj/hubs.py")).anyMatch(f -> f.matches("4 EVT\\d+ import eventlet.hubs"))
                .anyMatch(f -> f.matches("5 EVT\\d+ import eventlet.green"))
                .anyMatch(f -> f.matches("6 EVT\\d+ import eventlet"));
    }

    @Test
    void aMockTargetEndingInAModulesEventletAttributeReplacesEventlet() throws IOException {
        ScanResult r = scan(Map.of(
                "proj/__init__.py", "",
                "proj/run.py", "import eventlet\n",
                "proj/tests/__init__.py", "",
                "proj/tests/test_run.py", """
                        from unittest import mock

                        @mock.patch('proj.run.eventlet')
                        @mock.patch('proj.run.eventlet.sleep')
                        def test_run(sleep, eventlet_mod):
                            note = 'proj.run.eventlet'
                        """));

        assertThat(direct(r, "proj/tests/test_run.py")).containsExactly(
                "3 EVT700 mock eventlet", "4 EVT700 mock eventlet.greenthread.sleep");
    }

    @Test
    void aPackageOfTheProjectsOwnNamedEventletIsNotEventlet() throws IOException {
        ScanResult r = scan(Map.of(
                "proj/__init__.py", "",
                "proj/cmd/__init__.py", "",
                "proj/cmd/eventlet/__init__.py", "",
                "proj/cmd/eventlet/server.py", "def main():\n    pass\n",
                "proj/tests/__init__.py", "",
                "proj/tests/test_server.py", """
                        from unittest import mock

                        @mock.patch('proj.cmd.eventlet.server.main')
                        @mock.patch('proj.utils.eventlet.sleep')
                        def test_main(sleep, main):
                            pass
                        """));

        assertThat(direct(r, "proj/tests/test_server.py")).containsExactly("4 EVT700 mock eventlet.greenthread.sleep");
    }

    /** {@code line rule usage symbol} of a file's direct findings. */
    private static List<String> direct(ScanResult result, String path) {
        return result.findings().stream().filter(f -> f.path().equals(path) && !f.isIndirect())
                .map(f -> f.line() + " " + f.ruleId() + " " + f.usage() + " " + f.symbol()).toList();
    }
}
