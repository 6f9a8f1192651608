package dev.eventletscan.deps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class DistRequirementTest {
    @Test
    void readsNamesExtrasSpecifiersAndMarkers() {
        DistRequirement r = DistRequirement.parse("Oslo_Messaging[AMQP1, kafka] (>=14.0) ; python_version < '3.12'").orElseThrow();
        assertThat(r.name()).isEqualTo("Oslo_Messaging");
        assertThat(r.normalisedName()).isEqualTo("oslo-messaging");
        assertThat(r.extras()).containsExactly("amqp1", "kafka");
        assertThat(r.marker()).isEqualTo("python_version < '3.12'");
        assertThat(r.onlyForExtras()).isEmpty();

        assertThat(DistRequirement.parse("futurist").orElseThrow().marker()).isEmpty();
        assertThat(DistRequirement.parse("futurist!=2.0,>=1.2  # pinned").orElseThrow().name()).isEqualTo("futurist");
        assertThat(DistRequirement.parse("pkg @ https://example.org/pkg.whl;sha=1 ; os_name == 'posix'").orElseThrow())
                .satisfies(u -> assertThat(u.marker()).isEqualTo("os_name == 'posix'"));
    }

    @Test
    void anExtraMarkerMakesTheRequirementOptional() {
        DistRequirement r = DistRequirement.parse("eventlet>=0.30; extra == \"Green_Pool\" or 'all' == extra").orElseThrow();
        assertThat(r.onlyForExtras()).containsExactly("all", "green-pool");
        assertThat(r.appliesWith(Set.of())).isFalse();
        assertThat(r.appliesWith(Set.of("green-pool"))).isTrue();
        assertThat(r.appliesWith(Set.of("all", "x"))).isTrue();

        DistRequirement section = DistRequirement.parse("greenlet", "Green").orElseThrow();
        assertThat(section.onlyForExtras()).containsExactly("green");
        assertThat(DistRequirement.parse("greenlet", "").orElseThrow().onlyForExtras()).isEmpty();
        assertThat(DistRequirement.parse("pywin32; sys_platform == 'win32'").orElseThrow().appliesWith(Set.of())).isTrue();
    }

    @Test
    void passesOverWhatNamesNoDistribution() {
        assertThat(DistRequirement.parse("")).isEmpty();
        assertThat(DistRequirement.parse("   # only a comment")).isEmpty();
        assertThat(DistRequirement.parse("-r other.txt")).isEmpty();
        assertThat(DistRequirement.parse("not a requirement")).isEmpty();
        assertThat(DistRequirement.parse("!!!")).isEmpty();
    }
}
