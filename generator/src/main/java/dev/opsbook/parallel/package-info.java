/** Running independent pieces of work on all cores: the loader reads services and the renderer writes pages with it. */
package dev.opsbook.parallel;
