package dev.eventletscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.TestSupport;
import dev.eventletscan.TestSupport.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainCommandTest {
    @TempDir
    Path tmp;

    @Test
    void aLineMatchedByTwoRulesShowsBothAndTheOneThatReportsIt() throws IOException {
        Path file = Files.writeString(tmp.resolve("bridge.py"), """
                from eventlet import hubs
                hubs.use_hub("asyncio")
                """);
        CliRun run = TestSupport.cli("explain", "--at", file + ":2");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith(file + ":2:1  eventlet.hubs.use_hub call {0=asyncio}\n"
                + "    EVT551  eventlet's asyncio hub selected  specificity 671: reports it\n"
                + "    EVT550  hub selected (use_hub)  specificity 621\n")
                .doesNotContain("EVT001");
    }

    @Test
    void aSnippetIsExplainedLineByLineWithItsQueryAndTextRules() throws IOException {
        CliRun run = TestSupport.cli("explain", "--code", "import eventlet; eventlet.sleep(0); executor = 'eventlet'");
        assertThat(run.out()).contains("snippet.py:1:8  eventlet import\n    EVT001  eventlet is imported\n")
                .contains("snippet.py:1:18  eventlet.greenthread.sleep call {0=0}\n    EVT203  green sleep  specificity") // a number is a literal argument too
                .contains("snippet.py:1:18  sleep (query)\n    EVH105  sleep(0) used to yield")
                .contains("snippet.py:1:37  executor (query)\n    EVT911  ");
        Path conf = Files.writeString(tmp.resolve("nova.conf"), "[DEFAULT]\nexecutor = eventlet\n");
        assertThat(TestSupport.cli("explain", "--at", conf.toString()).out())
                .isEqualTo(conf + ":2:1  executor = eventlet (text)\n    EVT910  configuration selects eventlet\n");
    }

    @Test
    void aLineNoRuleMatchesSaysSo() {
        assertThat(TestSupport.cli("explain", "--code", "import os").out()).isEqualTo("no rule matches snippet.py\n");
        assertThat(TestSupport.cli("explain").exitCode()).isEqualTo(2);
        assertThat(TestSupport.cli("explain", "EVT100", "--code", "x").exitCode()).isEqualTo(2);
    }

    @Test
    void aRuleShowsItsExamples() {
        assertThat(TestSupport.cli("explain", "EVT551").out())
                .contains("Matches:\n    eventlet.hubs.use_hub(\"asyncio\")\n")
                .contains("Does not match:\n    hubs.use_hub(\"poll\")\n");
    }
}
