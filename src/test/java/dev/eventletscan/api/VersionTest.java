package dev.eventletscan.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class VersionTest {
    @Test
    void theCacheStampIsTheVersionAndADigestOfTheCodeNotABuildTime() throws IOException {
        Properties written = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/eventlet-scan-version.properties")) {
            written.load(in);
        }
        assertThat(written.stringPropertyNames()).containsExactly("version"); // a build time would empty the cache on every build
        assertThat(Version.build()).matches(Pattern.quote(Version.get()) + "\\+[0-9a-f]{16}")
                .isEqualTo(Version.build());
    }
}
