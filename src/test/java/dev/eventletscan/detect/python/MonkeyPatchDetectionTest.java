package dev.eventletscan.detect.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.model.Finding;
import dev.eventletscan.model.MonkeyPatchDetails;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MonkeyPatchDetectionTest {
    private static final String DEFAULT_ON = "os,psycopg,select,socket,subprocess,thread,time";

    private static MonkeyPatchDetails patchOf(String call) {
        List<Finding> calls = Detections.of("import eventlet\n" + call + "\n").stream()
                .filter(f -> f.ruleId().equals("EVT100")).toList();
        assertThat(calls).hasSize(1);
        return calls.get(0).monkeyPatch();
    }

    /** Expected sets follow eventlet/patcher.py: the keyword rules, plus MySQLdb/builtins off unless named. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "eventlet.monkey_patch()                        | global  | " + DEFAULT_ON,
        "eventlet.monkey_patch(thread=False)            | global  | os,psycopg,select,socket,subprocess,time",
        "eventlet.monkey_patch(os=False, time=False)    | global  | psycopg,select,socket,subprocess,thread",
        "eventlet.monkey_patch(socket=True)             | partial | socket",
        "eventlet.monkey_patch(socket=True, time=True)  | partial | socket,time",
        "eventlet.monkey_patch(socket=True, os=False)   | partial | socket",
        "eventlet.monkey_patch(all=False, socket=True)  | partial | socket",
        "eventlet.monkey_patch(all=True, os=False)      | global  | psycopg,select,socket,subprocess,thread,time",
        "eventlet.monkey_patch(all=False)               | partial | ''",
        "eventlet.monkey_patch(MySQLdb=True)            | partial | MySQLdb",
        "eventlet.monkey_patch(__builtin__=True)        | partial | builtins",
        "eventlet.monkey_patch(thread=flag)             | dynamic | " + DEFAULT_ON,
        "eventlet.monkey_patch(**options)               | dynamic | " + DEFAULT_ON,
    })
    void patchedModulesFollowEventletSemantics(String call, String mode, String patched) {
        MonkeyPatchDetails d = patchOf(call);
        assertThat(d.mode()).isEqualTo(mode);
        assertThat(String.join(",", d.patched())).isEqualTo(patched);
    }

    @Test
    void dynamicArgumentsAndUnknownKeywordsAreNamed() {
        assertThat(patchOf("eventlet.monkey_patch(thread=not DEBUG, sockets=True)"))
                .satisfies(d -> {
                    assertThat(d.dynamicArguments()).containsExactly("thread");
                    assertThat(d.unknownArguments()).containsExactly("sockets");
                });
    }

    @Test
    void everySpellingOfTheCallIsFound() {
        String code = """
                import eventlet as ev
                from eventlet import patcher
                from eventlet import monkey_patch as mp
                import eventlet.patcher

                ev.monkey_patch()
                patcher.monkey_patch(socket=True)
                mp(thread=False)
                eventlet.patcher.monkey_patch()
                """;
        assertThat(Detections.brief(code).stream().filter(s -> s.contains("EVT100")))
                .containsExactly(
                        "6:1 EVT100 eventlet.patcher.monkey_patch call",
                        "7:1 EVT100 eventlet.patcher.monkey_patch call",
                        "8:1 EVT100 eventlet.patcher.monkey_patch call",
                        "9:1 EVT100 eventlet.patcher.monkey_patch call");
    }

    @Test
    void scopeAndGuardAreRecorded() {
        String code = """
                import os

                def _monkey_patch():
                    import eventlet
                    if os.name == 'nt':
                        eventlet.monkey_patch(os=False)
                    eventlet.monkey_patch()

                class Service:
                    def start(self):
                        import eventlet
                        eventlet.monkey_patch()
                """;
        List<Finding> calls = Detections.of(code).stream().filter(f -> f.ruleId().equals("EVT100")).toList();
        assertThat(calls).extracting(Finding::line, Finding::scope, Finding::guarded).containsExactly(
                org.assertj.core.groups.Tuple.tuple(6, "_monkey_patch", true),
                org.assertj.core.groups.Tuple.tuple(7, "_monkey_patch", false),
                org.assertj.core.groups.Tuple.tuple(12, "Service.start", false));
    }

    @Test
    void shadowedNamesAreNotEventlet() {
        String code = """
                import eventlet

                def configure(eventlet):
                    eventlet.monkey_patch()

                def other():
                    eventlet = FakeModule()
                    eventlet.monkey_patch()

                class Holder:
                    from eventlet import patcher
                    def method(self):
                        patcher.monkey_patch()
                """;
        assertThat(Detections.brief(code).stream().filter(s -> s.contains("EVT100"))).isEmpty();
    }

    @Test
    void monkeyPatchIsCalledNotJustNamed() {
        String code = """
                import eventlet
                patch = eventlet.monkey_patch
                patch()
                """;
        // the alias makes the later call a monkey_patch call; naming it is not
        assertThat(Detections.brief(code).stream().filter(s -> s.contains("EVT100")))
                .containsExactly("3:1 EVT100 eventlet.patcher.monkey_patch call");
    }
}
