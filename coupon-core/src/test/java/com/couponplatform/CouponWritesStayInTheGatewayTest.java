package com.couponplatform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The half of the gateway rule ArchUnit cannot see: SQL written in code (JdbcClient,
 * JDBC) rather than in mapper annotations. No service source outside the gateway's
 * package may write {@code user_coupon} or move the guarded counter, through the logical
 * table or a physical one.
 */
class CouponWritesStayInTheGatewayTest {

	private static final List<String> SERVICE_MODULES = List.of("coupon-core", "coupon-api", "coupon-admin",
			"coupon-migration");

	@Test
	void noServiceSourceOutsideTheGatewayWritesCouponsOrStock() throws IOException {
		List<Path> sources = serviceSources();
		assertThat(sources).as("service sources found").hasSizeGreaterThan(100);
		List<String> offenders = new ArrayList<>();
		for (Path source : sources) {
			if (source.toString().contains("/com/couponplatform/gateway/")) {
				continue;
			}
			String text = Files.readString(source);
			if (CoreArchitectureTest.WRITES_COUPONS.matcher(text).find()) {
				offenders.add(source + ": writes user_coupon");
			}
			if (CoreArchitectureTest.MOVES_STOCK.matcher(text).find()) {
				offenders.add(source + ": moves coupon_template.issued");
			}
			if (text.contains("physicalTable(\"user_coupon\")")
					&& (text.contains("UPDATE ") || text.contains("INSERT ") || text.contains("DELETE "))) {
				offenders.add(source + ": writes a physical user_coupon table");
			}
		}
		assertThat(offenders).isEmpty();
	}

	private static List<Path> serviceSources() throws IOException {
		Path root = Path.of("").toAbsolutePath().getParent();
		List<Path> sources = new ArrayList<>();
		for (String module : SERVICE_MODULES) {
			Path main = root.resolve(module).resolve("src/main/java");
			if (Files.isDirectory(main)) {
				try (Stream<Path> files = Files.walk(main)) {
					files.filter((file) -> file.toString().endsWith(".java")).forEach(sources::add);
				}
			}
		}
		return sources;
	}

}
