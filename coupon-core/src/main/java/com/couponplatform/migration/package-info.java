/**
 * The migration's state as every process sees it: phases, epochs, sides, and which side a
 * user's write goes to.
 */
package com.couponplatform.migration;
