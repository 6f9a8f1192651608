package dev.eventletscan.calls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.parse.PythonParser;
import dev.eventletscan.parse.SourceText;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CallLevelsTest {
    private static final String WORKER = """
            import eventlet

            class Worker:
                def start(self):
                    eventlet.spawn(self.run)

                def restart(self):
                    self.stop()
                    self.start()

            def helper():
                def inner():
                    return Worker().restart()
                return inner()
            """;
    private static final String SERVICE = """
            from app import worker

            def main():
                worker.helper()

            def unrelated():
                start()
            """;
    private static final String OTHER = """
            def start():
                pass

            def run():
                start()
            """;

    private static Map<String, List<FunctionCalls>> parse(Map<String, String> files) {
        Map<String, List<FunctionCalls>> out = new TreeMap<>();
        try (PythonParser parser = new PythonParser()) {
            files.forEach((path, code) -> out.put(path, CallExtractor.extract(code)));
        }
        return out;
    }

    @Test
    void functionsAndTheNamesTheyCall() {
        assertThat(parse(Map.of("w.py", WORKER)).get("w.py")).containsExactly(
                new FunctionCalls("Worker.restart", true, Set.of(".stop", ".start")),
                new FunctionCalls("Worker.start", true, Set.of(".spawn")),
                new FunctionCalls("helper", false, Set.of("inner")),
                new FunctionCalls("helper.inner", false, Set.of("Worker", ".restart")));
    }

    @Test
    void levelsClimbThroughCallersThatCanReachTheCallee() {
        var functions = parse(Map.of("app/worker.py", WORKER, "app/service.py", SERVICE, "other.py", OTHER));
        // service.py imports worker.py; other.py imports nothing of it; a bare start() is not the method
        var seeds = Set.of(new CallLevels.Site("app/worker.py", "Worker.start"));
        var levels = new CallLevels(functions,
                (caller, callee) -> caller.equals(callee) || (caller.equals("app/service.py") && callee.equals("app/worker.py")))
                .climb(seeds, 5);
        assertThat(levels).containsExactly(
                Map.entry(new CallLevels.Site("app/service.py", "main"), 4),
                Map.entry(new CallLevels.Site("app/worker.py", "Worker.restart"), 1),
                Map.entry(new CallLevels.Site("app/worker.py", "Worker.start"), 0),
                Map.entry(new CallLevels.Site("app/worker.py", "helper"), 3),
                Map.entry(new CallLevels.Site("app/worker.py", "helper.inner"), 2));
        var sameFileOnly = new CallLevels(functions, (caller, callee) -> caller.equals(callee));
        assertThat(sameFileOnly.climb(seeds, 2)).hasSize(3).containsValue(2).doesNotContainValue(3);
        assertThat(sameFileOnly.summarise(seeds, 5)).isEqualTo(new CallLevels.Summary(3, 3));
    }
}
