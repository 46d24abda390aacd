/**
 * The auditors' reports: {@code opsbook-report.json}, JUnit XML, SARIF 2.1.0, the content digest
 * and the comparison with a baseline report. Every report is a pure function of the build's
 * result, so two builds of the same content and as-of date give the same bytes.
 */
package dev.opsbook.report;
