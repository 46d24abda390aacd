/**
 * Checks: rules that judge a loaded handbook and add findings. The structural reference rule lives
 * here ({@link ReferenceCheck}); the loader has already judged syntax, schema,
 * ids and paths.
 */
package dev.opsbook.check;
