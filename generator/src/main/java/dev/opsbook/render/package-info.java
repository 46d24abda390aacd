/**
 * Rendering: turns the handbook into page views ({@link Views}) and the views into
 * HTML through FreeMarker templates (HTML auto-escaping on). Templates see view records only, never
 * the model or the loader.
 */
package dev.opsbook.render;
