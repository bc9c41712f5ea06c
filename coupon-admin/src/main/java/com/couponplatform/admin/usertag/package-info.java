/**
 * The user-tag resource: bulk loads into the local tag store that targeting reads.
 */
package com.couponplatform.admin.usertag;
