package com.couponplatform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The half of the gateway rule ArchUnit cannot see: SQL written in code (JdbcClient,
 * JDBC) rather than in mapper annotations. No service source outside the gateway's
 * package may write {@code user_coupon} or move the guarded counter, through the logical
 * table or a physical one — nor, for users on OLD, the legacy {@code t_user_coupon} or
 * {@code taken_count}. (The legacy generator, which builds test databases, writes its
 * rows through a table-name variable these patterns do not match.)
 */
class CouponWritesStayInTheGatewayTest {

	private static final List<String> SERVICE_MODULES = List.of("coupon-core", "coupon-api", "coupon-admin",
			"coupon-migration");

	/** A statement that writes the legacy coupon rows. */
	private static final Pattern WRITES_OLD_COUPONS = Pattern
		.compile("(INSERT(\\s+IGNORE)?\\s+INTO|UPDATE|DELETE\\s+FROM|REPLACE\\s+INTO)\\s+t_user_coupon\\b");

	/** A statement that moves the legacy stock counter. */
	private static final Pattern MOVES_OLD_STOCK = Pattern.compile("UPDATE\\s+t_coupon_template\\s+SET\\s+taken_count");

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
			if (WRITES_OLD_COUPONS.matcher(text).find()) {
				offenders.add(source + ": writes the legacy t_user_coupon");
			}
			if (MOVES_OLD_STOCK.matcher(text).find()) {
				offenders.add(source + ": moves the legacy taken_count");
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
