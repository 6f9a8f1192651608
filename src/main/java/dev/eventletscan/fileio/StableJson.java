package dev.eventletscan.fileio;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.Writer;

/**
 * JSON as every file this tool writes has it (reports, baselines): two-space indents, "\n" line ends, keys of maps
 * sorted and a final line end, so the same value gives the same bytes on any machine. It sits here, below the
 * reports and the baseline, so that neither borrows the other's writer.
 */
public final class StableJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();

    static {
        MAPPER.getFactory().setCharacterEscapes(new TerminalSafeEscapes());
    }

    private StableJson() {}

    /**
     * JSON escapes C0 controls already; C1 controls and bidirectional overrides are escaped too (backslash, u, four hex digits),
     * so a file printed on a terminal neither drives it nor shows a reordered line. A reader decodes the same
     * string.
     */
    private static final class TerminalSafeEscapes extends CharacterEscapes {
        private final int[] ascii = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return Printable.unsafe(ch) ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }

    /** Any value, written as described above. */
    public static void write(Object value, Writer out) throws IOException {
        var printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        MAPPER.writer(printer).writeValue(out, value);
        out.write("\n");
    }

    /** The mapper behind {@link #write}, for reading such files back. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
