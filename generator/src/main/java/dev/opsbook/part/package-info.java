/**
 * Parts: a team's content published on its own (an {@code opsbook} zip, or a folder) and merged with the
 * organisation's content into one handbook. {@link PartZip} writes and reads the zip (and refuses one that is
 * not a part, or that would write outside its folder), {@link Merge} lays the organisation's content and the
 * parts out as one content folder, and {@link Origins} names each file of it where it came from, so that a
 * finding names the artifact and the file inside it.
 */
package dev.opsbook.part;
