package dev.eventletscan.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventletscan.model.SwitchVerdict;
import dev.eventletscan.rules.RuleFileException;
import dev.eventletscan.rules.RuleLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, second round: the switch verdict's categories are real categories, and a use of an eventlet object's
 * method is the swap of a call, not a second rewrite of the object.
 */
class ChangeKindsAndSwitchCategoriesTest {
    @Test
    void everyCategoryThatRunsOnEventletIsACategoryRulesHave() {
        assertThat(RuleLoader.load(List.of()).categories()).containsAll(Switches.RUNS_ON_EVENTLET);
    }

    @Test
    void aSemaphoreRunsOnEventletWhateverTheSwitchSays(@TempDir Path dir) throws IOException {
        String patch = "import os\nimport eventlet\n\nif os.environ.get('SVC_EVENTLET') == '1':\n    eventlet.monkey_patch()\n";
        SwitchVerdict verdict = AssessmentPropertiesTest.scan(dir, Map.of("svc/__init__.py", "", "svc/cmd.py", patch,
                "svc/lock.py", "import eventlet.semaphore\n\n\ndef guard():\n    return eventlet.semaphore.Semaphore(1)\n"))
                .repository().switchOff();
        assertThat(verdict.answer()).isEqualTo(SwitchVerdict.MAYBE);
        assertThat(verdict.evidence()).anySatisfy(e -> assertThat(e.detail()).contains("eventlet.semaphore.Semaphore"));
    }

    @Test
    void aMemberOfAnEventletObjectIsAClassThenALowerCaseName() {
        assertThat(ScoringModel.Size.isMember("eventlet.greenpool.GreenPool.spawn_n")).isTrue();
        assertThat(ScoringModel.Size.isMember("eventlet.greenio.py3.GreenPipe.read")).isTrue();
        assertThat(ScoringModel.Size.isMember("eventlet.wsgi.HttpProtocol.__init__")).isTrue();
        assertThat(ScoringModel.Size.isMember("eventlet.greenpool.GreenPool")).isFalse();
        assertThat(ScoringModel.Size.isMember("eventlet.wsgi.server")).isFalse();
        assertThat(ScoringModel.Size.isMember("eventlet")).isFalse();
        assertThat(ScoringModel.Size.isMember("eventlet.")).isFalse();
    }

    @Test
    void aPoolsMethodCallsCostASwapEachAndItsCreationTheRewrite() {
        ScoringModel.Size size = ScoringModel.shipped().score().size();
        double rewrite = size.changeKinds().get("rewrite").factor();
        double swap = size.changeKinds().get("swap").factor();
        assertThat(size.changeFactor("pool", "eventlet.greenpool.GreenPool")).isEqualTo(rewrite);
        assertThat(size.changeFactor("pool", "eventlet.greenpool.GreenPool.spawn_n")).isEqualTo(swap);
        // a member never costs more than its category: an import stays mechanical
        assertThat(size.changeFactor("import", "eventlet.greenpool.GreenPool.spawn_n")).isEqualTo(size.changeFactor("import"));
    }

    @Test
    void aMemberKindThatNamesNoChangeKindStopsTheRun() throws IOException {
        String shipped;
        try (var in = ScoringModel.class.getResourceAsStream("/" + ScoringModel.FILE)) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(shipped).contains("memberKind: swap");
        assertThatThrownBy(() -> ScoringModel.parse(shipped.replace("memberKind: swap", "memberKind: swop")))
                .isInstanceOf(RuleFileException.class).hasMessageContaining("score.size.memberKind");
    }
}
