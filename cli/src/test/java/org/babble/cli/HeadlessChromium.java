package org.babble.cli;

import java.nio.file.Path;
import org.babble.testing.SystemTools;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium, headless, driven through its chromedriver, for the pages' browser tests. Found through {@link
 * SystemTools}: absent, a test skips saying what to install (and fails in CI, where {@code .ci/run} installs them).
 */
final class HeadlessChromium {
    private final ChromeDriverService service;
    private final ChromeOptions options = new ChromeOptions();

    private HeadlessChromium(Path chromedriver, Path chromium, String windowSize, String... more) {
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        options.setBinary(chromium.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=" + windowSize);
        options.addArguments(more);
    }

    /** Finds the browser (or skips the test) before the test builds anything; {@code more} are chromium flags. */
    static HeadlessChromium find(String windowSize, String... more) {
        Path chromedriver = SystemTools.require("chromium-driver", "/usr/bin/chromedriver");
        Path chromium = SystemTools.require("chromium", "/usr/bin/chromium");
        return new HeadlessChromium(chromedriver, chromium, windowSize, more);
    }

    /** A new browser; the caller quits it. */
    ChromeDriver open() {
        return new ChromeDriver(service, options);
    }
}
