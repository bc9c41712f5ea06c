package com.couponplatform.admin.usertag;

import java.util.List;

import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.couponplatform.targeting.LoadUserTags;
import com.couponplatform.targeting.UserTags;

/**
 * Operators bulk-load users' tags: each listed user's tags are replaced by the given set.
 */
@RestController
@RequestMapping("/admin/api/v1/user-tags")
class UserTagController {

	private final LoadUserTags loadUserTags;

	UserTagController(LoadUserTags loadUserTags) {
		this.loadUserTags = loadUserTags;
	}

	@PutMapping
	Loaded load(@RequestBody UserTagsBatch batch) {
		return new Loaded(this.loadUserTags.load(batch.users()));
	}

	/**
	 * A bulk load.
	 *
	 * @param users up to 10,000 users with their complete tag sets
	 */
	record UserTagsBatch(List<UserTags> users) {
	}

	/**
	 * The result of a bulk load.
	 *
	 * @param loaded how many users' tags were replaced
	 */
	record Loaded(int loaded) {
	}

}
