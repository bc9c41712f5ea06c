package com.couponplatform.admin;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.couponplatform.template.NewTemplate;
import com.couponplatform.template.TemplateType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the screens' browser tests: one headless Chromium per class against the real
 * service, each test signed out at its start, and what every screen is held to — no
 * sideways scrolling at 1280 and 390 px, no serious accessibility violation (axe-core),
 * and a screenshot under target/screens/ for a reviewer.
 */
abstract class ScreensBrowserTest extends AdminIntegrationTest {

	/** The WCAG 2.1 A and AA rules. */
	private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	private static final Set<String> BLOCKING = Set.of("serious", "critical");

	static Browser browser;

	@BeforeAll
	static void open() throws Exception {
		browser = Browser.start();
	}

	/** Each test starts signed out, whatever the one before it left. */
	@BeforeEach
	void signedOut() {
		browser.driver.manage().deleteAllCookies();
	}

	@AfterAll
	static void close() throws Exception {
		if (browser != null) {
			browser.close();
		}
	}

	/**
	 * Holds the page as it is to the screens' standard, at both widths, and saves it as
	 * {@code <name>-1280.png} and {@code <name>-390.png}.
	 */
	static void assertScreen(String name) {
		for (int width : new int[] { 1280, 390 }) {
			browser.width(width);
			browser.screenshot(name + "-" + width);
			assertThat(browser.scrollsSideways()).as(name + " at " + width + " px scrolls sideways").isFalse();
		}
		browser.width(1280);
		Results scan = new AxeBuilder().withTags(WCAG).analyze(browser.driver);
		assertThat(scan.getViolations().stream().filter((rule) -> BLOCKING.contains(rule.getImpact())))
			.as(name + ": serious accessibility violations")
			.extracting(ScreensBrowserTest::describe)
			.isEmpty();
	}

	private static String describe(Rule rule) {
		return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
				+ rule.getNodes().stream().map((node) -> String.valueOf(node.getTarget())).toList();
	}

	void signIn(String user, String password) {
		browser.driver.get(url("/login"));
		WebElement username = browser.driver.findElement(By.id("username"));
		username.clear();
		username.sendKeys(user);
		browser.driver.findElement(By.id("password")).sendKeys(password);
		browser.driver.findElement(By.cssSelector("form.form button[type=submit]")).click();
		browser.wait.until(ExpectedConditions.not(ExpectedConditions.urlMatches(".*/login$")));
	}

	String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	static void type(String id, String text) {
		WebElement field = browser.driver.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	static String text(String id) {
		return browser.driver.findElement(By.id(id)).getText();
	}

	/**
	 * POSTs from the signed-in page with the session's CSRF token, as a hand-made request
	 * would.
	 * @return the answer's status, or the error's text
	 */
	static Object postByHand(String path) {
		return browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
				+ "const token = document.querySelector('.sign-out input[name=_csrf]').value;"
				+ "fetch(arguments[0], {method: 'POST', headers: {'X-CSRF-TOKEN': token}, redirect: 'manual'})"
				+ ".then((response) => done(response.status), (error) => done(String(error)));", path);
	}

	/**
	 * GETs from the signed-in page, for the status a page answered with.
	 * @return the answer's status, or the error's text
	 */
	static Object statusOf(String path) {
		return browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
				+ "fetch(arguments[0]).then((response) => done(response.status), (error) => done(String(error)));",
				path);
	}

	/** A fixed-amount template, claimable for an hour, with this stock. */
	static NewTemplate request(String name, long stock) {
		Instant now = Instant.now();
		return new NewTemplate(name, TemplateType.FIXED_AMOUNT, 500L, null, null, null, stock, 1,
				now.minusSeconds(60).toString(), now.plusSeconds(3600).toString(),
				new NewTemplate.ValidityInput("RELATIVE", null, null, 7), null, null, null, true);
	}

}
