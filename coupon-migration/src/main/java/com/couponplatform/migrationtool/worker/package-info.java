/**
 * The migration worker as a process: the platform's core without HTTP, running the phase
 * machine's transitions ({@code ./deploy/migrate.sh worker}).
 */
package com.couponplatform.migrationtool.worker;
