package com.couponplatform.admin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import com.couponplatform.redemption.CodeBatch;
import com.couponplatform.redemption.CodeBatchSource;
import com.couponplatform.redemption.CodeBatchStatus;
import com.couponplatform.redemption.ReadCodeBatch;
import com.couponplatform.template.ChangeTemplateStatus;
import com.couponplatform.template.CouponTemplate;
import com.couponplatform.template.CreateTemplate;
import com.couponplatform.template.TemplateCatalog;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The code-batch screens in a real browser against the real service: a batch generated
 * through the form, followed until its codes are all stored, and its export downloaded;
 * an import with its counts; the form's errors.
 */
class CodeBatchScreensBrowserIT extends ScreensBrowserTest {

	private static final int CODES = 20_000;

	@Autowired
	CreateTemplate createTemplate;

	@Autowired
	ChangeTemplateStatus changeStatus;

	@Autowired
	TemplateCatalog catalog;

	@Autowired
	ReadCodeBatch readBatch;

	@Test
	void anOperatorGeneratesABatchFollowsItsProgressAndDownloadsItsCodes() throws Exception {
		CouponTemplate template = activeTemplate("Screens codes", CODES);
		String prefix = "S" + Long.toString(System.nanoTime() % 1_000_000, 32).toUpperCase().replaceAll("[ILOU]", "X");
		signIn("operator", "operator-it-password");
		browser.driver.get(url("/screens/code-batches"));
		browser.driver.findElement(By.id("new-batch")).click();
		browser.wait.until(ExpectedConditions.urlContains("/screens/code-batches/new"));
		new Select(browser.driver.findElement(By.id("templateId"))).selectByValue(Long.toString(template.id()));
		type("quantity", Integer.toString(CODES));
		type("length", "10");
		type("prefix", prefix);
		assertScreen("code-batch-form");
		browser.driver.findElement(By.id("create")).click();

		browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("batch-progress-bar")));
		long batchId = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*/", ""));
		new WebDriverWait(browser.driver, Duration.ofSeconds(90))
			.until(ExpectedConditions.textToBe(By.id("batch-status"), "ACTIVE"));
		assertThat(browser.driver.findElement(By.id("batch-progress-bar")).getDomProperty("value"))
			.isEqualTo(Integer.toString(CODES));
		assertThat(text("batch-generated")).isEqualTo(Integer.toString(CODES));
		assertThat(text("batch-remaining")).isEqualTo(Integer.toString(CODES));
		assertScreen("code-batch");

		browser.driver.findElement(By.id("export")).click();
		List<String> lines = Arrays.asList(browser.downloaded("code-batch-" + batchId + ".csv").split("\n"));
		assertThat(lines.get(0)).isEqualTo("code,usesLeft");
		List<String> codes = lines.subList(1, lines.size());
		assertThat(codes).hasSize(CODES)
			.doesNotHaveDuplicates()
			.allMatch((line) -> line.startsWith(prefix) && line.endsWith(",1")
					&& line.length() == prefix.length() + 10 + 1 + 2);
		CodeBatch batch = this.readBatch.read(batchId);
		assertThat(batch.status()).isEqualTo(CodeBatchStatus.ACTIVE);
		assertThat(batch.generated()).isEqualTo(CODES);
		assertThat(batch.createdBy()).isEqualTo("operator");
		assertThat(this.catalog.getFresh(template.id()).issued()).isEqualTo(CODES);

		browser.driver.get(url("/screens/code-batches"));
		assertThat(browser.driver.findElement(By.cssSelector("tr[data-batch-id='" + batchId + "']")).getText())
			.contains("GENERATED", "ACTIVE", Integer.toString(CODES));
		assertScreen("code-batches");
	}

	@Test
	void anOperatorImportsAFileAndSeesItsCounts() throws Exception {
		CouponTemplate template = activeTemplate("Screens import", 100);
		String suffix = Long.toString(System.nanoTime(), 32).toUpperCase().replaceAll("[ILOU]", "X");
		Path file = Files.createTempFile("screens-codes", ".csv");
		Files.writeString(file, "code\nIMP" + suffix + "\nimp-" + suffix + "\nbad#" + suffix + "\nTWO" + suffix + "\n");
		signIn("operator", "operator-it-password");
		browser.driver.get(url("/screens/code-batches/new"));
		new Select(browser.driver.findElement(By.id("templateId"))).selectByValue(Long.toString(template.id()));
		browser.driver.findElement(By.id("source-import")).click();
		browser.driver.findElement(By.id("file")).sendKeys(file.toString());
		type("usesPerCode", "2");
		type("validUntil", Instant.now().plus(Duration.ofDays(1)).toString());
		browser.driver.findElement(By.id("create")).click();

		browser.wait.until(ExpectedConditions.textToBe(By.id("batch-status"), "ACTIVE"));
		assertThat(text("batch-generated")).isEqualTo("2");
		assertThat(text("batch-duplicates")).isEqualTo("1");
		assertThat(text("batch-rejected")).isEqualTo("1");
		assertThat(text("batch-remaining")).isEqualTo("4");
		long batchId = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*/", ""));
		CodeBatch batch = this.readBatch.read(batchId);
		assertThat(batch.source()).isEqualTo(CodeBatchSource.IMPORTED);
		assertThat(batch.usesPerCode()).isEqualTo(2);
		assertThat(this.catalog.getFresh(template.id()).issued()).isEqualTo(4);
	}

	@Test
	void theFormShowsEachErrorBesideItsFieldAndCreatesNothing() {
		CouponTemplate template = activeTemplate("Screens codes refused", 100);
		signIn("operator", "operator-it-password");
		browser.driver.get(url("/screens/code-batches/new"));
		new Select(browser.driver.findElement(By.id("templateId"))).selectByValue(Long.toString(template.id()));
		type("quantity", "many");
		type("validUntil", "next week");
		browser.driver.findElement(By.id("create")).click();
		browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
		assertThat(text("quantity-error")).isEqualTo("must be a whole number");
		assertThat(text("validUntil-error")).startsWith("must be an ISO-8601 instant");
		assertThat(text("form-errors")).isEqualTo("2 fields need a change.");
		assertThat(browser.driver.findElement(By.id("quantity")).getAttribute("value")).isEqualTo("many");
		assertScreen("code-batch-form-errors");
		assertThat(this.readBatch.list(null, 100).items()).noneMatch((batch) -> batch.templateId() == template.id());
		assertThat(this.catalog.getFresh(template.id()).issued()).isZero();
	}

	private CouponTemplate activeTemplate(String name, long stock) {
		return this.changeStatus
			.publish(this.createTemplate.create(request(name + " " + System.nanoTime(), stock), "it").id(), "it");
	}

}
