/**
 * Preview: builds the handbook, serves it on 127.0.0.1, rebuilds when content changes and makes the
 * open page reload itself. The site on disk is exactly what {@code build} writes; only the responses
 * carry the reload hook.
 */
package dev.opsbook.serve;
