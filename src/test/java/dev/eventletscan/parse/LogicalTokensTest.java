package dev.eventletscan.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one lexer, read both ways: statement texts for the structure pass, positioned tokens for the indirect pass. */
class LogicalTokensTest {
    @Test
    void aCharacterOutsideTheBmpShiftsNoLaterOffset() {
        // the lexer's one-byte-per-char copy once lost a char per surrogate pair: every later run was cut wrong
        String s = "x = '\uD83D\uDE42'; import eventlet\ny = eventlet.spawn(f)\n";
        assertThat(LogicalLines.of(s)).extracting(LogicalLines.Line::text)
                .containsExactly("x = ''", "import eventlet", "y = eventlet.spawn(f)");
        LogicalTokens.Token spawn = LogicalTokens.of(s).get(2).tokens().get(4);
        assertThat(spawn.text()).isEqualTo("spawn");
        assertThat(List.of(spawn.line(), spawn.column())).containsExactly(2, 14);
        LogicalTokens.Token eventlet = LogicalTokens.of(s).get(1).tokens().get(1);
        assertThat(List.of(eventlet.line(), eventlet.column())).containsExactly(1, 17); // the emoji is one code point
    }

    @Test
    void aBodyOnItsHeadersLineIsAStatementOneDeeperAndStringsKeepTheirPrefix() {
        List<LogicalTokens.Statement> st = LogicalTokens.of("if ok: go(rb'x', \\\r\n  y)\nz = 1\n");
        assertThat(st).extracting(LogicalTokens.Statement::text).containsExactly("if ok:", "go(rb'x', y)", "z = 1");
        assertThat(st).extracting(LogicalTokens.Statement::indent).containsExactly(0, 1, 0);
        LogicalTokens.Token y = st.get(1).tokens().get(4);
        assertThat(List.of(y.text(), y.line(), y.column())).containsExactly("y", 2, 3); // a backslash before CR LF joins
        assertThat(LogicalLines.of("if ok: go(rb'x', \\\r\n  y)\n")).extracting(LogicalLines.Line::text)
                .containsExactly("if ok: go(rb'',    y)");
    }
}
