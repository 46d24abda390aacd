/**
 * The build cache: what one build read and wrote, kept in a folder for the next (a CI job's cache, or
 * {@code target/}), so that a build after a small change parses only the bodies that changed and renders
 * only the pages whose data changed. The output is the same, byte for byte, as a build without it.
 */
package dev.opsbook.cache;
