package dev.opsbook.model;

/** A reference by id to another element (a team, person, service, severity …), where it was written. */
public record Ref(String id, Pos pos) {}
