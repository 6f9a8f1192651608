package dev.eventletscan.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventletscan.TempGitRepo;
import dev.eventletscan.api.ScanRequest;
import dev.eventletscan.api.Scanner;
import dev.eventletscan.cache.ResultCache;
import dev.eventletscan.model.ComponentAssessment;
import dev.eventletscan.model.InvalidInputException;
import dev.eventletscan.model.ScanResult;
import dev.eventletscan.model.TrendReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trend of a scripted history whose every count is known: eventlet usages added, a monkey_patch added and
 * removed, a file moved, usages removed over several commits within one interval.
 */
class HistoryTrendTest {
    @TempDir
    Path tmp;

    private static Instant at(String dateTime) {
        return ScriptedHistory.at(dateTime);
    }

    static TrendReport trend(Path target, String since, String until, Step every, Integer points, ResultCache cache)
            throws IOException {
        ScanRequest request = new ScanRequest(target, List.of(), List.of(), 2, List.of());
        return new HistoryTrend(Scanner.forRequest(request)).run(new TrendRequest(request, TrendDates.since(since),
                TrendDates.until(until, Instant.now()), every, points), cache, TrendListener.NONE);
    }

    /** What each point must show, written out by hand. */
    private record Expected(String date, String commit, boolean same, int commitsSince, int findings, int usage,
            Map<String, Integer> categories, int filesWithFindings, int pythonUsing, int pythonFiles, int patches) {}

    @Test
    void everyFigureOfTheSeries() throws Exception {
        try (TempGitRepo repo = TempGitRepo.init(tmp.resolve("repo"), "main")) {
            Map<String, String> c = ScriptedHistory.write(repo);
            TrendReport report = trend(repo.dir(), "2025-01-06T12:00:00Z", "2025-02-24T12:00:00Z", Step.parse("1w"), null,
                    ResultCache.inMemory());
            Map<String, Integer> p1 = Map.of("docs", 1, "green-thread", 2, "import", 2, "pool", 1);
            List<Expected> expected = List.of(
                    new Expected("2025-01-06", c.get("c1"), false, 0, 4, 3, Map.of("docs", 1, "green-thread", 2, "import", 1), 2, 1, 2, 0),
                    new Expected("2025-01-13", c.get("c2"), false, 1, 6, 5, p1, 3, 2, 3, 0),
                    new Expected("2025-01-20", c.get("c3"), false, 1, 8, 7,
                            Map.of("docs", 1, "green-thread", 2, "import", 3, "monkey-patch", 1, "pool", 1), 4, 3, 4, 1),
                    new Expected("2025-01-27", c.get("c3"), true, 0, 8, 7,
                            Map.of("docs", 1, "green-thread", 2, "import", 3, "monkey-patch", 1, "pool", 1), 4, 3, 4, 1),
                    new Expected("2025-02-03", c.get("c4"), false, 1, 6, 5, p1, 3, 2, 3, 0),
                    new Expected("2025-02-10", c.get("c5"), false, 1, 6, 5, p1, 3, 2, 4, 0),
                    new Expected("2025-02-17", c.get("c5"), true, 0, 6, 5, p1, 3, 2, 4, 0),
                    new Expected("2025-02-24", c.get("c6c"), false, 3, 4, 2, Map.of("docs", 2, "import", 1, "pool", 1), 2, 1, 4, 0));
            assertThat(report.points()).hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                Expected e = expected.get(i);
                TrendReport.Point p = report.points().get(i);
                assertThat(p.date()).as("point %d", i).isEqualTo(e.date() + "T12:00:00Z");
                assertThat(p.commit()).as("commit at %s", e.date()).isEqualTo(e.commit());
                assertThat(p.sameCommitAsPrevious()).as("reused at %s", e.date()).isEqualTo(e.same());
                assertThat(p.commitsSincePrevious()).as("commits to %s", e.date()).isEqualTo(e.commitsSince());
                assertThat(p.findings()).as("findings at %s", e.date()).isEqualTo(e.findings());
                assertThat(p.usageFindings()).as("usage at %s", e.date()).isEqualTo(e.usage());
                assertThat(p.findingsByCategory()).as("categories at %s", e.date()).isEqualTo(e.categories());
                assertThat(p.filesWithFindings()).as("files with findings at %s", e.date()).isEqualTo(e.filesWithFindings());
                assertThat(p.pythonFilesUsingEventlet()).as("Python files using eventlet at %s", e.date()).isEqualTo(e.pythonUsing());
                assertThat(p.pythonFiles()).as("Python files at %s", e.date()).isEqualTo(e.pythonFiles());
                assertThat(p.monkeyPatchCalls()).as("monkey_patch calls at %s", e.date()).isEqualTo(e.patches());
                assertThat(p.problems()).isZero();
            }
            assertThat(report.points().get(0).commitDate()).isEqualTo("2025-01-06T12:00:00Z");
            assertThat(report.points().get(2).commitDate()).isEqualTo("2025-01-20T09:00:00Z");
            assertThat(report.points().get(4).subject()).isEqualTo("Stop patching <script>alert(1)</script>");

            // score, sub-scores, effort and target: exactly what a scan of a checkout of each commit says
            try (Git clone = Git.cloneRepository().setURI(repo.dir().toUri().toString()).setDirectory(tmp.resolve("clone").toFile()).call()) {
                for (TrendReport.Point p : report.points()) {
                    clone.checkout().setName(p.commit()).call();
                    ScanRequest request = new ScanRequest(tmp.resolve("clone"), List.of(), List.of(), 1, List.of());
                    ScanResult disk = Scanner.forRequest(request).scan(request);
                    ComponentAssessment whole = disk.assessment().repository();
                    assertThat(p.difficulty()).as("difficulty at %s", p.date()).isEqualTo(new TrendReport.Difficulty(
                            whole.difficulty().score(), whole.difficulty().level(), whole.difficulty().size().score(),
                            whole.difficulty().dependencies().score(), whole.difficulty().patching().score()));
                    assertThat(p.effort()).as("effort at %s", p.date()).isEqualTo(new TrendReport.Effort(
                            whole.effort().lowDays(), whole.effort().highDays(), whole.effort().usagePoints()));
                    assertThat(p.target()).isEqualTo(whole.recommendation().target());
                    assertThat(p.findingsByCategory()).isEqualTo(disk.summary().findingsByCategory());
                }
            }
            TrendReport.Point patched = report.points().get(2);
            TrendReport.Point unpatched = report.points().get(1);
            assertThat(patched.difficulty().patching()).as("a global monkey_patch weighs on criterion 3").isGreaterThan(unpatched.difficulty().patching());
            assertThat(patched.difficulty().score()).isGreaterThan(unpatched.difficulty().score());
            assertThat(patched.effort().highDays()).isGreaterThan(unpatched.effort().highDays());
            assertThat(report.points().getLast().effort().usagePoints()).isLessThan(unpatched.effort().usagePoints());

            // drops and rises, with the commits behind them
            assertThat(report.drops()).hasSize(2);
            TrendReport.Change biggest = report.drops().get(0);
            assertThat(biggest.from()).isEqualTo("2025-02-17T12:00:00Z");
            assertThat(biggest.to()).isEqualTo("2025-02-24T12:00:00Z");
            assertThat(biggest.fromCommit()).isEqualTo(c.get("c5"));
            assertThat(biggest.toCommit()).isEqualTo(c.get("c6c"));
            assertThat(biggest.commits()).isEqualTo(3);
            assertThat(biggest.usageFindings()).isEqualTo(-3);
            assertThat(biggest.findingsByCategory()).isEqualTo(Map.of("docs", 1, "green-thread", -2, "import", -1));
            assertThat(biggest.pythonFilesUsingEventlet()).isEqualTo(-1);
            assertThat(biggest.monkeyPatchCalls()).isZero();
            assertThat(biggest.score()).isEqualTo(Projection.round(report.points().get(7).difficulty().score()
                    - report.points().get(6).difficulty().score()));
            TrendReport.Culprit culprit = biggest.commit();
            assertThat(culprit.id()).as("of three commits, the one removing two usages").isEqualTo(c.get("c6b"));
            assertThat(culprit.subject()).isEqualTo("Run without green threads");
            assertThat(culprit.date()).isEqualTo("2025-02-19T12:00:00Z");
            assertThat(culprit.foundBy()).isEqualTo("each commit scanned");
            assertThat(culprit.usageFindings()).isEqualTo(-2);
            assertThat(culprit.findingsByCategory()).isEqualTo(Map.of("green-thread", -2));
            assertThat(culprit.files()).containsExactly(new TrendReport.FileChange("svc/worker.py", 3, 1));

            TrendReport.Change unpatch = report.drops().get(1);
            assertThat(unpatch.from()).isEqualTo("2025-01-27T12:00:00Z");
            assertThat(unpatch.usageFindings()).isEqualTo(-2);
            assertThat(unpatch.monkeyPatchCalls()).isEqualTo(-1);
            assertThat(unpatch.commit().id()).isEqualTo(c.get("c4"));
            assertThat(unpatch.commit().foundBy()).isEqualTo("only commit");
            assertThat(unpatch.commit().files()).containsExactly(new TrendReport.FileChange("svc/cmd.py", 2, 0));

            assertThat(report.rises()).extracting(ch -> ch.commit().id()).containsExactly(c.get("c2"), c.get("c3"));
            assertThat(report.rises()).extracting(TrendReport.Change::usageFindings).containsExactly(2, 2);
            assertThat(report.rises().get(0).commit().files()).containsExactly(new TrendReport.FileChange("svc/pool.py", 0, 2));
            assertThat(report.rises().get(1).findingsByCategory()).isEqualTo(Map.of("import", 1, "monkey-patch", 1));
            // the move from svc/pool.py to svc/pools/green.py changed nothing, so it is neither a drop nor a rise

            // the projection over all 8 points (fewer than 12): 3 5 7 7 5 5 5 2, worked out by hand
            TrendReport.Projection projection = report.projection();
            assertThat(projection.status()).isEqualTo("projected");
            assertThat(projection.windowPoints()).isEqualTo(8);
            assertThat(projection.slopePer30Days()).isEqualTo(-0.7653);
            assertThat(projection.slopeLowPer30Days()).isEqualTo(-3.6852);
            assertThat(projection.slopeHighPer30Days()).isEqualTo(2.1546);
            assertThat(projection.fittedAtEnd()).isEqualTo(4.25);
            assertThat(projection.endDate()).isEqualTo("2025-08-10");
            assertThat(projection.earliestEndDate()).isEqualTo("2025-03-11");
            assertThat(projection.latestEndDate()).as("a rising line is within the interval").isNull();
            assertThat(projection.statement()).contains("around 2025-08-10").contains("not before 2025-03-11")
                    .contains("no latest date");

            assertThat(report.repository().head()).isEqualTo(c.get("c6c"));
            assertThat(report.repository().branch()).isEqualTo("main");
            assertThat(report.sampling()).isEqualTo(new TrendReport.Sampling("2025-01-06T12:00:00Z", "2025-02-24T12:00:00Z", "1w", null));
            assertThat(report.notices()).isEmpty();
        }
    }

    @Test
    void aSteadyDeclineProjectsTheDayItReachesZero() throws Exception {
        try (TempGitRepo repo = TempGitRepo.init(tmp.resolve("linear"), "main")) {
            for (int i = 0; i < 12; i++) {
                repo.write("m" + i + ".py", "import eventlet\n");
            }
            repo.commitAll("twelve usages", at("2025-03-03T00:00:00"));
            for (int week = 1; week <= 4; week++) {
                repo.delete("m" + (2 * week - 2) + ".py");
                repo.delete("m" + (2 * week - 1) + ".py");
                repo.commitAll("two fewer", at("2025-03-03T00:00:00").plusSeconds(week * 7 * 86_400L));
            }
            TrendReport report = trend(repo.dir(), "2025-03-03", "2025-03-31", Step.parse("1w"), null, ResultCache.inMemory());
            assertThat(report.points()).extracting(TrendReport.Point::usageFindings).containsExactly(12, 10, 8, 6, 4);
            TrendReport.Projection p = report.projection();
            assertThat(p.status()).isEqualTo("projected");
            assertThat(p.slopePer30Days()).isEqualTo(Projection.round(-2.0 / 7 * 30));
            assertThat(p.endDate()).as("two a week from 4 on 31 March").isEqualTo("2025-04-14");
            assertThat(p.earliestEndDate()).as("a perfect line leaves no uncertainty").isEqualTo("2025-04-14");
            assertThat(p.latestEndDate()).isEqualTo("2025-04-14");
            assertThat(p.statement()).isEqualTo("Usage findings fell by 8.6 per 30 days over the last 5 points (2025-03-03 to "
                    + "2025-03-31) (95% interval -8.6 to -8.6). At that pace they reach zero around 2025-04-14 (95% interval "
                    + "2025-04-14 to 2025-04-14).");
            assertThat(report.drops()).hasSize(4).allSatisfy(d -> assertThat(d.usageFindings()).isEqualTo(-2));
            assertThat(report.drops()).extracting(TrendReport.Change::to).as("equal drops, oldest first")
                    .containsExactly("2025-03-10T00:00:00Z", "2025-03-17T00:00:00Z", "2025-03-24T00:00:00Z", "2025-03-31T00:00:00Z");
        }
    }

    @Test
    void aFileUnchangedAcrossTenPointsIsScannedOnce() throws Exception {
        try (TempGitRepo repo = TempGitRepo.init(tmp.resolve("reuse"), "main")) {
            repo.write("steady.py", "import eventlet\n\neventlet.sleep(0)\n");
            for (int i = 0; i < 10; i++) {
                repo.write("busy.py", "import eventlet\n" + "eventlet.spawn(print)\n".repeat(i + 1));
                repo.commitAll("busy " + i, at("2025-05-01T00:00:00").plusSeconds(i * 86_400L));
            }
            ResultCache cache = ResultCache.inMemory();
            TrendReport report = trend(repo.dir(), "2025-05-01", "2025-05-10", Step.parse("1d"), null, cache);
            assertThat(report.points()).hasSize(10).extracting(TrendReport.Point::sameCommitAsPrevious).containsOnly(false);
            assertThat(report.points()).extracting(TrendReport.Point::usageFindings).containsExactly(4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
            // detection and the structure pass each compute steady.py once and busy.py ten times; the rest is reuse
            assertThat(cache.misses()).isEqualTo(2 * (1 + 10));
            assertThat(cache.hits()).isEqualTo(2 * 9);

            // a persisted cache makes the next run compute nothing at all
            Path dir = tmp.resolve("cache");
            ResultCache first = ResultCache.open(dir, "trend", "stamp");
            trend(repo.dir(), "2025-05-01", "2025-05-10", Step.parse("1d"), null, first);
            first.save();
            ResultCache second = ResultCache.open(dir, "trend", "stamp");
            TrendReport again = trend(repo.dir(), "2025-05-01", "2025-05-10", Step.parse("1d"), null, second);
            assertThat(second.misses()).isZero();
            assertThat(again).isEqualTo(report);
        }
    }

    @Test
    void theWorkingTreeIndexAndHeadAreLeftAsTheyWere() throws Exception {
        try (TempGitRepo repo = TempGitRepo.init(tmp.resolve("untouched"), "main")) {
            ScriptedHistory.write(repo);
            repo.write("svc/worker.py", "import eventlet\neventlet.spawn(print)  # not committed\n");
            repo.write("untracked.py", "import eventlet\n");
            repo.write("staged.py", "import eventlet\n");
            repo.git().add().addFilepattern("staged.py").call();
            Map<Path, String> before = snapshot(repo.dir());
            var statusBefore = repo.git().status().call();
            String head = repo.git().getRepository().exactRef("HEAD").getTarget().getName();
            String headId = repo.git().getRepository().resolve("HEAD").name();

            TrendReport report = trend(repo.dir(), "2025-01-06T12:00:00Z", null, Step.parse("1w"), null, ResultCache.inMemory());

            assertThat(snapshot(repo.dir())).as("every file, .git/index and .git/HEAD included").isEqualTo(before);
            var statusAfter = repo.git().status().call();
            assertThat(statusAfter.getModified()).isEqualTo(statusBefore.getModified()).containsExactly("svc/worker.py");
            assertThat(statusAfter.getAdded()).isEqualTo(statusBefore.getAdded()).containsExactly("staged.py");
            assertThat(statusAfter.getUntracked()).isEqualTo(statusBefore.getUntracked()).contains("untracked.py");
            assertThat(repo.git().getRepository().exactRef("HEAD").getTarget().getName()).isEqualTo(head);
            assertThat(repo.git().getRepository().resolve("HEAD").name()).isEqualTo(headId);
            // and the history is what was committed, not what is on disk
            assertThat(report.points().getLast().commit()).isEqualTo(headId);
            assertThat(report.points().getLast().usageFindings()).isEqualTo(2);
            assertThat(report.sampling().until()).as("by default the series ends at HEAD's commit").isEqualTo("2025-02-20T12:00:00Z");
        }
    }

    /** Every file under a folder with its bytes and modification time (.git included). */
    private static Map<Path, String> snapshot(Path root) throws IOException {
        Map<Path, String> out = new LinkedHashMap<>();
        try (var files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.put(root.relativize(f), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(Files.readAllBytes(f))) + " " + Files.getLastModifiedTime(f).toMillis());
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    @Test
    void pointsBeforeTheFirstCommitAreLeftOutAndSaidSo() throws Exception {
        try (TempGitRepo repo = TempGitRepo.init(tmp.resolve("young"), "main")) {
            Map<String, String> c = ScriptedHistory.write(repo);
            TrendReport report = trend(repo.dir(), "2024-12-23T12:00:00Z", "2025-01-13T12:00:00Z", Step.parse("1w"), null,
                    ResultCache.inMemory());
            assertThat(report.points()).extracting(TrendReport.Point::commit).containsExactly(c.get("c1"), c.get("c2"));
            assertThat(report.notices()).containsExactly("2 points (2024-12-23 to 2024-12-30) come before the first commit of "
                    + "main (2025-01-06T12:00:00Z) and are left out");
            assertThat(report.projection().status()).isEqualTo("too-few-points");
        }
    }

    @Test
    void aLongIntervalIsBisectedToACommitAndPointsSpreadEvenly() throws Exception {
        try (TempGitRepo repo = TempGitRepo.init(tmp.resolve("long"), "main")) {
            List<String> ids = new ArrayList<>();
            repo.write("a.py", "import eventlet\n" + "eventlet.sleep(0)\n".repeat(5));
            ids.add(repo.commitAll("start", at("2025-06-01T00:00:00")));
            for (int i = 1; i <= 40; i++) {
                repo.write("notes.txt", "change " + i + "\n");
                if (i == 23) {
                    repo.write("a.py", "import eventlet\n");
                }
                ids.add(repo.commitAll("commit " + i, at("2025-06-01T00:00:00").plusSeconds(i * 3600L)));
            }
            TrendReport report = trend(repo.dir(), "2025-06-01", "2025-06-03", null, 3, ResultCache.inMemory());
            assertThat(report.points()).extracting(TrendReport.Point::date)
                    .containsExactly("2025-06-01T00:00:00Z", "2025-06-02T00:00:00Z", "2025-06-03T00:00:00Z");
            assertThat(report.sampling().points()).isEqualTo(3);
            assertThat(report.drops()).hasSize(1);
            TrendReport.Change drop = report.drops().getFirst();
            assertThat(drop.commits()).isEqualTo(24);
            assertThat(drop.commit().id()).isEqualTo(ids.get(23));
            assertThat(drop.commit().foundBy()).isEqualTo("bisection");
            assertThat(drop.commit().usageFindings()).isEqualTo(-5);
        }
    }

    @Test
    void wrongInputsAreOneLineErrors() throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        assertThatThrownBy(() -> trend(plain, "1y", null, Step.parse("1w"), null, ResultCache.inMemory()))
                .isInstanceOf(InvalidInputException.class).hasMessageEndingWith("plain: not in a git repository (trend reads the history of its current branch)");
        try (TempGitRepo repo = TempGitRepo.init(tmp.resolve("repo"), "main")) {
            assertThatThrownBy(() -> trend(repo.dir(), "1y", null, Step.parse("1w"), null, ResultCache.inMemory()))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("the repository has no commit yet");
            Map<String, String> c = ScriptedHistory.write(repo);
            assertThatThrownBy(() -> trend(repo.dir(), "2024-01-01", "2024-06-01", Step.parse("1w"), null, ResultCache.inMemory()))
                    .isInstanceOf(InvalidInputException.class).hasMessage("no commits in range: the first commit of main is dated "
                            + "2025-01-06T12:00:00Z, after --until 2024-06-01T00:00:00Z");
            assertThatThrownBy(() -> trend(repo.dir(), "2025-03-01", null, Step.parse("1w"), null, ResultCache.inMemory()))
                    .isInstanceOf(InvalidInputException.class).hasMessage("--since 2025-03-01T00:00:00Z is after --until "
                            + "2025-02-20T12:00:00Z (the date of HEAD's commit)");
            // a shallow clone: the history stops at c3
            Files.writeString(repo.dir().resolve(".git/shallow"), c.get("c3") + "\n");
            assertThat(trend(repo.dir(), "2025-01-20T09:00:00Z", null, Step.parse("1w"), null, ResultCache.inMemory()).points())
                    .as("what the clone holds is enough").isNotEmpty();
            assertThatThrownBy(() -> trend(repo.dir(), "2025-01-06", null, Step.parse("1w"), null, ResultCache.inMemory()))
                    .isInstanceOf(InvalidInputException.class).hasMessage("the history stops at commit " + c.get("c3").substring(0, 10)
                            + " of 2025-01-20 (a shallow clone): fetch the rest with 'git fetch --unshallow', or start with "
                            + "--since 2025-01-20 or later");
        }
    }
}
