/**
 * The migration console's API: the phase, its transitions and where a user stands.
 */
package com.couponplatform.admin.migration;
