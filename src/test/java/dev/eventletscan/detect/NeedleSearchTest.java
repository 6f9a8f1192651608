package dev.eventletscan.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NeedleSearchTest {
    private static final List<String> NEEDLES = List.of("eventlet", "EVENTLET", "oslo_service", "OSLO_SERVICE", "fut");

    @Test
    void findsEachNeedleAnywhereAndNothingElse() {
        NeedleSearch search = new NeedleSearch(NEEDLES);
        for (String needle : NEEDLES) {
            for (String text : List.of(needle, "x" + needle, needle + "x", "a b\n" + needle + "\n c", "eventle" + needle)) {
                assertThat(search.foundIn(bytes(text))).as(text).isTrue();
            }
        }
        for (String text : List.of("", "e", "eventle", "ventlet", "oslo_servic", "fu", "Eventlet", "eventl et", "slo_service")) {
            assertThat(search.foundIn(bytes(text))).as(text).isFalse();
        }
        assertThat(new NeedleSearch(List.of()).foundIn(bytes("eventlet"))).isFalse();
    }

    /** Against String.contains on random texts over a small alphabet, where near misses abound. */
    @Test
    void agreesWithAPlainSearchOnRandomTexts() {
        NeedleSearch search = new NeedleSearch(NEEDLES);
        Random random = new Random(7);
        String alphabet = "eventlEVNTLosl_rcfutSERVIC \n";
        int found = 0;
        for (int t = 0; t < 20_000; t++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(60);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (random.nextInt(8) == 0) {
                text.insert(random.nextInt(text.length() + 1), NEEDLES.get(random.nextInt(NEEDLES.size())));
            }
            boolean expected = NEEDLES.stream().anyMatch(text.toString()::contains);
            assertThat(search.foundIn(bytes(text.toString()))).as(text.toString()).isEqualTo(expected);
            found += expected ? 1 : 0;
        }
        assertThat(found).isBetween(1_000, 19_000);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
