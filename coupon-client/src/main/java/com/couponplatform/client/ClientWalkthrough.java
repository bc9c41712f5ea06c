package com.couponplatform.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.couponplatform.client.admin.CodeBatchControllerApi;
import com.couponplatform.client.admin.TemplateControllerApi;
import com.couponplatform.client.admin.model.BatchRequest;
import com.couponplatform.client.admin.model.BatchResponse;
import com.couponplatform.client.admin.model.NewTemplate;
import com.couponplatform.client.admin.model.ValidityInput;
import com.couponplatform.client.api.ClaimControllerApi;
import com.couponplatform.client.api.CouponControllerApi;
import com.couponplatform.client.api.OrderCouponControllerApi;
import com.couponplatform.client.api.QuoteControllerApi;
import com.couponplatform.client.api.RedemptionControllerApi;
import com.couponplatform.client.api.invoker.ApiClient;
import com.couponplatform.client.api.invoker.ApiException;
import com.couponplatform.client.api.invoker.ApiResponse;
import com.couponplatform.client.api.model.CartLine;
import com.couponplatform.client.api.model.ClaimRequest;
import com.couponplatform.client.api.model.CouponResponse;
import com.couponplatform.client.api.model.LockRequest;
import com.couponplatform.client.api.model.OrderRequest;
import com.couponplatform.client.api.model.QuoteRequest;
import com.couponplatform.client.api.model.QuoteResponse;
import com.couponplatform.client.api.model.RedemptionRequest;

/**
 * The README walkthrough (deploy/walkthrough.sh) through the clients generated from
 * docs/api/: an operator creates and publishes a template, user 12345 claims it and
 * retries, lists it, the checkout service quotes, locks, consumes and refunds it,
 * marketing generates codes, the user redeems one and replays it, an unknown code is
 * refused. Every answer is checked; the first wrong one ends it with exit status 1.
 *
 * <p>
 * {@code java … ClientWalkthrough API_URL ADMIN_URL} with {@code ADMIN_PASSWORD},
 * {@code TOKEN} (user 12345) and {@code SERVICE_TOKEN} in the environment, as the smoke
 * test runs it.
 */
public final class ClientWalkthrough {

	private static final String USER = "12345";

	private final com.couponplatform.client.admin.invoker.ApiClient admin;

	private final ApiClient user;

	private final ApiClient checkout;

	private final String adminUrl;

	private final String adminAuthorization;

	private ClientWalkthrough(String apiUrl, String adminUrl, String adminPassword, String userToken,
			String serviceToken) {
		this.adminUrl = adminUrl;
		this.adminAuthorization = "Basic "
				+ Base64.getEncoder().encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8));
		this.admin = new com.couponplatform.client.admin.invoker.ApiClient();
		this.admin.updateBaseUri(adminUrl);
		this.admin.setRequestInterceptor((request) -> request.header("Authorization", this.adminAuthorization));
		this.user = api(apiUrl, userToken);
		this.checkout = api(apiUrl, serviceToken);
	}

	public static void main(String[] args) throws Exception {
		new ClientWalkthrough(args[0], args[1], env("ADMIN_PASSWORD"), env("TOKEN"), env("SERVICE_TOKEN")).run();
		System.out.println("Client walkthrough passed");
	}

	private void run() throws Exception {
		TemplateControllerApi templates = new TemplateControllerApi(this.admin);
		String claimStart = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
		String templateId = templates
			.templateCreate(new NewTemplate().name("Spend 100 save 10 (client)")
				.type(NewTemplate.TypeEnum.THRESHOLD)
				.discountAmount(1000L)
				.thresholdAmount(10000L)
				.totalStock(100L)
				.perUserLimit(1)
				.claimStart(claimStart)
				.claimEnd("2030-12-31")
				.validity(new ValidityInput().type("RELATIVE").days(30)))
			.getId();
		check("ACTIVE".equals(templates.templatePublish(templateId).getStatus()), "the template is published");

		ClaimControllerApi claims = new ClaimControllerApi(this.user);
		ClaimRequest claim = new ClaimRequest().templateId(templateId).requestId("client-" + UUID.randomUUID());
		ApiResponse<CouponResponse> claimed = claims.claimClaimWithHttpInfo(claim);
		check(claimed.getStatusCode() == 201, "the claim answers 201");
		String couponId = claimed.getData().getCouponId();
		ApiResponse<CouponResponse> retried = claims.claimClaimWithHttpInfo(claim);
		check(retried.getStatusCode() == 200 && couponId.equals(retried.getData().getCouponId()),
				"the retry answers 200 with the same coupon");
		check(new CouponControllerApi(this.user).couponList("UNUSED", null, null, null)
			.getItems()
			.stream()
			.anyMatch((coupon) -> couponId.equals(coupon.getCouponId())), "the wallet lists the coupon");

		QuoteResponse quote = new QuoteControllerApi(this.checkout).quoteQuote(new QuoteRequest().userId(USER)
			.items(List.of(new CartLine().skuId("sku-1").categoryId("shoes").unitPrice(6000L).quantity(2))));
		check(quote.getUsable()
			.stream()
			.anyMatch((usable) -> couponId.equals(usable.getCouponId()) && usable.getDiscount() == 1000L),
				"the quote offers the coupon for 10.00");
		OrderCouponControllerApi orders = new OrderCouponControllerApi(this.checkout);
		String orderId = "client-order-" + UUID.randomUUID().toString().substring(0, 8);
		check(orders.orderCouponLock(orderId, new LockRequest().couponId(couponId).orderAmount(12000L).userId(USER))
			.getStatus() == CouponResponse.StatusEnum.LOCKED, "the coupon is locked");
		check(orders.orderCouponConsume(orderId, new OrderRequest().userId(USER))
			.getStatus() == CouponResponse.StatusEnum.USED, "the coupon is used");
		check(orders.orderCouponRefund(orderId, new OrderRequest().userId(USER))
			.getStatus() == CouponResponse.StatusEnum.UNUSED, "the refund gives it back");

		String codeTemplateId = templates
			.templateCreate(new NewTemplate().name("Code 5 off (client)")
				.type(NewTemplate.TypeEnum.FIXED_AMOUNT)
				.discountAmount(500L)
				.totalStock(10L)
				.perUserLimit(1)
				.claimStart(claimStart)
				.claimEnd("2030-12-31")
				.validity(new ValidityInput().type("RELATIVE").days(30)))
			.getId();
		templates.templatePublish(codeTemplateId);
		CodeBatchControllerApi batches = new CodeBatchControllerApi(this.admin);
		BatchResponse batch = batches
			.codeBatchGenerate(new BatchRequest().templateId(codeTemplateId).quantity(5L).prefix("CLNT"));
		for (int i = 0; i < 60 && batch.getStatus() != BatchResponse.StatusEnum.ACTIVE; i++) {
			Thread.sleep(1000);
			batch = batches.codeBatchGet(batch.getId());
		}
		check(batch.getGenerated() == 5L, "the batch holds 5 codes");
		String code = codesCsv(batch.getId()).lines().skip(1).findFirst().orElseThrow().split(",")[0];
		RedemptionControllerApi redemptions = new RedemptionControllerApi(this.user);
		RedemptionRequest typed = new RedemptionRequest().code(code.toLowerCase(Locale.ROOT))
			.requestId("client-redeem-" + UUID.randomUUID());
		ApiResponse<CouponResponse> redeemed = redemptions.redemptionRedeemWithHttpInfo(typed);
		check(redeemed.getStatusCode() == 201, "the code redeems with 201");
		ApiResponse<CouponResponse> replayed = redemptions.redemptionRedeemWithHttpInfo(typed.code(code));
		check(replayed.getStatusCode() == 200
				&& redeemed.getData().getCouponId().equals(replayed.getData().getCouponId()),
				"the replay answers 200 with the same coupon");
		try {
			redemptions.redemptionRedeem(
					new RedemptionRequest().code("NOT-A-REAL-CODE").requestId("client-x-" + UUID.randomUUID()));
			check(false, "an unknown code is refused");
		}
		catch (ApiException refused) {
			check(refused.getCode() == 422 && refused.getResponseBody().contains("\"CODE_NOT_REDEEMABLE\""),
					"an unknown code is 422 CODE_NOT_REDEEMABLE");
		}
	}

	/** The export is CSV, not a JSON document a generated method could read. */
	private String codesCsv(String batchId) throws Exception {
		HttpResponse<String> export = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create(this.adminUrl + "/admin/api/v1/code-batches/" + batchId + "/codes.csv"))
				.header("Authorization", this.adminAuthorization)
				.build(), HttpResponse.BodyHandlers.ofString());
		check(export.statusCode() == 200, "the codes export");
		return export.body();
	}

	private static ApiClient api(String url, String token) {
		ApiClient client = new ApiClient();
		client.updateBaseUri(url);
		client.setRequestInterceptor((request) -> request.header("Authorization", "Bearer " + token));
		return client;
	}

	private static void check(boolean holds, String what) {
		System.out.println((holds ? "ok   " : "FAIL ") + what);
		if (!holds) {
			System.exit(1);
		}
	}

	private static String env(String name) {
		String value = System.getenv(name);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException(name + " is not set");
		}
		return value;
	}

}
