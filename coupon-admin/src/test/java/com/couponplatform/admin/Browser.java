package com.couponplatform.admin;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its own chromedriver (Selenium Manager never runs:
 * the machine is offline), with a fresh profile per browser. Where the browser is missing
 * the tests are skipped with a warning, unless running as root, where ./deploy/test.sh
 * installs it and a missing browser is a failure.
 */
final class Browser implements AutoCloseable {

	private static final File CHROMIUM = new File("/usr/bin/chromium");

	private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

	final ChromeDriver driver;

	final WebDriverWait wait;

	/** Where the browser saves what it downloads, without asking. */
	final Path downloads;

	private final Path profile;

	private Browser(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
		this.downloads = profile.resolve("downloads");
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
	}

	static Browser start() throws IOException {
		if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
			String missing = "Browser tests need /usr/bin/chromium and /usr/bin/chromedriver (Debian's chromium and "
					+ "chromium-driver; ./deploy/test.sh installs them when run as root)";
			if ("root".equals(System.getProperty("user.name"))) {
				throw new IllegalStateException(missing);
			}
			System.err.println("WARNING: SKIPPING BROWSER TESTS. " + missing);
			Assumptions.abort(missing);
		}
		Path profile = Files.createTempDirectory("coupon-admin-chromium");
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--disable-extensions", "--no-first-run", "--disable-quic",
					"--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost", "--user-data-dir=" + profile,
					"--window-size=1280,900");
		options.setExperimentalOption("prefs", Map.of("download.default_directory",
				profile.resolve("downloads").toString(), "download.prompt_for_download", false));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
			.usingAnyFreePort()
			.build();
		return new Browser(new ChromeDriver(service, options), profile);
	}

	/**
	 * Waits for a download to be complete in {@link #downloads}.
	 * @param name the file's name
	 * @return its content
	 */
	String downloaded(String name) throws IOException {
		Path file = this.downloads.resolve(name);
		this.wait.until((driver) -> Files.exists(file) && !Files.exists(this.downloads.resolve(name + ".crdownload")));
		return Files.readString(file);
	}

	void width(int pixels) {
		this.driver.manage().window().setSize(new Dimension(pixels, 900));
	}

	/** Whether the page is wider than the window: it would scroll sideways. */
	boolean scrollsSideways() {
		Object wider = ((JavascriptExecutor) this.driver)
			.executeScript("return document.documentElement.scrollWidth > window.innerWidth;");
		return Boolean.TRUE.equals(wider);
	}

	/** Saves the page as target/screens/{name}.png for a reviewer. */
	void screenshot(String name) {
		try {
			Path screens = Files.createDirectories(Path.of("target", "screens"));
			byte[] png = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES);
			Files.write(screens.resolve(name + ".png"), png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() throws IOException {
		this.driver.quit();
		try (Stream<Path> files = Files.walk(this.profile)) {
			files.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
	}

}
