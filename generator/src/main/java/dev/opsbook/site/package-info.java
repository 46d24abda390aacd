/**
 * Writing the site safely: into a fresh folder beside the output that is swapped in only when the
 * build is complete ({@link dev.opsbook.site.SiteWriter}), after refusing dangerous output folders
 * ({@link dev.opsbook.site.OutputGuard}) and verifying every internal link
 * ({@link dev.opsbook.site.LinkVerifier}).
 */
package dev.opsbook.site;
