package com.couponplatform.redemption;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * The {@code code_batch} table of the global database.
 */
@Mapper
interface CodeBatchMapper {

	/** In the order of {@link CodeBatch}'s components. */
	String COLUMNS = "id, template_id, source, status, quantity, random_length, prefix, check_character, uses_per_code, "
			+ "valid_from, valid_until, stored_codes, collisions, duplicates, rejected, reserved, redeemed, returned, "
			+ "created_by, created_at, finished_at, updated_at";

	@Insert("INSERT INTO code_batch (id, template_id, source, status, quantity, random_length, prefix, check_character, "
			+ "uses_per_code, valid_from, valid_until, reserved, created_by, created_at, updated_at) VALUES (#{id}, "
			+ "#{templateId}, #{source}, #{status}, #{quantity}, #{length}, #{prefix}, #{checkCharacter}, "
			+ "#{usesPerCode}, #{validFrom}, #{validUntil}, #{reserved}, #{createdBy}, #{createdAt}, #{updatedAt})")
	void insert(CodeBatch batch);

	@Select("SELECT " + COLUMNS + " FROM code_batch WHERE id = #{id}")
	CodeBatch find(@Param("id") long id);

	/** Batches below an ID, newest first; an import still being read in is not listed. */
	@Select("SELECT " + COLUMNS + " FROM code_batch WHERE id < #{before} AND status <> 'IMPORTING' "
			+ "ORDER BY id DESC LIMIT #{limit}")
	List<CodeBatch> findBefore(@Param("before") long before, @Param("limit") int limit);

	@Select("SELECT id FROM code_batch WHERE status = 'GENERATING' ORDER BY id")
	List<Long> findGenerating();

	/** The shapes whose check character a redemption tests before reading storage. */
	@Select("SELECT DISTINCT prefix, random_length, check_character FROM code_batch WHERE source = 'GENERATED' "
			+ "AND check_character = 1")
	List<CodeShape> findCheckedShapes();

	@Select("SELECT DISTINCT prefix, random_length, check_character FROM code_batch WHERE source = 'GENERATED'")
	List<CodeShape> findGeneratedShapes();

	@Update("UPDATE code_batch SET stored_codes = #{generated}, collisions = collisions + #{collisions}, "
			+ "updated_at = #{now} WHERE id = #{id}")
	int progress(@Param("id") long id, @Param("generated") long generated, @Param("collisions") long collisions,
			@Param("now") Instant now);

	@Update("UPDATE code_batch SET status = 'ACTIVE', stored_codes = #{generated}, finished_at = #{now}, "
			+ "updated_at = #{now} WHERE id = #{id} AND status = 'GENERATING'")
	int activate(@Param("id") long id, @Param("generated") long generated, @Param("now") Instant now);

	/** An import's counts once its codes are stored and its stock reserved. */
	@Update("UPDATE code_batch SET status = 'ACTIVE', quantity = #{generated}, stored_codes = #{generated}, "
			+ "duplicates = #{duplicates}, rejected = #{rejected}, reserved = #{reserved}, finished_at = #{now}, "
			+ "updated_at = #{now} WHERE id = #{id} AND status = 'IMPORTING'")
	int imported(@Param("id") long id, @Param("generated") long generated, @Param("duplicates") long duplicates,
			@Param("rejected") long rejected, @Param("reserved") long reserved, @Param("now") Instant now);

	/** An import's sign of life, after each chunk it stores. */
	@Update("UPDATE code_batch SET updated_at = #{now} WHERE id = #{id} AND status = 'IMPORTING'")
	int touchImport(@Param("id") long id, @Param("now") Instant now);

	/** Imports whose process stopped reading (it died) before the given instant. */
	@Select("SELECT id FROM code_batch WHERE status = 'IMPORTING' AND updated_at < #{before} ORDER BY id")
	List<Long> findAbandonedImports(@Param("before") Instant before);

	@Delete("DELETE FROM code_batch WHERE id = #{id} AND status = 'IMPORTING'")
	int deleteImporting(@Param("id") long id);

	/** Only for a migration's copy being taken back (LegacyCodeCopies). */
	@Delete("DELETE FROM code_batch WHERE id = #{id}")
	int delete(@Param("id") long id);

	/** ACTIVE batches whose window closed before the given instant. */
	@Select("SELECT id FROM code_batch WHERE status = 'ACTIVE' AND valid_until < #{before} ORDER BY id")
	List<Long> findEnded(@Param("before") Instant before);

	@Update("UPDATE code_batch SET status = 'ENDED', returned = #{returned}, updated_at = #{now} "
			+ "WHERE id = #{id} AND status = 'ACTIVE'")
	int end(@Param("id") long id, @Param("returned") long returned, @Param("now") Instant now);

	@Update("UPDATE code_batch SET redeemed = redeemed + 1, updated_at = #{now} WHERE id = #{id}")
	int countRedeemed(@Param("id") long id, @Param("now") Instant now);

}
