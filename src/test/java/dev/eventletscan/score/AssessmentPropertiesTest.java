package dev.eventletscan.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.api.ScanRequest;
import dev.eventletscan.api.Scanner;
import dev.eventletscan.model.Assessment;
import dev.eventletscan.model.ScanResult;
import dev.eventletscan.model.SwitchVerdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Properties the score must keep whatever its constants (issue 19), each on small projects of our own, written to
 * disk and scanned for real: a facade is no progress by itself, more eventlet never scores lower, no eventlet code
 * scores 0, and every switch form is recognised with its evidence.
 */
class AssessmentPropertiesTest {
    private static final String WORKER = """
            import eventlet


            def start(task):
                return eventlet.spawn(task)


            def pause():
                eventlet.sleep(1)


            def pool():
                return eventlet.GreenPool(10)
            """;

    /**
     * A service that runs on eventlet only through libraries, with oslo.service's threading backend chosen: no eventlet
     * code of its own.
     */
    private static final String LIBRARY_APIS = """
            import futurist
            from oslo_service import backend
            from oslo_service import service
            from oslo_service import wsgi

            backend.init_backend(backend.BackendType.THREADING)


            def main(conf, app, manager):
                executor = futurist.GreenThreadPoolExecutor(max_workers=10)
                server = wsgi.Server(conf, 'api', app)
                service.launch(conf, manager).wait()
                return executor, server
            """;

    /** Writes the files into dir and scans it for real; other assessment tests of this package use it too. */
    static Assessment scan(Path dir, Map<String, String> files) throws IOException {
        return scanResult(dir, files).assessment();
    }

    private static ScanResult scanResult(Path dir, Map<String, String> files) throws IOException {
        for (var e : files.entrySet()) {
            Path f = dir.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
        }
        ScanRequest request = ScanRequest.of(dir);
        return Scanner.forRequest(request).scan(request);
    }

    private static double score(Assessment a) {
        return a.repository().difficulty().score();
    }

    /** Three modules using eventlet directly, or the same calls through the project's own facade module. */
    private static Map<String, String> service(boolean facade) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("requirements.txt", "eventlet>=0.35\n");
        files.put("svc/__init__.py", "");
        files.put("svc/cmd.py", "import eventlet\neventlet.monkey_patch()\n\nfrom svc import a, b, c\n\n\ndef main():\n    a.start(print)\n");
        if (facade) {
            files.put("svc/green.py", "import eventlet\n\nspawn = eventlet.spawn\nsleep = eventlet.sleep\nGreenPool = eventlet.GreenPool\n");
        }
        for (String m : new String[] {"a", "b", "c"}) {
            files.put("svc/" + m + ".py", facade ? WORKER.replace("import eventlet", "from svc import green as eventlet") : WORKER);
        }
        return files;
    }

    @Test
    void movingUsageBehindAProjectFacadeChangesTheScoreByAtMostFivePoints(@TempDir Path direct, @TempDir Path behind)
            throws IOException {
        double before = score(scan(direct, service(false)));
        double after = score(scan(behind, service(true)));
        assertThat(before).isPositive();
        assertThat(Math.abs(after - before)).as("%s before, %s behind the facade", before, after).isLessThanOrEqualTo(5);
    }

    @Test
    void addingUsageNeverLowersTheScore(@TempDir Path one, @TempDir Path two, @TempDir Path three, @TempDir Path four)
            throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("lib/__init__.py", "");
        files.put("lib/a.py", WORKER);
        double first = score(scan(one, files));
        files.put("lib/b.py", WORKER.replace("spawn", "spawn_n"));
        double second = score(scan(two, files));
        files.put("lib/__init__.py", "import os\nimport eventlet\nif os.environ.get('GREEN'):\n    eventlet.monkey_patch()\n");
        double third = score(scan(three, files));
        files.put("lib/__init__.py", "import eventlet\neventlet.monkey_patch()\n");
        double fourth = score(scan(four, files));
        assertThat(first).isPositive();
        assertThat(second).isGreaterThanOrEqualTo(first);
        assertThat(third).isGreaterThanOrEqualTo(second);
        assertThat(fourth).isGreaterThanOrEqualTo(third);
    }

    @Test
    void libraryApisThatRunOnEventletAddToAProjectWithEventletCodeOfItsOwn(@TempDir Path plain, @TempDir Path more)
            throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("lib/__init__.py", "");
        files.put("lib/a.py", WORKER);
        Assessment before = scan(plain, files);
        files.put("lib/service.py", LIBRARY_APIS);
        Assessment after = scan(more, files);
        assertThat(after.repository().effort().usagePoints()).isGreaterThan(before.repository().effort().usagePoints());
        assertThat(score(after)).isGreaterThan(score(before));
        assertThat(after.repository().effort().highDays()).isGreaterThan(before.repository().effort().highDays());
    }

    @Test
    void noEventletCodeOfItsOwnScoresZeroWithNoEffortAndOffersTheBan(@TempDir Path dir) throws IOException {
        ScanResult result = scanResult(dir, Map.of(
                "requirements.txt", "oslo.messaging>=14\noslo.service>=3\ntooz\n",
                "README.rst", "We used eventlet once; see the eventlet removal guide.\n",
                "releasenotes/notes/drop-eventlet.yaml", "upgrade:\n  - eventlet is gone.\n",
                "app/__init__.py", "import os\n\n# eventlet resolves names with greendns unless told not to\nos.environ['EVENTLET_NO_GREENDNS'] = 'yes'\n",
                "app/main.py", "import oslo_service\nimport oslo_messaging\n\n\ndef main():\n    return oslo_messaging\n",
                "app/service.py", LIBRARY_APIS));
        // the library APIs and the backend choice are found, but neither is eventlet code of the project's own
        assertThat(result.findings()).extracting(f -> f.ruleId()).contains("EVT556", "EVT660", "EVT661", "EVT662");
        Assessment a = result.assessment();
        assertThat(score(a)).isZero();
        assertThat(a.repository().effort().lowDays()).isZero();
        assertThat(a.repository().effort().highDays()).isZero();
        assertThat(a.repository().difficulty().why()).singleElement()
                .satisfies(c -> assertThat(c.reason()).contains("no eventlet code of the project's own"));
        assertThat(a.plan()).isEmpty();
        assertThat(a.banEventlet()).extracting(s -> s.tool()).contains("eventlet-scan", "ruff");
        assertThat(a.banEventlet()).anySatisfy(s -> assertThat(s.text()).contains("flake8-tidy-imports.banned-api"));
        assertThat(a.assumptions().getFirst()).contains("no eventlet code of its own");
    }

    @Test
    void theOfferedGateConfigurationPassesTheCleanProjectAndFailsWhenEventletComesBack(@TempDir Path dir) throws IOException {
        Assessment a = scan(dir, Map.of(
                "requirements.txt", "oslo.messaging>=14\n",
                "README.rst", "eventlet is gone.\n",
                "app/__init__.py", "import os\nos.environ['EVENTLET_NO_GREENDNS'] = 'yes'\n",
                "app/service.py", LIBRARY_APIS));
        var gate = a.banEventlet().stream().filter(s -> s.tool().equals("eventlet-scan")).findFirst().orElseThrow();
        Files.writeString(dir.resolve(gate.file()), gate.text());
        assertThat(dev.eventletscan.TestSupport.cli("scan", dir.toString(), "-q", "--no-baseline").exitCode()).isZero();
        Files.writeString(dir.resolve("app/worker.py"), "import eventlet\n");
        assertThat(dev.eventletscan.TestSupport.cli("scan", dir.toString(), "-q", "--no-baseline").exitCode()).isEqualTo(1);
    }

    @Test
    void anEnvironmentVariableSetForALibraryCreatesNoReachOrDepth(@TempDir Path dir) throws IOException {
        Assessment a = scan(dir, Map.of(
                "app/__init__.py", "import os\nos.environ['EVENTLET_NO_GREENDNS'] = 'yes'\n",
                "app/a.py", "from app import b\n",
                "app/b.py", "from app import c\n",
                "app/c.py", "import app\n",
                "app/green.py", "import eventlet\n\n\ndef tick():\n    eventlet.sleep(1)\n"));
        assertThat(a.repository().difficulty().size().why())
                .anySatisfy(c -> assertThat(c.reason()).isEqualTo("0 levels of internal imports above eventlet code"));
    }

    /** One file per switch form: each patches only when something outside the code says so. */
    @ParameterizedTest
    @ValueSource(strings = {"local-env", "local-option", "predicate", "default-off", "argument", "wrapper"})
    void everySwitchFormTurnsNoIntoYesOrMaybeWithItsEvidence(String form, @TempDir Path dir, @TempDir Path plain)
            throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("svc/__init__.py", "");
        String evidence = switch (form) {
            case "local-env" -> {
                files.put("svc/cmd.py", "import os\nimport eventlet\n\nshould_patch = os.environ.get('SVC_EVENTLET', '1') == '1'\n"
                        + "if should_patch:\n    eventlet.monkey_patch()\n");
                yield "os.environ.get('SVC_EVENTLET'";
            }
            case "local-option" -> {
                files.put("svc/cmd.py", "import eventlet\nfrom oslo_config import cfg\n\nCONF = cfg.CONF\n\n\ndef main():\n"
                        + "    green = CONF.concurrency_backend == 'eventlet'\n    if green:\n        eventlet.monkey_patch()\n");
                yield "CONF.concurrency_backend";
            }
            case "predicate" -> {
                files.put("svc/cmd.py", "import os\nimport eventlet\n\n\ndef _is_patching_enabled():\n"
                        + "    return os.getenv('SVC_PATCH', 'yes') == 'yes'\n\n\nif _is_patching_enabled():\n    eventlet.monkey_patch()\n");
                yield "os.getenv('SVC_PATCH'";
            }
            case "default-off" -> {
                files.put("svc/cmd.py", "import os\nimport eventlet\n\nif os.environ.get('SVC_USE_EVENTLET') == 'true':\n"
                        + "    eventlet.monkey_patch()\n");
                yield "SVC_USE_EVENTLET";
            }
            case "argument" -> {
                files.put("svc/patching.py", "import eventlet\n\n\ndef patch(backend='eventlet'):\n    if backend == 'eventlet':\n"
                        + "        eventlet.monkey_patch()\n");
                files.put("svc/cmd.py", "from svc import patching\npatching.patch(backend='threading')\n");
                yield "backend: an argument of patch()";
            }
            default -> {
                files.put("svc/patching.py", "import os\nimport eventlet\n\n\ndef _monkey_patch():\n    eventlet.monkey_patch()\n\n\n"
                        + "def patch():\n    env = os.environ.get('SVC_DISABLE_EVENTLET', '')\n    if env == '':\n        _monkey_patch()\n");
                files.put("svc/cmd.py", "from svc import patching\npatching.patch()\n");
                yield "SVC_DISABLE_EVENTLET";
            }
        };
        SwitchVerdict verdict = scan(dir, files).repository().switchOff();
        assertThat(verdict.answer()).isIn(SwitchVerdict.YES, SwitchVerdict.MAYBE);
        assertThat(verdict.evidence()).anySatisfy(e -> assertThat(e.detail()).contains(evidence));

        Map<String, String> unswitched = Map.of("svc/__init__.py", "", "svc/cmd.py", "import eventlet\neventlet.monkey_patch()\n");
        assertThat(scan(plain, unswitched).repository().switchOff().answer()).isEqualTo(SwitchVerdict.NO);
    }
}
