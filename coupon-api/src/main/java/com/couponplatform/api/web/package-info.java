/**
 * Bearer-token security, the acting user, and problem+json answers.
 */
package com.couponplatform.api.web;
