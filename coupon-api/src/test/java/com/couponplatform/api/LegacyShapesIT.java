package com.couponplatform.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import com.couponplatform.template.ChangeTemplateStatus;
import com.couponplatform.template.CreateTemplate;
import com.couponplatform.template.NewTemplate;
import com.couponplatform.template.TemplateType;
import com.couponplatform.testsupport.TestHttp;
import com.couponplatform.testsupport.TestHttp.Answer;
import com.couponplatform.testsupport.TestServices;
import com.couponplatform.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract is the same on both sides: the same calls — claim, replay, batch claim,
 * wallet, one coupon, quote, lock, consume, refund, release, and refusals — against a
 * platform on NEW and one in front of a legacy database, with equivalent templates,
 * answer the same statuses and bodies field by field, IDs and instants aside.
 */
class LegacyShapesIT extends LegacyApiIntegrationTest {

	/** What differs by side and is not part of the shape: IDs and instants. */
	private static final Set<String> SIDE_VALUES = Set.of("couponId", "templateId", "validFrom", "validUntil",
			"claimedAt", "nextCursor");

	private static final long USER = 895_001;

	private static ConfigurableApplicationContext newSide;

	@BeforeAll
	static void startTheNewSide() {
		String prefix = TestServices.prefixDroppedAtExit();
		newSide = SpringApplication.run(CouponApiApplication.class,
				TestServices.installationArguments(prefix, "coupon.db.host=" + TestServices.dbHost(),
						"coupon.db.port=" + TestServices.dbPort(), "coupon.db.user=" + TestServices.dbUser(),
						"coupon.db.password=" + TestServices.dbPassword()));
	}

	@AfterAll
	static void stopTheNewSide() {
		newSide.close();
	}

	@Test
	void everyAnswerHasTheShapeAndValuesOfTheNewSide() {
		Side old = new Side(this.port, MALL.template(2, new BigDecimal("10.00"), new BigDecimal("100.00"),
				BigDecimal.ZERO, null, 100, 1, 1, 30), MALL.onlineTemplate(100, 1));
		Side fresh = new Side(newSide.getEnvironment().getProperty("local.server.port", Integer.class),
				newTemplate(TemplateType.THRESHOLD, 1000L, 10000L), newTemplate(TemplateType.FIXED_AMOUNT, 500L, null));

		List<List<Answer>> answers = List.of(old.run(), fresh.run());
		assertThat(answers.get(0)).hasSameSizeAs(answers.get(1));
		for (int i = 0; i < answers.get(0).size(); i++) {
			Answer onOld = answers.get(0).get(i);
			Answer onNew = answers.get(1).get(i);
			assertThat(onOld.status()).as("call %d on OLD: %s", i, onOld.body()).isEqualTo(onNew.status());
			assertThat(onOld.contentType()).as("call %d", i).isEqualTo(onNew.contentType());
			assertThat(comparable(onOld.body(), old)).as("call %d", i).isEqualTo(comparable(onNew.body(), fresh));
		}
	}

	private static long newTemplate(TemplateType type, Long discount, Long threshold) {
		Instant now = Instant.now();
		NewTemplate request = new NewTemplate("Shapes " + type, type, discount, threshold, null, null, 100L, 1,
				now.minusSeconds(3600).toString(), now.plusSeconds(7200).toString(),
				new NewTemplate.ValidityInput("RELATIVE", null, null, 30), null, null, null, true);
		long id = newSide.getBean(CreateTemplate.class).create(request, "it").id();
		return newSide.getBean(ChangeTemplateStatus.class).publish(id, "it").id();
	}

	/**
	 * A body with every side's own value out: ID and instant fields blanked, and the
	 * side's template and coupon IDs in a problem's detail named instead.
	 */
	private static JsonNode comparable(JsonNode body, Side side) {
		if (body == null) {
			return null;
		}
		JsonNode copy = body.deepCopy();
		blank(copy, side);
		return copy;
	}

	private static void blank(JsonNode node, Side side) {
		if (node instanceof ObjectNode object) {
			Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
			List<String> names = new ArrayList<>();
			fields.forEachRemaining((field) -> names.add(field.getKey()));
			for (String name : names) {
				JsonNode value = object.get(name);
				if (SIDE_VALUES.contains(name) && !value.isNull()) {
					object.put(name, "<" + name + ">");
				}
				else if ("detail".equals(name) && value.isTextual()) {
					object.set(name, new TextNode(side.named(value.asText())));
				}
				else {
					blank(value, side);
				}
			}
		}
		else if (node != null && node.isArray()) {
			node.forEach((item) -> blank(item, side));
		}
	}

	/** One side's platform, its two templates, and the calls made on it. */
	private static final class Side {

		private final TestHttp http;

		private final long threshold;

		private final long cash;

		private String coupon;

		Side(int port, long threshold, long cash) {
			this.http = new TestHttp(port);
			this.threshold = threshold;
			this.cash = cash;
		}

		String named(String text) {
			// "Template 17 allows 1 claim(s)": an ID follows the word naming it.
			String named = text.replaceAll("emplate " + this.threshold + "(?![0-9])", "emplate <threshold>")
				.replaceAll("emplate " + this.cash + "(?![0-9])", "emplate <cash>");
			return (this.coupon != null) ? named.replaceAll("oupon " + this.coupon + "(?![0-9])", "oupon <coupon>")
					: named;
		}

		List<Answer> run() {
			String user = "Bearer " + TestTokens.user(USER);
			String service = "Bearer " + TestTokens.service();
			List<Answer> answers = new ArrayList<>();
			Answer claimed = this.http.call("POST", "/api/v1/claims", user, claimBody(this.threshold, "shape-1"));
			this.coupon = claimed.body().path("couponId").asText();
			answers.add(claimed);
			answers.add(this.http.call("POST", "/api/v1/claims", user, claimBody(this.threshold, "shape-1")));
			answers.add(this.http.call("POST", "/api/v1/claims/batch", user, "{\"templateIds\":[\"" + this.cash
					+ "\",\"" + this.threshold + "\",\"987654321\"],\"requestId\":\"shape-batch\"}"));
			answers.add(this.http.call("GET", "/api/v1/coupons", user, null));
			answers.add(this.http.call("GET", "/api/v1/coupons?status=UNUSED&limit=1", user, null));
			answers.add(this.http.call("GET", "/api/v1/coupons/" + this.coupon, user, null));
			answers.add(this.http.call("POST", "/api/v1/checkout/quote", service, "{\"userId\":\"" + USER
					+ "\",\"items\":[{\"skuId\":\"S1\",\"categoryId\":\"C1\",\"unitPrice\":6000,\"quantity\":2}]}"));
			String lock = "{\"couponId\":\"" + this.coupon + "\",\"orderAmount\":12000,\"userId\":\"" + USER + "\"}";
			String order = "{\"userId\":\"" + USER + "\"}";
			answers.add(this.http.call("POST", "/api/v1/orders/SHAPE-1/coupon-lock", service, lock));
			answers.add(this.http.call("POST", "/api/v1/orders/SHAPE-1/coupon-lock", service, lock));
			answers.add(this.http.call("POST", "/api/v1/orders/SHAPE-2/coupon-lock", service, lock));
			answers.add(this.http.call("POST", "/api/v1/orders/SHAPE-1/coupon-lock/consume", service, order));
			answers.add(this.http.call("POST", "/api/v1/orders/SHAPE-1/coupon-lock/release", service, order));
			answers.add(this.http.call("POST", "/api/v1/orders/SHAPE-1/coupon-refund", service, order));
			answers.add(this.http.call("POST", "/api/v1/orders/SHAPE-3/coupon-lock", service, lock));
			answers.add(this.http.call("POST", "/api/v1/orders/SHAPE-3/coupon-lock/release", service, order));
			answers.add(this.http.call("POST", "/api/v1/orders/SHAPE-9/coupon-lock/consume", service, order));
			answers.add(this.http.call("POST", "/api/v1/orders/SHAPE-4/coupon-lock", service,
					"{\"couponId\":\"" + this.coupon + "\",\"orderAmount\":9000,\"userId\":\"" + USER + "\"}"));
			answers.add(this.http.call("POST", "/api/v1/claims", user, claimBody(this.threshold, "shape-2")));
			answers.add(this.http.call("POST", "/api/v1/claims", user, claimBody(this.cash, "shape-1")));
			answers.add(this.http.call("POST", "/api/v1/claims", user, claimBody(987_654_321, "shape-3")));
			answers.add(this.http.call("POST", "/api/v1/claims", user, "{\"templateId\":\"x\",\"requestId\":\"s\"}"));
			answers.add(this.http.call("GET", "/api/v1/coupons/987654321", user, null));
			answers.add(this.http.call("GET", "/api/v1/coupons?cursor=abc", user, null));
			return answers;
		}

	}

}
