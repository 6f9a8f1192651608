package dev.eventletscan.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.eventletscan.TestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;

/**
 * The portfolio dashboard in a real browser (Debian's chromium through chromedriver), as HtmlBrowserTest does for
 * the single report: filters, sorting, no console error, and a page that stays readable with 100 repositories.
 */
@Tag("slow")
class PortfolioBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path OUT = TestSupport.projectDir().resolve("target/html-test");
    private static ChromeDriver browser;
    private static String missingBrowser;
    private static PortfolioReport samples;

    @BeforeEach
    void needsTheBrowser() {
        Assumptions.assumeTrue(missingBrowser == null, () -> missingBrowser);
    }

    @BeforeAll
    static void startBrowser() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String why = "chromium and chromedriver are needed at " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (Debian packages chromium, chromium-driver; .ci/run installs them)";
            if (System.getenv("CI") != null) {
                fail(why);
            }
            missingBrowser = why;
            return;
        }
        samples = PortfolioGoldenTest.samplePortfolio(null);
        System.setProperty("SE_OFFLINE", "true");
        Files.createDirectories(OUT);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createTempDirectory(OUT, "profile-"));
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build(),
                options);
        browser.manage().window().setSize(new Dimension(1400, 1400));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static void open(String name, PortfolioReport report) throws Exception {
        Path page = OUT.resolve(name + ".html");
        Files.writeString(page, PortfolioGoldenTest.render("html", report));
        browser.get(page.toUri().toString());
    }

    private static List<WebElement> visibleRows() {
        return browser.findElements(By.cssSelector("#repos tbody tr")).stream().filter(WebElement::isDisplayed).toList();
    }

    private static List<String> severeConsoleEntries() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    private static List<Double> column(int index) {
        return browser.findElements(By.cssSelector("#repos tbody tr")).stream()
                .map(r -> Double.parseDouble(r.findElements(By.tagName("td")).get(index).getAttribute("data-value"))).toList();
    }

    @Test
    void filtersAndSortingWorkAndNothingFails() throws Exception {
        open("portfolio-samples", samples);
        WebElement counter = browser.findElement(By.id("f-count"));
        int all = samples.repositories().size();
        assertThat(visibleRows()).hasSize(all);
        assertThat(counter.getText()).isEqualTo(all + " of " + all + " repositories shown");

        new Select(browser.findElement(By.id("f-team"))).selectByValue("services");
        assertThat(visibleRows()).hasSize(4).allSatisfy(r -> assertThat(r.getText()).contains("services"));
        new Select(browser.findElement(By.id("f-status"))).selectByValue("switchable");
        assertThat(visibleRows()).hasSize(1).first().satisfies(r -> assertThat(r.getText()).contains("dual-mode-service"));
        new Select(browser.findElement(By.id("f-team"))).selectByValue("");
        new Select(browser.findElement(By.id("f-status"))).selectByValue("failed");
        assertThat(visibleRows()).hasSize(2).anySatisfy(r -> assertThat(r.getText()).contains("no Python file found"));
        assertThat(counter.getText()).isEqualTo("2 of " + all + " repositories shown");
        new Select(browser.findElement(By.id("f-status"))).selectByValue("");
        browser.findElement(By.id("f-text")).sendKeys("pool");
        assertThat(visibleRows()).hasSize(1).first().satisfies(r -> assertThat(r.getText()).contains("pool-worker"));
        browser.findElement(By.id("f-text")).sendKeys(org.openqa.selenium.Keys.BACK_SPACE, org.openqa.selenium.Keys.BACK_SPACE,
                org.openqa.selenium.Keys.BACK_SPACE, org.openqa.selenium.Keys.BACK_SPACE);
        assertThat(visibleRows()).hasSize(all);

        WebElement score = browser.findElement(By.xpath("//table[@id='repos']/thead//th[4]"));
        score.click();
        assertThat(column(3)).isSorted();
        score.click();
        assertThat(column(3).reversed()).isSorted();
        assertThat(score.getAttribute("aria-sort")).isEqualTo("descending");
        WebElement findings = browser.findElement(By.xpath("//table[@id='repos']/thead//th[7]"));
        findings.click();
        assertThat(column(6)).isSorted();

        assertThat(browser.findElement(By.id("readiness")).getText()).contains("oslo.messaging").contains("dual mode since 1.7.0");
        assertThat(severeConsoleEntries()).isEmpty();
        Path shot = TestSupport.projectDir().resolve("target/portfolio-screenshot.png");
        Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
        assertThat(Files.size(shot)).isGreaterThan(10_000);
    }

    /**
     * A hundred repositories, made from the samples' rows: each waits on a library of the portfolio or on an
     * eventlet-only one. The table scrolls inside the page with its header on screen, its last column fits 1400
     * pixels, and the blockers graph draws every edge.
     */
    @Test
    void aHundredRepositoriesStayReadable() throws Exception {
        List<RepositoryEntry> base = samples.repositories().stream().filter(r -> !r.failed()).toList();
        List<RepositoryEntry> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            RepositoryEntry b = base.get(i % base.size());
            String name = String.format(Locale.ROOT, "project-%03d-%s", i, b.name());
            boolean library = i < 5;
            List<RepositoryEntry.Dependency> deps = i % 3 == 0
                    ? List.of(new RepositoryEntry.Dependency("nameko", true, "knowledge base", null, true, 0)) : List.of();
            rows.add(new RepositoryEntry(name, "checkouts/" + name, "team-" + (i % 7), b.source(), null, b.status(), null,
                    library ? "shared-lib-" + i : name, b.score(), b.level(), b.sizeScore(), b.dependencyScore(), b.patchingScore(),
                    b.effortLowDays(), b.effortHighDays(), b.findings(), b.usageFindings(), b.monkeyPatchCalls(), b.switchOff(),
                    b.switchReason(), deps, library ? List.of() : List.of("shared-lib-" + (i % 5)), null, null, List.of()));
        }
        PortfolioReport big = new PortfolioAssembler(ReadinessBase.shipped()).assemble(samples.tool(), samples.options(),
                Teams.EMPTY, rows, null, null);
        List<String> libraries = big.order().stream().filter(s -> s.unblocks() > 0).map(PortfolioReport.Step::repository).toList();
        assertThat(libraries).as("the libraries other repositories need").isNotEmpty()
                .allSatisfy(l -> assertThat(l).matches("project-00[0-4]-.*"));
        assertThat(big.order().subList(0, libraries.size())).as("libraries first").allSatisfy(s -> assertThat(s.level()).isZero())
                .allSatisfy(s -> assertThat(libraries).contains(s.repository()));
        open("portfolio-100", big);
        assertThat(browser.findElements(By.cssSelector("#repos tbody tr"))).hasSize(100);
        assertThat(browser.findElement(By.id("f-count")).getText()).isEqualTo("100 of 100 repositories shown");
        JavascriptExecutor js = browser;
        long viewport = ((Number) js.executeScript("return document.documentElement.clientWidth")).longValue();
        WebElement last = browser.findElements(By.cssSelector("#repos thead th")).getLast();
        assertThat(last.getRect().getX() + last.getRect().getWidth()).as("the last column's right edge").isLessThanOrEqualTo((int) viewport);
        WebElement wrap = browser.findElement(By.cssSelector(".tablewrap"));
        js.executeScript("arguments[0].scrollIntoView(); arguments[0].scrollTop = arguments[0].scrollHeight;", wrap);
        WebElement header = browser.findElement(By.cssSelector("#repos thead th"));
        assertThat(Math.abs(header.getRect().getY() - wrap.getRect().getY())).as("the header stays at the top of the scrolled table")
                .isLessThan(5);
        assertThat(browser.findElements(By.cssSelector("svg.graph line"))).hasSize(big.blockers().size());
        assertThat(browser.findElement(By.id("nudge")).getText()).contains("nameko (knowledge base): "
                + rows.stream().filter(r -> !r.dependencies().isEmpty() && !r.done()).count() + " repositories wait");
        assertThat(severeConsoleEntries()).isEmpty();
        js.executeScript("window.scrollTo(0, 0)");
        Files.write(TestSupport.projectDir().resolve("target/portfolio-100-screenshot.png"), browser.getScreenshotAs(OutputType.BYTES));
        js.executeScript("document.getElementById('readiness').scrollIntoView()");
        Files.write(TestSupport.projectDir().resolve("target/portfolio-100-readiness.png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
