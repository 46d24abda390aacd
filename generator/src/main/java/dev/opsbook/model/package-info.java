/**
 * The handbook as typed, immutable records. Every element carries the {@link Pos}
 * it was read from, so that any later stage can point a finding at the exact file, line and column.
 * Nothing here reads files or renders anything.
 */
package dev.opsbook.model;
