/**
 * Writing the site safely: into a fresh folder beside the output that is swapped in only when the
 * build is complete ({@link SiteWriter}), after refusing dangerous output folders
 * ({@link OutputGuard}) and verifying every internal link
 * ({@link LinkVerifier}).
 */
package dev.opsbook.output;
