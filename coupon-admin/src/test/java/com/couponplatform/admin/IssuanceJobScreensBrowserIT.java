package com.couponplatform.admin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import com.couponplatform.issuance.CreateIssuanceJob;
import com.couponplatform.issuance.IssuanceJob;
import com.couponplatform.issuance.IssuanceStatus;
import com.couponplatform.issuance.ReadIssuanceJob;
import com.couponplatform.issuance.TargetLines;
import com.couponplatform.sharding.ShardingProperties;
import com.couponplatform.template.ChangeTemplateStatus;
import com.couponplatform.template.CouponTemplate;
import com.couponplatform.template.CreateTemplate;
import com.couponplatform.template.TemplateCatalog;
import com.couponplatform.testsupport.CouponTables;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issuance screens in a real browser against the real service, its broker and its
 * shards: a CSV job created through the form runs to COMPLETED while its page's progress
 * bar moves to 100% without a reload; the controls; a viewer's page.
 */
class IssuanceJobScreensBrowserIT extends ScreensBrowserTest {

	private static final int USERS = 1_000;

	@Autowired
	CreateTemplate createTemplate;

	@Autowired
	ChangeTemplateStatus changeStatus;

	@Autowired
	TemplateCatalog catalog;

	@Autowired
	CreateIssuanceJob createJob;

	@Autowired
	ReadIssuanceJob readJob;

	@Autowired
	ShardingProperties sharding;

	@Test
	void aThousandUserCsvJobRunsToCompletedWhileItsProgressBarMovesWithoutAReload() throws Exception {
		CouponTemplate template = activeTemplate("Screens job", 2 * USERS);
		long firstUser = 95_000_000L + (System.nanoTime() % 1_000_000) * 1_000;
		// A header, the users, one of them again, and a line that is no user ID.
		String csv = "userId\n" + LongStream.range(0, USERS)
			.mapToObj((i) -> Long.toString(firstUser + i))
			.collect(Collectors.joining("\n")) + "\n" + firstUser + "\nnot-a-user\n";
		Path file = Files.createTempFile("screens-job", ".csv");
		Files.writeString(file, csv);

		signIn("operator", "operator-it-password");
		browser.driver.get(url("/screens/issuance-jobs"));
		browser.driver.findElement(By.id("new-job")).click();
		browser.wait.until(ExpectedConditions.urlContains("/screens/issuance-jobs/new"));
		new Select(browser.driver.findElement(By.id("templateId"))).selectByValue(Long.toString(template.id()));
		browser.driver.findElement(By.id("file")).sendKeys(file.toString());
		// A start a few seconds ahead, so that the page is there before the job runs.
		type("startAt", Instant.now().plusSeconds(4).toString());
		assertScreen("issuance-job-form");
		browser.driver.findElement(By.id("create")).click();

		browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("job-progress-bar")));
		long jobId = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*/", ""));
		assertThat(text("job-status")).isEqualTo("PENDING");
		assertThat(text("job-total")).isEqualTo(Integer.toString(USERS));
		assertThat(text("job-duplicates")).isEqualTo("1");
		assertThat(text("job-rejected")).isEqualTo("1");
		assertThat(actions()).containsExactly("Pause", "Cancel");
		// Gone if the page is loaded again.
		js().executeScript("window.notReloaded = true;");

		new WebDriverWait(browser.driver, Duration.ofSeconds(90))
			.until(ExpectedConditions.textToBe(By.id("job-status"), "COMPLETED"));
		WebElement bar = browser.driver.findElement(By.id("job-progress-bar"));
		assertThat(bar.getDomProperty("value")).isEqualTo(Integer.toString(USERS));
		assertThat(bar.getDomProperty("max")).isEqualTo(Integer.toString(USERS));
		assertThat(text("job-percent")).isEqualTo("100");
		assertThat(text("job-done")).isEqualTo(Integer.toString(USERS));
		assertThat(text("job-issued")).isEqualTo(Integer.toString(USERS));
		assertThat(js().executeScript("return window.notReloaded === true;")).as("the page was not reloaded")
			.isEqualTo(true);
		// The status moved, so the controls came along with the progress: none is left.
		assertThat(actions()).isEmpty();
		assertScreen("issuance-job-completed");

		IssuanceJob job = this.readJob.read(jobId);
		assertThat(job.status()).isEqualTo(IssuanceStatus.COMPLETED);
		assertThat(job.issued()).isEqualTo(USERS);
		assertThat(job.createdBy()).isEqualTo("operator");
		assertThat(new CouponTables(this.shards, this.sharding.getTables())
			.sum("SELECT COUNT(*) FROM %s WHERE template_id = ?", template.id())).isEqualTo(USERS);

		browser.driver.findElement(By.id("failures")).click();
		assertThat(browser.downloaded("issuance-" + jobId + "-failures.csv"))
			.isEqualTo("line,content,reason\n" + (USERS + 3) + ",not-a-user,INVALID_USER_ID\n");

		browser.driver.get(url("/screens/issuance-jobs"));
		assertThat(browser.driver.findElement(By.cssSelector("tr[data-job-id='" + jobId + "']")).getText())
			.contains("COMPLETED", USERS + " / " + USERS, "operator");
		assertScreen("issuance-jobs");
	}

	@Test
	void anOperatorPausesThenCancelsAJobAndItsUnitsGoBack() {
		CouponTemplate template = activeTemplate("Screens job control", 10);
		IssuanceJob pending = this.createJob.create(template.id(),
				TargetLines.of(List.of("96000001", "96000002", "96000003")), Instant.now().plusSeconds(3600), "it");
		signIn("operator", "operator-it-password");
		browser.driver.get(url("/screens/issuance-jobs/" + pending.id()));
		assertThat(text("job-status")).isEqualTo("PENDING");
		assertThat(text("job-time-left")).isEqualTo("–");

		browser.driver.findElement(By.id("action-pause")).click();
		browser.wait.until(ExpectedConditions.textToBe(By.id("job-status"), "PAUSED"));
		assertThat(browser.driver.findElement(By.cssSelector("[role=status]")).getText())
			.isEqualTo("Job " + pending.id() + " is PAUSED.");
		assertThat(actions()).containsExactly("Resume", "Retry failures", "Cancel");

		browser.driver.findElement(By.id("action-cancel")).click();
		browser.wait.until(ExpectedConditions.alertIsPresent()).dismiss();
		assertThat(this.readJob.read(pending.id()).status()).isEqualTo(IssuanceStatus.PAUSED);
		browser.driver.findElement(By.id("action-cancel")).click();
		browser.wait.until(ExpectedConditions.alertIsPresent()).accept();
		browser.wait.until(ExpectedConditions.textToBe(By.id("job-status"), "CANCELLED"));
		assertThat(text("job-returned")).isEqualTo("3");
		assertThat(actions()).isEmpty();
		assertThat(this.readJob.read(pending.id()).returned()).isEqualTo(3);
		assertThat(this.catalog.getFresh(template.id()).issued()).isZero();
	}

	@Test
	void theFormShowsItsErrorsBesideTheirFieldsAndRefusesAJobLargerThanTheStock() {
		CouponTemplate template = activeTemplate("Screens job refused", 2);
		signIn("operator", "operator-it-password");
		browser.driver.get(url("/screens/issuance-jobs/new"));
		browser.driver.findElement(By.id("source-pasted")).click();
		type("userIds", "96100001, 96100002");
		browser.driver.findElement(By.id("create")).click();
		browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("templateId-error")));
		assertThat(browser.driver.findElement(By.id("templateId")).getAttribute("aria-describedby"))
			.isEqualTo("templateId-error");
		assertThat(browser.driver.findElement(By.id("userIds")).getAttribute("value")).isEqualTo("96100001, 96100002");
		assertScreen("issuance-job-form-errors");

		new Select(browser.driver.findElement(By.id("templateId"))).selectByValue(Long.toString(template.id()));
		type("userIds", "96100001 96100002 96100003");
		browser.driver.findElement(By.id("create")).click();
		browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-refused")));
		assertThat(text("form-refused")).isEqualTo("Template " + template.id()
				+ " has fewer than the 3 units this job needs left (or is not active); nothing was reserved");
		assertThat(this.readJob.list(null, 100).items()).noneMatch((job) -> job.templateId() == template.id());
		assertThat(this.catalog.getFresh(template.id()).issued()).isZero();
	}

	@Test
	void aViewerFollowsAJobButSeesNoControlAndAControlPostedByHandIsRefused() {
		CouponTemplate template = activeTemplate("Screens job viewer", 10);
		IssuanceJob pending = this.createJob.create(template.id(), TargetLines.of(List.of("96200001")),
				Instant.now().plusSeconds(3600), "it");
		signIn("viewer", "viewer-it-password");
		browser.driver.get(url("/screens/issuance-jobs"));
		assertThat(browser.driver.findElements(By.id("new-job"))).isEmpty();
		browser.driver.get(url("/screens/issuance-jobs/" + pending.id()));
		assertThat(text("job-status")).isEqualTo("PENDING");
		assertThat(actions()).isEmpty();
		assertThat(browser.driver.findElements(By.id("failures"))).hasSize(1);
		assertThat(postByHand("/screens/issuance-jobs/" + pending.id() + "/cancel")).isEqualTo(403L);
		assertThat(this.readJob.read(pending.id()).status()).isEqualTo(IssuanceStatus.PENDING);
	}

	private CouponTemplate activeTemplate(String name, long stock) {
		return this.changeStatus
			.publish(this.createTemplate.create(request(name + " " + System.nanoTime(), stock), "it").id(), "it");
	}

	private static List<String> actions() {
		return browser.driver.findElements(By.cssSelector("#job-actions button"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	private static JavascriptExecutor js() {
		return browser.driver;
	}

}
