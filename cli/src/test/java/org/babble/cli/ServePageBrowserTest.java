package org.babble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.babble.core.monitor.store.EpisodeRow;
import org.babble.core.monitor.store.MonitorDatabase;
import org.babble.core.monitor.store.RunInfo;
import org.babble.core.monitor.store.RunRecorder;
import org.babble.core.monitor.store.Verdict;
import org.babble.core.monitor.store.Verdicts;
import org.babble.core.monitor.store.WindowRow;
import org.babble.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The parent's page in a real browser (Debian's headless chromium): {@code babble serve} over the database of a real
 * {@code monitor} run on {@code night-1.wav} shows its episodes and charts, follows a monitor that starts hearing
 * crying, plays a kept episode, and stores a "false alarm". Leaves a screenshot in {@code target/serve-page.png}.
 */
class ServePageBrowserTest {
    private static final Pattern SERVING = Pattern.compile("on (http://\\S+/)");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void aParentSeesTheNightHearsAnEpisodeAndMarksAFalseAlarm() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.find("430,2400");
        Path night = SharedData.require("raw/night-1.wav");
        Path model = NurseryModel.get().model();
        Path db = dir.resolve("babble.db");
        CliRun.of(
                        "monitor",
                        "--model",
                        model.toString(),
                        "--from",
                        night.toString(),
                        "--speed",
                        "max",
                        "--db",
                        db.toString(),
                        "--keep-audio",
                        dir.resolve("kept").toString())
                .expectExit(ExitCode.OK);
        List<EpisodeRow> episodes;
        List<String> labels;
        try (MonitorDatabase database = MonitorDatabase.openForReading(db)) {
            episodes = database.episodes(Instant.EPOCH, Instant.now().plus(Duration.ofDays(1)));
            labels = database.runs().get(0).labels();
        }
        assertTrue(episodes.size() >= 3, "night-1 has episodes: " + episodes.size());

        CliThread serve = CliThread.start("serve", "--db", db.toString(), "--port", "0");
        WebDriver browser = null;
        try {
            URI page = URI.create(serve.await(SERVING, PATIENCE));
            browser = chromium.open();
            WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
            browser.get(page.toString());

            wait.until(
                    b -> b.findElements(By.cssSelector("#episodes li.episode")).size() == episodes.size());
            wait.until(
                    b -> imageShown(b, "night-chart") && imageShown(b, "days-chart") && imageShown(b, "hours-chart"));
            assertEquals(
                    "not listening", browser.findElement(By.id("listening")).getText());

            WebElement firstAudio = browser.findElement(By.cssSelector("#episodes li.episode audio"));
            wait.until(b ->
                    ((Number) script(b, "const a = arguments[0]; return a.readyState;", firstAudio)).intValue() >= 1);
            double seconds = ((Number) script(browser, "return arguments[0].duration;", firstAudio)).doubleValue();
            assertEquals(5.0, seconds, 0.05, "a kept piece is one 5-s clip of the model");

            EpisodeRow newest = episodes.get(episodes.size() - 1);
            WebElement item =
                    browser.findElement(By.cssSelector("#episodes li.episode[data-id='" + newest.id() + "']"));
            item.findElement(By.cssSelector("button[data-verdict='false_alarm']"))
                    .click();
            wait.until(b -> item.findElement(By.cssSelector("button[data-verdict='false_alarm']"))
                    .getAttribute("class")
                    .contains("chosen"));
            try (MonitorDatabase database = MonitorDatabase.openForReading(db)) {
                assertEquals(
                        Verdict.FALSE_ALARM,
                        Verdicts.ofIds(database, newest.id(), newest.id()).get(newest.id()));
            }

            try (MonitorDatabase writer = MonitorDatabase.openForWriting(db)) {
                Instant start = Instant.now();
                RunRecorder run = writer.startRun(
                        new RunInfo(model.toString(), labels, "test: a monitor starts hearing crying", "{}", start));
                float[] crying = new float[labels.size()];
                crying[labels.indexOf("crying")] = 0.97f;
                run.addWindow(new WindowRow(start, start.plusSeconds(5), "crying", crying, -20));
                run.addWindow(new WindowRow(start.plusSeconds(2), start.plusSeconds(72), "crying", crying, -20));
                run.openEpisode("crying", start, 0.97);
                wait.until(b -> b.findElement(By.id("state")).getText().equals("crying for 1 min 12 s"));
                assertEquals(
                        "listening", browser.findElement(By.id("listening")).getText());
                wait.until(b ->
                        b.findElements(By.cssSelector("#episodes li.episode")).size() == episodes.size() + 1);
                Files.write(
                        Path.of("target", "serve-page.png"),
                        ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
            }
            wait.until(b -> b.findElement(By.id("listening")).getText().equals("not listening"));
        } finally {
            if (browser != null) {
                browser.quit();
            }
            serve.close();
        }
    }

    private static boolean imageShown(WebDriver browser, String id) {
        return Boolean.TRUE.equals(script(
                browser,
                "const i = document.getElementById(arguments[0]); return i.complete && i.naturalWidth > 100;",
                id));
    }

    private static Object script(WebDriver browser, String js, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(js, args);
    }
}
