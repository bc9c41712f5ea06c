package com.couponplatform.admin;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import com.couponplatform.issuance.CreateIssuanceJob;
import com.couponplatform.issuance.IssuanceJob;
import com.couponplatform.issuance.IssuanceStatus;
import com.couponplatform.issuance.ReadIssuanceJob;
import com.couponplatform.issuance.TargetLines;
import com.couponplatform.template.ChangeTemplateStatus;
import com.couponplatform.template.CouponTemplate;
import com.couponplatform.template.CreateTemplate;
import com.couponplatform.template.SuperBlacklist;
import com.couponplatform.template.TemplateCatalog;
import com.couponplatform.template.TemplateStatus;
import com.couponplatform.testsupport.TestHttp.Answer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While a migration freezes the back office, every page that changes something says so
 * and disables its buttons, and every change — from a screen or the API — is refused with
 * 409 MIGRATION_FREEZE and changes nothing; reading goes on.
 */
class FrozenScreensBrowserIT extends ScreensBrowserTest {

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
	SuperBlacklist superBlacklist;

	@AfterEach
	void thaw() {
		SwitchableFreeze.FROZEN.set(false);
	}

	@Test
	void everyPageThatChangesSomethingSaysSoAndDisablesItsButtonsAndEveryChangeIsRefused() {
		CouponTemplate draft = this.createTemplate.create(request("Screens frozen " + System.nanoTime(), 10), "it");
		CouponTemplate active = this.changeStatus.publish(
				this.createTemplate.create(request("Screens frozen job " + System.nanoTime(), 10), "it").id(), "it");
		IssuanceJob pending = this.createJob.create(active.id(), TargetLines.of(List.of("98000001")),
				Instant.now().plusSeconds(3600), "it");
		signIn("operator", "operator-it-password");
		browser.driver.get(url("/screens/templates/" + draft.id()));
		assertThat(browser.driver.findElements(By.id("freeze"))).as("no banner before the freeze").isEmpty();
		assertThat(browser.driver.findElement(By.id("action-publish")).isEnabled()).isTrue();

		SwitchableFreeze.FROZEN.set(true);
		browser.driver.get(url("/screens/templates/" + draft.id()));
		assertThat(text("freeze")).startsWith("A migration freezes the back office");
		assertThat(browser.driver.findElements(By.cssSelector(".actions button"))).isNotEmpty()
			.noneMatch(WebElement::isEnabled);
		assertScreen("frozen-template");
		// The operator's own session and CSRF token, posting as the disabled button
		// would.
		assertThat(postByHand("/screens/templates/" + draft.id() + "/publish")).isEqualTo(409L);
		assertThat(this.catalog.getFresh(draft.id()).status()).isEqualTo(TemplateStatus.DRAFT);

		browser.driver.get(url("/screens/templates"));
		assertThat(browser.driver.findElements(By.id("new-template"))).isEmpty();
		browser.driver.get(url("/screens/templates/new"));
		assertThat(browser.driver.findElement(By.id("create")).isEnabled()).isFalse();

		browser.driver.get(url("/screens/issuance-jobs/" + pending.id()));
		assertThat(text("freeze")).isNotBlank();
		assertThat(browser.driver.findElements(By.cssSelector("#job-actions button"))).isNotEmpty()
			.noneMatch(WebElement::isEnabled);
		assertThat(postByHand("/screens/issuance-jobs/" + pending.id() + "/cancel")).isEqualTo(409L);
		assertThat(this.readJob.read(pending.id()).status()).isEqualTo(IssuanceStatus.PENDING);
		browser.driver.get(url("/screens/issuance-jobs/new"));
		assertThat(browser.driver.findElement(By.id("create")).isEnabled()).isFalse();
		assertThat(browser.driver.findElement(By.id("templateId")).isEnabled()).isFalse();

		browser.driver.get(url("/screens/code-batches/new"));
		assertThat(browser.driver.findElement(By.id("create")).isEnabled()).isFalse();
		browser.driver.get(url("/screens/user-tags"));
		assertThat(browser.driver.findElement(By.id("upload")).isEnabled()).isFalse();
		browser.driver.get(url("/screens/sku-blacklist"));
		assertThat(browser.driver.findElement(By.id("add")).isEnabled()).isFalse();
		assertThat(postByHand("/screens/sku-blacklist?skuId=FROZEN-SKU&reason=x")).isEqualTo(409L);
		assertThat(this.superBlacklist.entries()).noneMatch((entry) -> entry.skuId().equals("FROZEN-SKU"));
		assertScreen("frozen-sku-blacklist");

		// The API: a change is 409 MIGRATION_FREEZE, a read answers as usual.
		Answer publish = call("POST", "/admin/api/v1/templates/" + draft.id() + "/publish", OPERATOR, null);
		assertThat(publish.status()).isEqualTo(409);
		assertThat(publish.code()).isEqualTo("MIGRATION_FREEZE");
		assertThat(call("GET", "/admin/api/v1/templates/" + draft.id(), VIEWER, null).status()).isEqualTo(200);
		assertThat(this.catalog.getFresh(draft.id()).status()).isEqualTo(TemplateStatus.DRAFT);

		// Thawed, the same button works.
		SwitchableFreeze.FROZEN.set(false);
		browser.driver.get(url("/screens/templates/" + draft.id()));
		assertThat(browser.driver.findElements(By.id("freeze"))).isEmpty();
		// Done: the redirect back to the page, which a manual-redirect fetch reads as 0.
		assertThat(postByHand("/screens/templates/" + draft.id() + "/publish")).isEqualTo(0L);
		assertThat(this.catalog.getFresh(draft.id()).status()).isEqualTo(TemplateStatus.ACTIVE);
	}

}
