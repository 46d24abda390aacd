/**
 * Markdown: one commonmark-java parser and renderer for the whole run (thread-safe, built once), what
 * the loader needs from a document (links and headings with their places, and its HTML with a slot for
 * each address, so that each body is parsed once), and the sanitiser that bodies with raw HTML pass
 * through before they reach a page.
 */
package dev.opsbook.markdown;
