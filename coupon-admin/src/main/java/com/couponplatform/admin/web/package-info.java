/**
 * Back-office logins and roles, and problem+json answers.
 */
package com.couponplatform.admin.web;
