package dev.eventletscan.calls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.parse.PythonParser;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.function.Function;
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

    /**
     * Listing the files that can call into a file (its importers) is only a faster way to ask the import graph;
     * on random projects both ways must climb to the same levels.
     */
    @Test
    void callerFilesClimbLikeThePairwiseTest() {
        Random random = new Random(20261125);
        String[] names = {"start", "run", "get", "spawn", "helper", "stop", ".start", ".run", ".get"};
        for (int round = 0; round < 200; round++) {
            int fileCount = 2 + random.nextInt(8);
            Map<String, List<FunctionCalls>> functions = new TreeMap<>();
            Map<String, Set<String>> importsOf = new TreeMap<>();
            for (int f = 0; f < fileCount; f++) {
                String path = "p/m" + f + ".py";
                List<FunctionCalls> list = new ArrayList<>();
                for (int fn = 0; fn < 1 + random.nextInt(5); fn++) {
                    boolean method = random.nextBoolean();
                    String simple = names[random.nextInt(6)];
                    Set<String> callees = new TreeSet<>();
                    for (int c = 0; c < random.nextInt(4); c++) {
                        callees.add(names[random.nextInt(names.length)]);
                    }
                    String name = (method ? "C." : "") + simple;
                    if (list.stream().noneMatch(x -> x.qualifiedName().equals(name))) {
                        list.add(new FunctionCalls(name, method, callees));
                    }
                }
                functions.put(path, list);
                Set<String> imports = new TreeSet<>();
                for (int i = 0; i < fileCount; i++) {
                    if (i != f && random.nextInt(3) == 0) {
                        imports.add("p/m" + i + ".py");
                    }
                }
                importsOf.put(path, imports);
            }
            BiPredicate<String, String> canCall =
                    (caller, callee) -> caller.equals(callee) || importsOf.get(caller).contains(callee);
            Function<String, Collection<String>> callerFiles = callee -> {
                List<String> out = new ArrayList<>(List.of(callee));
                importsOf.forEach((file, imports) -> {
                    if (imports.contains(callee)) {
                        out.add(file);
                    }
                });
                return out;
            };
            var pairwise = new CallLevels(functions, canCall);
            var listed = new CallLevels(functions, canCall, callerFiles);
            String seedFile = "p/m" + random.nextInt(fileCount) + ".py";
            Set<CallLevels.Site> seeds = Set.of(new CallLevels.Site(seedFile, functions.get(seedFile).getFirst().qualifiedName()));
            int max = 1 + random.nextInt(4);
            assertThat(listed.climb(seeds, max)).as("round %d", round).isEqualTo(pairwise.climb(seeds, max));
            assertThat(listed.summarise(seeds, max)).as("round %d", round).isEqualTo(pairwise.summarise(seeds, max));
            assertThat(listed.summarise(seeds, max)).as("a second summary reuses the scratch levels")
                    .isEqualTo(pairwise.summarise(seeds, max));
        }
    }
}
