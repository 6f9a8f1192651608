package dev.eventletscan.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A Python file cut into statements of tokens, each with its line and code-point column: {@link LogicalLines}'
 * lexer, with its runs of code cut into names, numbers and operators. For the files the indirect pass reads again,
 * where findings need exact positions. One more split than {@link LogicalLines#of}: the colon after a block
 * keyword ends a statement when the body follows on the same line ({@code if x: return y}), the body one deeper.
 */
public final class LogicalTokens implements LogicalLines.Sink {
    /** What a token is; strings keep their text (with prefix and quotes) for conditions shown in reports. */
    public enum Kind { NAME, OP, STRING, NUMBER }

    public record Token(Kind kind, String text, int line, int column, int endLine, int endColumn) {
        public boolean is(String s) {
            return text.equals(s) && kind != Kind.STRING;
        }
    }

    /** One logical statement: its indentation and tokens; a body after a block header's colon gets indent + 1. */
    public record Statement(int indent, List<Token> tokens) {
        public Token first() {
            return tokens.getFirst();
        }

        public boolean startsWith(String word) {
            return !tokens.isEmpty() && tokens.getFirst().is(word);
        }

        /** The statement's source, tokens joined by single spaces where the source had space. */
        public String text() {
            StringBuilder b = new StringBuilder();
            Token previous = null;
            for (Token t : tokens) {
                if (previous != null && (t.line() != previous.endLine() || t.column() != previous.endColumn())) {
                    b.append(' ');
                }
                b.append(t.text());
                previous = t;
            }
            return b.toString();
        }
    }

    private static final Set<String> BLOCK_KEYWORDS = Set.of("if", "elif", "else", "while", "for", "try", "except",
            "finally", "with", "def", "class", "async");

    private final String s;
    private final List<Statement> out = new ArrayList<>();
    private final List<Token> current = new ArrayList<>();
    private int statementIndent;
    private int bodyIndent = -1; // after a header's colon, the indentation of the rest of its physical line
    private int depth;
    private int lastNameStart = -1; // offsets of the last NAME token, a possible string prefix
    private int lastNameEnd = -1;
    // the code-point column of offset cursorOffset, on the physical line starting at cursorLine
    private int cursorLine = -1;
    private int cursorOffset;
    private int cursorColumn;

    private LogicalTokens(String s) {
        this.s = s;
    }

    /** Never throws on broken input. */
    public static List<Statement> of(String s) {
        LogicalTokens sink = new LogicalTokens(s);
        LogicalLines.lex(s, sink);
        return sink.out;
    }

    @Override
    public void code(int from, int to, int line, int lineStart, int indent) {
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\f' || c == '\r') {
                i++;
                continue;
            }
            open(indent);
            int start = i;
            int column = column(start, lineStart);
            Kind kind;
            if (isNameStart(c)) {
                while (i < to && isNameChar(s.charAt(i))) {
                    i++;
                }
                kind = Kind.NAME;
                lastNameStart = start;
                lastNameEnd = i;
            } else if (c >= '0' && c <= '9') {
                while (i < to && (isNameChar(s.charAt(i)) || s.charAt(i) == '.')) {
                    i++;
                }
                kind = Kind.NUMBER;
            } else {
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                    depth--;
                }
                i++;
                if (i < to && isOperatorPair(c, s.charAt(i))) {
                    i++;
                }
                kind = Kind.OP;
            }
            Token token = new Token(kind, s.substring(start, i), line, column, line, column(i, lineStart));
            current.add(token);
            if (c == ':' && i - start == 1 && depth == 0 && isBlockHeader(current) && !restOfLineEmpty(i)) {
                bodyIndent = statementIndent + 1; // the body on the header's line
                flush();
            }
        }
    }

    @Override
    public void string(int from, int to, int line, int lineStart, int indent) {
        open(indent);
        int start = from;
        int column;
        Token prefix = current.isEmpty() ? null : current.getLast();
        if (prefix != null && prefix.kind() == Kind.NAME && lastNameEnd == from && from - lastNameStart <= 2
                && prefix.text().toLowerCase(Locale.ROOT).matches("[rbuf]{1,2}")) {
            current.removeLast(); // r'...', b"...", f'...': the prefix is part of the string
            start = lastNameStart;
            column = prefix.column();
        } else {
            column = column(from, lineStart);
        }
        int endLine = line;
        int endColumn = column;
        for (int k = start; k < to; k++) {
            char ch = s.charAt(k);
            if (ch == '\n') {
                endLine++;
                endColumn = 1;
            } else if (!Character.isLowSurrogate(ch)) {
                endColumn++;
            }
        }
        current.add(new Token(Kind.STRING, s.substring(start, to), line, column, endLine, endColumn));
        if (endLine == line) {
            cursorOffset = to;
            cursorColumn = endColumn;
        }
    }

    @Override
    public void join(int line) {
        // the statement goes on; positions come from the offsets
    }

    @Override
    public void end(boolean newline) {
        flush();
        depth = 0;
        if (newline) {
            bodyIndent = -1;
        }
    }

    private void open(int indent) {
        if (current.isEmpty()) {
            statementIndent = bodyIndent >= 0 ? bodyIndent : indent;
        }
    }

    private void flush() {
        if (!current.isEmpty()) {
            out.add(new Statement(statementIndent, List.copyOf(current)));
            current.clear();
        }
    }

    /** The 1-based code-point column of {@code offset}, on the physical line starting at {@code lineStart}. */
    private int column(int offset, int lineStart) {
        if (lineStart != cursorLine) {
            cursorLine = lineStart;
            cursorOffset = lineStart;
            cursorColumn = 1;
        }
        cursorColumn += s.codePointCount(cursorOffset, offset);
        cursorOffset = offset;
        return cursorColumn;
    }

    private static boolean isBlockHeader(List<Token> tokens) {
        return !tokens.isEmpty() && tokens.getFirst().kind() == Kind.NAME && BLOCK_KEYWORDS.contains(tokens.getFirst().text())
                && tokens.stream().noneMatch(t -> t.is("lambda"));
    }

    private boolean restOfLineEmpty(int i) {
        for (int k = i; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '\n' || c == '#') {
                return true;
            }
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    private static boolean isOperatorPair(char a, char b) {
        return (b == '=' && "=!<>+-*/%&|^:@".indexOf(a) >= 0) || (a == '*' && b == '*') || (a == '/' && b == '/')
                || (a == '-' && b == '>') || (a == '<' && b == '<') || (a == '>' && b == '>');
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c > 0x7f && Character.isLetter(c);
    }

    private static boolean isNameChar(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }
}
