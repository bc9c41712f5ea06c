/**
 * Start-up checks of the secrets taken from the environment.
 */
package com.couponplatform.secret;
