/** The {@code opsbook} command line: an adapter over {@link dev.opsbook.Opsbook}; the only place that exits. */
package dev.opsbook.cli;
