package com.couponplatform.admin;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import com.couponplatform.template.ChangeTemplateStatus;
import com.couponplatform.template.CouponTemplate;
import com.couponplatform.template.CreateTemplate;
import com.couponplatform.template.TemplateCatalog;
import com.couponplatform.template.TemplateStatus;
import com.couponplatform.template.TemplateType;
import com.couponplatform.template.UpdateTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in, the templates list and a template's page in a real browser against the
 * real service.
 */
class TemplateScreensBrowserIT extends ScreensBrowserTest {

	@Autowired
	CreateTemplate createTemplate;

	@Autowired
	ChangeTemplateStatus changeStatus;

	@Autowired
	TemplateCatalog catalog;

	@Autowired
	UpdateTemplate updateTemplate;

	@Autowired
	ObjectMapper json;

	@Test
	void aViewerSignsInFiltersTheTemplatesByStatusAndSignsOut() {
		String name = "Screens " + System.nanoTime();
		CouponTemplate active = this.changeStatus
			.publish(this.createTemplate.create(request(name + " active", 10), "it").id(), "it");
		CouponTemplate draft = this.createTemplate.create(request(name + " draft", 10), "it");

		// Not signed in: the screens send the browser to the sign-in page.
		browser.driver.get(url("/screens/templates"));
		browser.wait.until(ExpectedConditions.urlContains("/login"));
		assertScreen("sign-in");
		signIn("viewer", "wrong-password");
		assertThat(browser.driver.findElement(By.cssSelector("[role=alert]")).getText())
			.isEqualTo("Wrong user name or password.");

		signIn("viewer", "viewer-it-password");
		browser.wait.until(ExpectedConditions.urlContains("/screens/templates"));
		assertThat(rowIds()).contains(Long.toString(active.id()), Long.toString(draft.id()));

		new Select(browser.driver.findElement(By.id("status"))).selectByValue("ACTIVE");
		browser.driver.findElement(By.cssSelector(".filters button")).click();
		browser.wait.until(ExpectedConditions.urlContains("status=ACTIVE"));
		assertThat(rowIds()).contains(Long.toString(active.id())).doesNotContain(Long.toString(draft.id()));
		assertThat(browser.driver.findElements(By.cssSelector("tbody .status"))).extracting(WebElement::getText)
			.containsOnly("ACTIVE");
		assertScreen("templates");

		browser.driver.findElement(By.cssSelector(".sign-out button")).click();
		browser.wait.until(ExpectedConditions.urlContains("/login?signedOut"));
		browser.driver.get(url("/screens/templates"));
		browser.wait.until(ExpectedConditions.urlContains("/login"));
	}

	@Test
	void anOperatorPublishesAfterConfirmingAndTheAuditTrailSaysWhoDidIt() {
		CouponTemplate draft = this.createTemplate.create(request("Screens publish " + System.nanoTime(), 10), "it");
		signIn("operator", "operator-it-password");
		browser.driver.get(url("/screens/templates/" + draft.id()));
		assertThat(status()).isEqualTo("DRAFT");
		assertThat(buttons()).containsExactly("Publish", "End");

		// Dismissing the confirmation changes nothing.
		browser.driver.findElement(By.id("action-end")).click();
		browser.wait.until(ExpectedConditions.alertIsPresent()).dismiss();
		assertThat(status()).isEqualTo("DRAFT");

		// By keyboard alone: the button takes the focus and Enter presses it.
		browser.driver.findElement(By.id("action-publish")).sendKeys(Keys.ENTER);
		Alert confirmation = browser.wait.until(ExpectedConditions.alertIsPresent());
		assertThat(confirmation.getText()).startsWith("Publish:");
		confirmation.accept();
		browser.wait.until(ExpectedConditions.textToBe(By.id("template-status"), "ACTIVE"));
		assertThat(browser.driver.findElement(By.cssSelector("[role=status]")).getText())
			.isEqualTo("Template " + draft.id() + " is ACTIVE.");
		assertThat(buttons()).containsExactly("Pause", "End");
		assertThat(this.catalog.getFresh(draft.id()).status()).isEqualTo(TemplateStatus.ACTIVE);
		List<WebElement> audit = browser.driver.findElements(By.cssSelector(".audit-entry"));
		assertThat(audit.get(0).findElements(By.tagName("td"))).extracting(WebElement::getText)
			.contains("operator", "PUBLISH");
		assertThat(audit).hasSize(2);
		assertScreen("template-detail");
	}

	@Test
	void aViewerSeesNoChangeButtonAndAChangePostedByHandIsRefused() {
		CouponTemplate draft = this.createTemplate.create(request("Screens viewer " + System.nanoTime(), 10), "it");
		signIn("viewer", "viewer-it-password");
		browser.driver.get(url("/screens/templates/" + draft.id()));
		assertThat(status()).isEqualTo("DRAFT");
		assertThat(buttons()).isEmpty();
		assertThat(browser.driver.findElements(By.id("edit-template"))).isEmpty();
		browser.driver.get(url("/screens/templates/" + draft.id() + "/edit"));
		assertThat(browser.driver.findElements(By.id("create"))).isEmpty();
		browser.driver.get(url("/screens/templates/" + draft.id()));
		// The viewer's own session and CSRF token, posting by hand.
		Object answer = postByHand("/screens/templates/" + draft.id() + "/publish");
		assertThat(answer).isEqualTo(403L);
		assertThat(this.catalog.getFresh(draft.id()).status()).isEqualTo(TemplateStatus.DRAFT);
	}

	private String status() {
		return browser.driver.findElement(By.id("template-status")).getText();
	}

	private List<String> buttons() {
		return browser.driver.findElements(By.cssSelector(".actions button"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	@Test
	void anOperatorCreatesATemplateThroughTheFormAfterFixingTheFieldsItNamesThenPublishesIt() {
		signIn("operator", "operator-it-password");
		browser.driver.get(url("/screens/templates"));
		browser.driver.findElement(By.id("new-template")).click();
		browser.wait.until(ExpectedConditions.urlContains("/screens/templates/new"));
		String name = "Form " + System.nanoTime();
		Instant now = Instant.now();
		new Select(browser.driver.findElement(By.id("type"))).selectByValue("FIXED_AMOUNT");
		type("discountAmount", "500");
		type("totalStock", "100");
		type("claimStart", now.minusSeconds(60).toString());
		type("claimEnd", now.plusSeconds(3600).toString());
		type("validityDays", "seven");
		browser.driver.findElement(By.id("create")).click();

		// Refused: every error at once, each beside its field, what was typed kept.
		browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
		assertThat(browser.driver.findElement(By.id("validityDays-error")).getText())
			.isEqualTo("must be a whole number");
		assertThat(browser.driver.findElement(By.id("validityDays")).getAttribute("aria-describedby"))
			.isEqualTo("validityDays-error");
		assertThat(browser.driver.findElement(By.id("name-error")).getText()).isNotBlank();
		assertThat(browser.driver.findElement(By.id("name")).getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(browser.driver.findElements(By.cssSelector(".error"))).hasSize(2);
		assertThat(browser.driver.findElement(By.id("form-errors")).getText()).isEqualTo("2 fields need a change.");
		assertThat(browser.driver.findElement(By.id("discountAmount")).getAttribute("value")).isEqualTo("500");
		assertScreen("template-form-errors");

		type("validityDays", "7");
		type("name", name);
		browser.driver.findElement(By.id("create")).click();
		browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("template-status")));
		assertThat(status()).isEqualTo("DRAFT");
		long id = Long.parseLong(browser.driver.findElement(By.cssSelector(".facts dd")).getText());
		CouponTemplate created = this.catalog.getFresh(id);
		assertThat(created.name()).isEqualTo(name);
		assertThat(created.rule().type()).isEqualTo(TemplateType.FIXED_AMOUNT);
		assertThat(created.rule().discountAmount()).isEqualTo(500L);
		assertThat(created.totalStock()).isEqualTo(100);
		assertThat(created.createdBy()).isEqualTo("operator");

		// And published from its page, so the campaign needs no other tool.
		browser.driver.findElement(By.id("action-publish")).click();
		browser.wait.until(ExpectedConditions.alertIsPresent()).accept();
		browser.wait.until(ExpectedConditions.textToBe(By.id("template-status"), "ACTIVE"));
		assertThat(this.catalog.getFresh(id).status()).isEqualTo(TemplateStatus.ACTIVE);
	}

	@Test
	void anOperatorEditsALiveTemplateWithinWhatItsStatusAllowsAndAStaleEditIsRefused() {
		CouponTemplate active = this.changeStatus
			.publish(this.createTemplate.create(request("Screens edit " + System.nanoTime(), 10), "it").id(), "it");
		signIn("operator", "operator-it-password");
		browser.driver.get(url("/screens/templates/" + active.id()));
		browser.driver.findElement(By.id("edit-template")).click();
		browser.wait.until(ExpectedConditions.urlContains("/edit"));
		assertThat(browser.driver.findElement(By.id("name")).getAttribute("value")).isEqualTo(active.name());
		assertThat(browser.driver.findElement(By.id("totalStock")).getAttribute("value")).isEqualTo("10");
		assertThat(text("live-hint")).startsWith("This template is ACTIVE");

		// Less stock is refused beside its field; nothing changes.
		type("totalStock", "5");
		browser.driver.findElement(By.id("create")).click();
		browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("totalStock-error")));
		assertThat(text("totalStock-error")).isEqualTo("can only increase while ACTIVE");
		assertThat(this.catalog.getFresh(active.id()).totalStock()).isEqualTo(10);
		assertScreen("template-edit-errors");

		type("totalStock", "25");
		browser.driver.findElement(By.id("create")).click();
		browser.wait.until(ExpectedConditions.textToBe(By.cssSelector("[role=status]"),
				"Template " + active.id() + " is saved (version 2)."));
		CouponTemplate saved = this.catalog.getFresh(active.id());
		assertThat(saved.totalStock()).isEqualTo(25);
		assertThat(saved.version()).isEqualTo(2);
		assertThat(saved.name()).isEqualTo(active.name());
		assertThat(saved.validity()).isEqualTo(active.validity());
		assertThat(browser.driver.findElements(By.cssSelector(".audit-entry")).get(0).getText()).contains("operator",
				"UPDATE");

		// Another operator saves first: this edit, made on the version read before, is
		// refused and overwrites nothing.
		browser.driver.findElement(By.id("edit-template")).click();
		browser.wait.until(ExpectedConditions.urlContains("/edit"));
		this.updateTemplate.update(active.id(), this.json.createObjectNode().put("version", 2).put("totalStock", 30),
				"somebody-else");
		type("totalStock", "40");
		browser.driver.findElement(By.id("create")).click();
		browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-refused")));
		browser.driver.findElement(By.id("create")).click();
		browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-refused")));
		assertThat(this.catalog.getFresh(active.id()).totalStock()).isEqualTo(30);
		assertThat(this.catalog.getFresh(active.id()).version()).isEqualTo(3);
	}

	@Test
	void aViewerGetsNoNewTemplateLinkNorTheForm() {
		signIn("viewer", "viewer-it-password");
		browser.driver.get(url("/screens/templates"));
		assertThat(browser.driver.findElements(By.id("new-template"))).isEmpty();
		browser.driver.get(url("/screens/templates/new"));
		assertThat(browser.driver.findElements(By.id("create"))).isEmpty();
	}

	@Test
	void aMalformedOrUnknownTemplateOrActionIsRefusedAndChangesNothing() {
		CouponTemplate draft = this.createTemplate.create(request("Screens bad input " + System.nanoTime(), 10), "it");
		signIn("operator", "operator-it-password");
		// Refusals are pages, with the API's status and code.
		browser.driver.get(url("/screens/templates/abc"));
		assertThat(text("refusal-code")).isEqualTo("VALIDATION_FAILED");
		assertThat(text("refusal")).startsWith("id ");
		assertThat(statusOf("/screens/templates/abc")).isEqualTo(400L);
		browser.driver.get(url("/screens/templates/999999999999"));
		assertThat(text("refusal-code")).isEqualTo("TEMPLATE_NOT_FOUND");
		assertThat(statusOf("/screens/templates/999999999999")).isEqualTo(404L);
		assertScreen("refused");
		browser.driver.get(url("/screens/templates/" + draft.id()));
		Object answer = postByHand("/screens/templates/" + draft.id() + "/frobnicate");
		assertThat(answer).isEqualTo(400L);
		assertThat(this.catalog.getFresh(draft.id()).status()).isEqualTo(TemplateStatus.DRAFT);
	}

	@Test
	void aFormPostWithoutTheCsrfTokenIsRefused() throws Exception {
		// A cross-site form (no CSRF token) can neither sign anybody in nor out.
		assertThat(postForm("/login", "username=viewer&password=viewer-it-password")).isEqualTo(403);
		assertThat(postForm("/logout", "")).isEqualTo(403);
	}

	private int postForm(String path, String form) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url(path)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private List<String> rowIds() {
		return browser.driver.findElements(By.cssSelector("tbody tr"))
			.stream()
			.map((row) -> row.getAttribute("data-template-id"))
			.toList();
	}

}
