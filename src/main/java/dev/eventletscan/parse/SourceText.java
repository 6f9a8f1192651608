package dev.eventletscan.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Python source file as text, with the UTF-8 bytes tree-sitter parses and a
 * line index for turning byte offsets into 1-based lines and columns. Columns
 * count code points, as editors do.
 *
 * <p>Decoding follows Python's own rules (PEP 263 and 3120): a UTF-8 BOM, then a
 * coding cookie in the first two lines, then UTF-8. A UTF-16 BOM is honoured
 * too. Bytes that do not decode are replaced and the fact is recorded in
 * {@link #decodingNote()}, so the scan goes on and the report says why.
 */
public final class SourceText {
    private static final Pattern CODING_COOKIE =
            Pattern.compile("^[ \\t\\f]*#.*?coding[:=][ \\t]*([-\\w.]+)", Pattern.MULTILINE);

    private final String text;
    private final byte[] utf8;
    /** Built on first use: the structure pass decodes every file of a repository and never asks for a line. */
    private volatile int[] lineStarts;
    private final String decodingNote;

    private SourceText(String text, byte[] utf8, String decodingNote) {
        boolean loneCr = hasLoneCarriageReturn(text);
        // Python ends a line at a lone CR (old Mac files); tree-sitter and our line index count only LF. Turning each
        // lone CR into LF, byte for byte, gives Python's lines without moving any offset.
        this.text = loneCr ? LONE_CR.matcher(text).replaceAll("\n") : text;
        this.utf8 = loneCr ? crToLf(utf8) : utf8;
        this.decodingNote = decodingNote;
    }

    private static final Pattern LONE_CR = Pattern.compile("\r(?!\n)");

    /** Read from the text, whose search for a character is a library loop: a byte-by-byte test took 3% of a scan. */
    private static boolean hasLoneCarriageReturn(String text) {
        for (int i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
            if (i + 1 == text.length() || text.charAt(i + 1) != '\n') {
                return true;
            }
        }
        return false;
    }

    private static byte[] crToLf(byte[] bytes) {
        byte[] copy = bytes.clone();
        for (int i = 0; i < copy.length; i++) {
            if (isLoneCr(bytes, i)) {
                copy[i] = '\n';
            }
        }
        return copy;
    }

    private static boolean isLoneCr(byte[] bytes, int i) {
        return bytes[i] == '\r' && (i + 1 == bytes.length || bytes[i + 1] != '\n');
    }

    private int[] lineStarts() {
        int[] starts = lineStarts;
        if (starts == null) {
            starts = indexLines(utf8);
            lineStarts = starts;
        }
        return starts;
    }

    public static SourceText of(String text) {
        return new SourceText(text, text.getBytes(StandardCharsets.UTF_8), null);
    }

    public static SourceText decode(byte[] raw) {
        if (startsWith(raw, 0xEF, 0xBB, 0xBF)) {
            return fromUtf8(Arrays.copyOfRange(raw, 3, raw.length), null);
        }
        if (hasUtf16Bom(raw)) {
            String text = new String(raw, StandardCharsets.UTF_16); // the BOM selects the byte order
            return new SourceText(text, text.getBytes(StandardCharsets.UTF_8), "decoded from UTF-16 (byte order mark)");
        }
        Optional<Charset> declared = declaredCharset(raw);
        if (declared.isPresent() && !declared.get().equals(StandardCharsets.UTF_8)) {
            Charset cs = declared.get();
            String text = new String(raw, cs);
            return new SourceText(text, text.getBytes(StandardCharsets.UTF_8), null);
        }
        return fromUtf8(raw, declared.isEmpty() && hasUnknownCookie(raw) ? unknownCookieNote(raw) : null);
    }

    private static SourceText fromUtf8(byte[] bytes, String note) {
        String fast = new String(bytes, StandardCharsets.UTF_8);
        if (fast.indexOf('\uFFFD') < 0) {
            return new SourceText(fast, bytes, note); // no replacement made, so the bytes were valid UTF-8
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return new SourceText(text, bytes, note);
        } catch (CharacterCodingException e) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            return new SourceText(text, text.getBytes(StandardCharsets.UTF_8),
                    "invalid UTF-8: undecodable bytes were replaced with U+FFFD");
        }
    }

    /** The charset named by a PEP 263 cookie on line 1 or 2, if Java knows it. */
    static Optional<Charset> declaredCharset(byte[] raw) {
        return cookie(raw).flatMap(name -> {
            String normal = name.toLowerCase(Locale.ROOT).replace('_', '-');
            if (normal.startsWith("utf-8") || normal.equals("utf8")) {
                return Optional.of(StandardCharsets.UTF_8);
            }
            if (normal.equals("latin-1") || normal.startsWith("iso-latin-1") || normal.startsWith("latin1")) {
                return Optional.of(StandardCharsets.ISO_8859_1);
            }
            try {
                return Optional.of(Charset.forName(normal));
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                return Optional.empty();
            }
        });
    }

    private static boolean hasUnknownCookie(byte[] raw) {
        return cookie(raw).isPresent();
    }

    private static String unknownCookieNote(byte[] raw) {
        return "unknown coding cookie '" + cookie(raw).orElse("") + "': read as UTF-8";
    }

    private static Optional<String> cookie(byte[] raw) {
        int end = 0;
        for (int newlines = 0; end < raw.length && end < 512; end++) {
            if (raw[end] == '\n' && ++newlines == 2) {
                break;
            }
        }
        Matcher m = CODING_COOKIE.matcher(new String(raw, 0, end, StandardCharsets.ISO_8859_1));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    public static boolean hasUtf16Bom(byte[] raw) {
        return startsWith(raw, 0xFF, 0xFE) || startsWith(raw, 0xFE, 0xFF);
    }

    /** NUL bytes in the first 8 KiB: what git and grep also take as the mark of a binary file. */
    public static boolean looksBinary(byte[] raw) {
        for (int i = 0, n = Math.min(raw.length, 8192); i < n; i++) {
            if (raw[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] raw, int... prefix) {
        if (raw.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((raw[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int[] indexLines(byte[] bytes) {
        int count = 1;
        for (byte b : bytes) {
            if (b == '\n') {
                count++;
            }
        }
        int[] starts = new int[count];
        int line = 1;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                starts[line++] = i + 1;
            }
        }
        return starts;
    }

    public String text() {
        return text;
    }

    /** The bytes tree-sitter parsed; node offsets index into these. Do not modify. */
    public byte[] utf8() {
        return utf8;
    }

    /** Why the text is not exactly the file's bytes as UTF-8, or null when it is. */
    public String decodingNote() {
        return decodingNote;
    }

    public int lineCount() {
        return lineStarts().length;
    }

    /** The byte offset where a 1-based line starts. */
    public int lineStart(int line) {
        return lineStarts()[line - 1];
    }

    /** The byte offset of a code-point index within a line's text (as {@link #line} returns it). */
    public int byteAt(int line, String lineText, int charIndex) {
        return lineStart(line) + lineText.substring(0, charIndex).getBytes(StandardCharsets.UTF_8).length;
    }

    /** The 1-based line holding a byte offset. */
    public int lineOf(int byteOffset) {
        int i = Arrays.binarySearch(lineStarts(), byteOffset);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    /** The 1-based column, in code points, of a byte offset. */
    public int columnOf(int byteOffset) {
        int start = lineStarts()[lineOf(byteOffset) - 1];
        int column = 1;
        for (int i = start; i < byteOffset && i < utf8.length; i++) {
            if ((utf8[i] & 0xC0) != 0x80) {
                column++;
            }
        }
        return column;
    }

    /** The last line decoded: findings come in line order, and thousands can sit on one long generated line. */
    private record DecodedLine(int number, String text) {}

    private DecodedLine lastLine;

    /** The text of a 1-based line, without its line break. */
    public String line(int line) {
        if (line < 1 || line > lineStarts().length) {
            return "";
        }
        DecodedLine last = lastLine;
        if (last != null && last.number() == line) {
            return last.text();
        }
        int start = lineStarts()[line - 1];
        int end = line < lineStarts().length ? lineStarts()[line] - 1 : utf8.length;
        if (end > start && utf8[end - 1] == '\r') {
            end--;
        }
        String text = new String(utf8, start, Math.max(0, end - start), StandardCharsets.UTF_8);
        lastLine = new DecodedLine(line, text);
        return text;
    }

    /** The text between two byte offsets. */
    public String slice(int startByte, int endByte) {
        return new String(utf8, startByte, endByte - startByte, StandardCharsets.UTF_8);
    }
}
