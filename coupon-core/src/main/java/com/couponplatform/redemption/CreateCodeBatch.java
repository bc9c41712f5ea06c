package com.couponplatform.redemption;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.couponplatform.gateway.stock.TemplateStock;
import com.couponplatform.identifier.IdGenerator;
import com.couponplatform.issuance.TargetLines;
import com.couponplatform.shared.InvalidInputException;
import com.couponplatform.shared.Violations;
import com.couponplatform.template.CouponTemplate;
import com.couponplatform.template.TemplateCatalog;
import com.couponplatform.template.TemplateNotActiveException;
import com.couponplatform.template.TemplateStatus;

/**
 * An operator creates a code batch. Its stock (codes x uses) is reserved from the
 * template's guarded counter whole, in the transaction that records the batch, so that a
 * redemption never runs out of stock and never touches the hot counter row.
 * <ul>
 * <li>Generation: the pattern is checked against the quantity up front, the batch is
 * recorded GENERATING and {@link CodeBatchGenerator} draws the codes in the
 * background.</li>
 * <li>Import: the file is read once, streaming, straight into the code tables; then the
 * stock of the codes it held is reserved and the batch made ACTIVE — or, when fewer units
 * are left, its codes are deleted and it is refused whole.</li>
 * </ul>
 */
@Service
@EnableConfigurationProperties(CodeBatchProperties.class)
public class CreateCodeBatch {

	/** Most uses one code may allow. */
	static final int MAX_USES = 1_000_000;

	private final CodeBatchMapper batches;

	private final CodeStore codes;

	private final TemplateCatalog catalog;

	private final TemplateStock stock;

	private final IdGenerator ids;

	private final CodeBatchProperties properties;

	private final Clock clock;

	private final TransactionTemplate transaction;

	CreateCodeBatch(CodeBatchMapper batches, CodeStore codes, TemplateCatalog catalog, TemplateStock stock,
			IdGenerator ids, CodeBatchProperties properties, Clock clock, PlatformTransactionManager transactions) {
		this.batches = batches;
		this.codes = codes;
		this.catalog = catalog;
		this.stock = stock;
		this.ids = ids;
		this.properties = properties;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Records a batch to generate and reserves its stock.
	 * @param request the operator's request
	 * @param actor the operator
	 * @return the batch, GENERATING
	 * @throws InvalidInputException for a bad field or a pattern too small for the
	 * quantity
	 * @throws BatchStockUnavailableException when the template has too few units left
	 */
	public CodeBatch generate(NewCodeBatch request, String actor) {
		Instant now = this.clock.instant();
		Violations violations = new Violations().require(
				request.quantity() >= 1 && request.quantity() <= this.properties.getMaxQuantity(), "quantity",
				"must be 1 to " + this.properties.getMaxQuantity());
		checkCommon(request, now, violations);
		violations.throwIfAny();
		CodeShape shape = CodeShape.of(request.prefix(), request.length(), request.checkCharacter(),
				request.quantity());
		checkOverlap(shape);
		Instant validUntil = validUntil(request, activeTemplate(request.templateId()), now);
		int uses = uses(request);
		long reserved = Math.multiplyExact(request.quantity(), uses);
		CodeBatch batch = new CodeBatch(this.ids.nextId(), request.templateId(), CodeBatchSource.GENERATED,
				CodeBatchStatus.GENERATING, request.quantity(), shape.length(), shape.prefix(), shape.checkCharacter(),
				uses, validFrom(request, now), validUntil, 0, 0, 0, 0, reserved, 0, 0, actor, now, null, now);
		this.transaction.executeWithoutResult((status) -> {
			reserve(request.templateId(), reserved, now);
			this.batches.insert(batch);
		});
		return batch;
	}

	/**
	 * Imports codes from a file: one code in the first column of each line, an optional
	 * header line ({@code code}).
	 * @param request the operator's request (quantity, length, prefix and check character
	 * are ignored)
	 * @param lines the file's first columns
	 * @param actor the operator
	 * @return the batch, ACTIVE
	 * @throws InvalidInputException for a bad field, or a file with no new code
	 * @throws BatchStockUnavailableException when the template has too few units left
	 */
	public CodeBatch importCodes(NewCodeBatch request, TargetLines lines, String actor) {
		Instant now = this.clock.instant();
		Violations violations = new Violations();
		checkCommon(request, now, violations);
		violations.throwIfAny();
		Instant validUntil = validUntil(request, activeTemplate(request.templateId()), now);
		int uses = uses(request);
		long id = this.ids.nextId();
		this.batches.insert(new CodeBatch(id, request.templateId(), CodeBatchSource.IMPORTED, CodeBatchStatus.IMPORTING,
				0, null, "", false, uses, validFrom(request, now), validUntil, 0, 0, 0, 0, 0, 0, 0, actor, now, null,
				now));
		try {
			Intake intake = intake(id, uses, lines, now);
			if (intake.stored == 0) {
				throw new InvalidInputException("file", "holds no code that is well formed and not stored already");
			}
			long reserved = Math.multiplyExact(intake.stored, uses);
			this.transaction.executeWithoutResult((status) -> {
				reserve(request.templateId(), reserved, now);
				if (this.batches.imported(id, intake.stored, intake.duplicates, intake.rejected, reserved,
						this.clock.instant()) != 1) {
					// Taken for abandoned and discarded while it read: nothing is
					// reserved.
					throw new IllegalStateException("Code batch " + id + " was discarded while it was imported");
				}
			});
		}
		catch (RuntimeException ex) {
			discard(id, ex);
			throw ex;
		}
		return this.batches.find(id);
	}

	private Intake intake(long batchId, int uses, TargetLines lines, Instant now) {
		Intake intake = new Intake();
		// A code of a checked batch's shape with a wrong check character could never be
		// redeemed: a redemption refuses it before reading storage.
		List<CodeShape> checked = this.batches.findCheckedShapes();
		Set<String> chunk = new HashSet<>();
		boolean first = true;
		while (lines.hasNext()) {
			String code = CodeAlphabet.normalise(lines.next());
			if (code.isEmpty()) {
				continue;
			}
			if (first && code.equals("C0DE")) {
				// The header line ("code", its O read as a zero).
				first = false;
				continue;
			}
			first = false;
			if (!CodeAlphabet.isWellFormed(code) || CheckedShapes.isMistyped(checked, code)) {
				intake.rejected++;
			}
			else if (!chunk.add(code)) {
				intake.duplicates++;
			}
			if (chunk.size() >= this.properties.getChunk()) {
				intake.store(this.codes.insert(batchId, uses, chunk, now), chunk.size());
				chunk.clear();
				this.batches.touchImport(batchId, this.clock.instant());
			}
		}
		if (!chunk.isEmpty()) {
			intake.store(this.codes.insert(batchId, uses, chunk, now), chunk.size());
		}
		return intake;
	}

	/**
	 * Refuses a shape whose codes could be taken for those of a batch with the other
	 * check setting: a redemption tests the check character by shape alone.
	 */
	private void checkOverlap(CodeShape shape) {
		for (CodeShape existing : this.batches.findGeneratedShapes()) {
			if (existing.checkCharacter() != shape.checkCharacter() && existing.overlaps(shape)) {
				throw new InvalidInputException("prefix",
						"codes of prefix '" + shape.prefix() + "' and " + shape.codeLength()
								+ " characters would look like those of a batch "
								+ (existing.checkCharacter() ? "with" : "without") + " check characters (prefix '"
								+ existing.prefix() + "'); choose another prefix or length");
			}
		}
	}

	private void reserve(long templateId, long units, Instant now) {
		if (!this.stock.reserve(templateId, units, now)) {
			throw new BatchStockUnavailableException(templateId, units);
		}
	}

	private void discard(long batchId, RuntimeException cause) {
		try {
			this.codes.delete(batchId);
			this.batches.deleteImporting(batchId);
		}
		catch (RuntimeException cleanup) {
			cause.addSuppressed(cleanup);
		}
	}

	private void checkCommon(NewCodeBatch request, Instant now, Violations violations) {
		violations
			.require(request.usesPerCode() == null || (request.usesPerCode() >= 1 && request.usesPerCode() <= MAX_USES),
					"usesPerCode", "must be 1 to " + MAX_USES)
			.require(request.validUntil() == null || request.validUntil().isAfter(validFrom(request, now)),
					"validUntil", "must be after validFrom (and after now)");
	}

	private CouponTemplate activeTemplate(long templateId) {
		CouponTemplate template = this.catalog.getFresh(templateId);
		if (template.status() != TemplateStatus.ACTIVE) {
			throw new TemplateNotActiveException(templateId, template.status());
		}
		return template;
	}

	/**
	 * The request's end, or by default the template's end of claims: a campaign's codes
	 * run as long as its claims do.
	 */
	private static Instant validUntil(NewCodeBatch request, CouponTemplate template, Instant now) {
		if (request.validUntil() != null) {
			return request.validUntil();
		}
		if (!template.claimEnd().isAfter(validFrom(request, now))) {
			throw new InvalidInputException("validUntil",
					"is required: the template's claims end (" + template.claimEnd() + ") is not after validFrom");
		}
		return template.claimEnd();
	}

	private static int uses(NewCodeBatch request) {
		return (request.usesPerCode() != null) ? request.usesPerCode() : 1;
	}

	private static Instant validFrom(NewCodeBatch request, Instant now) {
		return (request.validFrom() != null) ? request.validFrom() : now;
	}

	/** What an import read. */
	private static final class Intake {

		long stored;

		long duplicates;

		long rejected;

		void store(int inserted, int sent) {
			this.stored += inserted;
			this.duplicates += sent - inserted;
		}

	}

}
