/**
 * Findings: what a run of opsbook says about the content (a rule id, a severity, a place, a message
 * and a hint), and the collector that every stage adds them to.
 */
package dev.opsbook.finding;
