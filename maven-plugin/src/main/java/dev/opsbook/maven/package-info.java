/**
 * The Maven goals {@code opsbook:generate} and {@code opsbook:check}: read parameters, make one call
 * to {@link dev.opsbook.Opsbook}, log the findings and translate the result. No parsing, paths or
 * HTML here.
 */
package dev.opsbook.maven;
