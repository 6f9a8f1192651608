package dev.eventletscan.detect.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.detect.EntryPoint;
import dev.eventletscan.detect.FileFacts;
import dev.eventletscan.detect.ProjectFacts;
import dev.eventletscan.model.Finding;
import dev.eventletscan.model.FindingContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContextTest {
    private static final String SERVICE = """
            import eventlet

            def main():
                eventlet.monkey_patch()

            def helper():
                eventlet.monkey_patch()

            if __name__ == "__main__":
                eventlet.monkey_patch()
            """;

    @Test
    void entryPointsMainBlocksAndPackageInit() {
        ProjectFacts project = new ProjectFacts(List.of(
                new EntryPoint("svc", "console_scripts", "svc.cmd", "main", "setup.cfg"),
                new EntryPoint("plugin", "svc.plugins", "svc.cmd", "helper", "setup.cfg")));
        List<Finding> inCmd = Detections.of(project.factsFor("src/svc/cmd.py"), SERVICE, Detections.RULES);
        assertThat(inCmd).extracting(Finding::line, Finding::context).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, new FindingContext(false, false, List.of("svc"), false)),
                org.assertj.core.groups.Tuple.tuple(4, new FindingContext(false, false, List.of("svc"), false)),
                org.assertj.core.groups.Tuple.tuple(7, FindingContext.NONE),
                org.assertj.core.groups.Tuple.tuple(10, new FindingContext(false, false, List.of("svc"), true)));
        assertThat(inCmd.get(3).guarded()).as("the __main__ test is an entry, not a switch").isFalse();

        List<Finding> inInit = Detections.of(project.factsFor("src/svc/__init__.py"), SERVICE, Detections.RULES);
        assertThat(inInit.getFirst().context()).isEqualTo(new FindingContext(false, true, List.of("svc"), false));
        assertThat(inInit.get(1).context().packageInit()).as("inside a function is not package start-up").isFalse();
    }

    /** A declared module matches a file's module, or a package holding it, by whole dotted parts only. */
    @Test
    void entryPointsMatchWholeModuleParts() {
        ProjectFacts project = new ProjectFacts(List.of(
                new EntryPoint("api", "console_scripts", "svc.cmd.api", "main", "setup.cfg")));
        List<String> matched = List.of("src/svc/cmd/api.py", "svc/cmd/api.py", "src/svc/cmd/__init__.py", "svc/__init__.py");
        List<String> unmatched = List.of("src/xsvc/cmd/api.py", "src/svc/cmd/xapi.py", "src/svc/cmd/api/x.py",
                "src/svc/cm/__init__.py", "src/vc/__init__.py", "api.py", "src/svc/cmd/ap.py",
                "cmd/__init__.py");
        matched.forEach(p -> assertThat(project.factsFor(p).entryPoints()).as(p).isNotEmpty());
        unmatched.forEach(p -> assertThat(project.factsFor(p).entryPoints()).as(p).isEmpty());
    }

    @Test
    void testCodeByPathOrByFrameworkImport() {
        String plain = "import eventlet\n";
        assertThat(Detections.of(FileFacts.of("nova/tests/unit/test_x.py"), plain, Detections.RULES).getFirst().context().test()).isTrue();
        assertThat(Detections.of(FileFacts.of("conftest.py"), plain, Detections.RULES).getFirst().context().test()).isTrue();
        assertThat(Detections.of(FileFacts.of("nova/utils.py"), plain, Detections.RULES).getFirst().context().test()).isFalse();
        assertThat(Detections.of(FileFacts.of("nova/checks.py"), "import testtools\n" + plain, Detections.RULES)
                .getLast().context().test()).isTrue();
    }
}
