package dev.eventletscan.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.eventletscan.model.ScanResult;
import java.io.IOException;
import java.io.Writer;

/**
 * The JSON report, following the schema in resources/schema. Indentation and
 * line ends are fixed ("\n"), so the same result gives the same bytes on any machine.
 */
public final class JsonRenderer implements Renderer {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();

    static {
        MAPPER.getFactory().setCharacterEscapes(new TerminalSafeEscapes());
    }

    /**
     * JSON escapes C0 controls already; C1 controls and bidirectional overrides are escaped too (backslash, u, four hex digits),
     * so a report printed on a terminal neither drives it nor shows a reordered line. A reader decodes the same
     * string.
     */
    private static final class TerminalSafeEscapes extends com.fasterxml.jackson.core.io.CharacterEscapes {
        private final int[] ascii = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int ch) {
            return dev.eventletscan.fileio.Printable.unsafe(ch)
                    ? new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }

    @Override
    public void render(ScanResult result, Writer out) throws IOException {
        write(result, out);
    }

    /** Any value as this report writes JSON: two-space indents, "\n" line ends, a final line end. */
    public static void write(Object value, Writer out) throws IOException {
        var printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        MAPPER.writer(printer).writeValue(out, value);
        out.write("\n");
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
