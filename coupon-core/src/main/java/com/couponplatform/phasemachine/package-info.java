/**
 * The phase machine (MIGRATION.md, operator contract): transitions recorded by the admin
 * API and the CLI, each checked against its preconditions, and executed by the worker,
 * which does the transition's work, moves the phase and waits until every live process
 * acts on the new epoch.
 */
package com.couponplatform.phasemachine;
