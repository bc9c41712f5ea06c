/**
 * OLD → NEW while OLD is authoritative (MIGRATION.md, DUAL_WRITE, BACKFILL, VERIFIED):
 * the relay of OLD's outbox, the applier, the per-user copy both it and the backfill
 * make, and the comparison of a user's rows on both sides that the copy and the verifier
 * share.
 */
package com.couponplatform.replication;
