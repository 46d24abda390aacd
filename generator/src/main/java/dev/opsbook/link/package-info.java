/**
 * Where things are on the site, and what a link written in content points at: the fixed page paths
 * of the contract ({@link SitePaths}) and the one resolver of content links
 * ({@link ContentLinks}) that both the reference check and the renderer use, so that
 * what the check accepts is exactly what the site links.
 */
package dev.opsbook.link;
