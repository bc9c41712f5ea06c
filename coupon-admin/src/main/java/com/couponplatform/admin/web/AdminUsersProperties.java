package com.couponplatform.admin.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Back-office accounts: the built-in {@code admin} (password from
 * {@code COUPON_ADMIN_PASSWORD}, every role) and any further users with encoded passwords
 * and their roles.
 */
@ConfigurationProperties("coupon.admin")
public class AdminUsersProperties {

	private String password;

	private List<User> users = new ArrayList<>();

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public List<User> getUsers() {
		return this.users;
	}

	public void setUsers(List<User> users) {
		this.users = users;
	}

	/**
	 * One more back-office user.
	 */
	public static class User {

		private String name;

		/** Encoded with its scheme, e.g. {@code {bcrypt}$2a$10$…}. */
		private String password;

		private List<String> roles = new ArrayList<>();

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getPassword() {
			return this.password;
		}

		public void setPassword(String password) {
			this.password = password;
		}

		public List<String> getRoles() {
			return this.roles;
		}

		public void setRoles(List<String> roles) {
			this.roles = roles;
		}

	}

}
