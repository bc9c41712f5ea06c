package com.couponplatform.template;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import com.couponplatform.cache.CacheCodec;

/**
 * Templates in Redis: the flat {@code coupon_template} row as JSON, the same shape the
 * database holds, so that a cached template decodes exactly as a loaded one.
 */
final class TemplateCacheCodec implements CacheCodec<CouponTemplate> {

	private static final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
		.setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
		.setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);

	@Override
	public String encode(CouponTemplate template) {
		try {
			return json.writeValueAsString(TemplateRow.of(template));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public CouponTemplate decode(String text) {
		try {
			return json.readValue(text, TemplateRow.class).toTemplate();
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Unreadable cached template: " + text, ex);
		}
	}

	@Override
	public long version(CouponTemplate template) {
		return template.version();
	}

}
