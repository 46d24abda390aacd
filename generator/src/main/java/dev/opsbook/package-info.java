/**
 * opsbook: builds a checked, cross-linked operations handbook from a content folder. {@link
 * dev.opsbook.Opsbook#build} runs the pipeline: load → check → render → write. The stages are the
 * packages {@code load}, {@code check}, {@code render} and {@code site}; {@code model} and
 * {@code finding} are what they pass between them; {@code cli} is the command line.
 */
package dev.opsbook;
