package com.couponplatform.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.couponplatform.sharding.ShardDataSources;
import com.couponplatform.sharding.ShardLocation;
import com.couponplatform.sharding.ShardRouter;
import com.couponplatform.sharding.ShardingProperties;
import com.couponplatform.template.CouponTemplate;
import com.couponplatform.template.CreateTemplate;
import com.couponplatform.template.NewTemplate;
import com.couponplatform.template.ChangeTemplateStatus;
import com.couponplatform.template.TemplateType;
import com.couponplatform.testsupport.RealServices;
import com.couponplatform.testsupport.TestHttp;
import com.couponplatform.testsupport.TestHttp.Answer;
import com.couponplatform.testsupport.TestServices;
import com.couponplatform.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the RocketMQ name server unreachable the service still starts and claims still
 * succeed: health says DEGRADED (HTTP 200) and the claims' events wait in the user's
 * outbox. Databases of its own, so that no other test context's relay publishes those
 * events.
 */
@RealServices
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class BrokerOutageIT {

	private static final String PREFIX = TestServices.prefixDroppedAtExit();

	@LocalServerPort
	int port;

	@Autowired
	CreateTemplate createTemplate;

	@Autowired
	ChangeTemplateStatus changeStatus;

	@Autowired
	ShardDataSources shards;

	@Autowired
	ShardingProperties sharding;

	@DynamicPropertySource
	static void servicesWithoutBroker(DynamicPropertyRegistry registry) {
		TestServices.springProperties(PREFIX).forEach((key, value) -> registry.add(key, () -> value));
		registry.add("coupon.jwt.secret", () -> TestTokens.SECRET);
		// Port 1 on loopback: nothing listens, connections are refused at once.
		registry.add("coupon.rocketmq.namesrv", () -> "127.0.0.1:1");
	}

	@Test
	void servesClaimsAndKeepsTheirEventsInTheOutbox() throws Exception {
		Instant now = Instant.now();
		CouponTemplate template = this.changeStatus
			.publish(this.createTemplate
				.create(new NewTemplate("Outage", TemplateType.FIXED_AMOUNT, 100L, null, null, null, 5L, 1,
						now.minusSeconds(60).toString(), now.plusSeconds(3600).toString(),
						new NewTemplate.ValidityInput("RELATIVE", null, null, 7), null, null, null, true), "it")
				.id(), "it");
		long userId = 606060;
		TestHttp http = new TestHttp(this.port);
		Answer claimed = http.call("POST", "/api/v1/claims", "Bearer " + TestTokens.user(userId),
				"{\"templateId\":\"" + template.id() + "\",\"requestId\":\"outage\"}");
		assertThat(claimed.status()).isEqualTo(201);

		Answer health = http.call("GET", "/actuator/health", null, null);
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.body().path("status").asText()).isEqualTo("DEGRADED");
		assertThat(health.body().path("components").path("broker").path("status").asText()).isEqualTo("DEGRADED");

		ShardLocation location = new ShardRouter(this.sharding.layout()).locateUser(userId);
		try (Connection connection = this.shards.shard(location.database()).getConnection();
				PreparedStatement query = connection
					.prepareStatement("SELECT COUNT(*) FROM outbox_event WHERE user_id = ? AND message_key = ?")) {
			query.setLong(1, userId);
			query.setString(2, claimed.body().path("couponId").asText());
			try (ResultSet result = query.executeQuery()) {
				result.next();
				assertThat(result.getInt(1)).isEqualTo(1);
			}
		}
	}

}
