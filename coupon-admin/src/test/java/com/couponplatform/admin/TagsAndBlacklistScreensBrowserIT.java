package com.couponplatform.admin;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import com.couponplatform.sharding.ShardingProperties;
import com.couponplatform.template.SuperBlacklist;
import com.couponplatform.testsupport.CouponTables;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The user-tags upload and the SKU super-blacklist in a real browser against the real
 * service.
 */
class TagsAndBlacklistScreensBrowserIT extends ScreensBrowserTest {

	@Autowired
	SuperBlacklist superBlacklist;

	@Autowired
	ShardingProperties sharding;

	@Test
	void anUploadWithABadLineLoadsNothingAndTheFixedOneReplacesEachUsersTags() throws Exception {
		long first = 97_000_000L + (System.nanoTime() % 1_000_000) * 10;
		signIn("operator", "operator-it-password");
		browser.driver.get(url("/screens/user-tags"));
		type("lines", "userId,tags\n" + first + ",vip,new-user\n" + (first + 1) + " vip\nnot-a-user,vip\n");
		browser.driver.findElement(By.id("upload")).click();
		browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upload-errors")));
		assertThat(browser.driver.findElements(By.cssSelector("#upload-errors li"))).extracting(WebElement::getText)
			.containsExactly("Line 4: the user ID must be a positive 64-bit integer in decimal.");
		assertThat(tagsOf(first)).isZero();
		assertScreen("user-tags-errors");

		type("lines", first + ",vip,new-user\n" + (first + 1) + " vip\n");
		browser.driver.findElement(By.id("upload")).click();
		browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=status]")));
		assertThat(browser.driver.findElement(By.cssSelector("[role=status]")).getText())
			.isEqualTo("The tags of 2 users are replaced.");
		assertThat(tagsOf(first)).isEqualTo(2);
		assertThat(tagsOf(first + 1)).isEqualTo(1);

		// A user listed alone has their tags cleared.
		type("lines", Long.toString(first));
		browser.driver.findElement(By.id("upload")).click();
		browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=status]")));
		assertThat(tagsOf(first)).isZero();
		assertThat(tagsOf(first + 1)).isEqualTo(1);
		assertScreen("user-tags");
	}

	@Test
	void anOperatorBlacklistsASkuAndTakesItOffAfterConfirming() {
		String sku = "SCREEN-SKU-" + System.nanoTime();
		signIn("operator", "operator-it-password");
		browser.driver.get(url("/screens/sku-blacklist"));
		type("skuId", sku);
		browser.driver.findElement(By.id("add")).click();
		browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reason-error")));
		assertThat(text("reason-error")).isEqualTo("must be 1 to 200 characters");
		assertThat(browser.driver.findElement(By.id("skuId")).getAttribute("value")).isEqualTo(sku);
		assertThat(this.superBlacklist.entries()).noneMatch((entry) -> entry.skuId().equals(sku));

		// Enter in a field submits its form, as a keyboard user would.
		type("reason", "Tobacco" + Keys.ENTER);
		browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-sku='" + sku + "']")));
		assertThat(browser.driver.findElement(By.cssSelector("tr[data-sku='" + sku + "']")).getText())
			.contains("Tobacco", "operator");
		assertThat(this.superBlacklist.entries()).anyMatch((entry) -> entry.skuId().equals(sku)
				&& entry.reason().equals("Tobacco") && entry.createdBy().equals("operator"));
		assertScreen("sku-blacklist");

		By remove = By.cssSelector("tr[data-sku='" + sku + "'] button");
		browser.driver.findElement(remove).click();
		browser.wait.until(ExpectedConditions.alertIsPresent()).dismiss();
		assertThat(this.superBlacklist.entries()).anyMatch((entry) -> entry.skuId().equals(sku));
		browser.driver.findElement(remove).click();
		browser.wait.until(ExpectedConditions.alertIsPresent()).accept();
		browser.wait.until(ExpectedConditions.textToBe(By.cssSelector("[role=status]"),
				"SKU " + sku + " is no longer blacklisted."));
		assertThat(browser.driver.findElements(By.cssSelector("tr[data-sku='" + sku + "']"))).isEmpty();
		assertThat(this.superBlacklist.entries()).noneMatch((entry) -> entry.skuId().equals(sku));
	}

	@Test
	void aViewerSeesTheBlacklistAndTheTagsPageWithoutAFormAndAnAddPostedByHandIsRefused() {
		String sku = "SCREEN-VIEW-" + System.nanoTime();
		this.superBlacklist.add(sku, "Alcohol", "it");
		signIn("viewer", "viewer-it-password");
		browser.driver.get(url("/screens/sku-blacklist"));
		assertThat(browser.driver.findElement(By.cssSelector("tr[data-sku='" + sku + "']")).getText())
			.contains("Alcohol");
		assertThat(browser.driver.findElements(By.tagName("button"))).extracting(WebElement::getText)
			.containsExactly("Sign out");
		assertThat(postByHand("/screens/sku-blacklist/remove?skuId=" + sku)).isEqualTo(403L);
		assertThat(this.superBlacklist.entries()).anyMatch((entry) -> entry.skuId().equals(sku));
		browser.driver.get(url("/screens/user-tags"));
		assertThat(browser.driver.findElements(By.id("upload"))).isEmpty();
		this.superBlacklist.remove(sku);
	}

	private long tagsOf(long userId) {
		return new CouponTables(this.shards, this.sharding.getTables()).sumOf("user_tag",
				"SELECT COUNT(*) FROM %s WHERE user_id = ?", userId);
	}

}
