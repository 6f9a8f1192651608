package dev.eventletscan.gate;

import static dev.eventletscan.gate.BaselineMatcherTest.finding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventletscan.model.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineFileTest {
    @TempDir
    Path tmp;

    @Test
    void writesSortedEntriesWithoutLineNumbersAndReadsThemBack() throws Exception {
        var b = finding("svc/b.py", "EVT203", "eventlet.greenthread.sleep", "", "eventlet.sleep()", 3);
        var a = finding("svc/a.py", "EVT200", "eventlet.greenthread.spawn", "start", "eventlet.spawn(fn)", 9);
        Path file = tmp.resolve("baseline.json");
        BaselineFile.write(file, BaselineFile.entries(List.of(b, a)));

        String text = Files.readString(file);
        assertThat(text).startsWith("{\n  \"eventletScanBaseline\" : 1,").doesNotContain("\"line\"").endsWith("}\n");
        assertThat(text.indexOf("svc/a.py")).isLessThan(text.indexOf("svc/b.py"));
        assertThat(BaselineFile.read(file)).isEqualTo(BaselineFile.entries(List.of(a, b)));
        assertThat(Files.list(tmp)).as("no temporary file left behind").containsExactly(file);
    }

    @Test
    void malformedBaselinesNameFileLineAndField() throws Exception {
        Path file = tmp.resolve("b.json");
        Files.writeString(file, "{\n  \"eventletScanBaseline\": 1,\n  \"findings\": [\n    {\"path\": \"a.py\", \"ruleId\": \"EVT001\", \"code\": \"x\"},\n"
                + "    {\"path\": \"a.py\",\n     \"code\": \"y\"}\n  ]\n}\n");
        assertThatThrownBy(() -> BaselineFile.read(file)).isInstanceOf(InvalidInputException.class)
                .hasMessage(file + ":5: findings[1].ruleId: must be a non-empty string");

        Files.writeString(file, "{\"eventletScanBaseline\": 2, \"findings\": []}");
        assertThatThrownBy(() -> BaselineFile.read(file)).hasMessageStartingWith(file + ":1: eventletScanBaseline: must be 1");

        Files.writeString(file, "{\"eventletScanBaseline\": 1, \"findings\": [}");
        assertThatThrownBy(() -> BaselineFile.read(file)).hasMessage(file + ":1:42: not valid JSON: Unexpected close marker '}': expected ']'");

        assertThatThrownBy(() -> BaselineFile.read(tmp.resolve("missing.json")))
                .hasMessageContaining("missing.json: baseline not found");
    }
}
