package dev.eventletscan.detect.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.detect.FileFacts;
import dev.eventletscan.detect.python.Detections;
import dev.eventletscan.model.Finding;
import dev.eventletscan.parse.SourceText;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextDetectorTest {
    private static List<String> brief(String path, String text) {
        return new TextDetector(Detections.RULES).detect(FileFacts.of(path), SourceText.of(text)).stream()
                .map(f -> f.line() + ":" + f.column() + " " + f.ruleId() + " " + f.symbol()).toList();
    }

    @Test
    void configurationAndEnvironmentVariables() {
        String conf = """
                [DEFAULT]
                executor = eventlet
                # executor = threading
                [gunicorn]
                worker_class: "eventlet"
                """;
        assertThat(brief("etc/svc.conf", conf)).containsExactly(
                "2:1 EVT910 executor = eventlet", "5:1 EVT910 worker_class: \"eventlet");
        String docker = """
                FROM python:3.12
                ENV EVENTLET_NO_GREENDNS=yes EVENTLET_HUB=asyncio
                CMD gunicorn -k eventlet --bind :8080 app:application
                """;
        assertThat(brief("Dockerfile", docker)).containsExactly(
                "2:5 EVT900 EVENTLET_NO_GREENDNS", "2:30 EVT900 EVENTLET_HUB", "3:13 EVT910  -k eventlet");
    }

    @Test
    void documentationMentionsButNotRequirementsFiles() {
        assertThat(brief("doc/source/index.rst", "Runs on Eventlet.\nNothing here.\n"))
                .containsExactly("1:9 EVT950 Eventlet");
        assertThat(brief("requirements.txt", "eventlet\n")).isEmpty();
        assertThat(brief("svc.py", "eventlet\n")).as("Python files are not text-rule input").isEmpty();
    }

    @Test
    void columnsCountCodePoints() {
        List<Finding> f = new TextDetector(Detections.RULES).detect(FileFacts.of("a.md"), SourceText.of("été eventlet\n"));
        assertThat(f).extracting(Finding::column, Finding::endColumn).containsExactly(org.assertj.core.groups.Tuple.tuple(5, 13));
    }
}
