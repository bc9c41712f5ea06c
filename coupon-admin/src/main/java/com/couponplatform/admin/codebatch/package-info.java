/**
 * The code batch resource: generate or import a template's marketing codes, follow the
 * generation, export the codes.
 */
package com.couponplatform.admin.codebatch;
