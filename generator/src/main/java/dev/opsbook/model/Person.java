package dev.opsbook.model;

/** A member of a team. People ids are unique across all teams. */
public record Person(String id, String name, String email, String phone, String timezone, String team, Pos pos) {}
