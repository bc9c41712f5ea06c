package com.couponplatform.template;

import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * Appends to and reads {@code template_audit} in the global database.
 */
@Mapper
interface TemplateAuditMapper {

	@Insert("""
			INSERT INTO template_audit (id, template_id, actor, action, before_json, after_json, changed_at)
			VALUES (#{id}, #{templateId}, #{actor}, #{action}, #{before}, #{after}, #{changedAt})
			""")
	void insert(AuditEntry entry);

	@Select("""
			SELECT id, template_id, actor, action, before_json, after_json, changed_at
			FROM template_audit WHERE template_id = #{templateId} AND id < #{beforeId} ORDER BY id DESC LIMIT #{limit}
			""")
	List<AuditEntry> findPage(@Param("templateId") long templateId, @Param("beforeId") long beforeId,
			@Param("limit") int limit);

}
