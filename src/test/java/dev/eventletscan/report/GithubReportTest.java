package dev.eventletscan.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.TestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GithubReportTest {
    @TempDir
    Path tmp;

    @Test
    void repositoryTextIsEscapedSoItCannotEndOrStartACommand() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("p"));
        Files.writeString(project.resolve("a,b:c%d.py"), "import eventlet\neventlet.monkey_patch()\n");
        var run = TestSupport.cli("scan", project.toString(), "-f", "github", "-q");
        assertThat(run.exitCode()).isZero();
        var lines = run.out().lines().toList();
        assertThat(lines).hasSize(3); // two findings and the summary notice
        assertThat(lines.get(0)).startsWith("::notice file=" + GithubRenderer.property(project.toString()) + "/a%2Cb%3Ac%25d.py,line=1,col=8,")
                .contains(",title=EVT001 ").endsWith("::imports eventlet");
        assertThat(lines.get(1)).startsWith("::error file=").contains("line=2,col=1,");
        assertThat(lines.get(2)).startsWith("::notice title=eventlet-scan::2 findings in 1 file");
        assertThat(GithubRenderer.data("50% done\r\nnext")).isEqualTo("50%25 done%0D%0Anext");
        assertThat(GithubRenderer.property("a:b,c")).isEqualTo("a%3Ab%2Cc");
    }
}
