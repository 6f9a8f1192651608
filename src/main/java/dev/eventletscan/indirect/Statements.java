package dev.eventletscan.indirect;

import dev.eventletscan.parse.LogicalLines;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A Python file cut into statements of tokens, with each token's line and code-point column: a small lexer for the
 * files the indirect pass reads again (those that import a facade or a wrapper), where findings need exact
 * positions. No parse: strings and comments are skipped, brackets and backslashes join lines, {@code ;} and the
 * colon after a block keyword split a line. Never throws on broken input.
 */
final class Statements {
    /** What a token is; strings keep their text (with quotes) for conditions shown in reports. */
    enum Kind { NAME, OP, STRING, NUMBER }

    record Token(Kind kind, String text, int line, int column, int endLine, int endColumn) {
        boolean is(String s) {
            return text.equals(s) && kind != Kind.STRING;
        }
    }

    /** One logical statement: its indentation and tokens; a body after a block header's colon gets indent + 1. */
    record Statement(int indent, List<Token> tokens) {
        Token first() {
            return tokens.getFirst();
        }

        boolean startsWith(String word) {
            return !tokens.isEmpty() && tokens.getFirst().is(word);
        }

        /** The statement's source, tokens joined by single spaces where the source had space. */
        String text() {
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

    private Statements() {}

    static List<Statement> of(String s) {
        List<Statement> out = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        int n = s.length();
        int line = 1;
        int column = 1; // code points from the start of the line
        int depth = 0;
        int indent = 0; // of the physical line
        int statementIndent = 0;
        boolean lineStart = true;
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n') {
                if (depth == 0 && !current.isEmpty()) {
                    flush(out, current, statementIndent);
                }
                line++;
                column = 1;
                indent = 0;
                lineStart = true;
                i++;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\f' || c == '\r') {
                if (lineStart && current.isEmpty()) {
                    indent = c == '\t' ? (indent / 8 + 1) * 8 : indent + 1;
                }
                column++;
                i++;
                continue;
            }
            lineStart = false;
            if (current.isEmpty()) {
                statementIndent = indent;
            }
            if (c == '#') {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == '\\' && i + 1 < n && (s.charAt(i + 1) == '\n' || s.charAt(i + 1) == '\r')) {
                i += s.charAt(i + 1) == '\r' && i + 2 < n && s.charAt(i + 2) == '\n' ? 3 : 2;
                line++;
                column = 1;
                continue;
            }
            int startLine = line;
            int startColumn = column;
            int start = i;
            if (isNameStart(c)) {
                while (i < n && isNameChar(s.charAt(i))) {
                    i++;
                }
                if (i < n && (s.charAt(i) == '\'' || s.charAt(i) == '"') && i - start <= 2
                        && s.substring(start, i).toLowerCase(Locale.ROOT).matches("[rbuf]{1,2}")) {
                    i = skipString(s, i);
                } else {
                    column += i - start;
                    current.add(new Token(Kind.NAME, s.substring(start, i), startLine, startColumn, line, column));
                    continue;
                }
            } else if (c == '\'' || c == '"') {
                i = skipString(s, i);
            } else if (c >= '0' && c <= '9') {
                while (i < n && (isNameChar(s.charAt(i)) || s.charAt(i) == '.')) {
                    i++;
                }
                column += i - start;
                current.add(new Token(Kind.NUMBER, s.substring(start, i), startLine, startColumn, line, column));
                continue;
            } else {
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                    depth--;
                }
                i++;
                if (i < n && isOperatorPair(c, s.charAt(i))) {
                    i++;
                }
                column += i - start;
                if (c == ';' && depth == 0) {
                    flush(out, current, statementIndent);
                    continue;
                }
                if (c == ':' && depth == 0 && i - start == 1 && isBlockHeader(current) && !restOfLineEmpty(s, i)) {
                    current.add(new Token(Kind.OP, ":", startLine, startColumn, line, column));
                    flush(out, current, statementIndent);
                    indent = statementIndent + 1; // the body on the header's line
                    continue;
                }
                current.add(new Token(Kind.OP, s.substring(start, i), startLine, startColumn, line, column));
                continue;
            }
            // a string: count its lines and the columns of its last line
            String text = s.substring(start, i);
            for (int k = start; k < i; k++) {
                char ch = s.charAt(k);
                if (ch == '\n') {
                    line++;
                    column = 1;
                } else if (!Character.isLowSurrogate(ch)) {
                    column++;
                }
            }
            current.add(new Token(Kind.STRING, text, startLine, startColumn, line, column));
        }
        if (!current.isEmpty()) {
            flush(out, current, statementIndent);
        }
        return out;
    }

    private static void flush(List<Statement> out, List<Token> current, int indent) {
        if (!current.isEmpty()) {
            out.add(new Statement(indent, List.copyOf(current)));
            current.clear();
        }
    }

    private static boolean isBlockHeader(List<Token> tokens) {
        return !tokens.isEmpty() && tokens.getFirst().kind() == Kind.NAME && BLOCK_KEYWORDS.contains(tokens.getFirst().text())
                && !tokens.stream().anyMatch(t -> t.is("lambda"));
    }

    private static boolean restOfLineEmpty(String s, int i) {
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

    /** Just past the string whose quote is at {@code i}. */
    private static int skipString(String s, int i) {
        char quote = s.charAt(i);
        boolean triple = i + 2 < s.length() && s.charAt(i + 1) == quote && s.charAt(i + 2) == quote;
        return LogicalLines.skipString(s, i, quote, triple);
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c > 0x7f && Character.isLetter(c);
    }

    private static boolean isNameChar(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }
}
