/**
 * The completeness rules of checks.md, one small final class per rule, named after its id. Each
 * reports failures only; severity settings, waivers and not-applicable marks are applied by
 * {@link Completeness}.
 */
package dev.opsbook.check.rules;

import dev.opsbook.check.Completeness;
