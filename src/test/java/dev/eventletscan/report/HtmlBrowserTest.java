package dev.eventletscan.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.eventletscan.TestSupport;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;

/**
 * The HTML report in a real browser: Debian's chromium, driven through
 * chromedriver. On CI (.ci/run installs both) a missing browser fails the
 * test; elsewhere it is skipped with the reason.
 */
@Tag("slow")
class HtmlBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path OUT = TestSupport.projectDir().resolve("target/html-test");
    private static ChromeDriver browser;
    private static String missingBrowser;

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
            // each test is then skipped with this reason: an abort here would count no tests at all
            missingBrowser = why;
            return;
        }
        System.setProperty("SE_OFFLINE", "true"); // never let Selenium Manager look for a browser online
        Files.createDirectories(OUT);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createTempDirectory(OUT, "profile-"));
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1400, 2000));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static void open(String sample) throws Exception {
        Path page = OUT.resolve(sample + ".html");
        Files.writeString(page, HtmlEscapingTest.html(sample));
        browser.get(page.toUri().toString());
    }

    private static List<WebElement> visibleRows() {
        return browser.findElements(By.cssSelector("#findings tbody tr")).stream().filter(WebElement::isDisplayed).toList();
    }

    private static List<String> severeConsoleEntries() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    @Test
    void filteringAndSortingWorkAndNothingFails() throws Exception {
        open("green-service");
        WebElement counter = browser.findElement(By.id("f-count"));
        assertThat(visibleRows()).hasSize(24);
        assertThat(counter.getText()).isEqualTo("24 of 24 findings shown");

        new Select(browser.findElement(By.id("f-category"))).selectByValue("import");
        assertThat(visibleRows()).hasSize(5).allSatisfy(r -> assertThat(r.getText()).contains("EVT001"));
        assertThat(counter.getText()).isEqualTo("5 of 24 findings shown");

        browser.findElement(By.id("f-text")).sendKeys("worker.py");
        assertThat(visibleRows()).hasSize(3);
        new Select(browser.findElement(By.id("f-category"))).selectByValue("");
        browser.findElement(By.id("f-text")).clear();
        browser.findElement(By.id("f-text")).sendKeys("x"); // input events fire per key; clear() fires none
        browser.findElement(By.id("f-text")).sendKeys(org.openqa.selenium.Keys.BACK_SPACE);
        new Select(browser.findElement(By.id("f-severity"))).selectByValue("high");
        assertThat(visibleRows()).hasSize(2).allSatisfy(r -> assertThat(r.getText()).contains("EVT100"));
        new Select(browser.findElement(By.id("f-severity"))).selectByValue("");
        new Select(browser.findElement(By.id("f-package"))).selectByValue("(project files)");
        assertThat(visibleRows()).hasSize(9);

        WebElement score = browser.findElement(By.xpath("//table[@id='package-table']/thead//th[3]"));
        score.click();
        assertThat(packageScores()).isSorted();
        score.click();
        assertThat(packageScores().reversed()).isSorted();
        assertThat(score.getAttribute("aria-sort")).isEqualTo("descending");

        assertThat(severeConsoleEntries()).isEmpty();
        Path shot = TestSupport.projectDir().resolve("target/html-report-screenshot.png");
        Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
        assertThat(Files.size(shot)).isGreaterThan(10_000);
    }

    /** Issue 20 item 24: at 1400 px the findings table fits its page, so its last column is on screen, long paths or not. */
    @Test
    void theFindingsTableFitsAFourteenHundredPixelWindow(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path deep = tmp.resolve("repo/" + "nova_compute_virt_libvirt_volume/".repeat(6) + "remote_filesystem_mount_helpers.py");
        Files.createDirectories(deep.getParent());
        Files.writeString(deep, "import eventlet\neventlet.spawn(print)\n");
        Path page = OUT.resolve("long-paths.html");
        Files.createDirectories(OUT);
        assertThat(TestSupport.cli("scan", tmp.resolve("repo").toString(), "-q", "-o", page.toString()).exitCode()).isZero();
        for (String url : List.of(page.toUri().toString(), OUT.resolve("tricky-aliasing.html").toUri().toString())) {
            if (url.contains("tricky")) {
                open("tricky-aliasing");
            } else {
                browser.get(url);
            }
            long viewport = ((Number) ((org.openqa.selenium.JavascriptExecutor) browser)
                    .executeScript("return document.documentElement.clientWidth")).longValue();
            WebElement last = browser.findElements(By.cssSelector("#findings thead th")).getLast();
            assertThat(last.getRect().getX() + last.getRect().getWidth()).as(url + ": the last column's right edge")
                    .isLessThanOrEqualTo((int) viewport);
        }
        Files.write(TestSupport.projectDir().resolve("target/html-report-1400px.png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void aComparedReportFiltersByStatusAndShowsTheGate() throws Exception {
        open(GoldenReportTest.GATED);
        assertThat(browser.findElement(By.id("gate")).getText()).contains("Gate failed").contains("--fail-on new");
        assertThat(browser.findElement(By.id("comparison")).getText()).contains("1 new").contains("23 known").contains("1 fixed");
        new Select(browser.findElement(By.id("f-status"))).selectByValue("new");
        assertThat(visibleRows()).hasSize(1).first().satisfies(r -> assertThat(r.getText()).contains("EVT200").contains("new"));
        new Select(browser.findElement(By.id("f-status"))).selectByValue("known");
        assertThat(visibleRows()).hasSize(23);
        assertThat(browser.findElement(By.id("fixed")).getText()).contains("green_service/legacy.py");
        assertThat(severeConsoleEntries()).isEmpty();
    }

    @Test
    void directAndIndirectUsageShowApartAndTogether() throws Exception {
        open("facade-project");
        assertThat(browser.findElement(By.id("usage-split")).getText())
                .contains("direct (names eventlet) 20 3").contains("26 8").contains("together 46 10");
        assertThat(browser.findElement(By.id("switch-off")).getText()).isEqualTo("maybe");
        assertThat(visibleRows()).hasSize(46);
        new Select(browser.findElement(By.id("f-kind"))).selectByValue("indirect");
        assertThat(visibleRows()).hasSize(26).allSatisfy(r -> assertThat(r.getText()).contains("harbor."));
        new Select(browser.findElement(By.id("f-kind"))).selectByValue("direct");
        assertThat(visibleRows()).hasSize(20).allSatisfy(r -> assertThat(r.getText()).contains("direct"));
        assertThat(browser.findElements(By.cssSelector("#wrapper-table tbody tr"))).hasSize(7);
        assertThat(severeConsoleEntries()).isEmpty();
    }

    private static List<Double> packageScores() {
        return browser.findElements(By.cssSelector("#package-table tbody tr td:nth-child(3)")).stream()
                .map(td -> Double.parseDouble(td.getText())).toList();
    }

    @Test
    void theTrendPageDrawsItsChartsAndRunsNothingFromTheRepository(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        var report = TrendHtmlTest.trap(tmp);
        Path page = OUT.resolve("trend.html");
        Files.writeString(page, TrendHtmlTest.html(report));
        browser.get(page.toUri().toString());
        try {
            String text = browser.switchTo().alert().getText();
            fail("an alert opened: " + text);
        } catch (NoAlertPresentException expected) {
            // no script from the repository ran
        }
        assertThat(browser.findElements(By.tagName("img"))).isEmpty();
        List<WebElement> charts = browser.findElements(By.cssSelector("figure.trend-chart svg"));
        assertThat(charts).hasSize(6).allSatisfy(svg -> {
            assertThat(svg.isDisplayed()).isTrue();
            assertThat(svg.getSize().getWidth()).isGreaterThan(500);
            assertThat(svg.getSize().getHeight()).isGreaterThan(100);
        });
        // the browser laid the usage line out across the plot: its box spans most of the chart's width
        Number lineWidth = (Number) browser.executeScript(
                "return document.querySelector('#chart-usage polyline').getBBox().width");
        assertThat(lineWidth.doubleValue()).isGreaterThan(300);
        assertThat(browser.findElements(By.cssSelector("#chart-usage circle"))).hasSize(report.points().size());
        assertThat(browser.findElement(By.id("drops")).getText()).contains(TrendHtmlTest.SUBJECT);
        assertThat(browser.findElement(By.id("projection")).getText()).isEqualTo(report.projection().statement());
        assertThat(severeConsoleEntries()).isEmpty();
        Path shot = TestSupport.projectDir().resolve("target/trend-report-screenshot.png");
        Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
        assertThat(Files.size(shot)).isGreaterThan(10_000);
    }

    @Test
    void theEscapingTrapRunsNothing() throws Exception {
        open("escaping-trap");
        try {
            String text = browser.switchTo().alert().getText();
            fail("an alert opened: " + text);
        } catch (NoAlertPresentException expected) {
            // no script from the repository ran
        }
        assertThat(browser.findElements(By.tagName("img"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("div.file"))).hasSize(4);
        assertThat(browser.findElement(By.id("f-count")).getText()).isEqualTo("8 of 8 findings shown");
        assertThat(severeConsoleEntries()).isEmpty();
        Files.write(TestSupport.projectDir().resolve("target/html-escaping-screenshot.png"), browser.getScreenshotAs(OutputType.BYTES));
        assertThat(new File(CHROMIUM.toString())).exists();
    }
}
