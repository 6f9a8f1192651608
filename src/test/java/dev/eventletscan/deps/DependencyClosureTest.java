package dev.eventletscan.deps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.rules.DependencyMatch;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DependencyClosureTest {
    /** An installed distribution with these requirements and no code. */
    static InstalledDistribution dist(String name, String... requires) {
        List<DistRequirement> reqs = Arrays.stream(requires).map(r -> {
            // "name | extra" puts a requirement in an extra's section, as requires.txt does
            String[] parts = r.split("\\|");
            return DistRequirement.parse(parts[0], parts.length > 1 ? parts[1].strip() : null).orElseThrow();
        }).toList();
        return new InstalledDistribution(name, DependencyMatch.normalise(name), "1.0",
                Path.of("/sp"), Path.of("/sp/" + name + "-1.0.dist-info"), "dist-info", reqs, List.of(), List.of(),
                List.of(), -1, List.of());
    }

    static final List<InstalledDistribution> OPENSTACK = List.of(
            dist("nova", "oslo.messaging>=14", "oslo.service", "futurist"),
            dist("oslo.messaging", "futurist>=2", "oslo.utils", "kombu"),
            dist("oslo.service", "eventlet>=0.25", "oslo.utils", "greenlet ; python_version < '3.13'"),
            dist("oslo.utils", "pbr"),
            dist("futurist"),
            dist("eventlet", "greenlet>=1", "dnspython", "six"),
            dist("greenlet"),
            dist("dnspython"),
            dist("six"),
            dist("unrelated", "eventlet"));

    @Test
    void followsRequirementsWithTheShortestChains() {
        DependencyClosure c = DependencyClosure.compute(List.of("Nova"), OPENSTACK);

        assertThat(c.dependencies()).extracting(DependencyClosure.Reached::normalisedName).containsExactly(
                "dnspython", "eventlet", "futurist", "greenlet", "kombu", "nova", "oslo-messaging", "oslo-service",
                "oslo-utils", "pbr", "six");
        assertThat(c.find("futurist").orElseThrow().via()).containsExactly("nova", "futurist");
        assertThat(c.find("six").orElseThrow().via()).containsExactly("nova", "oslo.service", "eventlet", "six");
        assertThat(c.find("greenlet").orElseThrow()).satisfies(g -> {
            assertThat(g.via()).containsExactly("nova", "oslo.service", "greenlet");
            assertThat(g.marker()).isEqualTo("python_version < '3.13'");
        });
        assertThat(c.find("nova").orElseThrow().direct()).isTrue();
        assertThat(c.find("oslo.service").orElseThrow().direct()).isFalse();
        assertThat(c.find("unrelated")).isEmpty();
        assertThat(c.notInstalled()).extracting(DependencyClosure.Reached::name).containsExactly("kombu", "pbr");
        assertThat(c.find("kombu").orElseThrow().via()).containsExactly("nova", "oslo.messaging", "kombu");
        // equally short chains: the first requirement in metadata order wins
        assertThat(c.find("oslo_utils").orElseThrow().path(null)).isEqualTo("nova -> oslo.messaging -> oslo.utils");
    }

    @Test
    void namesTheProjectInFrontOfAChain() {
        DependencyClosure c = DependencyClosure.compute(List.of("oslo.messaging", "oslo.service"), OPENSTACK);
        assertThat(c.find("futurist").orElseThrow().path("nova")).isEqualTo("nova -> oslo.messaging -> futurist");
        assertThat(c.find("oslo.messaging").orElseThrow().path("nova")).isEqualTo("nova -> oslo.messaging");
        assertThat(c.find("oslo.messaging").orElseThrow().path("oslo.messaging")).isEqualTo("oslo.messaging");
        assertThat(c.find("nova")).isEmpty();
    }

    @Test
    void extrasOnlyRequirementsCountWhenTheExtraIsRequested() {
        List<InstalledDistribution> installed = List.of(
                dist("celery", "kombu", "eventlet>=0.32 | eventlet", "gevent | gevent", "pytest ; extra == 'test'"),
                dist("kombu", "amqp", "boto3 | sqs"),
                dist("app", "celery[eventlet]", "kombu[sqs]"),
                dist("eventlet", "greenlet"),
                dist("greenlet"));

        DependencyClosure plain = DependencyClosure.compute(List.of("celery"), installed);
        assertThat(plain.dependencies()).extracting(DependencyClosure.Reached::name)
                .containsExactly("amqp", "celery", "kombu");

        DependencyClosure green = DependencyClosure.compute(List.of("celery[eventlet]"), installed);
        assertThat(green.dependencies()).extracting(DependencyClosure.Reached::name)
                .containsExactly("amqp", "celery", "eventlet", "greenlet", "kombu");
        assertThat(green.find("celery").orElseThrow().extras()).containsExactly("eventlet");
        assertThat(green.find("greenlet").orElseThrow().via()).containsExactly("celery", "eventlet", "greenlet");

        // extras asked for further down the chain switch on their requirements too
        DependencyClosure viaApp = DependencyClosure.compute(List.of("app"), installed);
        assertThat(viaApp.find("boto3").orElseThrow()).satisfies(b -> {
            assertThat(b.installed()).isFalse();
            assertThat(b.via()).containsExactly("app", "kombu", "boto3");
        });
        assertThat(viaApp.find("eventlet").orElseThrow().via()).containsExactly("app", "celery", "eventlet");
        assertThat(viaApp.find("gevent")).isEmpty();
        assertThat(viaApp.find("pytest")).isEmpty();

        // the same distribution declared twice: its extras add up
        DependencyClosure twice = DependencyClosure.compute(List.of("celery", "celery[gevent]", "celery[eventlet]"), installed);
        assertThat(twice.find("celery").orElseThrow().extras()).containsExactly("eventlet", "gevent");
        assertThat(twice.find("gevent")).isPresent();
    }

    @Test
    void survivesCyclesAndReportsWhatIsNotInstalled() {
        List<InstalledDistribution> installed = List.of(dist("a", "b"), dist("b", "a", "c"), dist("c", "a"));
        DependencyClosure c = DependencyClosure.compute(List.of("a", "missing-direct>=1", "# a comment"), installed);
        assertThat(c.dependencies()).extracting(DependencyClosure.Reached::name)
                .containsExactly("a", "b", "c", "missing-direct");
        assertThat(c.find("c").orElseThrow().via()).containsExactly("a", "b", "c");
        assertThat(c.find("missing-direct").orElseThrow()).satisfies(m -> {
            assertThat(m.direct()).isTrue();
            assertThat(m.installed()).isFalse();
            assertThat(m.via()).containsExactly("missing-direct");
        });
    }

    @Test
    void everyInstalledDistributionCanBeARoot() {
        DependencyClosure c = DependencyClosure.ofAllInstalled(OPENSTACK);
        assertThat(c.installed()).hasSize(OPENSTACK.size()).allSatisfy(r -> assertThat(r.direct()).isTrue());
        assertThat(c.notInstalled()).extracting(DependencyClosure.Reached::name).containsExactly("kombu", "pbr");
    }
}
