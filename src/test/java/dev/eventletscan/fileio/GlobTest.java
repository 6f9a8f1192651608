package dev.eventletscan.fileio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GlobTest {
    private static final List<String> GLOBS = List.of("*.py", "tests", "*_test.py", "nova/tests/**", "**/*.py", "a?c", "[abc]*",
            "[!a]x", "[a-c]?", "{*.txt,*.cfg}", "requirements*.txt", "Dockerfile*", "x\\*y", "*", "**", "a*b*c", "doc/*/conf.py",
            "{a,b}/{c,d}", "*[0-9].in", ".env");
    private static final List<String> NAMES = List.of("a.py", "x/a.py", "tests", "x/tests", "a_test.py", "nova/tests/a.py",
            "nova/tests/b/c.py", "nova/tests", "abc", "a/c", "bxyz", "ax", "bx", "b1", "c/", "r.txt", "s.cfg", "s.cfgx",
            "requirements-dev.txt", "Dockerfile.prod", "x*y", "xzy", "", "abbbc", "ac", "doc/x/conf.py", "doc/x/y/conf.py",
            "a/c", "b/d", "a/e", "req3.in", "req.in", ".env", "a/.env");

    /** Same answers as Java's own glob matcher, which it replaces (on names as Path.of normalizes them). */
    @Test
    void matchesAsJavasGlobMatcherDoes() {
        for (String glob : GLOBS) {
            var java = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            Glob ours = Glob.of(glob);
            for (String name : NAMES) {
                assertThat(ours.matches(Path.of(name).toString())).as(glob + " on '" + name + "'").isEqualTo(java.matches(Path.of(name)));
            }
        }
    }

    /** Java's matcher backtracks for years on this; the automaton reads the name once. */
    @Test
    void manyStarsOnALongNameTakeNoTime() {
        String glob = "*a".repeat(30) + "*b";
        String name = "a".repeat(5_000);

        long start = System.nanoTime();
        boolean matched = Glob.of(glob).matches(name);

        assertThat(matched).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(Glob.of("**" + "/*".repeat(40) + "x").matches("a/".repeat(2_000) + "y")).isFalse();
    }

    @Test
    void malformedGlobsSayWhy() {
        assertThatThrownBy(() -> Glob.of("[abc")).hasMessage("not a valid glob '[abc': missing ']'");
        assertThatThrownBy(() -> Glob.of("{a,b")).hasMessage("not a valid glob '{a,b': missing '}'");
        assertThatThrownBy(() -> Glob.of("{a,{b}}")).hasMessage("not a valid glob '{a,{b}}': groups cannot nest");
        assertThatThrownBy(() -> Glob.of("a\\")).hasMessage("not a valid glob 'a\\': no character to escape at the end");
    }
}
