package com.couponplatform.phasemachine;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.couponplatform.gateway.OldDatabase;
import com.couponplatform.identifier.IdGenerator;
import com.couponplatform.legacy.CodeCollisions;
import com.couponplatform.legacy.CodeMapping;
import com.couponplatform.legacy.DataIssue;
import com.couponplatform.legacy.LegacyCode;
import com.couponplatform.legacy.LegacyCodeBatch;
import com.couponplatform.legacy.LegacyRowMappers;
import com.couponplatform.legacy.LegacyScopeRef;
import com.couponplatform.legacy.LegacyTemplate;
import com.couponplatform.legacy.LegacyTime;
import com.couponplatform.legacy.Mapping;
import com.couponplatform.legacy.MigratedCode;
import com.couponplatform.legacy.MigratedTemplate;
import com.couponplatform.legacy.TemplateMapping;
import com.couponplatform.migration.MigrationFaults;
import com.couponplatform.redemption.CodeStore;
import com.couponplatform.redemption.LegacyCodeCopies;
import com.couponplatform.template.CouponTemplate;
import com.couponplatform.template.LegacyTemplateCopies;
import com.couponplatform.template.SuperBlacklist;
import com.couponplatform.template.Validity;

/**
 * The static copy (STATIC_COPIED): OLD's templates, scopes, goods blacklist and codes
 * written into NEW with their legacy IDs (codes as decision 6 says), then compared table
 * by table — counts, and each row's canonical hash against NEW's copy mapped back
 * (decision 9). A template the mapping cannot read without inventing a value is held back
 * with its codes and reported, as are templates whose {@code taken_count} drifts from
 * their rows (the copy's issued count is the rows'). Every write is insert-if-absent, so
 * a copy cut short runs again to the same end; the rollback removes exactly what it
 * wrote, by the side tables that record it.
 */
final class StaticCopy {

	/** Who the copies are recorded as written by. */
	static final String ACTOR = "legacy-migration";

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final int ROWS_PER_INSERT = 1000;

	/** Codes gathered before they are stored: each physical table gets full inserts. */
	private static final int CODES_PER_FLUSH = 50_000;

	private final OldDatabase old;

	private final JdbcClient global;

	private final LegacyTemplateCopies templates;

	private final LegacyCodeCopies codes;

	private final SuperBlacklist blacklist;

	private final IdGenerator ids;

	private final TemplateMapping templateMapping;

	private final CodeMapping codeMapping;

	private final Clock clock;

	private final MigrationFaults faults;

	StaticCopy(OldDatabase old, DataSource global, LegacyTemplateCopies templates, LegacyCodeCopies codes,
			SuperBlacklist blacklist, IdGenerator ids, LegacyTime time, Clock clock, MigrationFaults faults) {
		this.old = old;
		this.global = JdbcClient.create(global);
		this.templates = templates;
		this.codes = codes;
		this.blacklist = blacklist;
		this.ids = ids;
		this.templateMapping = new TemplateMapping(time);
		this.codeMapping = new CodeMapping(time);
		this.clock = clock;
		this.faults = faults;
	}

	/**
	 * Copies what is not copied yet, then compares.
	 * @return {@code static-copy-equal}, and what was held back or drifts
	 */
	List<Precondition> copy(WorkerLease lease) {
		long start = System.nanoTime();
		Legacy legacy = readOld();
		Instant now = this.clock.instant();
		Map<Long, MigratedTemplate> copied = new TreeMap<>();
		List<String> heldBack = new ArrayList<>();
		List<String> drift = new ArrayList<>();
		for (LegacyTemplate row : legacy.templates.values()) {
			Mapping<MigratedTemplate> mapping = this.templateMapping.toNew(row,
					legacy.scopes.getOrDefault(row.id(), List.of()), legacy.issued.getOrDefault(row.id(), 0L));
			mapping.issues()
				.stream()
				.filter((issue) -> issue.kind() == DataIssue.Kind.TAKEN_COUNT_DRIFT)
				.forEach((issue) -> drift.add(row.id() + " (" + issue.detail() + ")"));
			if (mapping instanceof Mapping.Mapped<MigratedTemplate> mapped) {
				copied.put(row.id(), mapped.value());
				writeTemplate(mapped.value());
			}
			else {
				heldBack.add(row.id() + " "
						+ mapping.issues()
							.stream()
							.filter((issue) -> issue.kind().blocking())
							.map((issue) -> issue.kind().name())
							.toList());
			}
		}
		lease.renew();
		this.faults.reached(MigrationFaults.STATIC_COPY_TEMPLATES_WRITTEN);
		for (String goods : legacy.blacklist) {
			if (!this.blacklist.contains(goods)) {
				this.blacklist.add(goods, "t_coupon_blacklist_goods of the legacy mall", ACTOR);
			}
		}
		CodeCopy codesCopied = writeCodes(legacy, copied, now, lease);
		long heldBackCodes = codesCopied.heldBack();
		// Each template with its side row, each blacklisted SKU, each batch with its
		// mapping,
		// each code with its side row (a void one has none of NEW's own).
		long rows = 2L * copied.size() + legacy.blacklist.size() + codesCopied.rows();
		double seconds = (System.nanoTime() - start) / 1e9;
		List<Precondition> checked = new ArrayList<>();
		Precondition equal = compare(legacy, copied);
		checked.add(Precondition.of(equal.name(), equal.holds(),
				String.format("copied %d rows in %.1f s (%.0f rows/s); ", rows, seconds, rows / Math.max(seconds, 1e-3))
						+ equal.detail()));
		checked.add(Precondition.of("static-copy-held-back", true,
				heldBack.isEmpty() ? "every template mapped" : heldBack.size() + " templates held back with their "
						+ heldBackCodes + " codes, as reported: " + RowDifferences.named(heldBack)));
		checked.add(Precondition.of("issued-from-rows", true,
				drift.isEmpty() ? "every template's taken_count equals its coupon rows"
						: drift.size() + " templates' taken_count drifts from their rows (issued is the rows'): "
								+ RowDifferences.named(drift)));
		return checked;
	}

	/** Removes every copy the side tables record, and the comparison. */
	void remove() {
		for (long templateId : this.global.sql("SELECT template_id FROM migration_template_legacy")
			.query(Long.class)
			.list()) {
			this.templates.delete(templateId);
			this.global.sql("DELETE FROM migration_template_legacy WHERE template_id = ?").param(templateId).update();
		}
		for (long batchId : this.global.sql("SELECT batch_id FROM migration_code_batch").query(Long.class).list()) {
			this.codes.delete(batchId);
			this.global.sql("DELETE FROM migration_code_legacy WHERE batch_id = ?").param(batchId).update();
			this.global.sql("DELETE FROM migration_code_batch WHERE batch_id = ?").param(batchId).update();
		}
		this.blacklist.entries()
			.stream()
			.filter((entry) -> ACTOR.equals(entry.createdBy()))
			.forEach((entry) -> this.blacklist.remove(entry.skuId()));
		this.global.sql("DELETE FROM migration_static_copy").update();
	}

	/**
	 * @return the last comparison per table, by the console's names (templates, scopes,
	 * blacklist, codes); empty before a copy
	 */
	static Map<String, CopiedTable> report(JdbcClient global) {
		Map<String, String> names = Map.of("t_coupon_template", "templates", "t_coupon_scope", "scopes",
				"t_coupon_blacklist_goods", "blacklist", "t_coupon_code", "codes");
		Map<String, CopiedTable> tables = new LinkedHashMap<>();
		global
			.sql("SELECT table_name, old_rows, new_rows, equal FROM migration_static_copy ORDER BY FIELD(table_name, "
					+ "'t_coupon_template', 't_coupon_scope', 't_coupon_blacklist_goods', 't_coupon_code')")
			.query((rs) -> {
				tables.put(names.get(rs.getString(1)), new CopiedTable(rs.getLong(2), rs.getLong(3), rs.getBoolean(4)));
			});
		return tables;
	}

	private void writeTemplate(MigratedTemplate migrated) {
		CouponTemplate template = migrated.template();
		this.templates.insertIfAbsent(template);
		this.global.sql(
				"INSERT IGNORE INTO migration_template_legacy (template_id, deleted, per_user_limit_unset, scope_type, "
						+ "ignored_scope_refs) VALUES (?, ?, ?, ?, ?)")
			.params(template.id(), migrated.deleted(), migrated.perUserLimitUnset(), migrated.scopeType(),
					json(migrated.ignoredScopeRefs()))
			.update();
	}

	/**
	 * @return how many codes were held back, and how many rows the copy stored
	 */
	private CodeCopy writeCodes(Legacy legacy, Map<Long, MigratedTemplate> copied, Instant now, WorkerLease lease) {
		long rows = 0;
		Set<String> voided = new HashSet<>();
		CodeCollisions.laterDuplicates(legacy.codes).forEach((issue) -> voided.add(issue.key()));
		Map<LegacyCodeBatch, List<LegacyCode>> byBatch = new LinkedHashMap<>();
		long heldBack = 0;
		for (LegacyCode code : legacy.codes) {
			if (!copied.containsKey(code.tplId())) {
				heldBack++;
				continue;
			}
			byBatch.computeIfAbsent(new LegacyCodeBatch(code.batchNo(), code.tplId()), (key) -> new ArrayList<>())
				.add(code);
		}
		// Codes and their side rows go in bulk across batches: a legacy batch holds a few
		// hundred codes, spread over every physical table.
		List<CodeStore.StoredCode> pending = new ArrayList<>();
		List<Object[]> sides = new ArrayList<>();
		for (Map.Entry<LegacyCodeBatch, List<LegacyCode>> batch : byBatch.entrySet()) {
			long batchId = batchId(batch.getKey());
			long live = 0;
			long stored = 0;
			for (LegacyCode code : batch.getValue()) {
				Mapping<MigratedCode> mapping = this.codeMapping.toNew(code, batchId);
				if (!(mapping instanceof Mapping.Mapped<MigratedCode> mapped)) {
					heldBack++;
					continue;
				}
				boolean isVoid = voided.contains(code.code());
				if (!isVoid) {
					pending.add(new CodeStore.StoredCode(mapped.value().code(), batchId, mapped.value().usesLeft()));
					live += mapped.value().usesLeft();
					stored++;
				}
				sides.add(new Object[] { code.code(), mapped.value().code(), batchId, isVoid });
			}
			CouponTemplate template = copied.get(batch.getKey().tplId()).template();
			Instant from = (template.validity() instanceof Validity.Fixed fixed) ? fixed.from() : template.claimStart();
			Instant until = (template.validity() instanceof Validity.Fixed fixed) ? fixed.until() : template.claimEnd();
			this.codes.insertBatchIfAbsent(batchId, template.id(), from, until, stored, live, ACTOR, now);
			rows += 2;
			if (pending.size() >= CODES_PER_FLUSH) {
				rows += flush(pending, sides, now);
				lease.renew();
			}
		}
		rows += flush(pending, sides, now);
		return new CodeCopy(heldBack, rows);
	}

	/** Stores the codes and side rows gathered so far; @return how many rows */
	private long flush(List<CodeStore.StoredCode> pending, List<Object[]> sides, Instant now) {
		long rows = pending.size() + sides.size();
		this.codes.insertCodes(pending, now);
		for (int start = 0; start < sides.size(); start += ROWS_PER_INSERT) {
			List<Object[]> chunk = sides.subList(start, Math.min(sides.size(), start + ROWS_PER_INSERT));
			List<Object> params = new ArrayList<>();
			chunk.forEach((row) -> params.addAll(List.of(row)));
			this.global
				.sql("INSERT IGNORE INTO migration_code_legacy (code_as_typed, code, batch_id, void) VALUES "
						+ String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?, ?)")))
				.params(params)
				.update();
		}
		pending.clear();
		sides.clear();
		return rows;
	}

	/**
	 * The batch of a legacy (batch_no, tpl_id): recorded once, found again after a crash.
	 */
	private long batchId(LegacyCodeBatch batch) {
		this.global.sql("INSERT IGNORE INTO migration_code_batch (batch_id, batch_no, tpl_id) VALUES (?, ?, ?)")
			.params(this.ids.nextId(), batch.batchNo(), batch.tplId())
			.update();
		return this.global.sql("SELECT batch_id FROM migration_code_batch WHERE batch_no = ? AND tpl_id = ?")
			.params(batch.batchNo(), batch.tplId())
			.query(Long.class)
			.single();
	}

	/** Counts and per-row canonical hashes, OLD against NEW's copies mapped back. */
	private Precondition compare(Legacy legacy, Map<Long, MigratedTemplate> copied) {
		Map<String, Map<String, String>> oldRows = new LinkedHashMap<>();
		Map<String, Map<String, String>> newRows = new LinkedHashMap<>();
		for (String table : List.of("t_coupon_template", "t_coupon_scope", "t_coupon_blacklist_goods",
				"t_coupon_code")) {
			oldRows.put(table, new TreeMap<>());
			newRows.put(table, new TreeMap<>());
		}
		Map<String, String> sides = sideFields();
		for (long templateId : copied.keySet()) {
			LegacyTemplate row = legacy.templates.get(templateId);
			oldRows.get("t_coupon_template").put(Long.toString(templateId), row.canonical().hash());
			legacy.scopes.getOrDefault(templateId, List.of())
				.forEach((ref) -> oldRows.get("t_coupon_scope").put(ref.canonical().key(), ref.canonical().hash()));
			MigratedTemplate mappedBack = readBack(templateId, sides.get(Long.toString(templateId)));
			if (mappedBack != null) {
				newRows.get("t_coupon_template")
					.put(Long.toString(templateId), this.templateMapping.toLegacy(mappedBack).canonical().hash());
				this.templateMapping.scopeRefs(mappedBack)
					.forEach((ref) -> newRows.get("t_coupon_scope").put(ref.canonical().key(), ref.canonical().hash()));
			}
		}
		Set<String> newBlacklist = this.blacklist.all();
		for (String goods : legacy.blacklist) {
			oldRows.get("t_coupon_blacklist_goods").put(goods, goods);
			if (newBlacklist.contains(goods)) {
				newRows.get("t_coupon_blacklist_goods").put(goods, goods);
			}
		}
		Map<Long, LegacyCodeBatch> batches = new HashMap<>();
		this.global.sql("SELECT batch_id, batch_no, tpl_id FROM migration_code_batch").query((rs) -> {
			batches.put(rs.getLong(1), new LegacyCodeBatch(rs.getString(2), rs.getLong(3)));
		});
		// Every copied code as NEW stores it, with its batch: one walk of each table.
		Map<String, Long> stored = this.codes.codes(batches.keySet());
		for (LegacyCode code : legacy.codes) {
			// A code held back (its template's, or its own BAD_CODE) is reported, not
			// copied.
			if (copied.containsKey(code.tplId()) && this.codeMapping.toNew(code, 0) instanceof Mapping.Mapped) {
				oldRows.get("t_coupon_code").put(code.code(), staticCode(code.code(), code.tplId(), code.batchNo()));
			}
		}
		this.global.sql("SELECT code_as_typed, code, batch_id, void FROM migration_code_legacy").query((rs) -> {
			long batchId = rs.getLong(3);
			LegacyCodeBatch batch = batches.get(batchId);
			boolean present = rs.getBoolean(4) || Long.valueOf(batchId).equals(stored.get(rs.getString(2)));
			if (batch != null && present) {
				newRows.get("t_coupon_code")
					.put(rs.getString(1), staticCode(rs.getString(1), batch.tplId(), batch.batchNo()));
			}
		});
		List<String> differences = new ArrayList<>();
		List<String> summary = new ArrayList<>();
		this.global.sql("DELETE FROM migration_static_copy").update();
		for (String table : oldRows.keySet()) {
			Map<String, String> was = oldRows.get(table);
			Map<String, String> is = newRows.get(table);
			List<String> here = new ArrayList<>();
			for (String key : new TreeSet<>(was.keySet())) {
				if (!is.containsKey(key)) {
					here.add(table + " " + key + " missing");
				}
				else if (!Objects.equals(was.get(key), is.get(key))) {
					here.add(table + " " + key + " mismatched");
				}
			}
			for (String key : is.keySet()) {
				if (!was.containsKey(key)) {
					here.add(table + " " + key + " extra");
				}
			}
			this.global
				.sql("INSERT INTO migration_static_copy (table_name, old_rows, new_rows, equal, detail) "
						+ "VALUES (?, ?, ?, ?, ?)")
				.params(table, was.size(), is.size(), here.isEmpty(), clip(RowDifferences.named(here)))
				.update();
			summary.add(table + " " + is.size() + "/" + was.size());
			differences.addAll(here);
		}
		return Precondition.of("static-copy-equal", differences.isEmpty(),
				differences.isEmpty() ? "counts and per-row hashes equal: " + String.join(", ", summary)
						: differences.size() + " rows differ: " + RowDifferences.named(differences));
	}

	private Map<String, String> sideFields() {
		Map<String, String> sides = new HashMap<>();
		this.global
			.sql("SELECT template_id, CONCAT(deleted, '|', per_user_limit_unset, '|', scope_type, '|', "
					+ "ignored_scope_refs) FROM migration_template_legacy")
			.query((rs) -> {
				sides.put(rs.getString(1), rs.getString(2));
			});
		return sides;
	}

	/**
	 * NEW's copy of a template with its side row, or {@code null} when either is missing.
	 */
	private MigratedTemplate readBack(long templateId, String side) {
		CouponTemplate template = this.templates.find(templateId).orElse(null);
		if (template == null || side == null) {
			return null;
		}
		String[] fields = side.split("\\|", 4);
		try {
			List<LegacyScopeRef> ignored = JSON.readValue(fields[3], new TypeReference<List<LegacyScopeRef>>() {
			});
			return new MigratedTemplate(template, "1".equals(fields[0]), "1".equals(fields[1]),
					Integer.parseInt(fields[2]), ignored);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Unreadable side row of template " + templateId, ex);
		}
	}

	private Legacy readOld() {
		return this.old.atOnePoint((sql) -> {
			Map<Long, LegacyTemplate> templates = new TreeMap<>();
			sql.sql("SELECT * FROM t_coupon_template ORDER BY id")
				.query(LegacyRowMappers.TEMPLATE)
				.list()
				.forEach((row) -> templates.put(row.id(), row));
			Map<Long, List<LegacyScopeRef>> scopes = new HashMap<>();
			sql.sql("SELECT * FROM t_coupon_scope ORDER BY id")
				.query(LegacyRowMappers.SCOPE)
				.list()
				.forEach((ref) -> scopes.computeIfAbsent(ref.templateId(), (id) -> new ArrayList<>()).add(ref));
			Map<Long, Long> issued = new HashMap<>();
			sql.sql("SELECT tpl_id, COUNT(*) FROM t_user_coupon GROUP BY tpl_id").query((rs) -> {
				issued.put(rs.getLong(1), rs.getLong(2));
			});
			List<String> blacklist = sql.sql("SELECT goods_id FROM t_coupon_blacklist_goods ORDER BY goods_id")
				.query(String.class)
				.list();
			List<LegacyCode> codes = sql.sql("SELECT * FROM t_coupon_code ORDER BY code")
				.query(LegacyRowMappers.CODE)
				.list();
			return new Legacy(templates, scopes, issued, blacklist, codes);
		});
	}

	private static String staticCode(String code, long tplId, String batchNo) {
		return code + "|" + tplId + "|" + batchNo;
	}

	private static String clip(String text) {
		return (text.length() > 2000) ? text.substring(0, 1999) + "…" : text;
	}

	private static String json(Object value) {
		try {
			return JSON.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record CodeCopy(long heldBack, long rows) {
	}

	private record Legacy(Map<Long, LegacyTemplate> templates, Map<Long, List<LegacyScopeRef>> scopes,
			Map<Long, Long> issued, List<String> blacklist, List<LegacyCode> codes) {
	}

}
