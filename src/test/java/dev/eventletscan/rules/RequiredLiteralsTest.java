package dev.eventletscan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The text a file must hold for a text rule to match in it: what lets the scan skip most files unread. */
class RequiredLiteralsTest {
    private static Set<String> of(String regex) {
        return RequiredLiterals.of(Pattern.compile(regex));
    }

    @Test
    void aLiteralRunThatEveryMatchHoldsIsFound() {
        assertThat(of("wsgi_default_pool_size\\s*=")).containsExactly("wsgi_default_pool_size");
        assertThat(of("(?i)\\beventlet\\b")).containsExactly("eventlet");
        assertThat(of("\\b(?<symbol>EVENTLET_(?:HUB|NO_GREENDNS|[A-Z0-9_]+))\\b")).containsExactly("eventlet_");
        assertThat(of("a\\.b+c")).containsExactly("a.b");
        assertThat(of("x?eventlet")).containsExactly("eventlet");
        assertThat(of("\\Qa.b*c\\E")).containsExactly("a.b*c");
    }

    @Test
    void alternativesEachGiveTheirOwn() {
        assertThat(of("(?:executor|pool)\\s*=\\s*[\"']?eventlet\\b|(?:^|\\s)(?:-k|--worker-class)[ =]+eventlet")).containsExactly("eventlet");
        assertThat(of("green_pool|tpool_size")).containsExactlyInAnyOrder("green_pool", "tpool_size");
        assertThat(of("(?:spawn|spawn_n)\\(")).containsExactlyInAnyOrder("spawn", "spawn_n");
    }

    @Test
    void whatMayBeAbsentOrIsNoTextGivesNothing() {
        assertThat(of("(?:green_pool)?\\d+")).isNull();
        assertThat(of("[a-z]+_size")).containsExactly("_size");
        assertThat(of("foo|\\d+")).as("one alternative requires no text").isNull();
        assertThat(of("(?i)kelvin")).as("RE2 folds the Kelvin sign (U+212A) to k").isNull();
        assertThat(RequiredLiterals.of(Pattern.compile("kelvin", Pattern.CASE_INSENSITIVE))).isNull();
        assertThat(RequiredLiterals.of(Pattern.compile("kelvin"))).containsExactly("kelvin");
        assertThat(of("x{0,3}y")).containsExactly("y");
        assertThat(of("[\\]a]evt")).containsExactly("evt");
        assertThat(of("été")).as("non-ASCII text may fold case otherwise").isNull();
    }

    @Test
    void everyShippedTextRuleStillSkipsFilesWithoutEventlet() {
        RuleSet shipped = RuleLoader.load(List.of());
        for (Rule r : shipped.textRules()) {
            assertThat(RequiredLiterals.of(((TextMatch) r.match()).text())).as(r.id()).isNotNull()
                    .allMatch(literal -> literal.contains("eventlet"));
        }
    }
}
