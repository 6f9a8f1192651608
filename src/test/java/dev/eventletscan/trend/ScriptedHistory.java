package dev.eventletscan.trend;

import dev.eventletscan.TempGitRepo;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small history whose every count is known (see HistoryTrendTest): usages added, a monkey_patch added and
 * removed, a file moved, usages removed over three commits of one week. Points every week from 2025-01-06T12:00Z
 * to 2025-02-24T12:00Z meet it at c1, c2, c3, c3 again, c4, c5, c5 again and c6c.
 */
public final class ScriptedHistory {
    private ScriptedHistory() {}

    public static Instant at(String dateTime) {
        return Instant.parse(dateTime + "Z");
    }

    static final String WORKER = "import eventlet\n\n\ndef run():\n    eventlet.spawn(print)\n    eventlet.sleep(0)\n";
    static final String POOL = "import eventlet\n\npool = eventlet.GreenPool()\n";

    /** The history; commit ids by name, in order. */
    public static Map<String, String> write(TempGitRepo repo) throws Exception {
        Map<String, String> c = new LinkedHashMap<>();
        repo.write("README.md", "A service built on eventlet.\n");
        repo.write("svc/__init__.py", "");
        repo.write("svc/worker.py", WORKER);
        c.put("c1", repo.commitAll("Start the service", at("2025-01-06T12:00:00")));
        repo.write("svc/pool.py", POOL);
        c.put("c2", repo.commitAll("Add a green pool", at("2025-01-13T12:00:00")));
        repo.write("svc/cmd.py", "import eventlet\neventlet.monkey_patch()\n");
        c.put("c3", repo.commitAll("Patch at start-up", at("2025-01-20T09:00:00")));
        // no commit in the week to 2025-01-27
        repo.delete("svc/cmd.py");
        c.put("c4", repo.commitAll("Stop patching <script>alert(1)</script>", at("2025-02-03T12:00:00")));
        repo.delete("svc/pool.py");
        repo.write("svc/pools/__init__.py", "");
        repo.write("svc/pools/green.py", POOL);
        c.put("c5", repo.commitAll("Move the pool", at("2025-02-10T12:00:00")));
        // no commit in the week to 2025-02-17; three in the next
        repo.write("README.md", "A service built on eventlet.\n\nLeaving eventlet.\n");
        c.put("c6a", repo.commitAll("Say we are leaving", at("2025-02-18T12:00:00")));
        repo.write("svc/worker.py", "import eventlet\n\n\ndef run():\n    print()\n");
        c.put("c6b", repo.commitAll("Run without green threads", at("2025-02-19T12:00:00")));
        repo.write("svc/worker.py", "def run():\n    print()\n");
        c.put("c6c", repo.commitAll("Drop the import", at("2025-02-20T12:00:00")));
        return c;
    }

}
