/**
 * Loading: reads the content folder into the typed {@link Handbook}. Bad content
 * never throws: each problem is a finding ({@code yaml-syntax}, {@code schema}, {@code invalid-id},
 * {@code duplicate-id}, {@code unsafe-path}) and the loader returns what it could build, so that one
 * run reports every problem. Only I/O failures abort.
 */
package dev.opsbook.load;

import dev.opsbook.model.Handbook;
