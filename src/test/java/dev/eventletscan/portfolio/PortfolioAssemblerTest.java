package dev.eventletscan.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.model.ToolInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Readiness sources, blocking and the order of work, on rows shaped like the ones a scan gives. */
class PortfolioAssemblerTest {
    private static final PortfolioReport.Options OPTIONS = new PortfolioReport.Options(List.of(), List.of(), List.of(), 0, false);

    private static RepositoryEntry row(String name, String status, double score, List<RepositoryEntry.Dependency> deps,
            List<String> requires) {
        return new RepositoryEntry(name, name, Teams.NONE, "scanned", null, status, null, name, score, "low", 0, 0, 0, 1, 2,
                status.equals(RepositoryEntry.FREE) ? 0 : 5, status.equals(RepositoryEntry.FREE) ? 0 : 5, 0, "no", null, deps,
                requires, null, null, List.of());
    }

    private static RepositoryEntry.Dependency known(String name) {
        return new RepositoryEntry.Dependency(name, true, "knowledge base", null, true, 0);
    }

    private static PortfolioReport assemble(List<RepositoryEntry> rows) {
        return new PortfolioAssembler(ReadinessBase.shipped()).assemble(new ToolInfo("eventlet-scan", "test", "1.0", "test"), OPTIONS,
                Teams.EMPTY, rows, null, null);
    }

    @Test
    void eachLibraryIsMarkedByWhereItsStateComesFrom() {
        RepositoryEntry installed = row("svc-c", RepositoryEntry.NOT_STARTED, 3, List.of(new RepositoryEntry.Dependency("kazoo", true, "scanned", "2.9.0", true, 4)),
                        List.of("kazoo"));
        PortfolioReport p = assemble(List.of(
                row("oslo.service", RepositoryEntry.NOT_STARTED, 20, List.of(), List.of()),
                row("svc-a", RepositoryEntry.NOT_STARTED, 10, List.of(known("oslo.service"), known("nameko")), List.of("oslo-service", "nameko")),
                row("svc-b", RepositoryEntry.FREE, 0, List.of(known("nameko")), List.of("nameko")),
                installed));
        assertThat(p.readiness()).extracting(PortfolioReport.LibraryReadiness::name, PortfolioReport.LibraryReadiness::source,
                PortfolioReport.LibraryReadiness::state, PortfolioReport.LibraryReadiness::since).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("kazoo", "installed", "dual mode", null),
                        org.assertj.core.groups.Tuple.tuple("nameko", "knowledge base", "eventlet only", null),
                        org.assertj.core.groups.Tuple.tuple("oslo.service", "portfolio + knowledge base", "dual mode", "4.2.0"));
        var nameko = p.readiness().get(1);
        assertThat(nameko.usedBy()).containsExactly("svc-a", "svc-b");
        assertThat(nameko.waiting()).as("an eventlet-free user waits on nothing").containsExactly("svc-a");
        assertThat(p.readiness().getFirst().installedVersion()).isEqualTo("2.9.0");
        assertThat(p.nudge()).extracting(PortfolioReport.Nudge::library).containsExactly("nameko");
        assertThat(p.blockers()).contains(new PortfolioReport.Edge("svc-a", "nameko", true),
                new PortfolioReport.Edge("svc-a", "oslo.service", false), new PortfolioReport.Edge("svc-b", "nameko", false));
    }

    @Test
    void libraryRepositoriesComeBeforeTheServicesThatNeedThem() {
        PortfolioReport p = assemble(List.of(
                row("api-service", RepositoryEntry.NOT_STARTED, 1, List.of(), List.of("shared-lib", "requests")),
                row("shared-lib", RepositoryEntry.NOT_STARTED, 50, List.of(), List.of("base-lib")),
                row("base-lib", RepositoryEntry.IN_PROGRESS, 60, List.of(), List.of()),
                row("lone-tool", RepositoryEntry.NOT_STARTED, 30, List.of(), List.of()),
                row("done-tool", RepositoryEntry.FREE, 0, List.of(), List.of("shared-lib"))));
        assertThat(p.order()).extracting(PortfolioReport.Step::repository, PortfolioReport.Step::level).containsExactly(
                org.assertj.core.groups.Tuple.tuple("base-lib", 0), org.assertj.core.groups.Tuple.tuple("lone-tool", 0),
                org.assertj.core.groups.Tuple.tuple("shared-lib", 1), org.assertj.core.groups.Tuple.tuple("api-service", 2));
        assertThat(p.order().get(2).waitsOn()).containsExactly("base-lib");
        // a portfolio library unknown to the knowledge base, with eventlet code and no switch: it blocks
        var shared = p.readiness().stream().filter(l -> l.name().equals("shared-lib")).findFirst().orElseThrow();
        assertThat(shared.state()).isEqualTo("eventlet only");
        assertThat(shared.waiting()).containsExactly("api-service");
        var base = p.readiness().stream().filter(l -> l.name().equals("base-lib")).findFirst().orElseThrow();
        assertThat(base.state()).as("in progress: its switch-off verdict is maybe").isEqualTo("dual mode");
    }

    @Test
    void shardsSplitTheSortedListDeterministically() {
        List<String> names = List.of("a", "b", "c", "d", "e");
        assertThat(new Shard(1, 2).of(names)).containsExactly("a", "c", "e");
        assertThat(new Shard(2, 2).of(names)).containsExactly("b", "d");
        assertThat(Shard.parse(" 3/4 ")).isEqualTo(new Shard(3, 4));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Shard.parse("5/4")).hasMessageContaining("1 <= I <= N");
    }
    @Test
    void theBurndownCoversOnlyMonthsEveryRepositoryWithHistoryCovers() {
        RepositoryEntry early = row("early", RepositoryEntry.IN_PROGRESS, 10, List.of(), List.of()).withHistory(List.of(
                new RepositoryEntry.HistoryPoint("2025-01-15", "a1", 100), new RepositoryEntry.HistoryPoint("2025-03-15", "a2", 80),
                new RepositoryEntry.HistoryPoint("2025-04-15", "a3", 60)), List.of());
        RepositoryEntry late = row("late", RepositoryEntry.IN_PROGRESS, 10, List.of(), List.of()).withHistory(List.of(
                new RepositoryEntry.HistoryPoint("2025-03-01", "b1", 50), new RepositoryEntry.HistoryPoint("2025-04-01", "b2", 40)),
                List.of());
        PortfolioReport p = assemble(List.of(early, late));
        // before March only "early" is known: summing it alone would show 100 rising to 130 when "late" joins
        assertThat(p.burndown()).extracting(PortfolioReport.MonthPoint::month, PortfolioReport.MonthPoint::usageFindings,
                PortfolioReport.MonthPoint::repositories).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2025-03", 130, 2), org.assertj.core.groups.Tuple.tuple("2025-04", 100, 2));
    }
}
