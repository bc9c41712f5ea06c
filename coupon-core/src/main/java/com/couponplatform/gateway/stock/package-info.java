/**
 * The one owner of template stock: the guarded counter that decides, its group commit,
 * and the claim's Redis gate that follows it.
 */
package com.couponplatform.gateway.stock;
