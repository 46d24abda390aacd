/**
 * Markdown: one flexmark parser and renderer for the whole run (thread-safe, built once), what the
 * loader needs from a document (links and headings with their places), and the sanitiser that every
 * rendered body passes through before it reaches a page.
 */
package dev.opsbook.markdown;
