package com.couponplatform.admin.blacklist;

import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.couponplatform.template.SuperBlacklist;

/**
 * Operators keep the SKUs no coupon may discount.
 */
@RestController
@RequestMapping("/admin/api/v1/sku-blacklist")
class SkuBlacklistController {

	private final SuperBlacklist superBlacklist;

	SkuBlacklistController(SuperBlacklist superBlacklist) {
		this.superBlacklist = superBlacklist;
	}

	@GetMapping
	Skus list() {
		return new Skus(this.superBlacklist.all().stream().sorted().toList());
	}

	@PutMapping("/{skuId}")
	Skus add(@PathVariable String skuId, @RequestBody Entry entry, Principal operator) {
		this.superBlacklist.add(skuId, entry.reason(), operator.getName());
		return list();
	}

	@ApiResponse(responseCode = "204", description = "the SKU is no longer listed")
	@DeleteMapping("/{skuId}")
	ResponseEntity<Void> remove(@PathVariable String skuId) {
		this.superBlacklist.remove(skuId);
		return ResponseEntity.noContent().build();
	}

	/**
	 * Why a SKU is blacklisted.
	 *
	 * @param reason the reason
	 */
	record Entry(String reason) {
	}

	/**
	 * The blacklisted SKUs.
	 *
	 * @param skus sorted SKU IDs
	 */
	record Skus(List<String> skus) {
	}

}
