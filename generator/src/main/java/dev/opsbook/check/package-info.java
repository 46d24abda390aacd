/**
 * Checks: rules that judge a loaded handbook and add findings. The structural reference rule lives
 * here ({@link dev.opsbook.check.ReferenceCheck}); the loader has already judged syntax, schema,
 * ids and paths.
 */
package dev.opsbook.check;
