package com.couponplatform.admin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.couponplatform.redemption.CodeAlphabet;
import com.couponplatform.redemption.CodeShape;
import com.couponplatform.redemption.CodeBatchProperties;
import com.couponplatform.redemption.CodeStore;
import com.couponplatform.redemption.EndCodeBatches;
import com.couponplatform.redemption.RedeemCode;
import com.couponplatform.sharding.ShardDataSources;
import com.couponplatform.sharding.ShardingProperties;
import com.couponplatform.template.ChangeTemplateStatus;
import com.couponplatform.template.CouponTemplate;
import com.couponplatform.template.CreateTemplate;
import com.couponplatform.template.NewTemplate;
import com.couponplatform.template.TemplateCatalog;
import com.couponplatform.template.TemplateType;
import com.couponplatform.testsupport.CouponTables;
import com.couponplatform.testsupport.TestHttp;
import com.couponplatform.testsupport.TestHttp.Answer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Code batches end to end: generation of a million codes by the real generator into the
 * shard tables, the CSV export, imports, and every refusal leaving nothing behind.
 */
class CodeBatchIT extends AdminIntegrationTest {

	@Autowired
	CreateTemplate createTemplate;

	@Autowired
	ChangeTemplateStatus changeStatus;

	@Autowired
	TemplateCatalog catalog;

	@Autowired
	ShardingProperties sharding;

	@Autowired
	CodeStore codes;

	@Autowired
	RedeemCode redeemCode;

	@Autowired
	EndCodeBatches endBatches;

	@Autowired
	CodeBatchProperties codeBatches;

	@Test
	void generatesAMillionUniqueCodesWithGoodCheckCharactersEachInTheTableItsCodeNames() throws Exception {
		int quantity = 1_000_000;
		CouponTemplate template = activeTemplate(quantity);
		Answer created = call("POST", "/admin/api/v1/code-batches", OPERATOR, "{\"templateId\":\"" + template.id()
				+ "\",\"quantity\":" + quantity
				+ ",\"length\":12,\"prefix\":\"mx-\",\"checkCharacter\":true,\"usesPerCode\":1,\"validUntil\":\""
				+ Instant.now().plus(Duration.ofDays(30)) + "\"}");
		assertThat(created.status()).as(created.body().toString()).isEqualTo(202);
		assertThat(created.location()).isEqualTo("/admin/api/v1/code-batches/" + created.body().path("id").asText());
		assertThat(created.body().path("status").asText()).isEqualTo("GENERATING");
		assertThat(created.body().path("prefix").asText()).isEqualTo("MX");
		assertThat(this.catalog.getFresh(template.id()).issued()).as("reserved up front").isEqualTo(quantity);

		Answer batch = awaitActive(created.location(), Duration.ofMinutes(10));
		assertThat(batch.body().path("quantity").asLong()).isEqualTo(quantity);
		assertThat(batch.body().path("generated").asLong()).isEqualTo(quantity);
		assertThat(batch.body().path("redeemed").asLong()).isZero();
		assertThat(batch.body().path("remaining").asLong()).isEqualTo(quantity);
		long batchId = batch.body().path("id").asLong();

		// In storage: exactly the quantity, every code in the physical table the
		// routing function (CRC32, as MySQL computes it) names for it.
		assertThat(codeRows(batchId)).isEqualTo(quantity);
		int databases = this.sharding.getDatabases();
		int tables = this.sharding.getTables();
		assertThat(misplacedCodes(batchId, databases, tables)).isZero();

		Map.Entry<Integer, String> export = new TestHttp(this.port).text(created.location() + "/codes.csv", VIEWER);
		assertThat(export.getKey()).isEqualTo(200);
		String[] lines = export.getValue().split("\n");
		assertThat(lines[0]).isEqualTo("code,usesLeft");
		assertThat(lines).hasSize(quantity + 1);
		CodeShape shape = new CodeShape("MX", 12, true);
		Set<String> codes = new HashSet<>(quantity * 2);
		for (int i = 1; i < lines.length; i++) {
			String[] fields = lines[i].split(",");
			assertThat(fields[1]).isEqualTo("1");
			String code = fields[0];
			if (!shape.matches(code) || !CodeAlphabet.isBase32(code) || !CodeAlphabet.hasValidCheckCharacter(code)) {
				throw new AssertionError("Not a valid code of the batch: " + code);
			}
			codes.add(code);
		}
		assertThat(codes).as("all distinct").hasSize(quantity);
	}

	@Test
	void importsACsvCountingRepeatsStoredCodesAndBadLines() throws Exception {
		CouponTemplate template = activeTemplate(100);
		String suffix = Long.toString(System.nanoTime(), 32).toUpperCase().replaceAll("[ILOU]", "X");
		String csv = "code\nabc-" + suffix + "\nABC" + suffix + "\nbad#" + suffix + "\n\nXYZ" + suffix + "\nQRS"
				+ suffix + "\n";
		Answer created = new TestHttp(this.port).upload("/admin/api/v1/code-batches", OPERATOR,
				Map.of("templateId", Long.toString(template.id()), "usesPerCode", "3", "validUntil",
						Instant.now().plus(Duration.ofDays(1)).toString()),
				csv);
		assertThat(created.status()).as(created.body().toString()).isEqualTo(202);
		assertThat(created.body().path("status").asText()).isEqualTo("ACTIVE");
		assertThat(created.body().path("source").asText()).isEqualTo("IMPORTED");
		assertThat(created.body().path("generated").asLong()).isEqualTo(3);
		assertThat(created.body().path("duplicates").asLong()).isEqualTo(1);
		assertThat(created.body().path("rejected").asLong()).isEqualTo(1);
		assertThat(created.body().path("remaining").asLong()).isEqualTo(9);
		assertThat(this.catalog.getFresh(template.id()).issued()).isEqualTo(9);

		// A second file holding one code the first stored: only the new one is taken.
		Answer second = new TestHttp(this.port)
			.upload("/admin/api/v1/code-batches", OPERATOR,
					Map.of("templateId", Long.toString(template.id()), "validUntil",
							Instant.now().plus(Duration.ofDays(1)).toString()),
					"XYZ" + suffix + "\nNEW" + suffix + "\n");
		assertThat(second.status()).isEqualTo(202);
		assertThat(second.body().path("generated").asLong()).isEqualTo(1);
		assertThat(second.body().path("duplicates").asLong()).isEqualTo(1);

		Map.Entry<Integer, String> export = new TestHttp(this.port).text(created.location() + "/codes.csv", VIEWER);
		assertThat(export).isEqualTo(Map.entry(200, sortedExport(created.body().path("id").asLong())));
		assertThat(export.getValue().split("\n")).hasSize(4).contains("ABC" + suffix + ",3");
	}

	@Test
	void aBatchWithoutValidUntilRunsUntilTheTemplatesClaimsEnd() throws Exception {
		CouponTemplate template = activeTemplate(10);
		Instant claimEnd = this.catalog.getFresh(template.id()).claimEnd();
		Answer generated = call("POST", "/admin/api/v1/code-batches", OPERATOR,
				// A prefix of its own: a checked shape with none would make other tests'
				// imported codes of that length look mistyped.
				"{\"templateId\":\"" + template.id() + "\",\"quantity\":2,\"prefix\":\"DV\"}");
		assertThat(generated.status()).as(generated.body().toString()).isEqualTo(202);
		assertThat(Instant.parse(generated.body().path("validUntil").asText())).isEqualTo(claimEnd);
		String suffix = Long.toString(System.nanoTime(), 32).toUpperCase().replaceAll("[ILOU]", "X");
		Answer imported = new TestHttp(this.port).upload("/admin/api/v1/code-batches", OPERATOR,
				Map.of("templateId", Long.toString(template.id())), "DFL" + suffix + "\n");
		assertThat(imported.status()).as(imported.body().toString()).isEqualTo(202);
		assertThat(Instant.parse(imported.body().path("validUntil").asText())).isEqualTo(claimEnd);
		assertThat(Instant.parse(call("GET", generated.location(), VIEWER, null).body().path("validUntil").asText()))
			.isEqualTo(claimEnd);
	}

	@Test
	void refusesBadBatchesAndLeavesNothingBehind() throws Exception {
		CouponTemplate template = activeTemplate(5);
		String until = Instant.now().plus(Duration.ofDays(1)).toString();
		String path = "/admin/api/v1/code-batches";
		String base = "{\"templateId\":\"" + template.id() + "\",\"validUntil\":\"" + until + "\"";

		Answer tooSmall = call("POST", path, OPERATOR, base + ",\"quantity\":10000000,\"length\":10}");
		assertThat(tooSmall.status()).isEqualTo(400);
		assertThat(tooSmall.body().path("errors").get(0).path("field").asText()).isEqualTo("length");
		assertThat(tooSmall.body().path("errors").get(0).path("message").asText()).contains("at least 11");
		assertThat(call("POST", path, OPERATOR, base + ",\"quantity\":0}").status()).isEqualTo(400);
		assertThat(call("POST", path, OPERATOR, base + ",\"quantity\":10000001}").status()).isEqualTo(400);
		Answer prefix = call("POST", path, OPERATOR, base + ",\"quantity\":1,\"prefix\":\"SUMMER\"}");
		assertThat(prefix.status()).isEqualTo(400);
		assertThat(prefix.body().path("errors").get(0).path("field").asText()).isEqualTo("prefix");
		Answer past = call("POST", path, OPERATOR, "{\"templateId\":\"" + template.id()
				+ "\",\"quantity\":1,\"validUntil\":\"" + Instant.now().minusSeconds(60) + "\"}");
		assertThat(past.status()).isEqualTo(400);
		assertThat(past.body().path("errors").get(0).path("field").asText()).isEqualTo("validUntil");
		assertThat(call("POST", path, OPERATOR, base + ",\"quantity\":1,\"usesPerCode\":0}").status()).isEqualTo(400);
		assertThat(call("POST", path, OPERATOR, base + ",\"quantity\":\"many\"}").status()).isEqualTo(400);

		// A shape that codes of a batch with the other check setting could have.
		assertThat(call("POST", path, OPERATOR, base + ",\"quantity\":1,\"prefix\":\"0VR\",\"length\":9}").status())
			.isEqualTo(202);
		Answer overlap = call("POST", path, OPERATOR,
				base + ",\"quantity\":1,\"prefix\":\"0V\",\"length\":11,\"checkCharacter\":false}");
		assertThat(overlap.status()).isEqualTo(400);
		assertThat(overlap.body().path("errors").get(0).path("field").asText()).isEqualTo("prefix");
		// An import's code of that shape whose check character is wrong could never be
		// redeemed: refused; one whose check character is right is taken.
		String body = "0VR" + "ABCDEFGHJ";
		String good = body + CodeAlphabet.checkCharacter(body);
		String bad = body + ((good.charAt(good.length() - 1) == '0') ? '1' : '0');
		Answer checked = new TestHttp(this.port).upload(path, OPERATOR,
				Map.of("templateId", Long.toString(template.id()), "validUntil", until), good + "\n" + bad + "\n");
		assertThat(checked.status()).isEqualTo(202);
		assertThat(checked.body().path("generated").asLong()).isEqualTo(1);
		assertThat(checked.body().path("rejected").asLong()).isEqualTo(1);
		assertThat(this.catalog.getFresh(template.id()).issued()).isEqualTo(2);

		Answer soldOut = call("POST", path, OPERATOR, base + ",\"quantity\":3,\"usesPerCode\":2}");
		assertThat(soldOut.status()).isEqualTo(409);
		assertThat(soldOut.code()).isEqualTo("SOLD_OUT");
		Answer importedTooMany = new TestHttp(this.port).upload(path, OPERATOR,
				Map.of("templateId", Long.toString(template.id()), "validUntil", until),
				"SOLD1A\nSOLD1B\nSOLD1C\nSOLD1D\nSOLD1E\nSOLD1F\n");
		assertThat(importedTooMany.status()).isEqualTo(409);
		// Imports with nothing to import, a malformed field, or no credentials.
		Answer nothingToImport = new TestHttp(this.port).upload(path, OPERATOR,
				Map.of("templateId", Long.toString(template.id()), "validUntil", until), "code\nbad#1\n\n###\n");
		assertThat(nothingToImport.status()).isEqualTo(400);
		assertThat(nothingToImport.contentType()).startsWith("application/problem+json");
		assertThat(nothingToImport.body().path("errors").get(0).path("field").asText()).isEqualTo("file");
		Answer badUses = new TestHttp(this.port).upload(path, OPERATOR,
				Map.of("templateId", Long.toString(template.id()), "usesPerCode", "many", "validUntil", until),
				"GOOD1A\n");
		assertThat(badUses.status()).isEqualTo(400);
		assertThat(badUses.body().path("errors").get(0).path("field").asText()).isEqualTo("usesPerCode");
		Answer badUntil = new TestHttp(this.port).upload(path, OPERATOR,
				Map.of("templateId", Long.toString(template.id()), "validUntil", "tomorrow"), "GOOD1B\n");
		assertThat(badUntil.status()).isEqualTo(400);
		assertThat(badUntil.body().path("errors").get(0).path("field").asText()).isEqualTo("validUntil");
		Answer anonymousImport = new TestHttp(this.port).upload(path, null,
				Map.of("templateId", Long.toString(template.id()), "validUntil", until), "GOOD1C\n");
		assertThat(anonymousImport.status()).isEqualTo(401);
		assertThat(this.catalog.getFresh(template.id()).issued()).isEqualTo(2);
		assertThat(globalCount("SELECT COUNT(*) FROM code_batch WHERE template_id = " + template.id())).isEqualTo(2);
		assertThat(codeTables().sumOf("redemption_code", "SELECT COUNT(*) FROM %s WHERE code LIKE ?", "G00D1%"))
			.as("no code of a refused import is stored")
			.isZero();

		CouponTemplate draft = this.createTemplate.create(request(10), "it");
		Answer notActive = call("POST", path, OPERATOR,
				"{\"templateId\":\"" + draft.id() + "\",\"quantity\":1,\"validUntil\":\"" + until + "\"}");
		assertThat(notActive.status()).isEqualTo(409);
		assertThat(notActive.code()).isEqualTo("TEMPLATE_NOT_ACTIVE");

		assertThat(call("POST", path, null, base + ",\"quantity\":1}").status()).isEqualTo(401);
		Answer viewer = call("POST", path, VIEWER, base + ",\"quantity\":1}");
		assertThat(viewer.status()).isEqualTo(403);
		assertThat(viewer.code()).isEqualTo("FORBIDDEN");
		assertThat(call("GET", path + "/1", null, null).status()).isEqualTo(401);
		Answer missing = call("GET", path + "/1", VIEWER, null);
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.code()).isEqualTo("NOT_FOUND");
		assertThat(call("GET", path + "/nope", VIEWER, null).status()).isEqualTo(400);
		assertThat(new TestHttp(this.port).text(path + "/1/codes.csv", null).getKey()).isEqualTo(401);
		assertThat(this.catalog.getFresh(template.id()).issued()).isEqualTo(2);
	}

	@Test
	void aBatchThatEndedGivesTheUnitsOfItsUntakenUsesBackToTheTemplate() throws Exception {
		CouponTemplate template = activeTemplate(10);
		String suffix = Long.toString(System.nanoTime(), 32).toUpperCase().replaceAll("[ILOU]", "X");
		Instant until = Instant.now().plusSeconds(3);
		Answer created = new TestHttp(this.port).upload("/admin/api/v1/code-batches", OPERATOR,
				Map.of("templateId", Long.toString(template.id()), "usesPerCode", "2", "validUntil", until.toString()),
				"END1" + suffix + "\nEND2" + suffix + "\nEND3" + suffix + "\n");
		assertThat(created.status()).as(created.body().toString()).isEqualTo(202);
		assertThat(this.catalog.getFresh(template.id()).issued()).as("3 codes x 2 uses reserved").isEqualTo(6);
		// One use taken by a real redemption; the coupon is written.
		assertThat(this.redeemCode.redeem(9_100_001L, "END1" + suffix, "end-1").replayed()).isFalse();
		assertThat(this.endBatches.endPastDue()).as("not past due yet").isZero();

		while (!Instant.now().isAfter(until.plus(this.codeBatches.getEndGrace()))) {
			Thread.sleep(200);
		}
		// The scheduled job may have ended it first; either way exactly once.
		this.endBatches.endPastDue();
		assertThat(this.endBatches.endPastDue()).isZero();
		Answer ended = call("GET", created.location(), VIEWER, null);
		assertThat(ended.body().path("status").asText()).isEqualTo("ENDED");
		assertThat(ended.body().path("returned").asLong()).isEqualTo(5);
		assertThat(this.catalog.getFresh(template.id()).issued()).as("the guarded counter = the one coupon")
			.isEqualTo(1);
		assertThat(new CouponTables(this.shards, this.sharding.getTables())
			.sum("SELECT COUNT(*) FROM %s WHERE template_id = ?", template.id())).isEqualTo(1);
		assertThat(new TestHttp(this.port).text(created.location() + "/codes.csv", VIEWER).getKey()).isEqualTo(200);
	}

	@Test
	void discardsAnImportWhoseProcessDiedMidFile() throws Exception {
		long batchId = System.nanoTime();
		// What a killed import leaves: its row IMPORTING, untouched for 11 minutes, and
		// the codes it had stored.
		try (Connection connection = this.shards.all().get(ShardDataSources.GLOBAL).getConnection();
				PreparedStatement insert = connection.prepareStatement("INSERT INTO code_batch (id, template_id, "
						+ "source, status, quantity, uses_per_code, valid_from, valid_until, created_by, created_at, "
						+ "updated_at) VALUES (?, 1, 'IMPORTED', 'IMPORTING', 0, 1, NOW(3), NOW(3) + INTERVAL 1 DAY, "
						+ "'it', NOW(3) - INTERVAL 11 MINUTE, NOW(3) - INTERVAL 11 MINUTE)")) {
			insert.setLong(1, batchId);
			insert.executeUpdate();
		}
		String suffix = Long.toString(batchId, 32).toUpperCase();
		assertThat(this.codes.insert(batchId, 1, List.of("DEAD1" + suffix, "DEAD2" + suffix, "DEAD3" + suffix),
				Instant.now()))
			.isEqualTo(3);

		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while ((codeRows(batchId) > 0 || globalCount("SELECT COUNT(*) FROM code_batch WHERE id = " + batchId) > 0)
				&& System.nanoTime() < deadline) {
			Thread.sleep(250);
		}
		assertThat(codeRows(batchId)).isZero();
		assertThat(globalCount("SELECT COUNT(*) FROM code_batch WHERE id = " + batchId)).isZero();
	}

	private CouponTemplate activeTemplate(long stock) {
		return this.changeStatus.publish(this.createTemplate.create(request(stock), "it").id(), "it");
	}

	private static NewTemplate request(long stock) {
		Instant now = Instant.now();
		return new NewTemplate("code batch IT", TemplateType.FIXED_AMOUNT, 500L, null, null, null, stock, 1,
				now.minusSeconds(60).toString(), now.plusSeconds(3600).toString(),
				new NewTemplate.ValidityInput("RELATIVE", null, null, 30), null, null, null, true);
	}

	private Answer awaitActive(String location, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		Answer batch = call("GET", location, VIEWER, null);
		while (!"ACTIVE".equals(batch.body().path("status").asText()) && System.nanoTime() < deadline) {
			Thread.sleep(500);
			batch = call("GET", location, VIEWER, null);
		}
		assertThat(batch.body().path("status").asText()).as(batch.body().toString()).isEqualTo("ACTIVE");
		return batch;
	}

	/** A batch's codes, counted in every physical code table. */
	private long codeRows(long batchId) {
		return codeTables().sumOf("redemption_code", "SELECT COUNT(*) FROM %s WHERE batch_id = ?", batchId);
	}

	/**
	 * A batch's codes stored in another physical table than the one the routing function
	 * (CRC32, as MySQL computes it) names for them.
	 */
	private long misplacedCodes(long batchId, int databases, int tables) {
		long[] misplaced = { 0 };
		codeTables().forEachOf("redemption_code",
				// MOD, not %: the query is a format string.
				"SELECT MOD(CRC32(code) DIV " + tables + ", " + databases + "), MOD(CRC32(code), " + tables
						+ "), COUNT(*) FROM %s WHERE batch_id = ? GROUP BY 1, 2",
				batchId, (database, table, row) -> {
					if (row.getInt(1) != database || row.getInt(2) != table) {
						misplaced[0] += row.getLong(3);
					}
				});
		return misplaced[0];
	}

	/** What the export must be: the header, then each table's codes in code order. */
	private String sortedExport(long batchId) {
		StringBuilder csv = new StringBuilder("code,usesLeft\n");
		codeTables().forEachOf("redemption_code", "SELECT code, uses_left FROM %s WHERE batch_id = ? ORDER BY code",
				batchId,
				(database, table, row) -> csv.append(row.getString(1)).append(',').append(row.getInt(2)).append('\n'));
		return csv.toString();
	}

	private CouponTables codeTables() {
		return new CouponTables(this.shards, this.sharding.getTables());
	}

}
