/**
 * MyBatis wiring and what every mapper needs: UTC instants, duplicate-key and
 * storage-failure recognition.
 */
package com.couponplatform.persistence;
