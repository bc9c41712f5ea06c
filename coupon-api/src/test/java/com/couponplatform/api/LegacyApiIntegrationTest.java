package com.couponplatform.api;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.couponplatform.testsupport.LegacyMall;
import com.couponplatform.testsupport.RealServices;
import com.couponplatform.testsupport.TestHttp;
import com.couponplatform.testsupport.TestHttp.Answer;
import com.couponplatform.testsupport.TestServices;

/**
 * Base of the tests of coupon-api in front of a legacy database (phase LEGACY): the real
 * application over a generated legacy mall database and platform databases of their own
 * prefix (a migration's platform begins empty, and its migration row would stop the other
 * tests' contexts from starting on theirs).
 */
@RealServices
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class LegacyApiIntegrationTest {

	static final String PREFIX = TestServices.prefixDroppedAtExit();

	static final LegacyMall MALL = LegacyMall.create(PREFIX);

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void legacy(DynamicPropertyRegistry registry) {
		ApiIntegrationTest.register(registry, PREFIX);
		registry.add("coupon.legacy.db.name", MALL::name);
	}

	Answer post(String path, String token, String body) {
		return new TestHttp(this.port).call("POST", path, "Bearer " + token, body);
	}

	Answer get(String path, String token) {
		return new TestHttp(this.port).call("GET", path, "Bearer " + token, null);
	}

	static String claimBody(long templateId, String requestId) {
		return "{\"templateId\":\"" + templateId + "\",\"requestId\":\"" + requestId + "\"}";
	}

}
