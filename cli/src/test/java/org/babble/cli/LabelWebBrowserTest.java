package org.babble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.babble.core.audio.AudioClip;
import org.babble.core.audio.WavWriter;
import org.babble.dataset.label.Annotation;
import org.babble.dataset.label.AnnotationFiles;
import org.babble.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code babble label --web} in a real browser (Debian's headless chromium): the digit keys copy clips into their label's
 * folders, u undoes, and a range dragged on a long recording's waveform becomes a {@code start,end,label} row that
 * {@code label --annotations} reads. Leaves a screenshot in {@code target/label-page.png} (docs/label-page.png is one).
 */
class LabelWebBrowserTest {
    private static final Pattern SERVING = Pattern.compile("on (http://\\S+/)");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final int RATE = 8000;

    @TempDir
    Path dir;

    @Test
    void keysLabelClipsUndoPutsOneBackAndADraggedRangeIsWritten() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.find("1000,1100", "--autoplay-policy=no-user-gesture-required");
        Path in = Files.createDirectories(dir.resolve("in"));
        WavWriter.write(
                in.resolve("a_cry_nohash_0.wav"), AudioClip.mono(RATE, Signals.chirp(400, 1200, 0.5, RATE, 2 * RATE)));
        WavWriter.write(in.resolve("b_room_nohash_0.wav"), AudioClip.mono(RATE, Signals.noise(0.05, 7, 2 * RATE)));
        float[] night = Signals.noise(0.01, 3, 20 * RATE); // a "long recording": 20 s, a rising cry from 5 s to 10 s
        float[] cry = Signals.chirp(500, 1800, 0.6, RATE, 5 * RATE);
        for (int i = 0; i < cry.length; i++) {
            night[5 * RATE + i] += cry[i];
        }
        WavWriter.write(in.resolve("c_night.wav"), AudioClip.mono(RATE, night));
        Path out = dir.resolve("out");

        CliThread label = CliThread.start(
                "label",
                "--web",
                in.toString(),
                "--labels",
                "crying,room_empty",
                "--out",
                out.toString(),
                "--port",
                "0");
        WebDriver browser = null;
        try {
            URI page = URI.create(label.await(SERVING, PATIENCE));
            browser = chromium.open();
            WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
            browser.get(page.toString());
            wait.until(b -> name(b).equals("a_cry_nohash_0.wav") && pictureShown(b));
            WebElement audio = browser.findElement(By.id("audio"));
            wait.until(b -> ((Number) script(b, "return arguments[0].readyState;", audio)).intValue() >= 1);
            assertEquals(2.0, ((Number) script(browser, "return arguments[0].duration;", audio)).doubleValue(), 0.01);

            Actions keys = new Actions(browser);
            keys.sendKeys("1").perform();
            wait.until(b -> name(b).equals("b_room_nohash_0.wav"));
            assertTrue(Files.isRegularFile(out.resolve("crying/a_cry_nohash_0.wav")));
            keys.sendKeys("2").perform();
            wait.until(b -> name(b).equals("c_night.wav"));
            assertTrue(Files.isRegularFile(out.resolve("room_empty/b_room_nohash_0.wav")));
            assertTrue(Files.isRegularFile(in.resolve("a_cry_nohash_0.wav")), "inputs are copied, not moved");

            keys.sendKeys("u").perform();
            wait.until(b -> name(b).equals("b_room_nohash_0.wav"));
            assertFalse(Files.exists(out.resolve("room_empty/b_room_nohash_0.wav")), "undo removed the copy");
            List<String> state = Files.readAllLines(out.resolve(LabelCommand.STATE_FILE));
            assertEquals(2, state.size(), "the header and crying's decision: " + state);
            keys.sendKeys("2").perform();
            wait.until(b -> name(b).equals("c_night.wav") && pictureShown(b));
            wait.until(b -> b.findElement(By.id("position")).getText().equals("3/3"));

            WebElement picture = browser.findElement(By.id("picture"));
            int width = picture.getRect().getWidth();
            int from = width / 4; // 5 s of 20
            int to = width / 2; // 10 s
            new Actions(browser)
                    .moveToElement(picture, from - width / 2, -picture.getRect().getHeight() / 4)
                    .clickAndHold()
                    .moveByOffset((to - from) / 2, 0)
                    .moveByOffset(to - from - (to - from) / 2, 0)
                    .release()
                    .perform();
            wait.until(b -> b.findElement(By.id("pending")).getText().contains("press a label"));
            keys.sendKeys("1").perform();
            Path csv = out.resolve("c_night.csv");
            wait.until(b -> Files.exists(csv));
            wait.until(b -> !b.findElements(By.cssSelector("#ranges .range")).isEmpty());
            List<Annotation> rows = AnnotationFiles.read(csv);
            assertEquals(1, rows.size(), "one dragged range: " + Files.readAllLines(csv));
            double pixel = 20.0 / width;
            assertEquals(5.0, rows.get(0).start(), 3 * pixel, "start: " + rows.get(0));
            assertEquals(10.0, rows.get(0).end(), 3 * pixel, "end: " + rows.get(0));
            assertEquals("crying", rows.get(0).label());
            assertEquals("c_night.wav", name(browser), "a range labels part of the clip, not the clip");
            assertEquals(
                    "crying: 1 clip from 1 recording — record crying on another day, so a model can be tested on a"
                            + " recording it never heard",
                    browser.findElement(By.cssSelector("#census li[data-label='crying']"))
                            .getText());

            Files.createDirectories(Path.of("target"));
            Files.write(
                    Path.of("target", "label-page.png"), ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
            browser.findElement(By.cssSelector("button[data-action='skip']")).click();
            wait.until(b -> b.findElement(By.id("name")).getText().equals("All clips decided"));
            keys.sendKeys(Keys.ENTER).perform(); // no model: Enter has nothing to accept, and changes nothing
            assertEquals(
                    3, Files.readAllLines(out.resolve(LabelCommand.STATE_FILE)).size() - 1);
        } finally {
            if (browser != null) {
                browser.quit();
            }
            label.close();
        }
        assertTrue(label.err().contains("c_night.wav: 5.0"), label.err());
    }

    private static String name(WebDriver browser) {
        return browser.findElement(By.id("name")).getText();
    }

    private static boolean pictureShown(WebDriver browser) {
        return Boolean.TRUE.equals(script(
                browser,
                "const i = document.getElementById('picture'); return i.complete && i.naturalWidth === 900"
                        + " && i.src.endsWith('/api/clips/' + document.getElementById('name').dataset.id"
                        + " + '/picture.png');"));
    }

    private static Object script(WebDriver browser, String js, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(js, args);
    }
}
