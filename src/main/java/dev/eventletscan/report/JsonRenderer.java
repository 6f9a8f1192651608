package dev.eventletscan.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventletscan.fileio.StableJson;
import dev.eventletscan.model.ScanResult;
import java.io.IOException;
import java.io.Writer;

/**
 * The JSON report, following the schema in resources/schema. Indentation and
 * line ends are fixed ("\n"), so the same result gives the same bytes on any machine
 * ({@link StableJson} says how).
 */
public final class JsonRenderer implements Renderer {
    @Override
    public void render(ScanResult result, Writer out) throws IOException {
        write(result, out);
    }

    /** Any value as this report writes JSON: two-space indents, "\n" line ends, a final line end. */
    public static void write(Object value, Writer out) throws IOException {
        StableJson.write(value, out);
    }

    public static ObjectMapper mapper() {
        return StableJson.mapper();
    }
}
