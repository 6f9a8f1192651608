package dev.eventletscan.detect.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.parse.PythonParser;
import dev.eventletscan.parse.SourceText;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rules may require literal arguments: use_hub("asyncio") is a different finding from use_hub("poll"). */
class CallArgumentRuleTest {
    @Test
    void theAsyncioHubIsRecognisedByPositionOrKeyword() {
        String code = """
                from eventlet import hubs
                hubs.use_hub("asyncio")
                hubs.use_hub(mod='eventlet.hubs.asyncio')
                hubs.use_hub("poll")
                hubs.use_hub(name)
                hubs.use_hub(*args)
                """;
        assertThat(Detections.brief(code)).filteredOn(s -> s.contains("EVT551"))
                .containsExactly("2:1 EVT551 eventlet.hubs.use_hub call", "3:1 EVT551 eventlet.hubs.use_hub call");
    }

    @Test
    void literalArgumentsByPositionAndKeyword() {
        String code = "f('a', b, 'c', k='v', j=x, s=f'{y}')\n";
        try (var parser = new PythonParser()) {
            var tree = parser.parse(SourceText.of(code));
            int call = 0;
            while (!tree.is(call, "call")) {
                call++;
            }
            assertThat(CallArguments.literalStrings(tree, call)).containsExactly(
                    Map.entry("0", "a"), Map.entry("2", "c"), Map.entry("k", "v"));
        }
    }
}
